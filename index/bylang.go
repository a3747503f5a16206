package index

import (
	"math/bits"

	"github.com/anzsco/anzsco/corpus"
)

// numLanguages is len(corpus.Languages) (TestNumLanguages).
const numLanguages = 2

// byLang holds a query's terms by language, at the language's position in
// corpus.Languages. A query needs two or three such sets (its terms, its
// first part's, its description's); as maps they cost about 700 bytes and
// as many allocations a title, as an array nothing.
type byLang struct {
	terms [numLanguages][]string
	set   uint8 // bit i: the language at position i was put, with terms or none
}

// languages returns corpus.Languages, as far as a byLang holds them.
func languages() []string {
	return corpus.Languages[:min(len(corpus.Languages), numLanguages)]
}

// langIndex returns lang's position in corpus.Languages, or -1.
func langIndex(lang string) int {
	for i, l := range languages() {
		if l == lang {
			return i
		}
	}
	return -1
}

// get returns the terms of lang, nil when none were put.
func (b *byLang) get(lang string) []string {
	if i := langIndex(lang); i >= 0 {
		return b.terms[i]
	}
	return nil
}

// put sets the terms of lang. A language the corpus does not know has no
// terms: nothing searches or measures it.
func (b *byLang) put(lang string, ts []string) {
	if i := langIndex(lang); i >= 0 {
		b.terms[i] = ts
		b.set |= 1 << i
	}
}

// count returns the number of languages put.
func (b *byLang) count() int { return bits.OnesCount8(b.set) }
