package index_test

import (
	"testing"

	"github.com/anzsco/anzsco/index"
)

// The nearest outside occupation shares a meaningful word with the input,
// or there is none: a neighbour found through a word that only looks alike
// in another language, or through a function word the lexicons drop ("or"
// of "Call or Contact Centre Manager"), explains nothing.
func TestNearestOutsideSharesAWord(t *testing.T) {
	ix := defaultIndex(t)
	for _, c := range []struct{ in, want string }{
		{"Registered Nurse", ""},
		{"Registered Nurse or Midwife", ""},
		{"Nurse and the Doctor", ""},
		{"Telemarketer", "639311"},
		{"Betting nurse", "561113"},
		{"Call Centre Manager", "149211"},
		{"Software Engineer", "313112"},
	} {
		res, err := ix.Classify(index.Query{Text: c.in})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if res.NearestOutside != nil {
			got = res.NearestOutside.Code
		}
		if got != c.want {
			t.Errorf("Classify(%q).NearestOutside = %q, want %q", c.in, got, c.want)
		}
	}
}

// Search lists occupations in the order of the score it shows, at most n,
// each with the titles that matched, and leaves out one that shares no
// word with the query.
func TestSearchOrderTopAndMatches(t *testing.T) {
	ix := defaultIndex(t)
	for _, q := range []string{"centre", "call centre manager", "telemarketing", "customer service"} {
		hits, err := ix.Search(q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || len(hits) > 3 {
			t.Errorf("Search(%q, 3) = %d hits, want 1 to 3", q, len(hits))
		}
		for i, h := range hits {
			if i > 0 && h.Score > hits[i-1].Score {
				t.Errorf("Search(%q): hit %d %s score %v above hit %d's %v", q, i+1, h.Code, h.Score, i, hits[i-1].Score)
			}
		}
		if len(hits) > 0 && len(hits[0].Matched) == 0 {
			t.Errorf("Search(%q): the best hit %s has no matched title", q, hits[0].Code)
		}
	}
	if hits, _ := ix.Search("Registered Nurse", 10); len(hits) != 0 {
		t.Errorf("Search(Registered Nurse) = %+v, want nothing: no occupation of the corpus shares a word", hits)
	}
}
