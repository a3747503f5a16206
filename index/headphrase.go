package index

import "github.com/anzsco/anzsco/corpus"

// Phrases after the head noun. An English job title names its occupation
// by a head noun and the words before it, and may go on with a phrase that
// says whom or where the work is for: "Personal Assistant to the CEO" is a
// personal assistant, not a chief executive; "Receptionist at a Dental
// Clinic" a receptionist. The lexicons' [postmodifier LANG] sections name
// the words that open such a phrase (English "to", "for", "at"), and the
// words from one on are read as the words after a dash are: they qualify
// the title's first part and weigh less (tailWeight). "of" is not one:
// its phrase names the field the occupation is the head of ("Director of
// Nursing", "Head of Finance").

// headPhraseEnd returns the number of words of the query's first part
// once a phrase after its head noun is cut off: the index of the first
// postmodifier word among words[1:first] (in the query's language lang,
// or in any language when it is not known) that follows a word heading
// titles of the corpus, or first when there is none. A postmodifier that
// a corpus title holds after the same word ("Assistant in Nursing",
// "Door-to-door Salesperson") is left in place, and so is one after a word
// that heads no title ("Learn to Swim Instructor").
func (ix *Index) headPhraseEnd(words []string, first int, lang string) int {
	if !ix.hier {
		return first
	}
	for i := 1; i < first; i++ {
		if l := ix.postmodLang(words[i], lang); l != "" && !ix.an.titleBigrams[words[i-1]+" "+words[i]] && ix.headsTitles(l, words[i-1]) {
			return i
		}
	}
	return first
}

// postmodLang returns the language in which w opens a phrase after a head
// noun: lang, or when lang is "" the first language that has w as a
// postmodifier; "" when none does.
func (ix *Index) postmodLang(w, lang string) string {
	for _, l := range corpus.Languages {
		if (lang == "" || l == lang) && ix.an.langs[l] != nil && ix.an.langs[l].postmod[w] {
			return l
		}
	}
	return ""
}

// headsTitles reports whether the word w, analysed in lang, is the head
// term of a title of the corpus.
func (ix *Index) headsTitles(lang, w string) bool {
	ts := ix.terms(lang, w)
	if len(ts) != 1 {
		return false
	}
	_, ok := ix.headUnits[lang][ts[0]]
	return ok
}
