package index

import "github.com/anzsco/anzsco/corpus"

// TitleWordShare returns the share, from 0 to 1, of the words of s that
// the corpus uses in its occupations' title-like strings (titles,
// alternative titles, specialisations, everyday titles, the roles and
// contexts of patterns), analysed in every language of the corpus. Words
// that the analysers drop (stop words, numbers, single letters) do not
// count; a string without any other word has a share of 0.
//
// It tells a reader of CVs which line of a position names the job and
// which the employer or the place, from the vocabulary of whatever corpus
// the index holds. It is safe for concurrent use.
func (ix *Index) TitleWordShare(s string) float64 {
	counted, inTitle := 0, 0
	for _, w := range Words(Fold(s)) {
		seen, hit := false, false
		for _, lang := range corpus.Languages {
			for _, t := range ix.terms(lang, w) {
				seen = true
				if ix.indexed[t]&inTitles != 0 {
					hit = true
				}
			}
		}
		if seen {
			counted++
		}
		if hit {
			inTitle++
		}
	}
	if counted == 0 {
		return 0
	}
	return float64(inTitle) / float64(counted)
}
