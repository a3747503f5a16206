package index

import (
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

// TestTranslate checks the reading of a Portuguese query in English
// through the glossary of the whole ANZSCO's lexicons.
func TestTranslate(t *testing.T) {
	an := anzscoAnalyser(t)
	known := func(lang, w string) bool { return lang == "en" && (w == "software" || w == "designer") }
	tests := []struct {
		in          string
		first       int // words in the first part; 0 for all
		to, text    string
		wantNothing bool
	}{
		// the head comes first in Portuguese, last in English
		{in: "Motorista de Autocarro", to: "en", text: "bus driver"},
		// a phrase wins over its words: a waiter, not an employee of a table
		{in: "Empregado de Mesa", to: "en", text: "waiter"},
		// one entry stands for the feminine and the plural
		{in: "Enfermeiras", to: "en", text: "nurse"},
		{in: "Vendedora", to: "en", text: "sales assistant"},
		// only the first part is put in the other order
		{in: "Técnico de Farmácia Saúde Escola", first: 3, to: "en", text: "pharmacy technician health school"},
		// a phrase does not straddle the parts
		{in: "Vendedor Loja", first: 1, to: "en", text: "sales assistant shop"},
		// a word of the English titles is kept, another is left out
		{in: "Engenheiro de Software Pleno", to: "en", text: "software engineer"},
		// nothing in the glossary: no translation at all
		{in: "Designer Xpto", wantNothing: true},
	}
	for _, tt := range tests {
		words := Words(Fold(tt.in))
		first := tt.first
		if first == 0 {
			first = len(words)
		}
		to, text, _ := an.translate("pt", words, first, known)
		if tt.wantNothing {
			if to != "" {
				t.Errorf("translate(%q) = %s %q, want none", tt.in, to, text)
			}
			continue
		}
		if to != tt.to || text != tt.text {
			t.Errorf("translate(%q) = %s %q, want %s %q", tt.in, to, text, tt.to, tt.text)
		}
	}
	if to, _, _ := an.translate("en", Words("bus driver"), 2, known); to != "" {
		t.Errorf("an English query was translated into %s: the lexicons have no English glossary", to)
	}
}

// TestTranslatedQueryExplained checks that a Portuguese title codes
// through the English titles and that --explain says how it was read.
func TestTranslatedQueryExplained(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	res, err := ix.Classify(Query{Text: "Motorista de Autocarro", Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Code != "731211" {
		t.Errorf("Motorista de Autocarro = %s %q, want 731211 Bus Driver", res.Code, res.Title)
	}
	tr := res.Explanation.Translation
	if tr == nil || tr.Lang != "en" || tr.Text != "bus driver" {
		t.Errorf("explanation translation = %+v, want en \"bus driver\"", tr)
	}
	res, err = ix.Classify(Query{Text: "Bus Driver", Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Explanation.Translation != nil {
		t.Errorf("an English title was translated: %+v", res.Explanation.Translation)
	}
}

// corpusLexicons returns the lexicon names of a built-in corpus.
func corpusLexicons(t *testing.T, name string) []string {
	t.Helper()
	c := builtinCorpus(t, name)
	lx, err := c.Lexicon()
	if err != nil {
		t.Fatal(err)
	}
	return lx.Names
}

// TestJoinCompounds checks that two words are joined only where the
// corpus writes them as one word and never as two.
func TestJoinCompounds(t *testing.T) {
	a := &analyser{
		titleWords:    map[string]bool{"kitchenhand": true, "kitchen": true, "hand": true, "callcentre": true, "ear": true},
		titleBigrams:  map[string]bool{"call centre": true},
		functionLangs: map[string]uint8{"e": 1},
	}
	tests := []struct {
		in        string
		first     int
		out       string
		wantFirst int
	}{
		{"kitchen hand busy cafe", 2, "kitchenhand busy cafe", 1},
		// the corpus writes both: left as written
		{"call centre operator", 3, "call centre operator", 3},
		// never across the parts of a title
		{"kitchen hand", 1, "kitchen hand", 1},
		{"senior kitchen hand", 3, "senior kitchenhand", 2},
		// a grammatical word is never half of a compound
		{"refrigeracao e ar condicionado", 4, "refrigeracao e ar condicionado", 4},
	}
	for _, tt := range tests {
		got, first := a.joinCompounds(strings.Fields(tt.in), tt.first)
		if strings.Join(got, " ") != tt.out || first != tt.wantFirst {
			t.Errorf("joinCompounds(%q, %d) = %q, %d; want %q, %d", tt.in, tt.first, strings.Join(got, " "), first, tt.out, tt.wantFirst)
		}
	}
}

// TestPhraseVariants checks that a variant of several words replaces the
// phrase, the longest first, before the words are analysed one by one,
// also where shorthand written out or a possessive joined makes the
// phrase, and leaves its words alone elsewhere.
func TestPhraseVariants(t *testing.T) {
	lx, err := corpus.LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	lx.Variants["en"] = append(lx.Variants["en"],
		corpus.Rewrite{From: "personal trainer", To: []string{"fitness", "instructor"}},
		corpus.Rewrite{From: "hr driver", To: []string{"truck", "driver"}},
		corpus.Rewrite{From: "hr", To: []string{"human", "resource"}},
		corpus.Rewrite{From: "learning development", To: []string{"training", "development"}},
		corpus.Rewrite{From: "learning development lead", To: []string{"training", "manager"}},
		corpus.Rewrite{From: "asst", To: []string{"assistant"}},
		corpus.Rewrite{From: "store assistant", To: []string{"sales", "assistant"}},
		corpus.Rewrite{From: "plumbers mate", To: []string{"plumbers", "assistant"}})
	an, err := newAnalyser(lx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want string }{
		{"Personal Trainer - Gym", "fitness instructor gym"},
		{"Trainee Personal Trainer", "trainee fitness instructor"},
		// the phrase wins over the variant of its first word
		{"HR Driver", "truck driver"},
		{"HR Adviser", "human resource adviser"},
		// the longest phrase first
		{"Learning & Development Lead", "training manager"},
		{"Learning & Development Officer", "training development officer"},
		// shorthand written out, and a possessive joined, make a phrase
		{"Store Asst - Weekends", "sales assistant weekends"},
		{"Plumber's Mate", "plumbers assistant"},
		{"Plumber’s Mate", "plumbers assistant"},
		// and are otherwise read word by word
		{"Asst Manager", "assistant manager"},
		{"Builder's Labourer", "builder labourer"},
		// the words of a phrase elsewhere are left as they are
		{"Personal Assistant", "personal assistant"},
		{"Trainer", "trainer"},
	} {
		got := strings.Join(an.terms("en", tt.in), " ")
		if want := strings.Join(an.terms("en", tt.want), " "); got != want {
			t.Errorf("terms(%q) = %q, want %q (the terms of %q)", tt.in, got, want, tt.want)
		}
	}
}

// TestGlossaryKeysDistinct checks that no two entries of a glossary stem to
// the same phrase with different translations: the later one would
// silently replace the earlier ("hotelaria" and "hotel" both stem to
// "hotel").
func TestGlossaryKeysDistinct(t *testing.T) {
	for _, name := range []string{corpus.DefaultName, "anzsco"} {
		lx, err := corpus.LoadLexicon(corpusLexicons(t, name)...)
		if err != nil {
			t.Fatal(err)
		}
		an, err := newAnalyser(lx, nil)
		if err != nil {
			t.Fatal(err)
		}
		for pair, rws := range lx.Translate {
			from, _, _ := strings.Cut(pair, "-")
			la := an.langs[from]
			if la == nil {
				continue
			}
			seen := map[string]string{}
			for _, rw := range rws {
				key := glossaryKey(la, Words(Fold(rw.From)))
				to := strings.Join(rw.To, " ")
				if prev, ok := seen[key]; ok && prev != to {
					t.Errorf("corpus %s, glossary %s: %q stems to %q, translated %q and %q", name, pair, rw.From, key, prev, to)
				}
				seen[key] = to
			}
		}
	}
}

// TestGlossaryTellsLanguage checks that a title of words the corpus lacks
// but the glossary translates by themselves is read as Portuguese, and
// that a title of words neither holds stays undecided.
func TestGlossaryTellsLanguage(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	for in, want := range map[string]string{"trolha": "pt", "telhadista": "pt", "xptoqwz": ""} {
		if ix.wordLangs[in] != 0 {
			t.Fatalf("the corpus holds %q: the test needs a word it lacks", in)
		}
		if got := ix.detectLanguage(Words(in)); got != want {
			t.Errorf("detectLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRoleWordTellsLanguage checks that a Portuguese title whose English
// words outnumber its Portuguese ones is read as Portuguese when its role
// word, first in Portuguese, is Portuguese, and that English titles that
// hold a Portuguese-looking word stay English.
func TestRoleWordTellsLanguage(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	tests := []struct {
		in    string
		first int // words of the first part; 0 for all
		want  string
	}{
		// mixed: a Portuguese role word and English words of the trade
		{"desenvolvedor front end", 0, "pt"},
		{"desenvolvedora back end", 0, "pt"},
		{"recepcionista front desk hostel", 3, "pt"},
		{"operador cross docking", 0, "pt"},
		{"analista supply chain", 0, "pt"},
		{"programador full stack", 0, "pt"},
		// English titles stay English
		{"front end developer", 0, "en"},
		{"chef de partie", 0, "en"},
		{"social media manager", 0, "en"},
		{"supply chain analyst", 0, "en"},
		{"cafe manager", 0, "en"},
		{"cross docking operator", 0, "en"},
		// a Portuguese title of the corpus that is an English word too
		{"pastor community church", 1, ""},
		// a word the corpus lacks whose translation heads English titles
		{"camareira housekeeping", 0, "pt"},
		// no role word tells; an English phrase its lexicon writes out does,
		// in a Portuguese ad too
		{"hr business partner", 0, "en"},
		{"product owner fintech", 2, "en"},
		{"hr business partner senior m f lisboa", 3, "en"},
	}
	for _, tt := range tests {
		words := Words(tt.in)
		first := tt.first
		if first == 0 {
			first = len(words)
		}
		if got := ix.titleLanguage(words, first); got != tt.want {
			t.Errorf("titleLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// A word of the Portuguese titles that the English lexicon writes out
	// ("CEO") is English too: not a Portuguese role word.
	if got, _ := ix.roleLanguage(Words("ceo")); got == "pt" {
		t.Errorf("roleLanguage(\"ceo\") = %q, want not pt", got)
	}
	// The corpus without a hierarchy has no role words: the vote decides,
	// as before.
	if got, _ := testIndex(t).roleLanguage(Words("desenvolvedor front end")); got != "" {
		t.Errorf("5411 corpus: roleLanguage = %q, want \"\"", got)
	}
}

// TestTranslateKeepsEnglishOrder checks that English words of a
// Portuguese title, kept as they are, keep their English order when the
// titles write them so, and that Portuguese words that are English words
// too are still put in the English order.
func TestTranslateKeepsEnglishOrder(t *testing.T) {
	an := anzscoAnalyser(t)
	an.titleBigrams = map[string]bool{"supply chain": true, "help desk": true, "digital marketing": true, "marketing digital": true}
	english := map[string]bool{"supply": true, "chain": true, "help": true, "desk": true, "digital": true, "marketing": true}
	known := func(lang, w string) bool { return lang == "en" && english[w] }
	for in, want := range map[string]string{
		"Analista de Supply Chain":      "supply chain analyst",
		"Técnico de Help Desk":          "help desk technician",
		"Analista de Marketing Digital": "digital marketing analyst",
		"Analista de Chain Supply":      "supply chain analyst",
	} {
		words := Words(Fold(in))
		if _, got, _ := an.translate("pt", words, len(words), known); got != want {
			t.Errorf("translate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMixedTitleTranslated checks, through the whole pipeline, that a
// Portuguese title whose English words outnumber its Portuguese ones is
// read in Portuguese and translated, and that an English word of it that
// the English lexicon writes out is kept in the translation.
func TestMixedTitleTranslated(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	for in, want := range map[string]string{
		"Desenvolvedora Front-end Vue.js": "web developer",
		"Técnico de Helpdesk Júnior":      "helpdesk technician",
		"Analista de Supply Chain Sênior": "supply chain analyst",
	} {
		p, err := ix.prepare(Query{Text: in})
		if err != nil {
			t.Fatal(err)
		}
		if p.lang != "pt" || p.bridge != "en" || !strings.Contains(p.translation, want) {
			t.Errorf("%q: language %q, translated into %q as %q, want pt into en as %q", in, p.lang, p.bridge, p.translation, want)
		}
	}
	res, err := ix.Classify(Query{Text: "Desenvolvedora Front-end Vue.js"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Code == "721216" {
		t.Errorf("a front-end developer coded %s %s", res.Code, res.Title)
	}
}

// anzscoAnalyser returns the analyser of the whole ANZSCO's lexicons.
func anzscoAnalyser(t *testing.T) *analyser {
	t.Helper()
	lx, err := corpus.LoadLexicon(corpusLexicons(t, "anzsco")...)
	if err != nil {
		t.Fatal(err)
	}
	an, err := newAnalyser(lx, nil)
	if err != nil {
		t.Fatal(err)
	}
	return an
}
