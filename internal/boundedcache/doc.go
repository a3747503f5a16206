// Package boundedcache is the one cache of the program: strings to values
// within a fixed budget of bytes, with hit counts. The index keeps its
// stems and searches in it, package resultcache the results that batch
// and the server give. Cache holds any values; Bytes, with the same
// eviction rule, holds byte strings in arrays without pointers, so that
// the garbage collector does not mark its entries one by one.
//
// It owns the eviction rule and the accounting of bytes. It must not know
// what it holds: callers give each value's cost and never modify a value
// once stored.
package boundedcache
