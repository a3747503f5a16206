package boundedcache

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// Stats describe a cache: its budget in bytes, what it holds now (as
// counted against the budget), and how often it answered.
type Stats struct {
	Name        string `json:"name"`
	BudgetBytes int64  `json:"budget_bytes"`
	Bytes       int64  `json:"bytes"`
	Entries     int64  `json:"entries"`
	Hits        int64  `json:"hits"`
	Misses      int64  `json:"misses"`
}

// HitRate is the share of lookups the cache answered, or 0 before any.
func (s Stats) HitRate() float64 {
	if s.Hits+s.Misses == 0 {
		return 0
	}
	return float64(s.Hits) / float64(s.Hits+s.Misses)
}

// shards splits a cache so that goroutines seldom wait for each other's
// lookups.
const shards = 16

// EntryOverhead is what an entry is counted beyond its key and the cost
// given to Put: the map slot and the string headers.
const EntryOverhead = 64

// Cache maps strings to values within a fixed budget of bytes, so that
// its memory does not grow with the input however many distinct keys it
// sees. Each shard keeps two generations of half its budget; when the
// newer fills, the older is dropped whole, so that keys in use stay (a hit
// in the older generation moves the entry to the newer) and the rest age
// out. Safe for concurrent use; values must not be modified once stored.
// A nil *Cache holds nothing.
type Cache[V any] struct {
	name   string
	budget int64
	seed   maphash.Seed
	shards [shards]shard[V]
	hits   atomic.Int64
	misses atomic.Int64
}

type shard[V any] struct {
	mu       sync.Mutex
	cur, old map[string]entry[V]
	curBytes int64
	oldBytes int64
}

type entry[V any] struct {
	v    V
	cost int64
}

// New returns a cache of budget bytes, or nil (which caches nothing) when
// the budget is not positive.
func New[V any](name string, budget int64) *Cache[V] {
	if budget <= 0 {
		return nil
	}
	return &Cache[V]{name: name, budget: budget, seed: maphash.MakeSeed()}
}

func (c *Cache[V]) shard(k string) *shard[V] {
	return &c.shards[maphash.String(c.seed, k)%shards]
}

// half is what one generation of a shard may hold.
func (c *Cache[V]) half() int64 { return c.budget / shards / 2 }

// Get returns the value stored under k.
func (c *Cache[V]) Get(k string) (V, bool) {
	if c == nil {
		var zero V
		return zero, false
	}
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

// Put stores v under k, counted as cost bytes besides the key and the
// entry's overhead. An entry larger than a generation is not kept.
func (c *Cache[V]) Put(k string, v V, cost int64) {
	if c == nil {
		return
	}
	k = strings.Clone(k) // not a piece of a longer string kept alive
	s := c.shard(k)
	s.mu.Lock()
	s.addLocked(k, entry[V]{v: v, cost: cost + int64(len(k)) + EntryOverhead}, c.half())
	s.mu.Unlock()
}

func (s *shard[V]) addLocked(k string, e entry[V], half int64) {
	if e.cost > half {
		return // larger than a generation: not worth keeping
	}
	if _, ok := s.cur[k]; ok {
		return
	}
	if s.cur == nil || s.curBytes+e.cost > half {
		s.old, s.oldBytes = s.cur, s.curBytes
		s.cur, s.curBytes = make(map[string]entry[V], len(s.old)), 0
	}
	s.cur[k] = e
	s.curBytes += e.cost
}

// Stats returns the cache's figures; a nil cache has none.
func (c *Cache[V]) Stats() Stats {
	if c == nil {
		return Stats{}
	}
	st := Stats{Name: c.name, BudgetBytes: c.budget, Hits: c.hits.Load(), Misses: c.misses.Load()}
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.Lock()
		st.Bytes += s.curBytes + s.oldBytes
		st.Entries += int64(len(s.cur) + len(s.old))
		s.mu.Unlock()
	}
	return st
}
