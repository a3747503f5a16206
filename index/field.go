package index

import (
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// Fields of work. "Estagiário de Contabilidade", "Accounting Intern": once
// the learner word is set aside (job-ad noise drops estagiário; "intern"
// alone is a medical intern), such a title names a field of work or study
// and no occupation: contabilidade is not contador. An intern, trainee,
// apprentice or graduate of a field does the work of its practitioner, so
// the lexicons' [field LANG] sections name the practitioner's title words
// of each field ("contabilidade = contador"), and they are put in the
// title when, and only when, the title holds a learner word of the
// [learner LANG] section and names a field. The field's own words stay:
// the practitioner's words are added, never put in their place. A title
// with no learner word ("Accounting Manager") or no field ("Intern",
// "Graduate Engineer") is read as it is.

// compileFields compiles the learner words and fields of lang.
func (la *langAnalysis) compileFields(lx *corpus.Lexicon, lang string) {
	for _, w := range lx.Learners[lang] {
		if la.learners == nil {
			la.learners = map[string]bool{}
		}
		la.learners[Fold(w)] = true
	}
	for _, rw := range lx.Fields[lang] {
		if la.fields == nil {
			la.fields = map[string][]string{}
		}
		from := strings.Join(Words(Fold(rw.From)), " ")
		la.fields[from] = Words(Fold(strings.Join(rw.To, " ")))
		la.maxField = max(la.maxField, strings.Count(from, " ")+1)
	}
}

// fieldWords returns the practitioner's title words of the field a title
// names, when its role is a learner word, and the learner word; nil when
// there is none. words are the title's words after cleaning, stripped
// what the cleaning removed, both folded. The languages whose function
// words the title holds are tried first ("Trainee de Marketing").
func (a *analyser) fieldWords(words []string, stripped []Stripped) (practitioner []string, learner string) {
	var mask uint8
	for _, w := range words {
		mask |= a.functionLangs[w]
	}
	for _, pass := range []bool{true, false} {
		for i, lang := range corpus.Languages {
			if (mask&(1<<i) != 0) != pass {
				continue
			}
			la := a.langs[lang]
			if len(la.fields) == 0 {
				continue
			}
			if learner = la.learnerIn(words, stripped); learner == "" {
				continue
			}
			if p := la.fieldIn(words); p != nil {
				return p, learner
			}
		}
	}
	return nil, ""
}

// learnerIn returns the first learner word of words or of the stripped
// text, or "".
func (la *langAnalysis) learnerIn(words []string, stripped []Stripped) string {
	for _, w := range words {
		if la.learners[w] {
			return w
		}
	}
	for _, s := range stripped {
		for _, w := range Words(s.Text) {
			if la.learners[w] {
				return w
			}
		}
	}
	return ""
}

// fieldIn returns the practitioner's words of the first and longest field
// words name, or nil.
func (la *langAnalysis) fieldIn(words []string) []string {
	for i := range words {
		for n := min(la.maxField, len(words)-i); n > 0; n-- {
			if p := la.fields[strings.Join(words[i:i+n], " ")]; p != nil {
				return p
			}
		}
	}
	return nil
}
