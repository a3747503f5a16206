// Package resultcache is the one cache of classification results: a
// Classifier that wraps an index.Classifier and remembers the Result of
// each query it has answered (or, for ClassifyJSON, only its code and
// JSON, held without pointers), within a fixed budget of bytes, so that a query seen again costs a map look-up
// instead of a search. Batch runs and the HTTP server use it; their hits
// and misses are its Stats.
//
// It owns the cache key (every field of index.Query that changes a result)
// and what a result is counted in the budget; the eviction rule is package
// boundedcache's. It must not rank, encode anything but the Result's own
// JSON, or cache an error: a query that failed is asked again.
package resultcache
