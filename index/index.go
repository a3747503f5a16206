package index

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/internal/boundedcache"
)

// Title-like field kinds, in decreasing weight.
const (
	kindTitle    = "title"
	kindAlt      = "alt"
	kindSpec     = "spec"
	kindEveryday = "everyday"
	kindPattern  = "pattern"
	// kindGroup is the title of an occupation's unit group, indexed with
	// each occupation of the group in a hierarchical corpus, so that
	// "Registered Nurse" finds every registered nurse and backs off to
	// their unit group.
	kindGroup = "group"
	// kindSourced is a title from another classification (ESCO...).
	kindSourced = "sourced"
	// kindCurated is a curated title (corpus.CuratedSource): an everyday
	// title the classification's index lacks, weighed as its own titles.
	kindCurated = "curated"
)

// The bleve documents. Each occupation is one document with two fields:
//
//	t  its title-like strings in every language: title, alternative titles,
//	   specialisations, everyday titles, pattern roles and contexts;
//	x  its description and tasks in every language.
//
// Both hold terms analysed by the index in every language (the union of the
// English and Portuguese terms of each string), which TermsAnalyzer only
// splits. Field boosts follow the ANZSCO order, title >
// alternative titles > specialisations > everyday titles > description >
// tasks: within t, a string is indexed as many times as its kind's weight
// (term frequency carries the boost), and x counts for textBoost of t at
// query time. A query costs one term search per distinct term and field,
// whatever the size of the corpus.
const (
	titleField = "t"
	textField  = "x"
)

// kindRepeat is how many times a title-like string of each kind is indexed.
var kindRepeat = map[string]int{kindTitle: 4, kindAlt: 3, kindSpec: 2, kindEveryday: 2, kindCurated: 2, kindPattern: 1, kindGroup: 1, kindSourced: 1}

// ownLanguages returns the languages in which c's occupations have titles
// of their own, not only titles from other classifications (an
// occupation's first title from one becomes its title in a language it
// has none of its own in): English in the whole ANZSCO. In a hierarchical
// corpus a title from another classification in such a language (ESCO's
// English titles) is weaker evidence than the classification's own: it
// counts, as any title, for the containment of the candidate it belongs
// to, but its words are not the occupation's or group's vocabulary, so
// they add nothing to its coverage of a query and nothing to the idf of a
// term. An ESCO title that shares one word with a job-ad title would
// otherwise cover that word for every occupation of a wide group, and
// outrank the occupation whose own title the ad names: with coverage, the
// ESCO titles cost the English job-ad titles of the fit half three
// points; without it they gain one, and the held-out ABS titles four.
func ownLanguages(c *corpus.Corpus) map[string]bool {
	out := map[string]bool{}
	for i := range c.Occupations {
		for lang, t := range c.Occupations[i].Text {
			if t.Title != "" && (len(t.SourcedTitles) == 0 || t.SourcedTitles[0].Title != t.Title) {
				out[lang] = true
			}
		}
	}
	return out
}

// sharedTitleWeight scales the containment of a title that does not name
// one occupation: a unit group's title, shared by its occupations, or a
// residual ("nec") title. An occupation's own title that the query
// contains as well ranks above them.
const sharedTitleWeight = 0.9

// Query-time weights of the fields and of the description.
const (
	textBoost = 0.3
	// descriptionWeight scales the contribution of Query.Description
	// against the title's.
	descriptionWeight = 0.25
)

// newMapping builds the bleve mapping: the two text fields and keyword
// fields for the code and the scope.
func newMapping() *mapping.IndexMappingImpl {
	doc := bleve.NewDocumentStaticMapping()
	kw := bleve.NewKeywordFieldMapping()
	kw.Store, kw.IncludeTermVectors, kw.DocValues = false, false, false
	doc.AddFieldMappingsAt("code", kw)
	doc.AddFieldMappingsAt("scope", kw)
	for _, name := range []string{titleField, textField} {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = TermsAnalyzer
		f.Store, f.IncludeTermVectors, f.DocValues, f.IncludeInAll = false, false, false, false
		doc.AddFieldMappingsAt(name, f)
	}
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = TermsAnalyzer
	m.StoreDynamic, m.IndexDynamic, m.DocValuesDynamic = false, false, false
	return m
}

// Bits of Index.indexed.
const (
	inTitles uint8 = 1 << iota
	inText
)

// maxCandidates bounds the occupations whose coverage is computed for a
// query: the best-scoring ones. A whole title in the query scores high, so
// the right occupation is among them.
const maxCandidates = 10

// maxSearchSize bounds the occupations a search returns.
const maxSearchSize = 2 * maxCandidates

// In a hierarchical corpus of hundreds of occupations many share the
// query's words (every "... Manager"), so more are searched and ranked.
const (
	maxCandidatesHier = 60
	maxSearchSizeHier = 2 * maxCandidatesHier
)

// sourcedTargets counts, for each sourced or group title (by language and
// folded text), the occupations and groups that hold it: a title another
// classification gives to several of them names none in particular.
func sourcedTargets(extra map[string]map[string][]extraTitle, gts map[string]map[string][]string) map[string]int {
	n := map[string]int{}
	for _, byLang := range extra {
		for lang, xs := range byLang {
			seen := map[string]bool{}
			for _, x := range xs {
				if k := lang + "\x00" + Fold(x.text); !seen[k] {
					seen[k] = true
					n[k]++
				}
			}
		}
	}
	for _, byLang := range gts {
		for lang, ts := range byLang {
			seen := map[string]bool{}
			for _, t := range ts {
				if k := lang + "\x00" + Fold(t); !seen[k] {
					seen[k] = true
					n[k]++
				}
			}
		}
	}
	return n
}

// extraTitle is a title of an occupation besides its own text: a title
// from another classification.
type extraTitle struct{ kind, text string }

// extraTitles returns, by occupation code and language, the sourced
// titles of each occupation. A curated title counts as the occupation's
// own in a language the classification has titles of its own in (English
// in the whole ANZSCO); in another (Portuguese) it counts as the titles
// of other classifications in that language do, for the containment of
// its occupation and not as its vocabulary.
func extraTitles(c *corpus.Corpus) map[string]map[string][]extraTitle {
	out := map[string]map[string][]extraTitle{}
	own := ownLanguages(c)
	for i := range c.Occupations {
		o := &c.Occupations[i]
		m := map[string][]extraTitle{}
		for lang, t := range o.Text {
			for _, st := range t.SourcedTitles {
				kind := kindSourced
				if st.Source == corpus.CuratedSource && own[lang] {
					kind = kindCurated
				}
				m[lang] = append(m[lang], extraTitle{kind, st.Title})
			}
		}
		out[o.Code] = m
	}
	return out
}

// groupDocPrefix starts the bleve ID of a group's document.
const groupDocPrefix = "g:"

// groupTitles returns, in a hierarchical corpus, the titles of each unit
// and minor group by code and language: a unit group's own title, and the
// titles the corpus gives the group. Each group is one bleve document; a
// query that matches it matches every occupation of the group.
func groupTitles(c *corpus.Corpus) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	if !isHierarchical(c) {
		return out
	}
	add := func(code, lang, title string) {
		if out[code] == nil {
			out[code] = map[string][]string{}
		}
		out[code][lang] = append(out[code][lang], title)
	}
	seen := map[string]bool{}
	for i := range c.Occupations {
		if u := groupOf(&c.Occupations[i], "unit"); u.Title != "" && !seen[u.Code] {
			seen[u.Code] = true
			add(u.Code, "en", u.Title)
		}
	}
	for _, g := range c.Groups {
		for _, lang := range corpus.Languages {
			for _, t := range g.Titles[lang] {
				add(g.Code, lang, t.Title)
			}
		}
	}
	return out
}

// langsOf returns the languages an occupation has text, extra titles or
// group titles in, in corpus.Languages order.
func langsOf(o *corpus.Occupation, extra map[string][]extraTitle, groups map[string]map[string][]string) []string {
	var out []string
	for _, l := range corpus.Languages {
		if o.Text[l] != nil || len(extra[l]) > 0 || len(groups[groupOf(o, "unit").Code][l]) > 0 || len(groups[groupOf(o, "minor").Code][l]) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// textOf returns the occupation's text in lang, or an empty text when it
// has only extra titles in that language.
func textOf(o *corpus.Occupation, lang string) *corpus.Text {
	if t := o.Text[lang]; t != nil {
		return t
	}
	return &corpus.Text{}
}

// isHierarchical reports whether c codes to its hierarchy: every
// occupation a target (no contrasts) and groups given.
func isHierarchical(c *corpus.Corpus) bool {
	grouped := false
	for i := range c.Occupations {
		o := &c.Occupations[i]
		if o.Scope != corpus.Target {
			return false
		}
		if groupOf(o, "unit").Code != "" {
			grouped = true
		}
	}
	return grouped
}

// groupOf returns the occupation's group of the given level ("unit",
// "minor"...), or the zero Group.
func groupOf(o *corpus.Occupation, level string) corpus.Group {
	for _, g := range o.Hierarchy {
		if g.Level == level {
			return g
		}
	}
	return corpus.Group{}
}

// entry is one title-like string of an occupation, analysed. Roles and
// contexts of patterns are entries of kind "pattern": they are searched,
// but only a role together with a context makes a title.
type entry struct {
	code  string
	kind  string
	lang  string
	text  string
	terms []string // unique analysed terms
	// idf holds, in a hierarchical corpus, idfOf(lang, t) of each term,
	// computed once when the index is made.
	idf []float64
	// weight scales the entry's containment: 1, or sharedTitleWeight.
	weight float64
	// shared marks a title that names no single occupation: a group's,
	// or one that another classification gives to several targets.
	shared bool
	// lost is, in a hierarchical corpus, the weight of the title's words
	// that the stop words took out of its terms (lostWeight): a title of
	// another classification, whose words are not kept from the stop
	// words, still says them.
	lost float32
}

// occInfo is what ranking needs to know of an occupation beyond bleve.
type occInfo struct {
	occ   *corpus.Occupation
	title string
	langs []string
	// vocab[lang] holds the analysed terms of the title-like fields;
	// textVocab[lang] those of the description and tasks.
	vocab     map[string]map[string]bool
	textVocab map[string]map[string]bool
	entries   []*entry
	patterns  []pattern
	// unit and minor are the occupation's unit and minor groups, when the
	// corpus gives its hierarchy.
	unit, minor corpus.Group
	// langEntries are, by language, the entries entriesOf visits, in its
	// order, made once: ranking reads them for every candidate.
	langEntries map[string][]*entry
	// lookup is made the first time the occupation is a candidate; see
	// occLookup.
	lookupOnce sync.Once
	lookup     *occLookup
}

// pattern is a corpus.Pattern analysed: its roles and contexts as term
// lists.
type pattern struct {
	lang     string
	roles    []*entry
	contexts []*entry
}

// Index is a searchable corpus. It is safe for concurrent use by multiple
// goroutines once built or opened; Close must not race with searches.
type Index struct {
	bi      bleve.Index
	corpus  *corpus.Corpus
	info    CorpusInfo
	occs    map[string]*occInfo
	speller *speller
	// wordLangs records, for each folded word of the corpus, the languages
	// whose text it appears in (bit i for corpus.Languages[i]).
	wordLangs map[string]uint8
	an        *analyser
	// indexed tells, for each analysed term of the corpus, which bleve
	// fields hold it (inTitles, inText).
	indexed map[string]uint8
	// searchSize is how many occupations a search returns.
	searchSize int
	// maxCandidates is how many occupations, by score, get their
	// coverage computed.
	maxCandidates int
	// hier is true for a hierarchical corpus: every occupation a target,
	// with its groups, so that a result may back off to a group.
	hier bool
	// groups are the titles of the unit and minor groups, by code.
	groups map[string]string
	// model is the confidence model of a hierarchical corpus.
	model hierModel
	// ranker orders the candidates of a hierarchical corpus (ranker.go).
	ranker rankModel
	// groupEntries are the analysed titles of each group with titles, by
	// group code; groupVocab their terms by language; groupMembers the
	// occupations of each such group.
	groupEntries map[string]map[string][]*entry
	groupVocab   map[string]map[string]map[string]bool
	groupMembers map[string][]string
	// heads are the terms that head a title, for readers of CVs (TitleHead).
	heads titleHeadSet
	// contextTerms are the terms of the targets' pattern contexts, by
	// language, made on first use (entry.go).
	contextOnce  sync.Once
	contextTerms map[string]map[string]bool
	// idf weighs the terms of a hierarchical corpus; see idfOf.
	idf    map[string]map[string]float64
	idfMax float64
	// unitVocab and headUnits are the unit-group evidence of a
	// hierarchical corpus; see unitEvidence.
	unitVocab map[string]map[string]map[string]bool
	headUnits map[string]map[string]headCounts
	// roleHeads are, in a hierarchical corpus, the head terms of its
	// titles in each language (bit i for corpus.Languages[i]), those of
	// other classifications included: the words that name a role
	// ("desenvolvedor", "developer"); see roleLanguage.
	roleHeads map[string]uint8
	dir       string
	// searches remembers the scores of recent searches by their clauses.
	searches *boundedcache.Cache[map[string]float64]
	// lookupTerms numbers the terms of the occupations' lookups.
	lookupTerms termIDs
	// candCache remembers ranked candidates; see rankedCandidates.
	candCache *boundedcache.Cache[[]features]
}

// eachTitle calls fn for each title-like string of t with its kind, in
// decreasing weight: title, alternative titles, specialisations, everyday
// titles. Patterns are handled apart.
func eachTitle(t *corpus.Text, fn func(kind, s string)) {
	if t.Title != "" {
		fn(kindTitle, t.Title)
	}
	for _, s := range t.AlternativeTitles {
		fn(kindAlt, s)
	}
	for _, s := range t.Specialisations {
		fn(kindSpec, s)
	}
	for _, s := range t.EverydayTitles {
		fn(kindEveryday, s)
	}
}

// docs returns the bleve documents for c, one per occupation, by code:
// each string analysed in every language, its terms joined by spaces.
func docs(c *corpus.Corpus, an *analyser) map[string]map[string]interface{} {
	out := make(map[string]map[string]interface{}, len(c.Occupations))
	extra := extraTitles(c)
	cache := map[string]string{}
	both := func(s string) string {
		if v, ok := cache[s]; ok {
			return v
		}
		var all []string
		for _, lang := range corpus.Languages {
			all = append(all, an.terms(lang, s)...)
		}
		v := strings.Join(all, " ")
		cache[s] = v
		return v
	}
	for _, o := range c.Occupations {
		var t, x []string
		add := func(kind, s string) {
			v := both(an.titleText(s))
			for i := 0; i < kindRepeat[kind]; i++ {
				t = append(t, v)
			}
		}
		for _, lang := range langsOf(&o, extra[o.Code], nil) {
			tx := textOf(&o, lang)
			eachTitle(tx, add)
			for _, p := range tx.Patterns {
				for _, s := range append(append([]string{}, p.Roles...), p.Contexts...) {
					add(kindPattern, s)
				}
			}
			for _, x := range extra[o.Code][lang] {
				add(x.kind, x.text)
			}
			if tx.Description != "" {
				x = append(x, both(tx.Description))
			}
			for _, s := range tx.Tasks {
				x = append(x, both(s))
			}
		}
		out[o.Code] = map[string]interface{}{"code": o.Code, "scope": string(o.Scope), titleField: t, textField: x}
	}
	for code, byLang := range groupTitles(c) {
		var t []string
		for _, lang := range corpus.Languages {
			for _, s := range byLang[lang] {
				t = append(t, both(s))
			}
		}
		out[groupDocPrefix+code] = map[string]interface{}{"code": code, "scope": "group", titleField: t}
	}
	return out
}

// docCount is the number of bleve documents of c: one per occupation and
// one per group with titles.
func docCount(c *corpus.Corpus) int { return len(c.Occupations) + len(groupTitles(c)) }

// Build indexes c in memory.
func Build(c *corpus.Corpus) (*Index, error) {
	an, err := analyserFor(c)
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: creating in-memory index: %w", err)
	}
	// Filling bleve and analysing the corpus for ranking are independent:
	// they run side by side.
	filled := make(chan error, 1)
	go func() { filled <- fill(bi, c, an) }()
	ix, err := newIndex(bi, c, an)
	if ferr := <-filled; ferr != nil {
		err = ferr
	}
	if err != nil {
		bi.Close()
		return nil, err
	}
	return ix, nil
}

// analyserFor compiles the lexicons that c names.
func analyserFor(c *corpus.Corpus) (*analyser, error) {
	lx, err := c.Lexicon()
	if err != nil {
		return nil, fmt.Errorf("index: corpus %s: %w", c.Version, err)
	}
	return newAnalyser(lx, c)
}

func fill(bi bleve.Index, c *corpus.Corpus, an *analyser) error {
	b := bi.NewBatch()
	for id, d := range docs(c, an) {
		if err := b.Index(id, d); err != nil {
			return fmt.Errorf("index: adding %s: %w", id, err)
		}
	}
	if err := bi.Batch(b); err != nil {
		return fmt.Errorf("index: writing documents: %w", err)
	}
	return nil
}

// newIndex analyses the corpus's titles for coverage, builds the speller and
// wraps bi.
func newIndex(bi bleve.Index, c *corpus.Corpus, an *analyser) (*Index, error) {
	ix := emptyIndex(bi, c, an)
	extra := extraTitles(c)
	gts := groupTitles(c)
	b := &indexBuilder{ix: ix, an: an, words: map[string]int{}, analysed: map[string][]string{},
		extra: extra, groupTitles: gts, targets: sourcedTargets(extra, gts), ownLangs: ownLanguages(c),
		curatedGroups: curatedGroupTitles(c)}
	for i := range c.Occupations {
		b.addOccupation(&c.Occupations[i])
	}
	b.addGroups()
	ix.finish(b.words)
	return ix, nil
}

// emptyIndex returns the Index of c before its corpus is read: what
// newIndex and a restored snapshot (snapshot.go) start from.
func emptyIndex(bi bleve.Index, c *corpus.Corpus, an *analyser) *Index {
	ix := &Index{bi: bi, corpus: c, info: CorpusInfo{Version: c.Version, SHA256: c.SHA256()},
		occs: map[string]*occInfo{}, an: an, hier: isHierarchical(c), groups: map[string]string{}, model: anzscoModel, ranker: anzscoRanker}
	ix.wordLangs = map[string]uint8{}
	// The bleve fields hold every string analysed in both languages;
	// indexed records the terms the same way.
	ix.indexed = map[string]uint8{}
	return ix
}

// finish makes, once the corpus is read, what follows from it: the
// speller of its words, the search sizes, the idf and the tables ranking
// reads for every candidate.
func (ix *Index) finish(words map[string]int) {
	c, an := ix.corpus, ix.an
	for _, w := range an.spellingTargets() {
		if words[w] == 0 {
			// Below any corpus word: a tie goes to the corpus.
			words[w] = 1
		}
	}
	ix.speller = newSpeller(words)
	ix.speller.known = func(w string) bool { return an.known(w) || realWord(w) }
	ix.speller.langs = func(w string) uint8 { return ix.wordLangs[an.spelling(w)] | an.variantLangs(w) }
	// English is spelt far from its sound, and titles of Portuguese
	// borrow its words; not the other way round.
	ix.speller.soundLangs, ix.speller.loanLangs = langMask("en"), langMask("en")
	ix.searchSize = min(len(c.Occupations), maxSearchSize)
	ix.maxCandidates = maxCandidates
	if ix.hier {
		ix.searchSize = min(len(c.Occupations), maxSearchSizeHier)
		ix.maxCandidates = maxCandidatesHier
		if ix.idf == nil { // a snapshot holds it
			ix.computeIDF()
		}
		ix.unitEvidence()
	}
	ix.precompute()
	ix.searches = boundedcache.New[map[string]float64]("searches", searchCacheBytes)
	ix.candCache = boundedcache.New[[]features]("candidates", candidateCacheBytes)
}

// indexBuilder holds what newIndex needs while it reads the corpus: the
// word counts for the speller, the analysed titles, and the language of
// the strings being read.
type indexBuilder struct {
	ix          *Index
	an          *analyser
	words       map[string]int
	analysed    map[string][]string
	extra       map[string]map[string][]extraTitle
	groupTitles map[string]map[string][]string
	// targets counts the targets of each sourced title (sourcedTargets).
	targets map[string]int
	// ownLangs are the languages the corpus has titles of its own in
	// (ownLanguages).
	ownLangs map[string]bool
	// curatedGroups holds the curated titles of groups
	// (curatedGroupTitles).
	curatedGroups map[string]bool
	langBit       uint8
}

// curatedGroupTitles returns the curated titles of c's groups, each as
// code, language and title joined by NUL bytes: unlike other
// classifications' titles of a group, their words are the group's
// vocabulary.
func curatedGroupTitles(c *corpus.Corpus) map[string]bool {
	out := map[string]bool{}
	for _, g := range c.Groups {
		for lang, sts := range g.Titles {
			for _, st := range sts {
				if st.Source == corpus.CuratedSource {
					out[g.Code+"\x00"+lang+"\x00"+st.Title] = true
				}
			}
		}
	}
	return out
}

// index records the terms of s that bleve holds in a field (bit): its
// terms in its own language, and its terms analysed in the others.
func (b *indexBuilder) index(s, own string, ownTerms []string, bit uint8) {
	for _, t := range ownTerms {
		b.ix.indexed[t] |= bit
	}
	for _, lang := range corpus.Languages {
		if lang != own {
			for _, t := range b.ix.terms(lang, s) {
				b.ix.indexed[t] |= bit
			}
		}
	}
}

// termsOf analyses a title in lang, once per title.
func (b *indexBuilder) termsOf(lang, s string) []string {
	k := lang + "\x00" + s
	if ts, ok := b.analysed[k]; ok {
		return ts
	}
	ts := b.ix.terms(lang, b.an.titleText(s))
	b.analysed[k] = ts
	return ts
}

// countWords counts the words of s for the speller and records their
// language.
func (b *indexBuilder) countWords(s string) {
	for _, w := range Words(Fold(s)) {
		b.words[w]++
		b.ix.wordLangs[b.an.spelling(w)] |= b.langBit
	}
}

// addOccupation reads one occupation: its groups, and its titles,
// patterns, description and tasks in each of its languages.
func (b *indexBuilder) addOccupation(o *corpus.Occupation) {
	ix := b.ix
	oi := &occInfo{occ: o, title: o.Title(), langs: o.Langs(), vocab: map[string]map[string]bool{}, textVocab: map[string]map[string]bool{}}
	ix.occs[o.Code] = oi
	oi.unit, oi.minor = groupOf(o, "unit"), groupOf(o, "minor")
	for _, g := range []corpus.Group{oi.unit, oi.minor} {
		if g.Code != "" {
			ix.groups[g.Code] = g.Title
		}
	}
	oi.langs = langsOf(o, b.extra[o.Code], b.groupTitles)
	for _, lang := range oi.langs {
		b.addText(oi, lang)
	}
}

// addText reads the text of an occupation in one language.
func (b *indexBuilder) addText(oi *occInfo, lang string) {
	o := oi.occ
	t := textOf(o, lang)
	b.langBit = langMask(lang)
	oi.vocab[lang], oi.textVocab[lang] = map[string]bool{}, map[string]bool{}
	add := func(kind, s string) *entry {
		e := &entry{code: o.Code, kind: kind, lang: lang, text: s, terms: b.termsOf(lang, s), weight: 1}
		if kind == kindGroup || b.an.isResidual(s) {
			e.weight = sharedTitleWeight
		}
		if kind == kindGroup || kind == kindSourced && b.targets[lang+"\x00"+Fold(s)] > 1 {
			e.weight, e.shared = sharedTitleWeight, true
		}
		// A title another classification gives the occupation in a
		// language the corpus has titles of its own in: see
		// ownLanguages.
		foreign := kind == kindSourced && b.ix.hier && b.ownLangs[lang]
		if kind != kindPattern {
			oi.entries = append(oi.entries, e)
		}
		for _, term := range e.terms {
			if !foreign {
				oi.vocab[lang][term] = true
			}
		}
		b.index(s, lang, e.terms, inTitles)
		b.countWords(s)
		return e
	}
	eachTitle(t, func(kind, s string) { add(kind, s) })
	for _, x := range b.extra[o.Code][lang] {
		add(x.kind, x.text)
	}
	for _, p := range t.Patterns {
		pa := pattern{lang: lang}
		for _, s := range p.Roles {
			pa.roles = append(pa.roles, add(kindPattern, s))
		}
		for _, s := range p.Contexts {
			pa.contexts = append(pa.contexts, add(kindPattern, s))
		}
		oi.patterns = append(oi.patterns, pa)
	}
	for _, s := range append([]string{t.Description}, t.Tasks...) {
		ts := b.ix.terms(lang, s)
		for _, term := range ts {
			oi.textVocab[lang][term] = true
		}
		b.index(s, lang, ts, inText)
		b.countWords(s)
	}
}

// addGroups reads the titles of the groups that have titles of their own
// and lists each group's occupations.
func (b *indexBuilder) addGroups() {
	ix := b.ix
	ix.groupEntries = map[string]map[string][]*entry{}
	ix.groupVocab = map[string]map[string]map[string]bool{}
	ix.groupMembers = map[string][]string{}
	for code, byLang := range b.groupTitles {
		ix.groupVocab[code] = map[string]map[string]bool{}
		for _, lang := range corpus.Languages {
			b.langBit = langMask(lang)
			for _, s := range byLang[lang] {
				e := &entry{code: code, kind: kindGroup, lang: lang, text: s, terms: b.termsOf(lang, s), weight: sharedTitleWeight, shared: true}
				// A title another classification gives the group.
				foreign := b.ownLangs[lang] && s != ix.groups[code] && !b.curatedGroups[code+"\x00"+lang+"\x00"+s]
				if ix.groupEntries[code] == nil {
					ix.groupEntries[code] = map[string][]*entry{}
				}
				ix.groupEntries[code][lang] = append(ix.groupEntries[code][lang], e)
				if ix.groupVocab[code][lang] == nil {
					ix.groupVocab[code][lang] = map[string]bool{}
				}
				for _, t := range e.terms {
					if !foreign {
						ix.groupVocab[code][lang][t] = true
					}
				}
				b.index(s, lang, e.terms, inTitles)
				b.countWords(s)
			}
		}
	}
	for code, oi := range ix.occs {
		for _, g := range []string{oi.unit.Code, oi.minor.Code} {
			if b.groupTitles[g] != nil {
				ix.groupMembers[g] = append(ix.groupMembers[g], code)
			}
		}
	}
	for _, m := range ix.groupMembers {
		sort.Strings(m)
	}
}

func langMask(lang string) uint8 {
	for i, l := range corpus.Languages {
		if l == lang {
			return 1 << i
		}
	}
	return 0
}

// titleLanguage guesses the language of the folded words of a title whose
// first part is its first first words: the language its role word is in,
// when that tells (roleLanguage), else the language most of its words are
// in (detectLanguage). A role word that overrules the words must not be a
// word of another language's dictionary: "Pastor - Community Church" is
// English, though "pastor" (shepherd) is a Portuguese title of the corpus
// and no English one. The dictionaries are read only then, so that most
// titles never load them.
//
// When no role word tells, a phrase of one language's variants in the
// first part does: "HR Business Partner" and "Product Owner" are English
// phrases its lexicon writes out, though "business", "partner" and
// "product" are words of Portuguese titles of the corpus too, and a
// Portuguese ad that names its role in English ("Product Owner - Fintech")
// is coded as the English is.
func (ix *Index) titleLanguage(words []string, first int) string {
	vote := ix.detectLanguage(words)
	head := words[:min(first, len(words))]
	lang, w := ix.roleLanguage(head)
	if lang == "" {
		if p := ix.phraseLanguage(head); p != "" {
			return p
		}
		return vote
	}
	if lang == vote || wordOfOtherLanguage(lang, w) {
		return vote
	}
	return lang
}

// phraseLanguage returns the one language whose lexicons write out a
// phrase of two or more of the folded words, or "" when none or more than
// one does.
func (ix *Index) phraseLanguage(words []string) string {
	found := ""
	for _, l := range corpus.Languages {
		la := ix.an.langs[l]
		if la == nil || !la.hasPhrase(words) {
			continue
		}
		if found != "" {
			return ""
		}
		found = l
	}
	return found
}

// wordOfOtherLanguage reports whether the folded word w is in the
// dictionary of a language other than lang.
func wordOfOtherLanguage(lang, w string) bool {
	for l, d := range dictionaries {
		if l != lang && d.has(l, w) {
			return true
		}
	}
	return false
}

// roleLanguage returns the language whose role word heads the first part
// of a title: its first word in Portuguese, its last in English. Job ads
// in Portuguese name much of their work in English words ("Desenvolvedor
// Front-end", "Operador de Empilhadeira Cross Docking"), which outvote the
// Portuguese ones; the role word still says which language the title is
// written in. It returns the language and the role word, or "" when no
// language, or more than one, has a role word of its own there.
func (ix *Index) roleLanguage(first []string) (lang, word string) {
	if len(ix.roleHeads) == 0 {
		return "", ""
	}
	var content []string
	for _, w := range first {
		if !ix.an.isFunction(w) {
			content = append(content, w)
		}
	}
	for _, l := range corpus.Languages {
		h := headIndex(len(content), l)
		if h < 0 || !ix.isRoleWord(l, content[h]) {
			continue
		}
		if lang != "" {
			return "", ""
		}
		lang, word = l, content[h]
	}
	return lang, word
}

// isRoleWord reports whether the folded word w is a word of lang alone
// that heads titles of lang, or that lang's glossary translates by itself
// into words headed so in the other language ("camareira", commercial
// housekeeper). A word another language's lexicon writes out is a word of
// that language too ("ceo", a Portuguese title of the corpus, is an
// English abbreviation). A word the corpus lacks is of the languages whose
// glossary translates it.
func (ix *Index) isRoleWord(lang, w string) bool {
	bit := langMask(lang)
	m := ix.wordLangs[ix.an.spelling(w)]
	if m == 0 {
		m = ix.an.glossaryLangs(w)
	}
	if m|ix.an.variantLangs(w) != bit {
		return false
	}
	if ix.roleHeads[headOf(ix.terms(lang, w), lang)]&bit != 0 {
		return true
	}
	to, text := ix.an.translateWord(lang, w)
	return to != "" && ix.roleHeads[headOf(ix.terms(to, text), to)]&langMask(to) != 0
}

// correctSlips corrects the typing slips of folded words in place, each by
// the language the title's words are in, and returns the corrections. The
// language is detected only for a title with a word outside the corpus,
// before any word is corrected.
func (ix *Index) correctSlips(words []string) []Correction {
	var out []Correction
	lang, detected := uint8(0), false
	for i, w := range words {
		if !ix.speller.mayCorrect(w) {
			continue
		}
		if !detected {
			lang, detected = langMask(ix.detectLanguage(words)), true
		}
		if c := ix.speller.correct(w, lang); c != "" {
			out = append(out, Correction{From: w, To: c})
			words[i] = c
		}
	}
	return out
}

// detectLanguage guesses the language of folded words from the corpus
// words that only one language uses and from function words. It returns ""
// when the evidence is even, and then every language is tried. When no
// word is evidence, a word the corpus lacks but a glossary translates by
// itself tells its language: a title of one such word ("Trolha") is still
// read through the glossary.
func (ix *Index) detectLanguage(words []string) string {
	if best := ix.voteLanguage(words, func(w string) uint8 {
		if m, ok := ix.an.functionLangs[w]; ok {
			return m
		}
		return ix.wordLangs[ix.an.spelling(w)]
	}); best != "" {
		return best
	}
	return ix.voteLanguage(words, func(w string) uint8 {
		if ix.wordLangs[ix.an.spelling(w)] != 0 {
			return 0
		}
		return ix.an.glossaryLangs(w)
	})
}

// voteLanguage counts, for each language, the words langs gives to it
// alone, and returns the language with the most, or "" on a tie or when no
// word counts.
func (ix *Index) voteLanguage(words []string, langs func(string) uint8) string {
	var votes [8]int
	for _, w := range words {
		m := langs(w)
		if m != 0 && m&(m-1) == 0 { // exactly one language
			for i := range corpus.Languages {
				if m == 1<<i {
					votes[i]++
				}
			}
		}
	}
	best, bestN, tie := "", 0, false
	for i, l := range corpus.Languages {
		switch {
		case votes[i] > bestN:
			best, bestN, tie = l, votes[i], false
		case votes[i] == bestN && bestN > 0:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// terms analyses s in lang and returns its unique terms in order of first
// appearance.
func (ix *Index) terms(lang, s string) []string { return ix.an.terms(lang, s) }

// CacheStats describe the caches of the classifier: the index's own
// (searches, candidates, speller) and those its package shares between indexes (stems).
func (ix *Index) CacheStats() []CacheStats {
	return []CacheStats{ix.searches.Stats(), ix.candCache.Stats(), ix.speller.answers.Stats(), stemCacheEN.Stats(), stemCachePT.Stats()}
}

// Corpus returns the corpus the index was built from.
func (ix *Index) Corpus() *corpus.Corpus { return ix.corpus }

// Info returns the corpus version and SHA-256.
func (ix *Index) Info() CorpusInfo { return ix.info }

// Dir returns the directory of a persisted index, or "" for one in memory.
func (ix *Index) Dir() string { return ix.dir }

// DocCount returns the number of bleve documents.
func (ix *Index) DocCount() (uint64, error) { return ix.bi.DocCount() }

// Close releases the index.
func (ix *Index) Close() error {
	if ix == nil || ix.bi == nil {
		return nil
	}
	return ix.bi.Close()
}

// ErrNotFound is returned by Lookup for an unknown code.
var ErrNotFound = errors.New("no such occupation")

// Lookup returns the occupation with the given code.
func (ix *Index) Lookup(code string) (*corpus.Occupation, error) {
	o, ok := ix.corpus.Lookup(strings.TrimSpace(code))
	if !ok {
		return nil, fmt.Errorf("%w: %q is not in corpus %s", ErrNotFound, code, ix.info.Version)
	}
	return o, nil
}
