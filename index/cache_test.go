package index

import (
	"encoding/json"
	"testing"
)

// TestSearchCacheSameResults classifies titles twice, the second time
// with the searches remembered, and titles that differ only in a word the
// corpus lacks: the results must not change.
func TestSearchCacheSameResults(t *testing.T) {
	for _, name := range []string{"5411", "anzsco"} {
		c := builtinCorpus(t, name)
		ix, err := Build(c)
		if err != nil {
			t.Fatal(err)
		}
		// The search cache alone: the cache of candidates would answer
		// the second pass before any search (TestCandidateCacheAgrees).
		ix.candCache = nil
		titles := []string{"Registered Nurse", "Call Centre Team Leader - Sydney", "Operador de Telemarketing",
			"Truck Driver", "Senior Customer Service Officer (Casual)", "Chef"}
		first := map[string]string{}
		var afterFirst CacheStats
		for _, pass := range []string{"first", "cached"} {
			if pass == "cached" {
				afterFirst = ix.searches.Stats()
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
		before := ix.searches.Stats()
		if afterFirst.Misses == 0 || before.Hits-afterFirst.Hits != afterFirst.Misses {
			t.Errorf("%s: the second pass had %d search cache hits, want one for each of the first pass's %d searches (> 0)",
				name, before.Hits-afterFirst.Hits, afterFirst.Misses)
		}
		// A made-up word adds no clause: the search is the same.
		if _, err := ix.Classify(Query{Text: "Zovaku Call Centre Team Leader - Sydney"}); err != nil {
			t.Fatal(err)
		}
		if after := ix.searches.Stats(); after.Hits != before.Hits+1 {
			t.Errorf("%s: a title with a made-up word did not reuse the search of the title without it", name)
		}
		ix.Close()
	}
}
