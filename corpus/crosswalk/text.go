package crosswalk

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/anzsco/anzsco/internal/fold"
)

// Fold returns s folded as the index folds it (package fold: lower case,
// Latin letters without their diacritics, typographic punctuation as
// ASCII) and with its spaces collapsed: the form in which two titles are
// the same title.
func Fold(s string) string {
	return strings.Join(strings.Fields(fold.String(s)), " ")
}

// clean collapses white space and trims separators left at the ends.
func clean(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "( ", "("), " )", ")")
	return strings.Trim(s, " ,;:/-–.")
}

// genderMarker is a parenthesised note that a post is open to any gender:
// "(m/f)", "(M/F/D)", "(h/m)".
var genderMarker = regexp.MustCompile(`(?i)\s*\(\s*[mfhd]\s*(?:/\s*[mfhd]\s*)+\)`)

// genderEnding is a word with its other gender's ending in parentheses:
// "Operador(a)", "Secretária(o)", "Camareiros(as)".
var genderEnding = regexp.MustCompile(`(\pL+)\((a|o|as|os)\)`)

// SplitLabel turns one label into the titles it stands for: "Diretor
// técnico/Diretora técnica" is two titles, "Operador(a)" is "Operador" and
// "Operadora", "Motorista (m/f)" is "Motorista". Slashes that do not join
// two titles ("Manicure/pedicure" is one title; "Técnico de TI/TIC" too)
// are kept; see startsTitle for where a slash splits.
func SplitLabel(label string) []string {
	label = withoutGenderNotes(label)
	var out []string
	for _, part := range splitSlash(label) {
		if !genderEnding.MatchString(part) {
			out = appendClean(out, part)
			continue
		}
		base := genderEnding.ReplaceAllString(part, "$1")
		other := genderEnding.ReplaceAllStringFunc(part, func(w string) string {
			m := genderEnding.FindStringSubmatch(w)
			return otherGender(m[1], m[2])
		})
		out = appendClean(out, base)
		out = appendClean(out, other)
	}
	return out
}

// withoutGenderNotes cleans s and removes its gender notes. Removing a
// note can join the text around it into another ("((m/f)m/f)"), and so
// can cleaning (a space regexp's \s does not match, "(\vm/f)"); each pass
// shortens s, so this ends.
func withoutGenderNotes(s string) string {
	for s = clean(s); genderMarker.MatchString(s); {
		s = clean(genderMarker.ReplaceAllString(s, ""))
	}
	return s
}

func appendClean(out []string, s string) []string {
	// A part of a label can hold a note the whole did not: "(m/f(a))"
	// is "(m/f)" once the gender ending is written out.
	if s = withoutGenderNotes(s); s != "" {
		for _, o := range out {
			if o == s {
				return out
			}
		}
		out = append(out, s)
	}
	return out
}

// otherGender writes word with the ending given in parentheses after it:
// Operador(a) → Operadora, Camareiro(a) → Camareira, Secretária(o) →
// Secretário, Camareiros(as) → Camareiras.
func otherGender(word, ending string) string {
	plural := strings.HasSuffix(ending, "s")
	stem := word
	if plural {
		stem = strings.TrimSuffix(stem, "s")
	}
	vowel := strings.TrimSuffix(ending, "s")
	if r, n := utf8.DecodeLastRuneInString(stem); n > 0 && (r == 'a' || r == 'o') {
		stem = stem[:len(stem)-n]
	}
	out := stem + vowel
	if plural {
		out += "s"
	}
	return out
}

// splitSlash splits a label at the slashes that join two titles.
func splitSlash(label string) []string {
	if !strings.Contains(label, "/") {
		return []string{label}
	}
	parts := strings.Split(label, "/")
	first := strings.Fields(parts[0])
	out := []string{parts[0]}
	for _, p := range parts[1:] {
		words := strings.Fields(p)
		switch {
		case len(words) == 1 && len(first) > 1 && sameStem(Fold(words[0]), Fold(first[0])):
			// "Modelador de metais ornamentais/Modeladora": the other
			// gender of the first word, the rest understood.
			out = append(out, words[0]+" "+strings.Join(first[1:], " "))
		case startsTitle(p, first):
			out = append(out, p)
		default:
			out[len(out)-1] += "/" + p
		}
	}
	return out
}

// startsTitle says whether p, the text after a slash, begins a new title of
// a label whose text before the first slash is the words first. It does
// when it starts with a capital letter and has two words or more ("Auxiliar
// de cozinha/Ajudante de cozinha"), or is one capitalised word after
// another ("Monge/Freira"), or when it has as many words as first
// and its first word starts as first's does ("redator médico/redatora
// médica", "maestro/maestrina").
func startsTitle(p string, first []string) bool {
	words := strings.Fields(p)
	if len(words) == 0 || len(first) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	r0, _ := utf8.DecodeRuneInString(first[0])
	// An acronym ("TIC", "RH") does not start a title.
	capital := unicode.IsUpper(r) && strings.ToUpper(words[0]) != words[0]
	if capital && (len(words) >= 2 || len(first) == 1 && unicode.IsUpper(r0)) {
		return true
	}
	return len(words) == len(first) && sameStem(Fold(words[0]), Fold(first[0]))
}

// sameStem says whether two words start with the same four letters (the
// whole word, if three letters long): the masculine and feminine forms of
// a title ("maestro", "maestrina"; "nadador-salvador", "nadadora-salvadora").
func sameStem(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	n := min(len(ra), len(rb), 4)
	if n < 3 {
		return false
	}
	return string(ra[:n]) == string(rb[:n])
}

//go:embed data/pt-generic.txt
var genericData []byte

// Patterns is a list of folded patterns in which '*' matches any run of
// characters, read from a data file.
type Patterns struct {
	exact map[string]bool
	globs []*regexp.Regexp
}

// ReadPatterns reads one pattern a line; '#' starts a comment line and
// blank lines are skipped. A pattern that appears twice is an error.
func ReadPatterns(r io.Reader, name string) (*Patterns, error) {
	data, err := utf8Text(r, name)
	if err != nil {
		return nil, err
	}
	p := &Patterns{exact: map[string]bool{}}
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := Fold(line)
		if prev, dup := seen[f]; dup {
			return nil, fmt.Errorf("%s:%d: %w: %q repeats line %d", name, n, ErrFormat, line, prev)
		}
		seen[f] = n
		if !strings.Contains(f, "*") {
			p.exact[f] = true
			continue
		}
		parts := strings.Split(f, "*")
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		p.globs = append(p.globs, regexp.MustCompile("^"+strings.Join(parts, ".*")+"$"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// Match says whether s, folded, matches a pattern.
func (p *Patterns) Match(s string) bool {
	f := Fold(s)
	if p.exact[f] {
		return true
	}
	for _, g := range p.globs {
		if g.MatchString(f) {
			return true
		}
	}
	return false
}

// Generic returns the embedded list of labels too generic to be titles
// (data/pt-generic.txt).
func Generic() (*Patterns, error) {
	return ReadPatterns(bytes.NewReader(genericData), "data/pt-generic.txt")
}
