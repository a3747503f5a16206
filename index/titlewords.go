package index

import (
	"sync"

	"github.com/anzsco/anzsco/corpus"
)

// titleHeadSet is an index's head words, computed on first use.
type titleHeadSet struct {
	once  sync.Once
	heads map[string]uint8 // analysed term -> bit i for corpus.Languages[i]
}

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

// TitleHead reports whether s ends, as English titles do ("Store
// Manager"), or starts, as Portuguese titles do ("Operadora de
// Telemarketing"), with a word that heads a title of the corpus: the last
// word of an English title, the first of a Portuguese one. With a corpus
// as large as the whole ANZSCO most words of an employer's name are title
// words somewhere ("Harvey Lane Furniture"); few of them head a title.
// It is safe for concurrent use.
func (ix *Index) TitleHead(s string) bool {
	heads := ix.titleHeads()
	words := Words(Fold(withoutBrackets(s)))
	if len(words) == 0 {
		return false
	}
	for i, lang := range corpus.Languages {
		// The head end of s in this language: its last word with a term
		// in English, its first in Portuguese.
		order := make([]string, len(words))
		copy(order, words)
		if lang == "en" {
			for l, r := 0, len(order)-1; l < r; l, r = l+1, r-1 {
				order[l], order[r] = order[r], order[l]
			}
		}
		for _, w := range order {
			terms := ix.terms(lang, w)
			if len(terms) == 0 {
				continue // a stop word or a number: look further
			}
			if heads[terms[len(terms)-1]]&(1<<i) != 0 || heads[terms[0]]&(1<<i) != 0 {
				return true
			}
			break
		}
	}
	return false
}

// titleHeads returns the analysed terms that head a title-like string of
// the corpus (titles, alternative titles, specialisations, everyday titles
// and pattern roles): the last term of an English one, the first of a
// Portuguese one.
func (ix *Index) titleHeads() map[string]uint8 {
	set := &ix.heads
	set.once.Do(func() {
		set.heads = map[string]uint8{}
		for i := range ix.corpus.Occupations {
			o := &ix.corpus.Occupations[i]
			for _, lang := range o.Langs() {
				bit := langMask(lang)
				add := func(_, s string) {
					terms := ix.terms(lang, withoutBrackets(s))
					if len(terms) == 0 {
						return
					}
					head := terms[0]
					if lang == "en" {
						head = terms[len(terms)-1]
					}
					set.heads[head] |= bit
				}
				t := o.Text[lang]
				eachTitle(t, add)
				for _, p := range t.Patterns {
					for _, r := range p.Roles {
						add("", r)
					}
				}
			}
		}
	})
	return set.heads
}

// withoutBrackets removes bracketed notes, which qualify a title without
// heading it: "Receptionist (General)", "Operator (Inbound)". A string
// that is all brackets is kept.
func withoutBrackets(s string) string {
	var b []byte
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(' || c == '[':
			depth++
		case (c == ')' || c == ']') && depth > 0:
			depth--
		case depth == 0:
			b = append(b, c)
		}
	}
	if len(Words(Fold(string(b)))) == 0 {
		return s
	}
	return string(b)
}
