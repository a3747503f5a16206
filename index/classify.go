package index

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/anzsco/anzsco/corpus"
)

// Input limits. Longer input is cut at a character boundary and the result
// carries a warning that says so.
const (
	// MaxTitleBytes bounds the title: real job titles are far shorter, and
	// a cut keeps a pasted document from costing more than a title.
	MaxTitleBytes = 512
	// MaxDescriptionBytes bounds the description (about 1,500 words).
	MaxDescriptionBytes = 16 << 10
	// maxDescriptionTerms bounds the distinct description terms searched
	// (of those the corpus holds).
	maxDescriptionTerms = 48
)

// ErrEmptyQuery is returned for a query with no text.
var ErrEmptyQuery = errors.New("empty query: give a job title or some text to classify")

// sanitize repairs invalid UTF-8, replaces control characters with spaces
// and cuts s to max bytes.
func sanitize(s string, max int, what string) (string, []string) {
	var warnings []string
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
		warnings = append(warnings, what+": invalid UTF-8 replaced by spaces")
	}
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		warnings = append(warnings, fmt.Sprintf("%s: cut from %d to %d bytes (the limit)", what, len(s), cut))
		s = s[:cut]
	}
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) }) >= 0 {
		s = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s), warnings
}

// prepared is a query analysed and searched, ready for the decision.
type prepared struct {
	text, desc  string
	folded      string // text folded (Fold)
	qtext       string
	warnings    []string
	stripped    []Stripped
	corrections []Correction
	qterms      byLang
	// core are the terms of the query's first part, by language: where a
	// job title names the occupation.
	core byLang
	lang string // detected language, or "" when unsure
	// bridge is the language the query was translated into, and
	// translation the text it became ("" when it was not).
	bridge, translation string
	cands               []features
	// descWorkplace is true when the description names another workplace.
	descWorkplace bool
}

// prepare cleans, corrects and analyses a query, searches the index and
// computes the features of every candidate occupation.
func (ix *Index) prepare(q Query) (*prepared, error) {
	text, warnings := sanitize(q.Text, MaxTitleBytes, "title")
	if text == "" {
		return nil, ErrEmptyQuery
	}
	desc, w := sanitize(q.Description, MaxDescriptionBytes, "description")
	p := &prepared{text: text, desc: desc, warnings: append(warnings, w...)}

	segs, stripped, folded := ix.an.cleanSegments(text)
	segs = ix.uninvert(text, segs)
	p.stripped, p.folded = stripped, folded
	words := Words(strings.Join(segs, " "))
	firstWords := countWords(segs[0])
	p.corrections = ix.correctSlips(words)
	words, firstWords = ix.an.joinCompounds(words, firstWords)
	words, dropped := ix.an.dropContext(words)
	for _, w := range dropped {
		p.stripped = append(p.stripped, Stripped{Text: w, Rule: "context of another workplace"})
	}
	if role, w := ix.entryRole(words, p.stripped); role != "" {
		words = append([]string{role}, words...)
		firstWords++
		p.stripped = append(p.stripped, Stripped{Text: w, Rule: "entry word, read as " + role})
	}
	if fw, learner := ix.an.fieldWords(words, p.stripped); fw != nil {
		words = append(append([]string(nil), fw...), words...)
		firstWords += len(fw)
		p.stripped = append(p.stripped, Stripped{Text: learner, Rule: "learner of a field, read as " + strings.Join(fw, " ")})
	}
	firstWords = min(firstWords, len(words))
	p.qtext = strings.Join(words, " ")
	p.lang = ix.titleLanguage(words, firstWords)
	firstWords = ix.headPhraseEnd(words, firstWords, p.lang)

	dterms, measured, descLang := ix.describe(p)
	for _, lang := range corpus.Languages {
		qt := ix.terms(lang, p.qtext)
		p.qterms.put(lang, qt)
		if firstWords == len(words) {
			// The first part is the whole query (most titles): its terms
			// are the query's, without analysing it again (both are only
			// read from here on, so they share the slice).
			p.core.put(lang, qt)
			continue
		}
		p.core.put(lang, ix.terms(lang, strings.Join(words[:firstWords], " ")))
	}
	if p.lang != "" {
		// A word is kept in the translation when the target language's
		// titles hold it or its lexicon writes it out ("helpdesk", "cx").
		known := func(lang, w string) bool {
			return (ix.wordLangs[ix.an.spelling(w)]|ix.an.variantLangs(w))&langMask(lang) != 0
		}
		if to, text, first := ix.an.translate(p.lang, words, firstWords, known); to != "" {
			p.bridge, p.translation = to, text
			p.qterms.put(to, ix.terms(to, text))
			p.core.put(to, ix.terms(to, first))
		}
	}
	cands, err := ix.rankedCandidates(&p.qterms, &dterms, &measured, &p.core, p.lang, []string{p.bridge, descLang})
	if err != nil {
		return nil, err
	}
	p.cands = cands
	return p, nil
}

// describe analyses p's description: whether it names another workplace,
// its language, and its terms by language. A description is long enough
// for its language to be told apart: it is searched in that language only
// (search), and measured against the titles in that language and in the
// title's (measured: a CV may give an English title, "Team Leader", over a
// Portuguese description).
func (ix *Index) describe(p *prepared) (search, measured byLang, descLang string) {
	if p.desc == "" {
		return search, measured, ""
	}
	dw := Words(Fold(p.desc))
	descLang = ix.detectLanguage(dw)
	p.descWorkplace = ix.an.namesWorkplace(dw)
	for _, lang := range corpus.Languages {
		if descLang != "" && descLang != lang && lang != p.lang {
			continue
		}
		// Only description terms the corpus holds can match; the first
		// maxDescriptionTerms of them are used.
		var dt []string
		for _, t := range ix.terms(lang, p.desc) {
			if ix.indexed[t] != 0 {
				dt = append(dt, t)
				if len(dt) == maxDescriptionTerms {
					break
				}
			}
		}
		measured.put(lang, dt)
		if descLang == "" || descLang == lang {
			search.put(lang, dt)
		}
	}
	return search, measured, descLang
}

// decisionInputs returns what the confidence model sees for q: the two best
// targets and the best contrast.
func (ix *Index) decisionInputs(q Query) (t1, t2, c1 *features, d described) {
	p, err := ix.prepare(q)
	if err != nil {
		return nil, nil, nil, described{}
	}
	t1, t2, c1 = ix.leaders(p.cands)
	return t1, t2, c1, p.described()
}

// Classify codes one query. It is safe for concurrent use.
func (ix *Index) Classify(q Query) (*Result, error) {
	p, err := ix.prepare(q)
	if err != nil {
		return nil, err
	}
	top := q.Top
	if top <= 0 {
		top = DefaultTop
	}
	var res *Result
	if ix.hier {
		res = ix.decideHier(p.cands, top, q.MinConfidence)
	} else {
		res = ix.decide(p.cands, top, p.described())
		res.NearestOutside = ix.nearestOutside(p.cands, &p.qterms)
	}
	res.Input = p.text
	res.Corpus = ix.info
	res.Warnings = slices.Concat(p.warnings, res.Warnings)
	if !joinsTo(p.qtext, p.folded) {
		res.Cleaned = p.qtext
	}
	if q.MinConfidence > 0 && res.Code != "" && res.Confidence < q.MinConfidence {
		// Demoted: not coded, but not called outside with the confidence
		// of the code either. The confidence stays the probability that
		// the input lies outside the targets.
		res.Warnings = append(res.Warnings, fmt.Sprintf("best code %s has confidence %.2f, below the minimum %.2f: not coded", res.Code, res.Confidence, q.MinConfidence))
		res.Demoted = &Match{Code: res.Code, Title: res.Title, Confidence: res.Confidence}
		if len(res.Matches) > 0 && res.Matches[0].Code == res.Code {
			res.Demoted.Score = res.Matches[0].Score
		}
		res.Code, res.Title, res.Level, res.Group = "", "", "", nil
		res.Confidence = round(res.pOutside)
	}
	if q.Explain {
		res.Explanation = ix.explain(p.cands, &p.qterms, p.stripped, p.corrections, res)
		if p.bridge != "" {
			res.Explanation.Translation = &Translation{Lang: p.bridge, Text: p.translation}
		}
		res.Explanation.Words = ix.writtenWords(p.text, p.corrections)
	}
	return res, nil
}

// search runs the bleve query and returns the score of every occupation
// that matched, by code. Each distinct term, whichever analyzer produced
// it, is one term query per field.
func (ix *Index) search(qterms, dterms *byLang, qlang, bridge string) (map[string]float64, error) {
	var clauses []query.Query
	// ckey spells the clauses: the boost (key) and the term of each, in
	// order; the fields follow from the term.
	ckey := make([]byte, 0, 64)
	seen := map[string]bool{}
	// A term that no document holds in a field cannot score there: it
	// gets no term query.
	add := func(terms []string, boost float64, key string) {
		for _, t := range terms {
			if seen[key+t] {
				continue
			}
			seen[key+t] = true
			in := ix.indexed[t]
			if in&(inTitles|inText) != 0 {
				ckey = append(ckey, key...)
				ckey = append(ckey, t...)
				ckey = append(ckey, 0)
			}
			if in&inTitles != 0 {
				tq := bleve.NewTermQuery(t)
				tq.SetField(titleField)
				tq.SetBoost(boost)
				clauses = append(clauses, tq)
			}
			if in&inText != 0 {
				xq := bleve.NewTermQuery(t)
				xq.SetField(textField)
				xq.SetBoost(boost * textBoost)
				clauses = append(clauses, xq)
			}
		}
	}
	for _, lang := range corpus.Languages {
		if qlang == "" || lang == qlang || lang == bridge {
			add(qterms.get(lang), 1, "q:")
		}
	}
	for _, lang := range corpus.Languages {
		if qlang == "" || lang == qlang {
			add(dterms.get(lang), descriptionWeight, "d:")
		}
	}
	scores := map[string]float64{}
	if len(clauses) == 0 {
		return scores, nil
	}
	// The clauses decide the scores, and titles that differ in words the
	// corpus lacks ("Dovamu Registered Nurse", a name, a made-up word)
	// have the same clauses: their scores are remembered.
	key := string(ckey)
	if s, ok := ix.searches.Get(key); ok {
		return s, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(clauses...), ix.searchSize, 0, false)
	// Ties at the edge of the hits go to the smaller id, not to the order
	// in which bleve happened to store the documents: the same query gets
	// the same candidates in every process.
	req.SortBy([]string{"-_score", "_id"})
	sr, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("index: search: %w", err)
	}
	defer func() { ix.searches.Put(key, scores, scoresCost(scores)) }()
	for _, h := range sr.Hits {
		if g, ok := strings.CutPrefix(h.ID, groupDocPrefix); ok {
			// A group's titles speak for each of its occupations.
			for _, code := range ix.groupMembers[g] {
				scores[code] += h.Score
			}
			continue
		}
		scores[h.ID] += h.Score
	}
	return scores, nil
}

// scoresCost is what a search's scores are counted in the search cache.
func scoresCost(scores map[string]float64) int64 {
	n := int64(48) // the map itself
	for code := range scores {
		n += int64(len(code)) + 8 + 16
	}
	return n
}

// searchCacheBytes is the budget of an index's cache of search scores.
const searchCacheBytes = 8 << 20

// leaders returns the two best targets and the best contrast.
func (ix *Index) leaders(cands []features) (t1, t2, c1 *features) {
	for i := range cands {
		f := &cands[i]
		switch ix.occs[f.code].occ.Scope {
		case corpus.Target:
			if t1 == nil {
				t1 = f
			} else if t2 == nil {
				t2 = f
			}
		case corpus.Contrast:
			if c1 == nil {
				c1 = f
			}
		}
	}
	return t1, t2, c1
}

// decide turns candidates into a Result: the code, the ranked matches, the
// nearest outside occupation and the confidences.
func (ix *Index) decide(cands []features, top int, d described) *Result {
	t1, t2, c1 := ix.leaders(cands)
	pIn := inScopeProbability(t1, c1, d)
	pTop := topProbability(t1, t2)
	res := &Result{pIn: round(pIn), pTop: round(pTop)}
	// Matches: the targets that matched at all, in rank order.
	rank := 0
	for i := range cands {
		f := &cands[i]
		if ix.occs[f.code].occ.Scope != corpus.Target {
			continue
		}
		conf := 0.0
		switch rank {
		case 0:
			conf = pIn * pTop
		case 1:
			conf = pIn * (1 - pTop)
		}
		rank++
		if len(res.Matches) < top {
			res.Matches = append(res.Matches, Match{Code: f.code, Title: ix.occs[f.code].title, Score: round(f.score), Confidence: round(conf)})
		}
	}
	res.pOutside = 1 - pIn
	if t1 != nil && pIn >= 0.5 {
		res.Code, res.Title, res.Level = t1.code, ix.occs[t1.code].title, LevelOccupation
		res.Confidence = res.Matches[0].Confidence
	} else {
		res.Confidence = round(1 - pIn)
	}
	return res
}

func round(x float64) float64 { return math.Round(x*10000) / 10000 }

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// described is what the decision knows of a query's description.
type described struct {
	given          bool // the query has a description
	otherWorkplace bool // it names another workplace
}

func (p *prepared) described() described {
	return described{given: p.desc != "", otherWorkplace: p.descWorkplace}
}
