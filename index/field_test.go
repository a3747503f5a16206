package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

// fieldWords finds the practitioner of a field only in a title whose role
// is a learner word, kept or stripped, and keeps the title's own words.
func TestFieldWords(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	tests := []struct {
		words    string
		stripped string
		want     string
	}{
		{"accounting intern", "", "accountant"},
		{"graduate civil engineering", "", "civil engineer"},
		{"civil engineering cadet", "", "civil engineer"},
		{"contabilidade", "estagiario", "contador"},
		{"engenharia mecanica", "estagio", "engenheiro mecanico"},
		{"trainee de marketing", "", "consultor de marketing"},
		{"accounting manager", "", ""},
		{"intern", "", ""},
		{"medical intern", "", ""},
		{"graduate engineer", "", ""},
		{"contabilidade", "", ""},
	}
	for _, tt := range tests {
		var stripped []Stripped
		if tt.stripped != "" {
			stripped = []Stripped{{Text: tt.stripped, Rule: "noise"}}
		}
		got, _ := ix.an.fieldWords(strings.Fields(tt.words), stripped)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("fieldWords(%q, %q) = %q, want %q", tt.words, tt.stripped, got, tt.want)
		}
	}
}

// The practitioner's words of every field are words of the corpus's
// titles, and no field is a learner word: what the lexicon adds names
// occupations the titles hold.
func TestFieldLexicon(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	lx, err := corpus.LoadLexicon("fields")
	if err != nil {
		t.Fatal(err)
	}
	for lang, rws := range lx.Fields {
		la := ix.an.langs[lang]
		for _, rw := range rws {
			for _, w := range rw.To {
				w = Fold(w)
				if ix.an.functionLangs[w] == 0 && ix.wordLangs[ix.an.spelling(w)]&langMask(lang) == 0 {
					t.Errorf("[field %s] %q: %q is no word of a title of the language", lang, rw.From, w)
				}
			}
			for _, w := range Words(Fold(rw.From)) {
				if la.learners[w] {
					t.Errorf("[field %s] %q: %q is a learner word", lang, rw.From, w)
				}
			}
		}
	}
}

// A learner of a field is coded as the field's practitioner; "intern"
// alone, or of medicine, is still the medical intern of the titles.
func TestClassifyFieldLearners(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	tests := []struct{ in, code string }{
		{"Intern (Accounting)", "221111"},
		{"Graduate - Law", "271311"},
		{"Estagiária em Contabilidade", "221111"},
		{"Estágio - Engenharia Civil", "233211"},
		{"Intern", "253112"},
		{"Medical Intern", "253112"},
	}
	for _, tt := range tests {
		r, err := ix.Classify(Query{Text: tt.in})
		if err != nil {
			t.Fatal(err)
		}
		if r.Code != tt.code {
			t.Errorf("Classify(%q) = %q, want %q", tt.in, r.Code, tt.code)
		}
	}
}

// TestExplainFieldLearner checks that --explain says how a learner of a
// field was read, and says nothing of it for a title without a field.
func TestExplainFieldLearner(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	read := func(title string) []string {
		t.Helper()
		r, err := ix.Classify(Query{Text: title, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		var rules []string
		for _, s := range r.Explanation.Stripped {
			if strings.HasPrefix(s.Rule, "learner of a field") {
				rules = append(rules, s.Text+": "+s.Rule)
			}
		}
		return rules
	}
	if got, want := read("Intern (Accounting)"), []string{"intern: learner of a field, read as accountant"}; !slices.Equal(got, want) {
		t.Errorf("Intern (Accounting): %q, want %q", got, want)
	}
	if got := read("Medical Intern"); len(got) != 0 {
		t.Errorf("Medical Intern: %q, want no learner reading", got)
	}
}
