package index

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// CacheStats describe one of the caches the classifier keeps: its budget
// in bytes, what it holds now (as counted against the budget), and how
// often it answered.
type CacheStats struct {
	Name        string `json:"name"`
	BudgetBytes int64  `json:"budget_bytes"`
	Bytes       int64  `json:"bytes"`
	Hits        int64  `json:"hits"`
	Misses      int64  `json:"misses"`
}

// HitRate is the share of lookups the cache answered, or 0 before any.
func (s CacheStats) HitRate() float64 {
	if s.Hits+s.Misses == 0 {
		return 0
	}
	return float64(s.Hits) / float64(s.Hits+s.Misses)
}

// cacheShards splits a cache so that goroutines seldom wait for each
// other's lookups.
const cacheShards = 16

// entryOverhead is what a cache entry is counted beyond its key and value:
// the map slot and the string headers.
const entryOverhead = 64

// boundedCache maps strings to values within a fixed budget of bytes, so
// that its memory does not grow with the input however many distinct keys
// it sees. Each shard keeps two generations of half its budget; when the
// newer fills, the older is dropped whole, so that keys in use stay (a hit
// in the older generation moves the entry to the newer) and the rest age
// out. Safe for concurrent use; values must not be modified once stored.
type boundedCache[V any] struct {
	name   string
	budget int64
	seed   maphash.Seed
	shards [cacheShards]cacheShard[V]
	hits   atomic.Int64
	misses atomic.Int64
}

type cacheShard[V any] struct {
	mu       sync.Mutex
	cur, old map[string]cacheEntry[V]
	curBytes int64
	oldBytes int64
}

type cacheEntry[V any] struct {
	v    V
	cost int64
}

func newBoundedCache[V any](name string, budget int64) *boundedCache[V] {
	return &boundedCache[V]{name: name, budget: budget, seed: maphash.MakeSeed()}
}

func (c *boundedCache[V]) shard(k string) *cacheShard[V] {
	return &c.shards[maphash.String(c.seed, k)%cacheShards]
}

// half is what one generation of a shard may hold.
func (c *boundedCache[V]) half() int64 { return c.budget / cacheShards / 2 }

func (c *boundedCache[V]) get(k string) (V, bool) {
	s := c.shard(k)
	s.mu.Lock()
	e, ok := s.cur[k]
	if !ok {
		if e, ok = s.old[k]; ok {
			s.addLocked(k, e, c.half())
		}
	}
	s.mu.Unlock()
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return e.v, ok
}

// put stores v under k, counted as cost bytes besides the key and the
// entry's overhead.
func (c *boundedCache[V]) put(k string, v V, cost int64) {
	k = strings.Clone(k) // not a piece of a longer string kept alive
	s := c.shard(k)
	s.mu.Lock()
	s.addLocked(k, cacheEntry[V]{v: v, cost: cost + int64(len(k)) + entryOverhead}, c.half())
	s.mu.Unlock()
}

func (s *cacheShard[V]) addLocked(k string, e cacheEntry[V], half int64) {
	if e.cost > half {
		return // larger than a generation: not worth keeping
	}
	if _, ok := s.cur[k]; ok {
		return
	}
	if s.cur == nil || s.curBytes+e.cost > half {
		s.old, s.oldBytes = s.cur, s.curBytes
		s.cur, s.curBytes = make(map[string]cacheEntry[V], len(s.old)), 0
	}
	s.cur[k] = e
	s.curBytes += e.cost
}

func (c *boundedCache[V]) stats() CacheStats {
	st := CacheStats{Name: c.name, BudgetBytes: c.budget, Hits: c.hits.Load(), Misses: c.misses.Load()}
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.Lock()
		st.Bytes += s.curBytes + s.oldBytes
		s.mu.Unlock()
	}
	return st
}
