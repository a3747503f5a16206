package index

import (
	"reflect"
	"testing"
)

// TestBuildsAgree builds the whole ANZSCO twice and classifies the
// labelled job-ad titles with both: bleve stores documents in the order of
// a map, different at each build, and the results must not depend on it
// (a tie at the edge of the hits once went one way or the other).
func TestBuildsAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole ANZSCO twice")
	}
	c := builtinCorpus(t, "anzsco")
	var ixs [2]*Index
	var err error
	for i := range ixs {
		if ixs[i], err = Build(c); err != nil {
			t.Fatal(err)
		}
	}
	var titles []string
	for _, f := range []string{"anzsco-test-en.csv", "anzsco-test-pt.csv"} {
		for _, half := range []bool{true, false} {
			for _, r := range adRows(t, f, half) {
				titles = append(titles, r.title)
			}
		}
	}
	differ := 0
	for _, q := range titles {
		a, err := ixs[0].Classify(Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		b, err := ixs[1].Classify(Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if a.Code != b.Code || a.Confidence != b.Confidence || !reflect.DeepEqual(a.Matches, b.Matches) {
			differ++
			if differ <= 5 {
				t.Errorf("%q: %s %.4f %v in one build, %s %.4f %v in the other", q, a.Code, a.Confidence, a.Matches, b.Code, b.Confidence, b.Matches)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d titles differ between two builds of the same corpus", differ, len(titles))
	}
}
