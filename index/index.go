package index

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/anzsco/anzsco/corpus"
)

// Title-like field kinds, in decreasing weight. Each title of an occupation
// is its own small document, so a long list of everyday titles does not
// dilute the weight of any one of them.
const (
	kindTitle    = "title"
	kindAlt      = "alt"
	kindSpec     = "spec"
	kindEveryday = "everyday"
	kindPattern  = "pattern"
	kindDesc     = "desc"
	kindTasks    = "tasks"
)

// Field boosts: title > alternative titles > specialisations and everyday
// titles > description > tasks. The gaps are small because coverage, not
// the raw score, decides between inside and outside; the boosts order
// occupations whose titles match equally well.
var fieldBoost = map[string]float64{
	kindTitle: 1.6, kindAlt: 1.4, kindSpec: 1.2, kindEveryday: 1.2, kindPattern: 1.0, kindDesc: 0.5, kindTasks: 0.35,
}

// descriptionWeight scales the contribution of Query.Description against
// the title's.
const descriptionWeight = 0.25

var titleKinds = []string{kindTitle, kindAlt, kindSpec, kindEveryday, kindPattern}
var textKinds = []string{kindDesc, kindTasks}

func fieldName(kind, lang string) string { return kind + "_" + lang }

func analyzerFor(lang string) string {
	if lang == "pt" {
		return AnalyzerPT
	}
	return AnalyzerEN
}

// newMapping builds the bleve mapping: one field per kind and language,
// each with its language's analyzer, plus keyword fields for the code and
// the scope.
func newMapping() *mapping.IndexMappingImpl {
	doc := bleve.NewDocumentStaticMapping()
	kw := bleve.NewKeywordFieldMapping()
	kw.Store, kw.IncludeTermVectors, kw.DocValues = false, false, false
	doc.AddFieldMappingsAt("code", kw)
	doc.AddFieldMappingsAt("scope", kw)
	for _, lang := range corpus.Languages {
		for _, kind := range append(append([]string{}, titleKinds...), textKinds...) {
			f := bleve.NewTextFieldMapping()
			f.Analyzer = analyzerFor(lang)
			f.Store, f.IncludeTermVectors, f.DocValues, f.IncludeInAll = false, false, false, false
			doc.AddFieldMappingsAt(fieldName(kind, lang), f)
		}
	}
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = AnalyzerEN
	m.StoreDynamic, m.IndexDynamic, m.DocValuesDynamic = false, false, false
	return m
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
}

// occInfo is what ranking needs to know of an occupation beyond bleve.
type occInfo struct {
	occ   *corpus.Occupation
	title string
	// vocab[lang] holds the analysed terms of the title-like fields;
	// textVocab[lang] those of the description and tasks.
	vocab     map[string]map[string]bool
	textVocab map[string]map[string]bool
	entries   []*entry
	patterns  []pattern
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
	bi       bleve.Index
	corpus   *corpus.Corpus
	info     CorpusInfo
	occs     map[string]*occInfo
	entries  map[string]*entry // by bleve document ID
	speller  *speller
	analyzer map[string]analysis.Analyzer
	dir      string
}

// docs returns the bleve documents for c: one per title-like string and one
// per occupation for its description and tasks.
func docs(c *corpus.Corpus) map[string]map[string]interface{} {
	out := map[string]map[string]interface{}{}
	for _, o := range c.Occupations {
		for _, lang := range o.Langs() {
			t := o.Text[lang]
			n := 0
			add := func(kind, s string) {
				n++
				out[fmt.Sprintf("t/%s/%s/%d", o.Code, lang, n)] = map[string]interface{}{
					"code": o.Code, "scope": string(o.Scope), fieldName(kind, lang): s,
				}
			}
			add(kindTitle, t.Title)
			for _, s := range t.AlternativeTitles {
				add(kindAlt, s)
			}
			for _, s := range t.Specialisations {
				add(kindSpec, s)
			}
			for _, s := range t.EverydayTitles {
				add(kindEveryday, s)
			}
			for _, p := range t.Patterns {
				for _, s := range append(append([]string{}, p.Roles...), p.Contexts...) {
					add(kindPattern, s)
				}
			}
			if t.Description != "" || len(t.Tasks) > 0 {
				out[fmt.Sprintf("o/%s/%s", o.Code, lang)] = map[string]interface{}{
					"code": o.Code, "scope": string(o.Scope),
					fieldName(kindDesc, lang): t.Description, fieldName(kindTasks, lang): t.Tasks,
				}
			}
		}
	}
	return out
}

// Build indexes c in memory.
func Build(c *corpus.Corpus) (*Index, error) {
	bi, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: creating in-memory index: %w", err)
	}
	if err := fill(bi, c); err != nil {
		bi.Close()
		return nil, err
	}
	ix, err := newIndex(bi, c)
	if err != nil {
		bi.Close()
		return nil, err
	}
	return ix, nil
}

func fill(bi bleve.Index, c *corpus.Corpus) error {
	b := bi.NewBatch()
	for id, d := range docs(c) {
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
func newIndex(bi bleve.Index, c *corpus.Corpus) (*Index, error) {
	m := bi.Mapping()
	ix := &Index{bi: bi, corpus: c, info: CorpusInfo{Version: c.Version, SHA256: c.SHA256()},
		occs: map[string]*occInfo{}, entries: map[string]*entry{}, analyzer: map[string]analysis.Analyzer{}}
	for _, lang := range corpus.Languages {
		a := m.AnalyzerNamed(analyzerFor(lang))
		if a == nil {
			return nil, fmt.Errorf("index: analyzer %s is not registered", analyzerFor(lang))
		}
		ix.analyzer[lang] = a
	}
	words := map[string]int{}
	countWords := func(s string) {
		for _, w := range Words(Fold(s)) {
			words[w]++
		}
	}
	for i := range c.Occupations {
		o := &c.Occupations[i]
		oi := &occInfo{occ: o, title: o.Title(), vocab: map[string]map[string]bool{}, textVocab: map[string]map[string]bool{}}
		ix.occs[o.Code] = oi
		for _, lang := range o.Langs() {
			t := o.Text[lang]
			oi.vocab[lang], oi.textVocab[lang] = map[string]bool{}, map[string]bool{}
			n := 0
			add := func(kind, s string) *entry {
				n++
				e := &entry{code: o.Code, kind: kind, lang: lang, text: s, terms: ix.terms(lang, s)}
				ix.entries[fmt.Sprintf("t/%s/%s/%d", o.Code, lang, n)] = e
				if kind != kindPattern {
					oi.entries = append(oi.entries, e)
				}
				for _, term := range e.terms {
					oi.vocab[lang][term] = true
				}
				countWords(s)
				return e
			}
			add(kindTitle, t.Title)
			for _, s := range t.AlternativeTitles {
				add(kindAlt, s)
			}
			for _, s := range t.Specialisations {
				add(kindSpec, s)
			}
			for _, s := range t.EverydayTitles {
				add(kindEveryday, s)
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
				for _, term := range ix.terms(lang, s) {
					oi.textVocab[lang][term] = true
				}
				countWords(s)
			}
		}
	}
	ix.speller = newSpeller(words)
	return ix, nil
}

// terms analyses s with lang's analyzer and returns its unique terms in
// order of first appearance.
func (ix *Index) terms(lang, s string) []string {
	toks := ix.analyzer[lang].Analyze([]byte(s))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		term := string(t.Term)
		dup := false
		for _, o := range out {
			if o == term {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, term)
		}
	}
	return out
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

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
