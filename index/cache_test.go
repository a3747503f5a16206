package index

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

func TestBoundedCacheBudget(t *testing.T) {
	const budget = 64 << 10
	c := newBoundedCache[string]("test", budget)
	for i := range 20000 {
		k := fmt.Sprintf("word%d", i)
		if _, ok := c.get(k); ok {
			t.Fatalf("get(%q) hit before put", k)
		}
		c.put(k, k, int64(len(k)))
	}
	st := c.stats()
	if st.Bytes > budget || st.Bytes < budget/4 {
		t.Errorf("after 20,000 distinct keys the cache holds %d bytes, want at most the budget %d and not far below", st.Bytes, budget)
	}
	if _, ok := c.get("word19999"); !ok {
		t.Errorf("the latest key is not in the cache")
	}
	if _, ok := c.get("word0"); ok {
		t.Errorf("the first of 20,000 keys is still in a cache of %d bytes", budget)
	}
	if st := c.stats(); st.Hits != 1 || st.Misses != 20001 {
		t.Errorf("hits %d, misses %d; want 1 and 20001", st.Hits, st.Misses)
	}
}

// TestSearchCacheSameResults classifies titles twice, the second time
// with the searches remembered, and titles that differ only in a word the
// corpus lacks: the results must not change.
func TestSearchCacheSameResults(t *testing.T) {
	for _, name := range []string{"5411", "anzsco"} {
		c, err := corpus.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		titles := []string{"Registered Nurse", "Call Centre Team Leader - Sydney", "Operador de Telemarketing",
			"Truck Driver", "Senior Customer Service Officer (Casual)", "Chef"}
		first := map[string]string{}
		var afterFirst CacheStats
		for _, pass := range []string{"first", "cached"} {
			if pass == "cached" {
				afterFirst = ix.searches.stats()
			}
			for _, title := range titles {
				res, err := ix.Classify(Query{Text: title, Explain: true})
				if err != nil {
					t.Fatal(err)
				}
				data, _ := json.Marshal(res)
				if pass == "first" {
					first[title] = string(data)
				} else if string(data) != first[title] {
					t.Errorf("%s: Classify(%q) changed with the search cached:\n%s\nwant\n%s", name, title, data, first[title])
				}
			}
		}
		before := ix.searches.stats()
		if afterFirst.Misses == 0 || before.Hits-afterFirst.Hits != afterFirst.Misses {
			t.Errorf("%s: the second pass had %d search cache hits, want one for each of the first pass's %d searches (> 0)",
				name, before.Hits-afterFirst.Hits, afterFirst.Misses)
		}
		// A made-up word adds no clause: the search is the same.
		if _, err := ix.Classify(Query{Text: "Zovaku Call Centre Team Leader - Sydney"}); err != nil {
			t.Fatal(err)
		}
		if after := ix.searches.stats(); after.Hits != before.Hits+1 {
			t.Errorf("%s: a title with a made-up word did not reuse the search of the title without it", name)
		}
		ix.Close()
	}
}
