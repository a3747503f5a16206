package resultcache

import (
	"bytes"
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

// JSONOverhead is what a result stored by ClassifyJSON is counted beyond
// its JSON: the slice's allocation rounded up to its size class. With the
// key's overhead such an entry is counted its title and its JSON and 96
// bytes, about 500 bytes for a result of the default corpus.
const JSONOverhead = 32

// Classifier answers queries from the results of the classifier it wraps,
// remembering each within a budget of bytes. The classifier it wraps is
// fixed, and with it the corpus, so a result depends only on the query;
// the wrapped classifier must give the same result for the same query
// (an index never changes once built).
//
// Classify keeps the Result; ClassifyJSON keeps only the Result's code
// and JSON, bytes that hold no pointers, so that a full cache adds almost
// nothing to what the garbage collector marks. The two keep their entries
// under different keys: a query answered by one and then asked of the
// other is classified again.
//
// Results it returns are shared between callers and must not be modified.
// It is safe for concurrent use when the wrapped classifier is. Two callers
// that miss the same query at once both classify it; one result is kept.
type Classifier struct {
	next  index.Classifier
	cache *boundedcache.Cache[entry]
	seed  maphash.Seed
}

// entry is what the cache holds of a result: the Result (Classify), or
// its code and JSON (ClassifyJSON).
type entry struct {
	res  *index.Result
	code string // the corpus's own string: no allocation of the cache's
	json []byte
}

// New returns a Classifier that caches the results of next within budget
// bytes; with a budget of 0 or less it caches nothing and every query goes
// to next.
func New(next index.Classifier, budget int64) *Classifier {
	return &Classifier{next: next, cache: boundedcache.New[entry](Name, budget), seed: maphash.MakeSeed()}
}

// Corpus returns the wrapped classifier's corpus.
func (c *Classifier) Corpus() *corpus.Corpus { return c.next.Corpus() }

// Classify returns the result of q, from the cache when q was answered
// before by Classify.
func (c *Classifier) Classify(q index.Query) (*index.Result, error) {
	if c.cache == nil {
		return c.next.Classify(q)
	}
	k := c.key(q, false)
	if e, ok := c.cache.Get(k); ok {
		return e.res, nil
	}
	res, err := c.next.Classify(q)
	if err != nil || res == nil {
		return res, err
	}
	// The input may be a piece of the caller's longer string (a row of a
	// file, a request body): the cache keeps a copy, not the string.
	res.Input = strings.Clone(res.Input)
	c.cache.Put(k, entry{res: res}, int64(len(res.Input)+EntryOverhead))
	return res, nil
}

// ClassifyJSON returns the code of q's result (Result.Code) and its JSON
// (Result.MarshalJSON, without a final newline), both from the cache when
// q was answered before by ClassifyJSON. The JSON is shared: it must not
// be modified or appended to.
func (c *Classifier) ClassifyJSON(q index.Query) (code string, data []byte, err error) {
	if c.cache == nil {
		res, err := c.next.Classify(q)
		if err != nil || res == nil {
			return "", nil, noResult(err)
		}
		data, err := marshal(res)
		return res.Code, data, err
	}
	k := c.key(q, true)
	if e, ok := c.cache.Get(k); ok {
		return e.code, e.json, nil
	}
	res, err := c.next.Classify(q)
	if err != nil || res == nil {
		return "", nil, noResult(err)
	}
	if data, err = marshal(res); err != nil {
		return "", nil, err
	}
	// The JSON is kept at its length: the encoder's buffer has grown to
	// about 1.7 times it, room the budget would not count.
	data = bytes.Clone(data)
	c.cache.Put(k, entry{code: res.Code, json: data}, int64(len(data)+JSONOverhead))
	return res.Code, data, nil
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
// probability of 2^-64, with a seed of the cache's own. A key of an entry
// of ClassifyJSON starts with a "j".
func (c *Classifier) key(q index.Query, json bool) string {
	var num [32]byte // numbers are written here first, so the key is one allocation
	var b strings.Builder
	b.Grow(len(q.Text) + 24) // "j3 0.5 24:" and a description's hash fit
	if json {
		b.WriteByte('j')
	}
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
