package index

import (
	"fmt"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/internal/batch/adgen"
)

// TestLexiconsSpareTitleWords checks the built-in corpora against their own
// lexicons: no stop word or place of a lexicon is a word of an occupation
// title of the corpus, so the data itself never asks to drop a title word
// (the analyser would refuse to, but the lexicon should not need that).
func TestLexiconsSpareTitleWords(t *testing.T) {
	for _, name := range corpus.BuiltinNames() {
		c := builtinCorpus(t, name)
		lx, err := c.Lexicon()
		if err != nil {
			t.Fatal(err)
		}
		an, err := newAnalyser(lx, c)
		if err != nil {
			t.Fatal(err)
		}
		for lang, ws := range lx.Stop {
			for _, w := range ws {
				if an.titleWords[Fold(w)] {
					t.Errorf("corpus %s: stop word %q (%s) is a word of a title of the corpus", name, w, lang)
				}
			}
		}
		for _, p := range lx.Places {
			if an.titleWords[Fold(p)] {
				t.Errorf("corpus %s: place %q is a word of a title of the corpus", name, p)
			}
		}
	}
}

func TestTitleWordsAreNeverStripped(t *testing.T) {
	c := &corpus.Corpus{Version: "t", Occupations: []corpus.Occupation{
		{Code: "511111", Scope: corpus.Target, Text: map[string]*corpus.Text{"en": {Title: "Contract Administrator"}}},
		{Code: "249311", Scope: corpus.Target, Text: map[string]*corpus.Text{"en": {Title: "English Teacher"}}},
		{Code: "411111", Scope: corpus.Target, Text: map[string]*corpus.Text{"en": {Title: "Western Sydney Ranger"}}},
	}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	an, err := analyserFor(c)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"Contract Administrator - 12 month contract", "contract administrator"},
		{"English Teacher", "english teacher"},
		{"Casual English Teacher", "english teacher"},
		{"Western Sydney Ranger", "western sydney ranger"},
	}
	for _, tt := range tests {
		cleaned, _ := an.cleanTitle(tt.in)
		if got := strings.Join(Words(cleaned), " "); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := an.terms("en", "English Teacher"); strings.Join(got, " ") != "english teacher" {
		t.Errorf("terms(English Teacher) = %v: the title word english was stopped", got)
	}
}

// TestPhrasesAreReadBeforeNoise checks that noise does not strip a word of
// a phrase of the lexicon's variants: "office junior" is a general clerk,
// though "junior" alone is seniority noise, and "contract cleaner" a
// commercial cleaner, though "contract" alone is a contract's noise.
func TestPhrasesAreReadBeforeNoise(t *testing.T) {
	c := &corpus.Corpus{Version: "t", Lexicons: []string{"en", "pt", "jobads", "jobads-pt", "ads-en"}, Occupations: []corpus.Occupation{
		{Code: "531111", Scope: corpus.Target, Text: map[string]*corpus.Text{"en": {Title: "General Clerk"}}},
		{Code: "811211", Scope: corpus.Target, Text: map[string]*corpus.Text{"en": {Title: "Commercial Cleaner"}}},
		{Code: "221111", Scope: corpus.Target, Text: map[string]*corpus.Text{"en": {Title: "Accountant"}}},
	}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	an, err := analyserFor(c)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want, terms string }{
		{"Office Junior", "office junior", "general clerk"},
		{"Contract Cleaner", "contract cleaner", "commerci cleaner"},
		{"Junior Accountant", "accountant", "account"},
		{"Cleaner - 6 month contract", "cleaner", "cleaner"},
	}
	for _, tt := range tests {
		cleaned, _ := an.cleanTitle(tt.in)
		if got := strings.Join(Words(cleaned), " "); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := strings.Join(an.terms("en", cleaned), " "); got != tt.terms {
			t.Errorf("terms of %q = %q, want %q", tt.in, got, tt.terms)
		}
	}
}

// TestSearchOrderedByScore checks that search lists occupations in the
// order of the score it shows, and honours n.
func TestSearchOrderedByScore(t *testing.T) {
	ix := testIndex(t)
	for _, q := range []string{"call centre", "team leader", "customer service", "operador"} {
		hits, err := ix.Search(q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) > 5 {
			t.Errorf("Search(%q, 5) returned %d hits", q, len(hits))
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Errorf("Search(%q): hit %d (%s) scores %.3f above hit %d's %.3f", q, i+1, hits[i].Code, hits[i].Score, i, hits[i-1].Score)
			}
		}
	}
}

// TestNoisePrefilter checks that a noise rule's cheap test never skips a
// title the rule matches, on every labelled title and on titles made to
// hold each rule's noise.
func TestNoisePrefilter(t *testing.T) {
	var titles []string
	for _, f := range []string{"titles.csv", "described.csv", "5411-test.csv", "anzsco-test-en.csv", "anzsco-test-pt.csv"} {
		for _, r := range adRows(t, f, false) {
			titles = append(titles, r.title)
		}
		for _, r := range adRows(t, f, true) {
			titles = append(titles, r.title)
		}
	}
	titles = append(titles, "Agent - 12 month contract", "Operador (m/f) - CLT - Home Office", "Nurse | $45/hr + super", "Level 3 Clerk", "Ref #12345 Driver", "Chef - R$ 2.500 + VT")
	for name, an := range builtinAnalysers(t) {
		for _, title := range titles {
			s := Fold(title)
			for _, r := range an.noise {
				if r.whole().MatchString(s) && !r.mayMatch(s) {
					t.Errorf("corpus %s: rule %s matches %q but its prefilter skips it", name, r.name, title)
				}
			}
		}
	}
}

func TestPatternNeed(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // sets separated by " & ", literals by "|"
	}{
		{`\bcasual\b`, "casual"},
		{`\bfull[- ]?time\b`, "full & time"},
		{`\bweekends?\b`, "weekend"},
		{`\b\d+\s?k\b`, "0|1|2|3|4|5|6|7|8|9 & k"},
		{`\(a\)`, "(a)"},
		{`\bclt[\s-]+ou[\s-]+pj\b`, `clt & ou & pj & \t|\n|\f|\r| |- & \t|\n|\f|\r| |-`},
		{`\b(?:level|lvl|l)\s?\d+\b`, "l & 0|1|2|3|4|5|6|7|8|9"},
		{`\b(?:great|new) (?:team|role)\b`, "team|role & great|new &  "},
		{`\b(?:[mfwhd]\s?/\s?)+[mfwhdx]\b`, "d|f|h|m|w & / & d|f|h|m|w|x"},
		{`(?:up to )?\$\s?\d`, "$ & 0|1|2|3|4|5|6|7|8|9"},
		{`(?i)casual`, ""},
		{`a*`, ""},
	} {
		var sets []string
		for _, set := range patternNeed(tt.in) {
			sets = append(sets, strings.Join(set, "|"))
		}
		got := strings.Join(sets, " & ")
		got = strings.NewReplacer("\t", `\t`, "\n", `\n`, "\f", `\f`, "\r", `\r`).Replace(got)
		if got != tt.want {
			t.Errorf("patternNeed(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNoiseSubexpressions checks that running only the patterns a text
// may match finds the same matches as the whole rule.
func TestNoiseSubexpressions(t *testing.T) {
	g := adgen.New(3)
	titles := []string{"Agent - 12 month contract", "Operador (m/f) - CLT - Home Office", "Nurse | $45/hr + super",
		"Level 3 Clerk", "Ref #12345 Driver", "Chef - R$ 2.500 + VT", "Casual Full Time Part Time Nurse - 6 months FTC"}
	for range 3000 {
		titles = append(titles, g.Next(0).Title)
	}
	for name, an := range builtinAnalysers(t) {
		for _, title := range titles {
			s := Fold(title)
			for _, r := range an.noise {
				want := fmt.Sprint(r.whole().FindAllStringIndex(s, -1))
				got := "[]"
				tb := an.noiseLits.newTextBits(s)
				if re := r.regexpFor(&tb); re != nil {
					got = fmt.Sprint(re.FindAllStringIndex(s, -1))
				}
				if got != want {
					t.Errorf("corpus %s: rule %s on %q: matches %s, want %s", name, r.name, s, got, want)
				}
			}
		}
	}
}

// TestTextBitsContains checks the prefilter's one pass over a text against
// strings.Contains for every literal of the noise rules.
func TestTextBitsContains(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	an, err := analyserFor(c)
	if err != nil {
		t.Fatal(err)
	}
	g := adgen.New(5)
	// Literals at the ends of the text, one after another, overlapping,
	// and texts of one byte.
	texts := []string{"", "$", "r$", "full time", "ref #12345", "part-time/full-time", "ç"}
	for range 500 {
		texts = append(texts, Fold(g.Next(0).Title))
	}
	for _, lit := range an.noiseLits.lits {
		texts = append(texts, lit, " "+lit, lit+lit)
	}
	for _, s := range texts {
		tb := an.noiseLits.newTextBits(s)
		for id, lit := range an.noiseLits.lits {
			if got, want := tb.holds(uint32(id)), strings.Contains(s, lit); got != want {
				t.Fatalf("holds(%q) in %q = %v, want %v", lit, s, got, want)
			}
		}
	}
}

// builtinAnalysers returns the analyser of each built-in corpus, by name.
func builtinAnalysers(t *testing.T) map[string]*analyser {
	t.Helper()
	out := map[string]*analyser{}
	for _, name := range corpus.BuiltinNames() {
		c := builtinCorpus(t, name)
		an, err := analyserFor(c)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = an
	}
	return out
}

// TestTextBitsManyLiterals checks the literals past the first 512, which
// the built-in rules do not reach.
func TestTextBitsManyLiterals(t *testing.T) {
	var pats []string
	for i := range 700 {
		pats = append(pats, fmt.Sprintf("w%03dx", i))
	}
	r, err := newNoiseRule("many", pats)
	if err != nil {
		t.Fatal(err)
	}
	nl := numberNoiseLiterals([]*noiseRule{r})
	if len(nl.lits) != 700 {
		t.Fatalf("%d literals numbered, want 700", len(nl.lits))
	}
	for _, s := range []string{"w000x", "a w699x b", "w511x w512x", "w650", "none"} {
		tb := nl.newTextBits(s)
		for id, lit := range nl.lits {
			if got, want := tb.holds(uint32(id)), strings.Contains(s, lit); got != want {
				t.Errorf("holds(%q) in %q = %v, want %v", lit, s, got, want)
			}
		}
		if got, want := r.mayMatch(s), r.whole().MatchString(s); got != want {
			t.Errorf("mayMatch(%q) = %v, want %v", s, got, want)
		}
	}
}
