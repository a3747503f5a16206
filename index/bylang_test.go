package index

import (
	"slices"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

func TestNumLanguages(t *testing.T) {
	if numLanguages != len(corpus.Languages) {
		t.Fatalf("numLanguages = %d, want len(corpus.Languages) = %d", numLanguages, len(corpus.Languages))
	}
}

func TestByLang(t *testing.T) {
	var b byLang
	if b.count() != 0 || b.get("en") != nil {
		t.Fatalf("zero byLang: count %d, get(en) %q; want 0, nil", b.count(), b.get("en"))
	}
	b.put("pt", nil)
	b.put("en", []string{"nurse"})
	b.put("xx", []string{"ignored"})
	if b.count() != 2 {
		t.Errorf("count() = %d, want 2 (en and pt, put with and without terms)", b.count())
	}
	if got := b.get("en"); !slices.Equal(got, []string{"nurse"}) {
		t.Errorf("get(en) = %q, want [nurse]", got)
	}
	if got := b.get("pt"); got != nil {
		t.Errorf("get(pt) = %q, want nil", got)
	}
	if got := b.get("xx"); got != nil {
		t.Errorf("get(xx) = %q, want nil", got)
	}
}
