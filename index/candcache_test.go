package index

import (
	"reflect"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

// TestCandidateCacheAgrees classifies titles with words the corpus lacks
// before, inside and after them, so that most are answered from the cache
// of candidates, and compares every result with an index that has no such
// cache.
func TestCandidateCacheAgrees(t *testing.T) {
	sets := map[string][]string{corpus.DefaultName: {"5411-test.csv"}}
	if !testing.Short() {
		sets["anzsco"] = []string{"anzsco-test-en.csv", "anzsco-test-pt.csv"}
	}
	for name, files := range sets {
		t.Run(name, func(t *testing.T) {
			cached := builtinIndex(t, name)
			c, err := corpus.Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			fresh, err := Build(c)
			if err != nil {
				t.Fatal(err)
			}
			defer fresh.Close()
			fresh.candCache = nil
			var titles []string
			for _, f := range files {
				for i, r := range labelledFile(t, f) {
					if i < 150 {
						titles = append(titles, r.Title, "Dovamu "+r.Title, "Bibaba "+r.Title, r.Title+" - Kworra Quell", "Vexa "+r.Title+" Vexa")
					}
				}
			}
			before := cached.candCache.Stats().Hits
			for _, q := range titles {
				a, errA := cached.Classify(Query{Text: q})
				b, errB := fresh.Classify(Query{Text: q})
				if (errA == nil) != (errB == nil) || !reflect.DeepEqual(a, b) {
					t.Fatalf("%q: from the cache %+v (%v), without it %+v (%v)", q, a, errA, b, errB)
				}
			}
			// "Bibaba T" at least has the key of "Dovamu T" before it.
			if hits := cached.candCache.Stats().Hits - before; hits < int64(len(titles))/5 {
				t.Errorf("the cache answered %d of %d titles; titles that differ only in words the corpus lacks should share candidates", hits, len(titles))
			}
		})
	}
}
