package index

import (
	"slices"
	"strings"
	"unicode"

	"github.com/anzsco/anzsco/corpus"
)

// writtenWords maps each analysed term of text to the words of text, as
// they were written, that give it: "centr" to "Centre" or "Center", so that
// what matched can be shown as people wrote it, not as a stem. A word
// corrected for a typing slip gives the terms of its correction.
func (ix *Index) writtenWords(text string, corrections []Correction) map[string][]string {
	fixed := map[string]string{}
	for _, c := range corrections {
		fixed[c.From] = c.To
	}
	out := map[string][]string{}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		analysed := w
		if to, ok := fixed[Fold(w)]; ok {
			analysed = to
		}
		for _, lang := range corpus.Languages {
			for _, t := range ix.terms(lang, analysed) {
				if !slices.Contains(out[t], w) {
					out[t] = append(out[t], w)
				}
			}
		}
	}
	return out
}
