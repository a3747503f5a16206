package index

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// analyser applies a corpus's lexicons: it is the whole analysis of the
// index, language by language. The engine itself knows only folding,
// tokenising and stemming; every word list comes from the lexicons.
//
// The words of the corpus's titles are protected: a stop word, a place or
// a noise pattern never removes a word that an occupation title of the
// corpus uses ("english" stays in "English Teacher" when the corpus has
// such a title; "contract" stays in "Contract Administrator"), and the
// speller never corrects one.
type analyser struct {
	langs map[string]*langAnalysis
	// functionLangs marks, for each function word, the languages it
	// belongs to (bit i for corpus.Languages[i]); language detection uses
	// them.
	functionLangs map[string]uint8
	noise         []*noiseRule
	noiseLits     *noiseLits // the literals the noise rules need
	places        map[string]bool
	// qualifiers are bracketed parts of titles that a query need not
	// contain; residuals mark a residual ("nec") title.
	qualifiers map[string]bool
	residuals  map[string]bool
	// titleWords are the folded words of the corpus's title-like strings,
	// titleBigrams their adjacent pairs ("contract administrator").
	titleWords   map[string]bool
	titleBigrams map[string]bool
	// phraseBigrams are the adjacent pairs of words of the variants'
	// phrases in any language ("office junior"): noise does not split
	// them, as it does not split a title's.
	phraseBigrams map[string]bool
	names         []string
	// glossaries translate a query, by its language.
	glossaries map[string]*glossary
	// context words count only when no workplace phrase is in the query.
	context    map[string]bool
	workplaces map[string]bool
	// workplaceStarts are the first words of the workplace phrases.
	workplaceStarts map[string]bool
	// entryLangs are the languages with entry words (entry.go), in the
	// order of corpus.Languages.
	entryLangs []string
	// lexiconSum is the SHA-256 of the lexicons' entries, for Fingerprint.
	lexiconSum string
}

// langAnalysis is the analysis of one language.
type langAnalysis struct {
	function map[string]bool
	stop     map[string]bool
	variants map[string][]string
	// phrases are the variants that replace a phrase, by folded phrase;
	// maxPhrase is the most words of one (0 when there are none);
	// phraseStart holds their first words.
	phrases     map[string][]string
	phraseStart map[string]bool
	maxPhrase   int
	// written holds the words the variants write: right words though the
	// corpus may lack them ("contato", which "contacto" is written as, is
	// not a slip of "contrato").
	written map[string]bool
	// canon maps a stem to the stem that stands for it.
	canon map[string]string
	stem  func(string) string
	// agentive are suffixes of nouns for a person, which are only made
	// singular.
	agentive []corpus.Rewrite
	// entry maps an entry word (folded) to the role it stands for in a
	// title that names none (entry.go).
	entry map[string]string
	// learners are the words for a person learning a field's work;
	// fields map a field (folded words) to its practitioner's title
	// words, maxField the most words of a field (field.go).
	learners map[string]bool
	fields   map[string][]string
	maxField int
	// postmod are the words that open a phrase after a head noun
	// (headphrase.go).
	postmod map[string]bool
}

// newAnalyser compiles lx for corpus c: title words of c are taken out of
// the stop words and places.
func newAnalyser(lx *corpus.Lexicon, c *corpus.Corpus) (*analyser, error) {
	return compileAnalyser(lx, func(a *analyser) (words, bigrams map[string]bool) { return titleVocabulary(c, a) })
}

// compileAnalyser compiles lx with the title vocabulary that vocab
// returns: titleVocabulary of a corpus, or the one a snapshot kept.
func compileAnalyser(lx *corpus.Lexicon, vocab func(*analyser) (words, bigrams map[string]bool)) (*analyser, error) {
	a := &analyser{langs: map[string]*langAnalysis{}, functionLangs: map[string]uint8{},
		places: map[string]bool{}, qualifiers: map[string]bool{}, residuals: map[string]bool{},
		names: lx.Names, lexiconSum: lexiconSum(lx)}
	for i, lang := range corpus.Languages {
		a.langs[lang] = compileLang(lx, lang, 1<<i, a.functionLangs)
	}
	a.titleWords, a.titleBigrams = vocab(a)
	a.phraseBigrams = phraseBigrams(a.langs)
	for _, lang := range corpus.Languages {
		la := a.langs[lang]
		for _, w := range lx.Stop[lang] {
			if w = Fold(w); !a.titleWords[w] {
				la.stop[w] = true
			}
		}
		for _, rw := range lx.Canon[lang] {
			from, to := la.stemOnly(Fold(rw.From)), la.stemOnly(Fold(rw.To[0]))
			la.canon[from] = to
		}
		la.inflectVariants()
		for _, rw := range lx.Entry[lang] {
			if la.entry == nil {
				la.entry = map[string]string{}
			}
			la.entry[Fold(rw.From)] = Fold(rw.To[0])
		}
		if len(la.entry) > 0 {
			a.entryLangs = append(a.entryLangs, lang)
		}
		la.compileFields(lx, lang)
	}
	for _, p := range lx.Places {
		if p = Fold(p); !a.titleWords[p] {
			a.places[p] = true
		}
	}
	a.glossaries = newGlossaries(lx, a)
	a.context, a.workplaces = map[string]bool{}, map[string]bool{}
	for _, w := range lx.Context {
		a.context[Fold(w)] = true
	}
	a.workplaceStarts = map[string]bool{}
	for _, w := range lx.Workplaces {
		w = Fold(w)
		a.workplaces[w] = true
		if f := strings.Fields(w); len(f) > 1 {
			a.workplaceStarts[f[0]] = true
		}
	}
	for _, q := range lx.Qualifiers {
		a.qualifiers[Fold(q)] = true
	}
	for _, r := range lx.Residuals {
		a.residuals[Fold(r)] = true
	}
	for _, r := range lx.Noise {
		nr, err := newNoiseRule(r.Name, r.Patterns)
		if err != nil {
			return nil, fmt.Errorf("index: noise rule %s: %w", r.Name, err)
		}
		a.noise = append(a.noise, nr)
	}
	a.noiseLits = numberNoiseLiterals(a.noise)
	return a, nil
}

// compileLang compiles the parts of lx for lang that do not depend on the
// title vocabulary: function words (each marked with bit in
// functionLangs), variants and phrase variants, and agentive rewrites.
func compileLang(lx *corpus.Lexicon, lang string, bit uint8, functionLangs map[string]uint8) *langAnalysis {
	la := &langAnalysis{function: map[string]bool{}, stop: map[string]bool{}, variants: map[string][]string{},
		canon: map[string]string{}, stem: stemmerFor(lang), agentive: foldRewrites(lx.Agentive[lang])}
	for _, w := range lx.Function[lang] {
		w = Fold(w)
		la.function[w] = true
		functionLangs[w] |= bit
	}
	for _, w := range lx.Postmodifiers[lang] {
		if la.postmod == nil {
			la.postmod = map[string]bool{}
		}
		la.postmod[Fold(w)] = true
	}
	la.written = map[string]bool{}
	for _, rw := range lx.Variants[lang] {
		from := Fold(rw.From)
		for _, w := range foldAll(rw.To) {
			la.written[w] = true
		}
		if n := strings.Count(from, " ") + 1; n > 1 {
			if la.phrases == nil {
				la.phrases, la.phraseStart = map[string][]string{}, map[string]bool{}
			}
			la.phrases[from] = foldAll(rw.To)
			la.phraseStart[from[:strings.IndexByte(from, ' ')]] = true
			la.maxPhrase = max(la.maxPhrase, n)
			continue
		}
		la.variants[from] = foldAll(rw.To)
	}
	return la
}

// foldRewrites folds the words of rewrites.
func foldRewrites(rws []corpus.Rewrite) []corpus.Rewrite {
	out := make([]corpus.Rewrite, len(rws))
	for i, rw := range rws {
		out[i] = corpus.Rewrite{From: Fold(rw.From), To: foldAll(rw.To)}
	}
	return out
}

func foldAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = Fold(w)
	}
	return out
}

func stemmerFor(lang string) func(string) string {
	if lang == "pt" {
		return stemPT
	}
	return stemEN
}

// inflectVariants makes a one-word variant hold for every form of the
// word the stemmer joins: the lexicon lists "arquitecto = arquiteto", and
// "arquitectos" and "arquitecta" are the same word in the same spelling.
// The variant's stem is mapped (as canon is) to the stem of its rewrite,
// unless the canon maps it already, the rewrite is kept unstemmed, or the
// stemmer cut more than an inflection's ending (maxInflection) off the
// word: English "organize" stems to "organ", "specialization" to
// "special", and those stems are words of their own.
func (la *langAnalysis) inflectVariants() {
	for _, from := range slices.Sorted(maps.Keys(la.variants)) {
		to := la.variants[from]
		if len(to) != 1 || strings.HasPrefix(to[0], "=") || strings.Contains(to[0], " ") {
			continue
		}
		fs, ts := la.stemOnly(from), la.stemWord(to[0])
		if _, ok := la.canon[fs]; ok || fs == ts || la.function[from] || len(from)-len(fs) > maxInflection {
			continue
		}
		la.canon[fs] = ts
	}
}

// maxInflection is the longest ending, in bytes, that inflectVariants
// takes a stemmer to have cut off as an inflection: "-o" of "arquitecto",
// "-es" of "enquiries".
const maxInflection = 2

// stemWord stems one folded word and maps it to its canonical stem.
func (la *langAnalysis) stemWord(w string) string {
	s := la.stemOnly(w)
	if c, ok := la.canon[s]; ok {
		return c
	}
	return s
}

// stemOnly stems w, or makes a noun for a person singular (and, where the
// lexicon says so, gives it its common ending).
func (la *langAnalysis) stemOnly(w string) string {
	if len(la.agentive) > 0 {
		forms := [3]string{w}
		if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			forms[1] = w[:len(w)-1]
			if strings.HasSuffix(w, "es") {
				forms[2] = w[:len(w)-2]
			}
		}
		for _, sg := range forms {
			for _, suf := range la.agentive {
				if sg != "" && len(sg) > len(suf.From)+2 && strings.HasSuffix(sg, suf.From) {
					if len(suf.To) == 1 {
						return sg[:len(sg)-len(suf.From)] + suf.To[0]
					}
					return sg
				}
			}
		}
	}
	return la.stem(w)
}

// phraseBigrams returns the adjacent pairs of words of the variants'
// phrases of every language.
func phraseBigrams(langs map[string]*langAnalysis) map[string]bool {
	out := map[string]bool{}
	for _, la := range langs {
		for p := range la.phrases {
			ws := strings.Fields(p)
			for i := 1; i < len(ws); i++ {
				out[ws[i-1]+" "+ws[i]] = true
			}
		}
	}
	return out
}

// titleVocabulary returns the folded words of every title-like string of c
// (function words left out) and their adjacent pairs; the curated titles
// of occupations and groups are title-like, other classifications' titles
// are not.
func titleVocabulary(c *corpus.Corpus, a *analyser) (words, bigrams map[string]bool) {
	words, bigrams = map[string]bool{}, map[string]bool{}
	if c == nil {
		return words, bigrams
	}
	add := func(s string) {
		ws := Words(Fold(s))
		for i, w := range ws {
			if !a.isFunction(w) {
				words[w] = true
			}
			if i > 0 {
				bigrams[ws[i-1]+" "+w] = true
			}
		}
	}
	for i := range c.Occupations {
		for _, t := range c.Occupations[i].Text {
			eachTitle(t, func(_, s string) { add(s) })
			for _, st := range t.SourcedTitles {
				if st.Source == corpus.CuratedSource {
					add(st.Title)
				}
			}
			for _, p := range t.Patterns {
				for _, s := range append(append([]string{}, p.Roles...), p.Contexts...) {
					add(s)
				}
			}
		}
	}
	for _, g := range c.Groups {
		for _, sts := range g.Titles {
			for _, st := range sts {
				if st.Source == corpus.CuratedSource {
					add(st.Title)
				}
			}
		}
	}
	return words, bigrams
}

// joinCompounds writes two words as one where the corpus's titles write
// them so and never apart: "Kitchen Hand" is the title "Kitchenhand",
// "Panel Beater" "Panelbeater". first, the number of words of the first
// part, follows. A grammatical word is never half of a compound: "e ar"
// (and air) is not "ear". It writes the result over words, which it
// returns shortened: a word is written only where one was read.
func (a *analyser) joinCompounds(words []string, first int) ([]string, int) {
	if len(words) == 0 {
		return words[:0:0], first
	}
	// The pairs are looked up as string(key), which does not allocate;
	// only a pair that is joined becomes a string. out never passes i:
	// each word written stands for at least one read.
	out := words[:0]
	var key [64]byte
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) && i+1 != first {
			w, next := words[i], words[i+1]
			j := append(append(key[:0], w...), next...)
			if a.titleWords[string(j)] && !a.titleBigrams[string(joinKey(key[:0], words[i:i+2]))] && !a.isFunction(w) && !a.isFunction(next) {
				out = append(out, w+next)
				if i < first {
					first--
				}
				i++
				continue
			}
		}
		out = append(out, words[i])
	}
	return out, first
}

// variantLangs returns the languages whose lexicon rewrites the folded
// word w as a variant: bit i for corpus.Languages[i].
func (a *analyser) variantLangs(w string) uint8 {
	var m uint8
	for lang, la := range a.langs {
		if _, ok := la.variants[w]; ok {
			m |= langMask(lang)
		}
	}
	return m
}

func (a *analyser) isFunction(w string) bool { return a.functionLangs[w] != 0 }

// terms analyses s in lang and returns its unique terms in order of first
// appearance: fold, split into words, rewrite variants, drop function and
// stop words, numbers and single letters, stem, map to canonical stems.
func (a *analyser) terms(lang, s string) []string {
	la := a.langs[lang]
	if la == nil {
		return nil
	}
	var out []string
	emit := func(t string) {
		for _, o := range out {
			if o == t {
				return
			}
		}
		out = append(out, t)
	}
	var buf [32]string
	for _, w := range la.phraseWords(appendWords(buf[:0], Fold(s))) {
		rep, ok := la.variants[w]
		if !ok {
			if la.keep(w) {
				emit(la.stemWord(w))
			}
			continue
		}
		for _, r := range rep {
			if strings.HasPrefix(r, "=") {
				// "=word": the word as it is, unstemmed.
				if r = r[1:]; la.keep(r) {
					emit(r)
				}
				continue
			}
			if la.keep(r) {
				emit(la.stemWord(r))
			}
		}
	}
	return out
}

// hasPhrase reports whether words hold a phrase of the variants.
func (la *langAnalysis) hasPhrase(words []string) bool {
	for i := range words {
		if n, _ := la.phraseAt(words, i); n > 0 {
			return true
		}
	}
	return false
}

// phraseAt returns the length of the longest phrase of the variants that
// starts at words[i], and what the variants write for it; 0 when none
// does.
func (la *langAnalysis) phraseAt(words []string, i int) (int, []string) {
	for k := min(la.maxPhrase, len(words)-i); k >= 2 && la.phraseStart[words[i]]; k-- {
		if r, ok := la.phrases[strings.Join(words[i:i+k], " ")]; ok {
			return k, r
		}
	}
	return 0, nil
}

// rewritePhrases replaces the phrases of the variants in words, the
// longest first: "personal trainer" is written as the titles write it,
// "fitness instructor". words is returned as it is when none is there.
func (la *langAnalysis) rewritePhrases(words []string) []string {
	if la.maxPhrase == 0 {
		return words
	}
	var out []string
	for i := 0; i < len(words); i++ {
		n, rep := la.phraseAt(words, i)
		if n == 0 {
			if out != nil {
				out = append(out, words[i])
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(words)+len(rep)), words[:i]...)
		}
		out = append(out, rep...)
		i += n - 1
	}
	if out == nil {
		return words
	}
	return out
}

// phraseWords rewrites the phrases of the variants in words
// (rewritePhrases), and then those that only show once shorthand is
// written out and possessives are joined: "Store Asst" holds the phrase
// "store assistant", "Plumber's Mate" (the words plumber, s, mate) the
// phrase "plumbers mate". The words are returned as rewritePhrases
// leaves them when the second reading finds no phrase.
func (la *langAnalysis) phraseWords(words []string) []string {
	out := la.rewritePhrases(words)
	if la.maxPhrase == 0 {
		return out
	}
	if alt := la.spelledOut(out); alt != nil && la.hasPhrase(alt) {
		return la.rewritePhrases(alt)
	}
	return out
}

// spelledOut returns words with each one-word variant that the lexicon
// writes as plain words written out ("asst" as "assistant") and each lone
// "s" of a possessive joined to the word before it, or nil when neither
// changes anything.
func (la *langAnalysis) spelledOut(words []string) []string {
	var out []string
	for i, w := range words {
		rep, ok := la.variants[w]
		switch {
		case w == "s" && i > 0 && out != nil:
			out[len(out)-1] += "s"
		case w == "s" && i > 0:
			out = append(make([]string, 0, len(words)), words[:i-1]...)
			out = append(out, words[i-1]+"s")
		case ok && plainWords(rep):
			if out == nil {
				out = append(make([]string, 0, len(words)+len(rep)), words[:i]...)
			}
			out = append(out, rep...)
		case out != nil:
			out = append(out, w)
		}
	}
	return out
}

// plainWords reports whether a variant's rewrite is words to analyse, none
// of them kept unstemmed ("=word").
func plainWords(rep []string) bool {
	for _, r := range rep {
		if strings.HasPrefix(r, "=") {
			return false
		}
	}
	return len(rep) > 0
}

// keep reports whether a folded word is informative.
func (la *langAnalysis) keep(w string) bool {
	return len(w) >= 2 && !la.function[w] && !la.stop[w] && !isNumber(w)
}

// known reports whether a folded word is a word of the lexicons in any
// language, a glossary's word among them ("hipnoterapeuta", which is one
// letter pair from "hidroterapeuta"): the speller leaves such words alone.
func (a *analyser) known(w string) bool {
	if a.functionLangs[w] != 0 || a.places[w] || a.glossaryLangs(w) != 0 {
		return true
	}
	for _, la := range a.langs {
		if la.stop[w] || la.written[w] {
			return true
		}
		if _, ok := la.variants[w]; ok {
			return true
		}
	}
	return false
}

// spellingTargets are the lexicons' words a slip may be corrected to
// besides the corpus's: the words a variant rewrites ("supervisora"), the
// context and workplace words ("logistics", so that "Inbound Loigstics"
// still names another workplace) and the stop words ("trainee").
func (a *analyser) spellingTargets() []string {
	var out []string
	add := func(phrase string) {
		for _, w := range strings.Fields(phrase) {
			if isASCIIWord(w) {
				out = append(out, w)
			}
		}
	}
	for _, la := range a.langs {
		for w := range la.variants {
			add(w)
		}
		for w := range la.stop {
			add(w)
		}
	}
	for w := range a.context {
		add(w)
	}
	for w := range a.workplaces {
		add(w)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// spelling maps a folded word to its canonical spelling when every
// language rewrites it to the same one word (center -> centre), so that
// American and British spellings vote alike in language detection.
func (a *analyser) spelling(w string) string {
	out := ""
	for _, lang := range corpus.Languages {
		v := a.langs[lang].variants[w]
		if len(v) != 1 || strings.HasPrefix(v[0], "=") || (out != "" && v[0] != out) {
			return w
		}
		out = v[0]
	}
	return out
}

// fingerprintWords are analysed to fingerprint an analyser: a word of each
// kind the lexicons and stemmers treat (variants, stop words, canon,
// stems, accents, Portuguese).
var fingerprintWords = strings.Fields(`Contact Center Supervisor callcentre agents consultants
	Senior Casual Bilingual Trainee Organization Electrician Electricians Accountant Accounting
	Manager Management Registered Nurse Nursing Drivers Truck Atendente Operadora Técnico Líder
	equipa Telefonista Enfermeira Motorista caminhão Eletricista auxiliar cozinha analista sistemas
	B&B R&D`)

// Fingerprint identifies the analysis: the lexicons' names and the terms
// of a fixed word list in every language. A persisted index records it, so
// that one built with another analysis is refused instead of searched with
// terms it does not hold.
func (a *analyser) Fingerprint() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", TermsAnalyzer, strings.Join(a.names, ","))
	for _, lang := range corpus.Languages {
		for _, w := range fingerprintWords {
			fmt.Fprintf(h, "%s %s %s\n", lang, w, strings.Join(a.terms(lang, w), " "))
		}
		la := a.langs[lang]
		fmt.Fprintf(h, "%d %d %d %d %v\n", len(la.function), len(la.stop), len(la.variants), len(la.canon), la.agentive)
		if len(la.phrases) > 0 {
			fmt.Fprintf(h, "phrases %d\n", len(la.phrases))
		}
	}
	fmt.Fprintf(h, "%d %d %d %d\n", len(a.noise), len(a.places), len(a.qualifiers), len(a.residuals))
	fmt.Fprintf(h, "lexicons %s\n", a.lexiconSum)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// lexiconSum returns the SHA-256 of every entry of lx, so that a change of
// any entry (a phrase, a variant's target, a noise pattern) changes the
// fingerprint, which the token tables of a fixed word list would miss.
// fmt prints a map's entries in key order, so the text is the same for the
// same lexicons.
func lexiconSum(lx *corpus.Lexicon) string {
	h := sha256.New()
	fmt.Fprintf(h, "%q", *lx)
	return hex.EncodeToString(h.Sum(nil))
}

// titleText returns a title without its qualifiers: a bracketed part that
// is a qualifier ("Electrician (General)") is not a word a query must
// contain. A residual word ("Registered Nurses nec") stays: a query names
// the residual occupation only by saying it.
func (a *analyser) titleText(s string) string {
	if len(a.qualifiers) == 0 {
		return s
	}
	out := s
	for {
		i := strings.IndexByte(out, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(out[i:], ')')
		if j < 0 || !a.qualifiers[strings.TrimSpace(Fold(out[i+1:i+j]))] {
			break
		}
		out = strings.TrimSpace(out[:i] + out[i+j+1:])
	}
	if strings.TrimSpace(out) == "" {
		return s
	}
	return out
}

// isResidual reports whether a title is a residual ("nec") title.
func (a *analyser) isResidual(s string) bool {
	for _, w := range Words(Fold(s)) {
		if a.residuals[w] {
			return true
		}
	}
	return false
}

// dropContext removes the context words of folded words when they name
// another workplace: "Inbound Goods Team Leader" is not a call-centre
// title. It returns the words kept and those removed.
func (a *analyser) dropContext(words []string) (kept, dropped []string) {
	if len(a.context) == 0 || !a.namesWorkplace(words) {
		return words, nil
	}
	for _, w := range words {
		if a.context[w] {
			dropped = append(dropped, w)
		} else {
			kept = append(kept, w)
		}
	}
	return kept, dropped
}

// namesWorkplace reports whether the words hold a workplace phrase.
func (a *analyser) namesWorkplace(words []string) bool {
	for i, w := range words {
		if a.workplaces[w] {
			return true
		}
		// A phrase is looked up only where one starts: a description
		// has many words.
		if !a.workplaceStarts[w] {
			continue
		}
		for k := 2; k <= 3 && i+k <= len(words); k++ {
			if a.workplaces[strings.Join(words[i:i+k], " ")] {
				return true
			}
		}
	}
	return false
}
