package resultcache

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

// fake answers every query with a result that spells the query, and
// counts its calls. A text "nan" gets a result that does not encode;
// a text "fail" gets an error.
type fake struct {
	calls atomic.Int64
}

func (f *fake) Corpus() *corpus.Corpus { return &corpus.Corpus{Version: "fake"} }

func (f *fake) Classify(q index.Query) (*index.Result, error) {
	f.calls.Add(1)
	switch q.Text {
	case "fail":
		return nil, index.ErrEmptyQuery
	case "nan":
		return &index.Result{Input: q.Text, Confidence: math.NaN()}, nil
	}
	return &index.Result{Input: q.Text, Code: "541111", Title: fmt.Sprintf("%+v", q), Confidence: 0.5}, nil
}

func (f *fake) CacheStats() []index.CacheStats { return []index.CacheStats{{Name: "searches"}} }

// TestKey checks that queries that may get different results have
// different keys: every field of index.Query is in the key.
func TestKey(t *testing.T) {
	base := index.Query{Text: "agent", Description: "calls", Top: 3, MinConfidence: 0.5}
	if n := reflect.TypeOf(base).NumField(); n != 5 {
		t.Fatalf("index.Query has %d fields, the key knows 5: add the new one to the key", n)
	}
	variants := []index.Query{base,
		{Text: "agent2", Description: "calls", Top: 3, MinConfidence: 0.5},
		{Text: "agent", Description: "calls2", Top: 3, MinConfidence: 0.5},
		{Text: "agent", Top: 3, MinConfidence: 0.5},
		{Text: "agent", Description: "calls", Top: 4, MinConfidence: 0.5},
		{Text: "agent", Description: "calls", Top: 3, Explain: true, MinConfidence: 0.5},
		{Text: "agent", Description: "calls", Top: 3, MinConfidence: 0.25},
		{Text: "agent\x00calls", Top: 3, MinConfidence: 0.5},
		{Text: "agent 1a2b", Top: 3, MinConfidence: 0.5},
		{Text: "1", Top: 3},
		{Text: "", Top: 31},
	}
	c := New(&fake{}, 1<<20)
	seen := map[string]int{}
	for i, q := range variants {
		k := c.key(q)
		if j, ok := seen[k]; ok {
			t.Errorf("queries %d and %d have the same key %q", j, i, k)
		}
		seen[k] = i
		if k2 := c.key(q); k2 != k {
			t.Errorf("key(%+v) = %q then %q, want the same", q, k, k2)
		}
	}
}

// TestClassify checks that a query seen again is answered from the cache
// with the same result and JSON, that every option reaches the wrapped
// classifier, and that errors are not cached.
func TestClassify(t *testing.T) {
	f := &fake{}
	c := New(f, 1<<20)
	q := index.Query{Text: "agent", Top: 5, Explain: true, MinConfidence: 0.3}
	c1, j1, err := c.ClassifyJSON(q)
	if err != nil {
		t.Fatal(err)
	}
	c2, j2, err := c.ClassifyJSON(q)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := (&fake{}).Classify(q)
	wantJSON, _ := want.MarshalJSON()
	if c1 != want.Code || c2 != c1 || string(j1) != string(wantJSON) || string(j2) != string(j1) {
		t.Errorf("ClassifyJSON twice = %s %s then %s %s, want %s %s", c1, j1, c2, j2, want.Code, wantJSON)
	}
	if got := f.calls.Load(); got != 1 {
		t.Errorf("wrapped classifier called %d times for one query, want 1", got)
	}
	r1, err := c.Classify(q)
	if err != nil || r1.Title != want.Title {
		t.Fatalf("Classify = %+v, %v; want %+v", r1, err, want)
	}
	if r2, err := c.Classify(q); err != nil || r2 != r1 {
		t.Errorf("Classify again = %+v, %v; want the cached result", r2, err)
	}
	if got := f.calls.Load(); got != 2 {
		t.Errorf("wrapped classifier called %d times, want 2: ClassifyJSON's entry holds no Result", got)
	}
	for range 2 {
		if _, err := c.Classify(index.Query{Text: "fail"}); err != index.ErrEmptyQuery {
			t.Errorf("Classify(fail) = %v, want %v", err, index.ErrEmptyQuery)
		}
	}
	if got := f.calls.Load(); got != 4 {
		t.Errorf("wrapped classifier called %d times, want 4: a failed query is asked again", got)
	}
	if _, _, err := c.ClassifyJSON(index.Query{Text: "nan"}); err == nil || !strings.HasPrefix(err.Error(), "encoding the result: ") {
		t.Errorf("ClassifyJSON(nan) = %v, want an encoding error", err)
	}
	st := c.Stats()
	if st.Name != Name || st.Hits != 2 || st.Misses != 5 || st.Entries != 2 {
		t.Errorf("stats %+v, want 2 hits, 5 misses, 2 entries", st)
	}
	if all := c.CacheStats(); len(all) != 2 || all[0].Name != Name || all[1].Name != "searches" {
		t.Errorf("CacheStats = %+v, want the results' then the wrapped classifier's", all)
	}
}

// TestClassifyJSONAfterClassify checks that a result cached by Classify
// still gets its JSON.
func TestClassifyJSONAfterClassify(t *testing.T) {
	c := New(&fake{}, 1<<20)
	q := index.Query{Text: "agent"}
	r, _ := c.Classify(q)
	_, data, err := c.ClassifyJSON(q)
	want, _ := r.MarshalJSON()
	if err != nil || string(data) != string(want) {
		t.Errorf("ClassifyJSON after Classify = %s, %v; want %s", data, err, want)
	}
}

// TestOff checks that a budget of 0 caches nothing and reports no cache.
func TestOff(t *testing.T) {
	f := &fake{}
	c := New(f, 0)
	for range 3 {
		if _, data, err := c.ClassifyJSON(index.Query{Text: "agent"}); err != nil || len(data) == 0 {
			t.Fatalf("ClassifyJSON = %s, %v", data, err)
		}
	}
	if got := f.calls.Load(); got != 3 {
		t.Errorf("wrapped classifier called %d times for 3 queries, want 3", got)
	}
	if st := c.CacheStats(); len(st) != 1 || st[0].Name != "searches" {
		t.Errorf("CacheStats = %+v, want only the wrapped classifier's", st)
	}
}

// TestBounded checks that the budget holds in bytes whatever the size of
// the inputs: long inputs make fewer entries, the newest stays, the oldest
// goes, and a result larger than a generation of a shard (1/32 of the
// budget) is not kept.
func TestBounded(t *testing.T) {
	const budget = 1 << 20
	f := &fake{}
	c := New(f, budget)
	long := strings.Repeat("a", 4<<10) // a result of about 12 KiB
	for i := range 1000 {
		if _, _, err := c.ClassifyJSON(index.Query{Text: fmt.Sprint(i, long)}); err != nil {
			t.Fatal(err)
		}
		if held := c.Stats().Bytes; held > budget {
			t.Fatalf("after %d results of 12 KiB the cache holds %d KiB, over its %d KiB budget", i+1, held>>10, budget>>10)
		}
	}
	calls := f.calls.Load()
	c.ClassifyJSON(index.Query{Text: fmt.Sprint(999, long)})
	c.ClassifyJSON(index.Query{Text: fmt.Sprint(0, long)})
	if got := f.calls.Load() - calls; got != 1 {
		t.Errorf("the newest and the oldest input cost %d classifications, want 1 (the oldest's)", got)
	}
	huge := strings.Repeat("h", budget/32)
	c.ClassifyJSON(index.Query{Text: huge})
	c.ClassifyJSON(index.Query{Text: huge})
	if got := f.calls.Load() - calls; got != 3 {
		t.Errorf("an input of 1/32 of the budget was kept")
	}
}
