package index

import (
	"slices"
	"testing"
)

// TestHeadPhrase checks that a phrase after an English title's head noun
// ("to the Managing Director") is read as the words after a dash are, and
// that a phrase a corpus title holds, or one after a word that heads no
// title, is left in the first part.
func TestHeadPhrase(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	for _, c := range []struct{ query, core string }{
		{"Executive Assistant to the Managing Director", "Executive Assistant"},
		{"Receptionist at a Dental Clinic", "Receptionist"},
		{"Assistant in Nursing", "Assistant in Nursing"},
		{"Learn to Swim Teacher", "Learn to Swim Teacher"},
		{"Director of Nursing", "Director of Nursing"},
	} {
		p, err := ix.prepare(Query{Text: c.query})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := p.core.get("en"), ix.terms("en", c.core); !slices.Equal(got, want) {
			t.Errorf("%q: first part %v, want %v (%q)", c.query, got, want, c.core)
		}
	}
	res, err := ix.Classify(Query{Text: "Executive Assistant to the Managing Director"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Code != "521111" {
		t.Errorf("Executive Assistant to the Managing Director: coded %s %q, want 521111 Personal Assistant", res.Code, res.Title)
	}
}
