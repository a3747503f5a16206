package index

import "github.com/anzsco/anzsco/internal/boundedcache"

// CacheStats describe one of the caches the classifier keeps: its budget
// in bytes, what it holds now (as counted against the budget), and how
// often it answered.
type CacheStats = boundedcache.Stats
