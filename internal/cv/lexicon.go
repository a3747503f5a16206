package cv

import (
	"embed"
	"fmt"
	"strings"
	"sync"
)

// The words the reader knows live in lexicon/*.txt (see lexicon/README.md):
// headings, form labels, employer markers, places. Job titles are not among
// them: the classifier's corpus says what reads like a title.
//
//go:embed lexicon/*.txt
var lexiconFS embed.FS

// lexicon is the reader's word lists, folded as headingKey folds text.
type lexiconSet struct {
	experienceHeadings, educationHeadings, otherHeadings map[string]bool
	labels                                               map[string]string // folded label -> kind
	labelFirst                                           map[string]bool   // first words of the labels
	legalForms, orgWords, qualifiers, employmentTypes    map[string]bool
	places, stateCodes                                   map[string]bool
	ofWords                                              map[string]bool // words after which a kind of organisation is part of a title
	education                                            []string        // first words of qualifications
}

var (
	lexOnce sync.Once
	lexSet  *lexiconSet
)

// lex returns the word lists, read on first use: a process that never
// reads a CV does not pay for them.
func lex() *lexiconSet {
	lexOnce.Do(func() {
		l, err := loadLexicon()
		if err != nil {
			// The files are embedded: an error here is a broken build.
			panic(err)
		}
		lexSet = l
	})
	return lexSet
}

func loadLexicon() (*lexiconSet, error) {
	l := &lexiconSet{labels: map[string]string{}, labelFirst: map[string]bool{}}
	sets := []struct {
		file string
		dst  *map[string]bool
	}{
		{"headings-experience.txt", &l.experienceHeadings},
		{"headings-education.txt", &l.educationHeadings},
		{"headings-other.txt", &l.otherHeadings},
		{"legal-forms.txt", &l.legalForms},
		{"organisation-words.txt", &l.orgWords},
		{"qualifiers.txt", &l.qualifiers},
		{"employment-types.txt", &l.employmentTypes},
		{"places.txt", &l.places},
		{"state-codes.txt", &l.stateCodes},
		{"of-words.txt", &l.ofWords},
	}
	for _, s := range sets {
		entries, err := lexiconLines(s.file)
		if err != nil {
			return nil, err
		}
		*s.dst = map[string]bool{}
		for _, e := range entries {
			(*s.dst)[e] = true
		}
	}
	edu, err := lexiconLines("education.txt")
	if err != nil {
		return nil, err
	}
	l.education = edu
	labels, err := lexiconFS.ReadFile("lexicon/labels.txt")
	if err != nil {
		return nil, err
	}
	for i, ln := range strings.Split(string(labels), "\n") {
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		kind, label, ok := strings.Cut(ln, "\t")
		switch kind {
		case "title", "employer", "dates", "start", "end", "other":
		default:
			ok = false
		}
		if !ok {
			return nil, fmt.Errorf("cv: lexicon/labels.txt:%d: want KIND<TAB>label, KIND one of title, employer, dates, start, end, other", i+1)
		}
		key := headingKey(label)
		l.labels[key] = kind
		first, _, _ := strings.Cut(key, " ")
		l.labelFirst[first] = true
	}
	return l, nil
}

// lexiconLines reads the entries of one list, folded.
func lexiconLines(file string) ([]string, error) {
	data, err := lexiconFS.ReadFile("lexicon/" + file)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, ln := range strings.Split(string(data), "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		out = append(out, headingKey(ln))
	}
	return out, nil
}
