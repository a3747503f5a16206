package resultcache

import (
	"bytes"
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

// EntryOverhead is what a cached result is counted beyond its input and its
// JSON: the matches and the Result itself. With the key's overhead
// (boundedcache.EntryOverhead) a result is counted 512 bytes and its title
// twice and its JSON, about 900 bytes for a result of the default corpus.
const EntryOverhead = 448

// Classifier answers queries from the results of the classifier it wraps,
// remembering each within a budget of bytes. The classifier it wraps is
// fixed, and with it the corpus, so a result depends only on the query;
// the wrapped classifier must give the same result for the same query
// (an index never changes once built).
//
// Results it returns are shared between callers and must not be modified.
// It is safe for concurrent use when the wrapped classifier is. Two callers
// that miss the same query at once both classify it; one result is kept.
type Classifier struct {
	next  index.Classifier
	cache *boundedcache.Cache[*entry]
	seed  maphash.Seed
}

type entry struct {
	res  *index.Result
	json []byte // nil when the result was stored by Classify
}

// New returns a Classifier that caches the results of next within budget
// bytes; with a budget of 0 or less it caches nothing and every query goes
// to next.
func New(next index.Classifier, budget int64) *Classifier {
	return &Classifier{next: next, cache: boundedcache.New[*entry](Name, budget), seed: maphash.MakeSeed()}
}

// Corpus returns the wrapped classifier's corpus.
func (c *Classifier) Corpus() *corpus.Corpus { return c.next.Corpus() }

// Classify returns the result of q, from the cache when q was answered
// before.
func (c *Classifier) Classify(q index.Query) (*index.Result, error) {
	res, _, err := c.classify(q, false)
	return res, err
}

// ClassifyJSON returns the result of q and its JSON (Result.MarshalJSON,
// without a final newline), both from the cache when q was answered before
// by ClassifyJSON. The JSON is shared too: it must not be modified or
// appended to.
func (c *Classifier) ClassifyJSON(q index.Query) (*index.Result, []byte, error) {
	return c.classify(q, true)
}

func (c *Classifier) classify(q index.Query, withJSON bool) (*index.Result, []byte, error) {
	if c.cache == nil {
		res, err := c.next.Classify(q)
		if err != nil || res == nil || !withJSON {
			return res, nil, err
		}
		data, err := marshal(res)
		return res, data, err
	}
	k := c.key(q)
	if e, ok := c.cache.Get(k); ok {
		if !withJSON || e.json != nil {
			return e.res, e.json, nil
		}
		data, err := marshal(e.res)
		return e.res, data, err
	}
	res, err := c.next.Classify(q)
	if err != nil || res == nil {
		return res, nil, err
	}
	var data []byte
	if withJSON {
		if data, err = marshal(res); err != nil {
			return nil, nil, err
		}
	}
	// The input may be a piece of the caller's longer string (a row of a
	// file, a request body): the cache keeps a copy, not the string. The
	// JSON is kept at its length: the encoder's buffer has grown to about
	// 1.7 times it, room the budget would not count.
	res.Input = strings.Clone(res.Input)
	data = bytes.Clone(data)
	c.cache.Put(k, &entry{res: res, json: data}, int64(len(res.Input)+len(data)+EntryOverhead))
	return res, data, nil
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

// Stats describe the cache; all zero when it caches nothing.
func (c *Classifier) Stats() index.CacheStats { return c.cache.Stats() }

// CacheStats describe the cache, when it caches, and then the wrapped
// classifier's caches, when it reports them (as *index.Index does).
func (c *Classifier) CacheStats() []index.CacheStats {
	var st []index.CacheStats
	if c.cache != nil {
		st = append(st, c.cache.Stats())
	}
	if r, ok := c.next.(interface{ CacheStats() []index.CacheStats }); ok {
		st = append(st, r.CacheStats()...)
	}
	return st
}
