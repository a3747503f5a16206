package index

import "github.com/anzsco/anzsco/corpus"

// nearestOutside returns the best-ranked contrast occupation that shares
// a meaningful word with the query, or nil when none does. A meaningful
// word is an analysed term: the analysis has already dropped the function
// and stop words of the corpus's lexicons, numbers and single letters. The
// word must be shared in one language, in the occupation's titles or in its
// description and tasks: bleve's score alone can come from a term that
// only looks alike in another language (English "registered" and the
// Portuguese "regista" of a betting clerk's description), and such a
// neighbour explains nothing.
func (ix *Index) nearestOutside(cands []features, qterms *byLang) *Neighbour {
	for i := range cands {
		f := &cands[i]
		oi := ix.occs[f.code]
		if oi.occ.Scope != corpus.Contrast || !ix.sharesTerm(oi, qterms) {
			continue
		}
		return &Neighbour{Code: f.code, Title: oi.title, Score: round(f.score)}
	}
	return nil
}

// sharesTerm reports whether a term of the query in some language is a
// term of the occupation in that language.
func (ix *Index) sharesTerm(oi *occInfo, qterms *byLang) bool {
	for li, lang := range languages() {
		ts := qterms.terms[li]
		for _, t := range ts {
			if oi.vocab[lang][t] || oi.textVocab[lang][t] || ix.inGroupVocab(oi, lang, t) {
				return true
			}
		}
	}
	return false
}

// inGroupVocab reports whether a title of the occupation's unit or minor
// group holds the term.
func (ix *Index) inGroupVocab(oi *occInfo, lang, t string) bool {
	return ix.groupVocab[oi.unit.Code][lang][t] || ix.groupVocab[oi.minor.Code][lang][t]
}
