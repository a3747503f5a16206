package index

import (
	"slices"
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// Translation of a query through a glossary of the corpus's lexicons
// ([translate A-B]). The titles of one language may be far richer than
// those of another: the English titles of ANZSCO name every occupation,
// the Portuguese ones reach many only through the group of a foreign
// classification. A query in A is therefore also read, phrase by phrase,
// in B, and searched among B's titles. Portuguese names the head first
// ("motorista de autocarro"), English last ("bus driver"), so the phrases
// of the title's first part are put in the other order.

// glossary translates the phrases of one language into another.
type glossary struct {
	to string
	// phrases maps the stems of a phrase's content words, joined by
	// spaces, to its translation.
	phrases map[string]string
	maxLen  int
	// words holds the stems of its phrases of one word.
	words map[string]bool
}

// newGlossaries compiles the glossaries of lx by source language.
func newGlossaries(lx *corpus.Lexicon, a *analyser) map[string]*glossary {
	out := map[string]*glossary{}
	for pair, rws := range lx.Translate {
		from, to, _ := strings.Cut(pair, "-")
		la := a.langs[from]
		if la == nil || a.langs[to] == nil {
			continue
		}
		g := &glossary{to: to, phrases: map[string]string{}, words: map[string]bool{}}
		for _, rw := range rws {
			key := glossaryKey(la, Words(Fold(rw.From)))
			if key == "" {
				continue
			}
			g.phrases[key] = strings.Join(rw.To, " ")
			if !strings.Contains(key, " ") {
				g.words[key] = true
			}
			g.maxLen = max(g.maxLen, strings.Count(key, " ")+1)
		}
		out[from] = g
	}
	return out
}

// glossaryLangs returns the languages whose glossary translates the folded
// word w by itself: bit i for corpus.Languages[i].
func (a *analyser) glossaryLangs(w string) uint8 {
	var m uint8
	for from, g := range a.glossaries {
		if la := a.langs[from]; la != nil && !la.function[w] && g.words[la.stemWord(w)] {
			m |= langMask(from)
		}
	}
	return m
}

// inOrder reports whether the titles write the folded words a and b one
// after the other in this order and never in the other: "supply chain",
// "help desk", "social media", but not "marketing digital", which
// Portuguese titles write for English "digital marketing".
func (a *analyser) inOrder(first, second string) bool {
	return a.titleBigrams[first+" "+second] && !a.titleBigrams[second+" "+first]
}

// translateWord returns the language lang's glossary translates into and
// the translation of the folded word w by itself, or "" when it holds none.
func (a *analyser) translateWord(lang, w string) (to, text string) {
	g, la := a.glossaries[lang], a.langs[lang]
	if g == nil || la == nil || la.function[w] {
		return "", ""
	}
	if t, ok := g.phrases[la.stemWord(w)]; ok {
		return g.to, t
	}
	return "", ""
}

// glossaryKey returns the stems of the content words of a phrase.
func glossaryKey(la *langAnalysis, words []string) string {
	var stems []string
	for _, w := range words {
		if !la.function[w] {
			stems = append(stems, la.stemWord(w))
		}
	}
	return strings.Join(stems, " ")
}

// translate reads the words of a query in language from through its
// glossary: it returns the target language, the translation and the
// translation of the first part (the words before first), or to == ""
// when the glossary translates none of the words. A word the glossary
// does not hold is kept when known reports it is a word of the target
// language's titles ("software", "marketing"), else left out.
func (a *analyser) translate(from string, words []string, first int, known func(lang, word string) bool) (to, text, firstText string) {
	g := a.glossaries[from]
	if g == nil {
		return "", "", ""
	}
	la := a.langs[from]
	var content []string
	var stems []string
	split := 0
	for i, w := range words {
		if i == first {
			split = len(content)
		}
		if la.function[w] {
			continue
		}
		content = append(content, w)
		stems = append(stems, la.stemWord(w))
	}
	if first >= len(words) {
		split = len(content)
	}
	var head, tail []string
	translated := false
	kept := -1 // the index in content of the word last kept as it was
	for i := 0; i < len(content); {
		n, out := 0, ""
		for k := min(g.maxLen, len(content)-i); k >= 1; k-- {
			if i < split && i+k > split {
				continue // a phrase does not straddle the parts
			}
			if t, ok := g.phrases[strings.Join(stems[i:i+k], " ")]; ok {
				n, out = k, t
				break
			}
		}
		if n > 0 {
			translated = true
		} else if known(g.to, content[i]) {
			out = content[i]
		}
		switch {
		case out == "":
		case i >= split:
			tail = append(tail, out)
		case n == 0 && kept == i-1 && len(head) > 0 && a.inOrder(content[i-1], content[i]):
			// Words of the target language kept as they were, in its
			// order ("analista de supply chain"): they are not turned.
			head[len(head)-1] += " " + out
		default:
			head = append(head, out)
		}
		if n == 0 && out != "" {
			kept = i
		}
		if n == 0 {
			n = 1
		}
		i += n
	}
	if !translated {
		return "", "", ""
	}
	slices.Reverse(head)
	firstText = strings.Join(head, " ")
	return g.to, strings.TrimSpace(firstText + " " + strings.Join(tail, " ")), firstText
}
