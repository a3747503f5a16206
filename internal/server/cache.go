package server

import (
	"strconv"
	"strings"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/boundedcache"
)

// resultCache keeps encoded results of recent queries within a budget of
// bytes (package boundedcache). The index a server holds never changes,
// so a query's result never goes stale: the same query always gives the
// same bytes. Job titles repeat (a staff list names the same roles many
// times; the page asks again for titles typed before), and a cached answer
// costs a map look-up instead of a search. It is safe for concurrent use;
// a nil *resultCache caches nothing.
type resultCache struct {
	c *boundedcache.Cache[cachedResult]
}

type cachedResult struct {
	data []byte // the encoded result, ending in a newline
	code string // the result's code, "" when outside
}

func newResultCache(budget int) *resultCache {
	if budget <= 0 {
		return nil
	}
	return &resultCache{c: boundedcache.New[cachedResult]("results", int64(budget))}
}

// cacheKey spells every field of q that changes its result.
func cacheKey(q index.Query) string {
	var b strings.Builder
	b.Grow(len(q.Text) + len(q.Description) + 24)
	b.WriteString(strconv.Itoa(q.Top))
	if q.Explain {
		b.WriteString("e")
	}
	b.WriteString(" ")
	b.WriteString(strconv.FormatFloat(q.MinConfidence, 'g', -1, 64))
	b.WriteString("\x00")
	b.WriteString(q.Text)
	b.WriteString("\x00")
	b.WriteString(q.Description)
	return b.String()
}

// get returns the cached result of q.
func (c *resultCache) get(q index.Query) (data []byte, code string, ok bool) {
	if c == nil {
		return nil, "", false
	}
	r, ok := c.c.Get(cacheKey(q))
	return r.data, r.code, ok
}

// put stores the result of q; the cache drops what has not been used
// lately to stay within its budget.
func (c *resultCache) put(q index.Query, data []byte, code string) {
	if c == nil {
		return
	}
	c.c.Put(cacheKey(q), cachedResult{data: data, code: code}, int64(len(data)+len(code)))
}

// len returns the number of entries and the bytes they are counted.
func (c *resultCache) len() (entries, bytes int) {
	if c == nil {
		return 0, 0
	}
	st := c.c.Stats()
	return int(st.Entries), int(st.Bytes)
}
