// Package boundedcache is the one cache of the program: strings to values
// within a fixed budget of bytes, with hit counts. The index keeps its
// stems and searches in it, package resultcache the results that batch
// and the server give.
//
// It owns the eviction rule and the accounting of bytes. It must not know
// what it holds: callers give each value's cost and never modify a value
// once stored.
package boundedcache
