package index

import (
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// SearchHit is one occupation found by Search, with the titles that matched
// and the matching words marked.
type SearchHit struct {
	Code  string `json:"code"`
	Title string `json:"title"`
	Scope string `json:"scope"`
	// Score is the ranking key hits are ordered by: how well a title of
	// the occupation and the query contain each other, with the bleve
	// score as a tie-breaker.
	Score    float64     `json:"score"`
	Coverage float64     `json:"coverage"`
	Matched  []Highlight `json:"matched"`
}

// Highlight is a matching string of an occupation. Text marks the words
// that matched the query with MarkOpen and MarkClose.
type Highlight struct {
	Field string `json:"field"`
	Lang  string `json:"lang"`
	Text  string `json:"text"`
	Plain string `json:"plain"`
}

// Markers around matched words in Highlight.Text.
const (
	MarkOpen  = "["
	MarkClose = "]"
)

// Search ranks every occupation, targets and contrasts alike, against
// free text and returns the best n with the matching titles highlighted,
// in the order of their Score. An occupation that shares no analysed term
// with the text in one language is left out; one whose titles share none
// has no Matched titles (the words are in its description or tasks).
// Unlike Classify it makes no inside/outside decision.
func (ix *Index) Search(text string, n int) ([]SearchHit, error) {
	text, _ = sanitize(text, MaxTitleBytes, "query")
	if text == "" {
		return nil, ErrEmptyQuery
	}
	if n <= 0 {
		n = 10
	}
	cleaned, _ := ix.an.cleanTitle(text)
	words := Words(cleaned)
	ix.correctSlips(words)
	qtext := strings.Join(words, " ")
	var qterms, none byLang
	for _, lang := range corpus.Languages {
		qterms.put(lang, ix.terms(lang, qtext))
	}
	lang := ix.detectLanguage(words)
	scores, err := ix.search(&qterms, &none, lang, "")
	if err != nil {
		return nil, err
	}
	var hits []SearchHit
	for _, f := range ix.candidates(scores, &qterms, &none, lang, nil, &qterms) {
		if len(hits) >= n {
			break
		}
		oi := ix.occs[f.code]
		if !ix.sharesTerm(oi, &qterms) {
			continue // found through a word that only looks alike in another language
		}
		h := SearchHit{Code: f.code, Title: oi.title, Scope: string(oi.occ.Scope), Score: round(f.key), Coverage: round(f.cov)}
		for _, e := range oi.entries {
			q := map[string]bool{}
			for _, t := range qterms.get(e.lang) {
				q[t] = true
			}
			if marked, ok := ix.highlight(e.lang, e.text, q); ok {
				h.Matched = append(h.Matched, Highlight{Field: e.kind, Lang: e.lang, Text: marked, Plain: e.text})
			}
		}
		hits = append(hits, h)
	}
	return hits, nil
}

// highlight marks the words of s whose analysed term is in q.
func (ix *Index) highlight(lang, s string, q map[string]bool) (string, bool) {
	var b strings.Builder
	any := false
	for i, w := range strings.Fields(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		hit := false
		for _, t := range ix.terms(lang, w) {
			if q[t] {
				hit = true
			}
		}
		if hit {
			any = true
			b.WriteString(MarkOpen + w + MarkClose)
		} else {
			b.WriteString(w)
		}
	}
	return b.String(), any
}
