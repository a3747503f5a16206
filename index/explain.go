package index

import (
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/anzsco/anzsco/corpus"
)

// The explanation of a result, what --explain shows: the candidates'
// features, what cleaning stripped, the corrections, and which fields of
// each matched.

// explain builds the Explanation of a result.
func (ix *Index) explain(cands []features, qterms *byLang, stripped []Stripped, corr []Correction, res *Result) *Explanation {
	ex := &Explanation{Stripped: stripped, Corrected: corr, Probabilities: res.probs}
	if !ix.hier {
		ex.Probabilities = map[string]float64{"in_scope": res.pIn, "top_given_in_scope": res.pTop}
	}
	seen := map[string]bool{}
	for _, lang := range corpus.Languages {
		for _, t := range qterms.get(lang) {
			if !seen[lang+":"+t] {
				seen[lang+":"+t] = true
				ex.Terms = append(ex.Terms, lang+":"+t)
			}
		}
	}
	for i, f := range cands {
		if i >= 8 {
			break
		}
		oi := ix.occs[f.code]
		c := Candidate{Code: f.code, Title: oi.title, Scope: string(oi.occ.Scope), Score: round(f.score),
			Coverage: round(f.cov), Containment: round(f.cont), BestTitle: f.bestTitle}
		c.Fields = ix.fieldMatches(f.code, qterms)
		ex.Candidates = append(ex.Candidates, c)
	}
	switch {
	case res.Code != "":
		// The coded occupation is always among the candidates.
		for _, f := range cands {
			if f.code == res.Code {
				ex.Decision = fmt.Sprintf("%s: %.0f%% of the query's terms are in its titles and %.0f%% of its best title %q is in the query",
					res.Code, 100*f.cov, 100*f.cont, f.bestTitle)
				break
			}
		}
	case res.NearestOutside != nil && len(cands) > 0 && ix.occs[cands[0].code].occ.Scope == corpus.Contrast:
		ex.Decision = fmt.Sprintf("outside: the contrast occupation %s %s matches better than any target", res.NearestOutside.Code, res.NearestOutside.Title)
	default:
		ex.Decision = "outside: no target occupation's titles explain the query well enough"
	}
	return ex
}

// fieldMatches lists, for an occupation, which query terms each of its
// fields matched, in each language, with the field's boost as the score
// weight.
func (ix *Index) fieldMatches(code string, qterms *byLang) []FieldMatch {
	oi := ix.occs[code]
	byField := map[string]map[string]bool{}
	weight := map[string]float64{}
	note := func(field string, w float64, t string) {
		if byField[field] == nil {
			byField[field] = map[string]bool{}
		}
		byField[field][t] = true
		weight[field] = w
	}
	for _, lang := range oi.occ.Langs() {
		q := newTermSet(qterms.get(lang))
		for _, e := range oi.entries {
			if e.lang != lang {
				continue
			}
			for _, t := range e.terms {
				if q.has(t) {
					note(e.kind+"_"+lang, float64(kindRepeat[e.kind]), t)
				}
			}
		}
		for _, p := range oi.patterns {
			if p.lang != lang {
				continue
			}
			for _, e := range append(append([]*entry{}, p.roles...), p.contexts...) {
				for _, t := range e.terms {
					if q.has(t) {
						note(kindPattern+"_"+lang, float64(kindRepeat[kindPattern]), t)
					}
				}
			}
		}
		for _, t := range qterms.get(lang) {
			if oi.textVocab[lang][t] {
				note("description+tasks_"+lang, textBoost, t)
			}
		}
	}
	var out []FieldMatch
	for name, terms := range byField {
		out = append(out, FieldMatch{Field: name, Terms: slices.Sorted(maps.Keys(terms)), Score: weight[name]})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Field < out[j].Field
	})
	return out
}
