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
