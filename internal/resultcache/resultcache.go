package resultcache

import (
	"errors"
	"fmt"
	"hash/maphash"
	"strconv"
	"strings"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/boundedcache"
)

// Name is the name of the cache in its Stats ("results").
const Name = "results"

// EntryOverhead is what a result stored by Classify is counted beyond its
// input: the matches and the Result itself. With the key's overhead
// (boundedcache.EntryOverhead) a result is counted 512 bytes and its title
// twice, about 600 bytes for a result of the default corpus.
const EntryOverhead = 448

// Classifier answers queries from the results of the classifier it wraps,
// remembering each within a budget of bytes. The classifier it wraps is
// fixed, and with it the corpus, so a result depends only on the query;
// the wrapped classifier must give the same result for the same query
// (an index never changes once built).
//
// Classify keeps the Result; ClassifyJSON keeps only the Result's code
// and JSON, in a boundedcache.Bytes, which holds no pointers, so that a
// full cache adds almost nothing to what the garbage collector marks in
// every collection. Each has its own entries within its own budget: a
// query answered by one and then asked of the other is classified again.
//
// Results it returns are shared between callers and must not be modified.
// It is safe for concurrent use when the wrapped classifier is. Two callers
// that miss the same query at once both classify it; one result is kept.
type Classifier struct {
	next  index.Classifier
	cache *boundedcache.Cache[*index.Result] // Classify's
	json  *boundedcache.Bytes                // ClassifyJSON's: see pack
	seed  maphash.Seed
}

// New returns a Classifier that caches the results of next within budget
// bytes; with a budget of 0 or less it caches nothing and every query goes
// to next.
func New(next index.Classifier, budget int64) *Classifier {
	return &Classifier{
		next:  next,
		cache: boundedcache.New[*index.Result](Name, budget),
		json:  boundedcache.NewBytes(Name, budget),
		seed:  maphash.MakeSeed(),
	}
}

// Corpus returns the wrapped classifier's corpus.
func (c *Classifier) Corpus() *corpus.Corpus { return c.next.Corpus() }

// Classify returns the result of q, from the cache when q was answered
// before by Classify.
func (c *Classifier) Classify(q index.Query) (*index.Result, error) {
	if c.cache == nil {
		return c.next.Classify(q)
	}
	k := c.key(q)
	if res, ok := c.cache.Get(k); ok {
		return res, nil
	}
	res, err := c.next.Classify(q)
	if err != nil || res == nil {
		return res, err
	}
	// The input may be a piece of the caller's longer string (a row of a
	// file, a request body): the cache keeps a copy, not the string.
	res.Input = strings.Clone(res.Input)
	c.cache.Put(k, res, int64(len(res.Input)+EntryOverhead))
	return res, nil
}

// ClassifyJSON returns the code of q's result (Result.Code) and its JSON
// (Result.MarshalJSON, without a final newline), both from the cache when
// q was answered before by ClassifyJSON. The JSON is shared: it must not
// be modified or appended to.
func (c *Classifier) ClassifyJSON(q index.Query) (code string, data []byte, err error) {
	var k string
	if c.json != nil {
		k = c.key(q)
		if v, ok := c.json.Get(k); ok {
			code, data := unpack(v)
			return code, data, nil
		}
	}
	res, err := c.next.Classify(q)
	if err != nil || res == nil {
		return "", nil, noResult(err)
	}
	if data, err = marshal(res); err != nil {
		return "", nil, err
	}
	if c.json != nil && len(res.Code) < 256 {
		c.json.Put(k, pack(res.Code, data))
	}
	return res.Code, data, nil
}

// pack spells a code and a JSON in one byte string: the code's length in
// a byte, the code, the JSON.
func pack(code string, data []byte) []byte {
	v := make([]byte, 0, 1+len(code)+len(data))
	v = append(append(append(v, byte(len(code))), code...), data...)
	return v
}

// unpack returns the code and the JSON of a byte string of pack's; the
// code is a new string, the JSON shares v.
func unpack(v []byte) (string, []byte) {
	n := int(v[0])
	return string(v[1 : 1+n]), v[1+n:]
}

// noResult is err, or an error for a classifier that gave neither a
// result nor an error.
func noResult(err error) error {
	if err == nil {
		return errors.New("internal error in the classifier: no result")
	}
	return err
}

// marshal calls MarshalJSON directly: json.Marshal would check and compact
// what it writes again.
func marshal(res *index.Result) ([]byte, error) {
	data, err := res.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("encoding the result: %w", err)
	}
	return data, nil
}

// key spells every field of q that changes its result: the options, the
// text's length and the text, and a 64-bit hash of the description when
// there is one (reposted ads repeat both, and a description may be long).
// Two different descriptions of the same title share a key with a
// probability of 2^-64, with a seed of the cache's own.
func (c *Classifier) key(q index.Query) string {
	var num [32]byte // numbers are written here first, so the key is one allocation
	var b strings.Builder
	b.Grow(len(q.Text) + 24) // "3 0.5 24:" and a description's hash fit
	b.Write(strconv.AppendInt(num[:0], int64(q.Top), 10))
	if q.Explain {
		b.WriteByte('e')
	}
	b.WriteByte(' ')
	b.Write(strconv.AppendFloat(num[:0], q.MinConfidence, 'g', -1, 64))
	b.WriteByte(' ')
	b.Write(strconv.AppendInt(num[:0], int64(len(q.Text)), 10))
	b.WriteByte(':')
	b.WriteString(q.Text)
	if q.Description != "" {
		b.WriteByte(' ')
		b.Write(strconv.AppendUint(num[:0], maphash.String(c.seed, q.Description), 16))
	}
	return b.String()
}

// Stats describe the cache, Classify's and ClassifyJSON's entries
// together (the budget is that of each); all zero when it caches nothing.
func (c *Classifier) Stats() index.CacheStats {
	st, js := c.cache.Stats(), c.json.Stats()
	st.Bytes += js.Bytes
	st.Entries += js.Entries
	st.Hits += js.Hits
	st.Misses += js.Misses
	return st
}

// CacheStats describe the cache, when it caches, and then the wrapped
// classifier's caches, when it reports them (as *index.Index does).
func (c *Classifier) CacheStats() []index.CacheStats {
	var st []index.CacheStats
	if c.cache != nil {
		st = append(st, c.Stats())
	}
	if r, ok := c.next.(interface{ CacheStats() []index.CacheStats }); ok {
		st = append(st, r.CacheStats()...)
	}
	return st
}
