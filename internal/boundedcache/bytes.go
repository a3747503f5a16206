package boundedcache

import (
	"encoding/binary"
	"hash/maphash"
	"sync"
	"sync/atomic"
	"unsafe"
)

// BytesEntryOverhead is what an entry of a Bytes cache is counted beyond
// its key and its value: its slot in the index and the lengths before the
// key and the value.
const BytesEntryOverhead = 32

// Bytes maps strings to byte strings within a fixed budget of bytes, with
// the eviction rule of Cache, and holds them without pointers: each
// generation of a shard is one array of bytes, its entries written one
// after the other, and a map from a 64-bit hash of each key to where its
// entry starts. The garbage collector then marks a few objects a shard
// however many entries it holds, where a Cache of the same entries is
// pointers it must follow in every collection. A key whose hash an entry
// of another key has (a chance of 2^-64 a pair) is not found.
//
// Values it returns are shared: they must not be modified or appended to.
// Safe for concurrent use. A nil *Bytes holds nothing.
type Bytes struct {
	name   string
	budget int64
	seed   maphash.Seed
	shards [shards]bytesShard
	hits   atomic.Int64
	misses atomic.Int64
}

type bytesShard struct {
	mu       sync.Mutex
	cur, old bytesGen
}

// bytesGen is a generation of a shard: entries are uvarint(len(key)), the
// key, uvarint(len(value)), the value, in data, which is given its full
// capacity when made, so that it never moves.
type bytesGen struct {
	at    map[uint64]uint32 // hash of a key → its entry's offset in data
	data  []byte
	bytes int64 // as counted against the budget
}

// NewBytes returns a cache of budget bytes, or nil (which caches nothing)
// when the budget is not positive.
func NewBytes(name string, budget int64) *Bytes {
	if budget <= 0 {
		return nil
	}
	return &Bytes{name: name, budget: budget, seed: maphash.MakeSeed()}
}

// half is what one generation of a shard may hold.
func (c *Bytes) half() int64 { return min(c.budget/shards/2, 1<<31) } // offsets are uint32

// Get returns the value stored under k.
func (c *Bytes) Get(k string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	h := maphash.String(c.seed, k)
	s := &c.shards[h%shards]
	s.mu.Lock()
	v, ok := s.cur.get(h, k)
	if !ok {
		if v, ok = s.old.get(h, k); ok {
			addLocked(s, h, k, v, c.half())
		}
	}
	s.mu.Unlock()
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return v, ok
}

// GetString is Get for a value stored as a string: the string returned
// shares the cache's bytes, which are never written again once stored,
// so it allocates nothing and stays valid after its entry is dropped.
func (c *Bytes) GetString(k string) (string, bool) {
	v, ok := c.Get(k)
	if len(v) == 0 {
		return "", ok
	}
	return unsafe.String(unsafe.SliceData(v), len(v)), ok
}

// Put stores a copy of v under k. An entry larger than a generation is
// not kept.
func (c *Bytes) Put(k string, v []byte) { put(c, k, v) }

// PutString is Put for a value that is a string, without converting it.
func (c *Bytes) PutString(k, v string) { put(c, k, v) }

func put[V string | []byte](c *Bytes, k string, v V) {
	if c == nil {
		return
	}
	h := maphash.String(c.seed, k)
	s := &c.shards[h%shards]
	s.mu.Lock()
	addLocked(s, h, k, v, c.half())
	s.mu.Unlock()
}

func (g *bytesGen) get(h uint64, k string) ([]byte, bool) {
	off, ok := g.at[h]
	if !ok {
		return nil, false
	}
	e := g.data[off:]
	n, w := binary.Uvarint(e)
	if string(e[w:w+int(n)]) != k {
		return nil, false
	}
	e = e[w+int(n):]
	n, w = binary.Uvarint(e)
	return e[w : w+int(n) : w+int(n)], true
}

func addLocked[V string | []byte](s *bytesShard, h uint64, k string, v V, half int64) {
	cost := int64(len(k)+len(v)) + BytesEntryOverhead
	if cost > half {
		return // larger than a generation: not worth keeping
	}
	if _, ok := s.cur.at[h]; ok {
		return
	}
	if s.cur.at == nil || s.cur.bytes+cost > half {
		s.old = s.cur
		s.cur = bytesGen{at: make(map[uint64]uint32, len(s.old.at)), data: make([]byte, 0, half)}
	}
	off := len(s.cur.data)
	d := binary.AppendUvarint(s.cur.data, uint64(len(k)))
	d = append(d, k...)
	d = binary.AppendUvarint(d, uint64(len(v)))
	s.cur.data = append(d, v...) // within its capacity: the overhead counts the lengths
	s.cur.at[h] = uint32(off)
	s.cur.bytes += cost
}

// Stats returns the cache's figures; a nil cache has none.
func (c *Bytes) Stats() Stats {
	if c == nil {
		return Stats{}
	}
	st := Stats{Name: c.name, BudgetBytes: c.budget, Hits: c.hits.Load(), Misses: c.misses.Load()}
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.Lock()
		st.Bytes += s.cur.bytes + s.old.bytes
		st.Entries += int64(len(s.cur.at) + len(s.old.at))
		s.mu.Unlock()
	}
	return st
}
