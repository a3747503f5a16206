package index

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/anzsco/anzsco/internal/batch/adgen"
)

// segmentSep is the expression appendSegments writes out by hand; tests
// that split titles as the analyser does may use either.
var segmentSep = regexp.MustCompile(`\s[-–—]+\s|\s[-–—]+|[-–—]+\s|[|•;:()\[\]{}/\\,]+`)

// TestSegmentsAsRegexp checks that appendSegments splits as the regular
// expression does, on separators at either end, runs of them, dashes in
// words, the multi-byte dashes and bullet, broken UTF-8, and generated
// ad titles, raw and folded.
func TestSegmentsAsRegexp(t *testing.T) {
	texts := []string{"", " ", "-", " - ", "a", "a - b", "a -b", "a- b", "a-b", "e-mail - on-site",
		"a --- b", "a -- -b", "a - - b", "a\t–\tb", "a — b", "a –— b", "a—b", "a –b", "a– b",
		"a|b", "a || b", "(a)", "a (b) [c] {d}", "a/b\\c", "a, b; c: d", "a • b", "a •b•c", "a ,;: b",
		"- a -", " -a- ", "a -\n b", "a \r- b", "\xe2\x80 - \xe2", "a \xe2\x80\x93", "\xe2\x80\x93 a",
		"a -\xff b", "ç - é", "a  -  b", "a - ", " - a"}
	g := adgen.New(9)
	for range 3000 {
		title := g.Next(0).Title
		texts = append(texts, title, Fold(title))
	}
	for _, s := range texts {
		want := segmentSep.Split(s, -1)
		if got := appendSegments(nil, s); !reflect.DeepEqual(got, want) {
			t.Errorf("appendSegments(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzSegmentsAsRegexp checks appendSegments against the expression on any
// input.
func FuzzSegmentsAsRegexp(f *testing.F) {
	for _, s := range []string{"a - b", "a -b", "a—b", "a • b", "(a) [b]", "\xe2\x80 - \xe2", "e-mail - on-site"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := segmentSep.Split(s, -1)
		if got := appendSegments(nil, s); !reflect.DeepEqual(got, want) {
			t.Errorf("appendSegments(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestGenderEndingKeepsPart checks that a gender ending written onto a
// word ("Desenvolvedor(a)", "Operador/a") is stripped without ending the
// title's first part, while one written apart still ends it as other noise
// does.
func TestGenderEndingKeepsPart(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	for in, want := range map[string]int{
		"Desenvolvedor(a) Front-end":  1,
		"Copeiro(a) - Hospital":       2,
		"Desenvolvedor (a) Front-end": 2,
		"Operador/a de Empilhadeira":  1,
		"Técnico/a - Manutenção":      2,
		"Receptionist/Admin":          2,
	} {
		segs, _, _ := ix.an.cleanSegments(in)
		if len(segs) != want {
			t.Errorf("cleanSegments(%q) = %q, want %d parts", in, segs, want)
		}
	}
}
