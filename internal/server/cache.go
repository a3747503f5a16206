package server

import (
	"container/list"
	"sync"
	"unsafe"

	"github.com/anzsco/anzsco/index"
)

// resultCache keeps encoded results of recent queries, least recently used
// first out, within a budget of bytes. The index a server holds never
// changes, so a query's result never goes stale: the same query always
// gives the same bytes. Job titles repeat (a staff list names the same
// roles many times; the page asks again for titles typed before), and a
// cached answer costs a map look-up instead of a search. It is safe for concurrent use; a nil *resultCache
// caches nothing.
type resultCache struct {
	mu      sync.Mutex
	budget  int
	used    int
	entries map[index.Query]*list.Element
	order   *list.List // front: most recently used
}

type cacheEntry struct {
	key  index.Query
	data []byte // the encoded result, ending in a newline
	code string // the result's code, "" when outside
}

// entryOverhead approximates the memory an entry costs besides its strings:
// the map slot, the list element and the entry itself.
const entryOverhead = int(unsafe.Sizeof(cacheEntry{})+unsafe.Sizeof(list.Element{})) + 64

func newResultCache(budget int) *resultCache {
	if budget <= 0 {
		return nil
	}
	return &resultCache{budget: budget, entries: map[index.Query]*list.Element{}, order: list.New()}
}

func (e *cacheEntry) size() int {
	return len(e.key.Text) + len(e.key.Description) + len(e.data) + len(e.code) + entryOverhead
}

// get returns the cached result of q.
func (c *resultCache) get(q index.Query) (data []byte, code string, ok bool) {
	if c == nil {
		return nil, "", false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[q]
	if !ok {
		return nil, "", false
	}
	c.order.MoveToFront(el)
	e := el.Value.(*cacheEntry)
	return e.data, e.code, true
}

// put stores the result of q, evicting the least recently used entries to
// stay within the budget. A result larger than a tenth of the budget is not
// kept: it would push out many small ones.
func (c *resultCache) put(q index.Query, data []byte, code string) {
	if c == nil {
		return
	}
	e := &cacheEntry{key: q, data: data, code: code}
	if e.size() > c.budget/10 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[q]; ok {
		return
	}
	c.entries[q] = c.order.PushFront(e)
	c.used += e.size()
	for c.used > c.budget {
		last := c.order.Back()
		old := last.Value.(*cacheEntry)
		c.order.Remove(last)
		delete(c.entries, old.key)
		c.used -= old.size()
	}
}

// len returns the number of entries and the bytes they use.
func (c *resultCache) len() (entries, bytes int) {
	if c == nil {
		return 0, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries), c.used
}
