package index

import (
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// Entry words. "Call Centre Trainee", "Estagiário de Call Center": once the
// word for a person learning the work is dropped (a stop word or job-ad
// noise), such a title names a place of work and no role, and would match
// every occupation of that place alike, its manager first. A trainee,
// intern or apprentice does the occupation's work at its entry level, so
// the lexicons' [entry LANG] sections name the role each such word stands
// for ("trainee = operator"), and it is put in the title when, and only
// when, what is left of the title is made of terms of the target
// occupations' pattern contexts. "Trainee Team Leader - Call Centre" names
// its role and is read as it is.

// entryRole returns the role an entry word of the query stands for, and
// the word, or "" when the query has no entry word or names a role of its
// own. words are the query's words after cleaning, stripped what the
// cleaning removed, both folded.
func (ix *Index) entryRole(words []string, stripped []Stripped) (role, word string) {
	for _, lang := range ix.an.entryLangs {
		la := ix.an.langs[lang]
		for _, w := range words {
			if r := la.entry[w]; r != "" {
				role, word = r, w
				break
			}
		}
		for _, s := range stripped {
			if r := la.entry[s.Text]; role == "" && r != "" {
				role, word = r, s.Text
			}
		}
		if role == "" {
			continue
		}
		if ix.onlyContext(lang, strings.Join(words, " ")) {
			return role, word
		}
		return "", ""
	}
	return "", ""
}

// onlyContext reports whether text has terms in lang and every one of them
// is a term of a target occupation's pattern context.
func (ix *Index) onlyContext(lang, text string) bool {
	ix.contextOnce.Do(ix.makeContextTerms)
	ts := ix.terms(lang, text)
	if len(ts) == 0 {
		return false
	}
	for _, t := range ts {
		if !ix.contextTerms[lang][t] {
			return false
		}
	}
	return true
}

func (ix *Index) makeContextTerms() {
	ix.contextTerms = map[string]map[string]bool{}
	for _, oi := range ix.occs {
		if oi.occ.Scope != corpus.Target {
			continue
		}
		for _, p := range oi.patterns {
			if ix.contextTerms[p.lang] == nil {
				ix.contextTerms[p.lang] = map[string]bool{}
			}
			for _, e := range p.contexts {
				for _, t := range e.terms {
					ix.contextTerms[p.lang][t] = true
				}
			}
		}
	}
}
