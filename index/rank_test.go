package index_test

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/eval"
)

var showMisses = flag.Bool("misses", false, "print every miss of the ranking test")

var (
	defaultOnce sync.Once
	defaultIx   *index.Index
	defaultErr  error
)

// defaultIndex builds the default corpus's index once per test binary.
func defaultIndex(t testing.TB) *index.Index {
	t.Helper()
	defaultOnce.Do(func() {
		c, err := corpus.Default()
		if err != nil {
			defaultErr = err
			return
		}
		defaultIx, defaultErr = index.Build(c)
	})
	if defaultErr != nil {
		t.Fatal(defaultErr)
	}
	return defaultIx
}

func readRows(t *testing.T, path string) []eval.Row {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cols := eval.Columns{}
	if strings.HasSuffix(path, "described.csv") {
		cols.Description = "description"
	}
	rows, err := eval.ReadCSV(f, cols)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// floors are the accuracy the ranking must keep; see docs/accuracy-5411.md.
type floors struct {
	strict, perClass, portuguese float64
	ece                          float64
}

func checkRanking(t *testing.T, name string, rows []eval.Row, fl floors) {
	ix := defaultIndex(t)
	outs := eval.Run(ix, rows)
	rep := eval.Summarise(outs)
	var pt eval.ClassStats
	for lang, cs := range rep.PerLanguage {
		if strings.HasPrefix(lang, "pt") {
			pt.N += cs.N
			pt.Correct += cs.Correct
		}
	}
	t.Logf("%s: strict %d/%d = %.3f, ECE %.3f", name, rep.Correct, rep.N, rep.Accuracy, rep.ECE)
	classes := slices.Sorted(maps.Keys(rep.PerClass))
	for _, c := range classes {
		cs := rep.PerClass[c]
		if cs.N > 0 {
			t.Logf("  class %-6s %3d/%3d = %.3f (precision %.3f)", c, cs.Correct, cs.N, cs.Recall, cs.Precision)
		}
	}
	if pt.N > 0 {
		t.Logf("  Portuguese   %3d/%3d = %.3f", pt.Correct, pt.N, float64(pt.Correct)/float64(pt.N))
	}
	if a := rep.Ambiguous; a != nil {
		t.Logf("  ambiguous rows (reported apart): %d/%d agree with the suggested label", a.Correct, a.N)
	}
	if *showMisses {
		for _, m := range rep.Misses {
			t.Logf("  MISS %-60q want %-6s got %-6s conf %.2f", m.Row.Title, m.Row.Label, m.Got, m.Confidence)
		}
	}
	if rep.Errors > 0 {
		t.Errorf("%s: %d rows failed to classify", name, rep.Errors)
	}
	if rep.Accuracy < fl.strict {
		t.Errorf("%s: strict accuracy %.3f, want >= %.2f", name, rep.Accuracy, fl.strict)
	}
	for _, c := range classes {
		if cs := rep.PerClass[c]; cs.N > 0 && cs.Recall < fl.perClass {
			t.Errorf("%s: class %s accuracy %.3f, want >= %.2f", name, c, cs.Recall, fl.perClass)
		}
	}
	if pt.N > 0 && float64(pt.Correct)/float64(pt.N) < fl.portuguese {
		t.Errorf("%s: Portuguese accuracy %.3f, want >= %.2f", name, float64(pt.Correct)/float64(pt.N), fl.portuguese)
	}
	if fl.ece > 0 && rep.ECE > fl.ece {
		t.Errorf("%s: expected calibration error %.3f, want <= %.2f", name, rep.ECE, fl.ece)
	}
}

// The labelled titles of the default scope are in two parts. The fit part,
// testdata/labelled/titles.csv and described.csv, is what the confidence
// model is fitted on (TestFitCalibration) and what the ranking was
// developed against. The test part, testdata/labelled/5411-test.csv, was
// written from job ads, CVs and public lists before the ranking changes it
// measures, is never fitted on, and holds none of the corpus's titles or
// pattern expansions (TestTestTitlesAreUnseen): the accuracy and
// calibration the README reports are asserted on it.

// TestRanking5411TestPart asserts accuracy and calibration on the test
// part. The floors are just below the figures measured; the targets are
// higher (strict 0.97, every class 0.95, ECE 0.03).
func TestRanking5411TestPart(t *testing.T) {
	checkTestPart(t, "5411 test part", "5411-test.csv", 120, floors{strict: 0.97, perClass: 0.93, portuguese: 0.99, ece: 0.03})
}

// TestRanking5411SecondTestPart asserts accuracy on a second test part,
// testdata/labelled/5411-test-2.csv, written from sources used nowhere else
// in the project before the ranking changes that followed the first one.
// Its ECE was 0.017-0.019 until the confidence model was refitted with the
// rows of phone banking, Smart Centres and voice accounts (0.021): the
// ceiling is the target, 0.03.
func TestRanking5411SecondTestPart(t *testing.T) {
	checkTestPart(t, "5411 second test part", "5411-test-2.csv", 60, floors{strict: 0.96, perClass: 0.89, portuguese: 0.96, ece: 0.03})
}

// TestRanking5411ThirdTestPart asserts accuracy and calibration on a third
// test part, testdata/labelled/5411-test-3.csv: job-board, vacancy-list and
// profile titles from sources used nowhere else in the project, written
// before the changes to the ranking and the confidence model it measures
// (strict 0.929, ECE 0.047 then).
func TestRanking5411ThirdTestPart(t *testing.T) {
	checkTestPart(t, "5411 third test part", "5411-test-3.csv", 60, floors{strict: 0.98, perClass: 0.95, portuguese: 0.97, ece: 0.02})
}

// TestRanking5411FourthTestPart asserts accuracy and calibration on a
// fourth test part, testdata/labelled/5411-test-4.csv: titles in the forms
// of job boards, vacancy lists and the ABS index (inverted forms), written
// before the changes it measures (strict 0.968, 541111 0.900, ECE 0.038
// then).
func TestRanking5411FourthTestPart(t *testing.T) {
	checkTestPart(t, "5411 fourth test part", "5411-test-4.csv", 60, floors{strict: 0.98, perClass: 0.94, portuguese: 0.99, ece: 0.03})
}

// TestRanking5411FifthTestPart asserts accuracy and calibration on a fifth
// test part, testdata/labelled/5411-test-5.csv: titles in the forms of
// outsourcers' career pages, Brazilian and Portuguese vacancy pages, NZ
// listings and government service-centre vacancy lists, written before
// the changes it measures (strict 0.853, 541111 0.696, 541112 0.905, NONE
// 0.958, Portuguese 0.839, ECE 0.109 then). The same hands wrote it and
// made those changes, so it is less independent of them than a part
// written by others.
func TestRanking5411FifthTestPart(t *testing.T) {
	checkTestPart(t, "5411 fifth test part", "5411-test-5.csv", 60, floors{strict: 0.98, perClass: 0.95, portuguese: 0.96, ece: 0.03})
}

// TestRanking5411SixthTestPart asserts accuracy and calibration on a sixth
// test part, testdata/labelled/5411-test-6.csv: titles in the forms of
// Australian and NZ job boards and government vacancy lists, outsourcers',
// banks', insurers', telcos', utilities' and health lines' career pages,
// and Brazilian and Portuguese vacancy sites, written and committed before
// it was first measured. Its floors are set just below that measurement
// (strict 0.957, 541111 0.964, 541112 0.903, NONE 1.000, Portuguese 0.977,
// ECE 0.025), under the targets for strict and 541112 accuracy. The kinds
// of its misses (phone banking, government Smart Centres, outsourcers'
// voice accounts, Portuguese inbound tele-sales) then guided changes that
// code all its strict rows right: the floors are just below that, and no
// longer an independent measure.
func TestRanking5411SixthTestPart(t *testing.T) {
	checkTestPart(t, "5411 sixth test part", "5411-test-6.csv", 75, floors{strict: 0.99, perClass: 0.99, portuguese: 0.99, ece: 0.03})
}

// TestRanking5411SeventhTestPart asserts accuracy and calibration on a
// seventh test part, testdata/labelled/5411-test-7.csv: titles in the forms
// of Australian and NZ job boards and government vacancy lists, banks',
// insurers', telcos', airlines', health lines', universities' and
// outsourcers' career pages, and Brazilian and Portuguese vacancy sites,
// written without reading the corpus, lexicons or other sets and committed
// before it was first measured. Its floors are set just below that
// measurement (strict 0.981, 541111 0.970, 541112 1.000, NONE 0.974,
// Portuguese 1.000, ECE 0.029), which reaches every target.
func TestRanking5411SeventhTestPart(t *testing.T) {
	checkTestPart(t, "5411 seventh test part", "5411-test-7.csv", 90, floors{strict: 0.98, perClass: 0.96, portuguese: 0.99, ece: 0.03})
}

// checkTestPart asserts the floors on a test part of testdata/labelled,
// which must hold at least minRows rows.
func checkTestPart(t *testing.T, name, file string, minRows int, f floors) {
	t.Helper()
	rows := readRows(t, filepath.Join("..", "testdata", "labelled", file))
	if len(rows) < minRows {
		t.Fatalf("%s: only %d test rows", file, len(rows))
	}
	checkRanking(t, name, rows, f)
}

// TestTestTitlesAreUnseen checks that no title of a test part is a title,
// everyday title or pattern expansion of the corpus it is measured on.
func TestTestTitlesAreUnseen(t *testing.T) {
	for _, tc := range []struct{ file, corpus string }{
		{"5411-test.csv", corpus.DefaultName},
		{"5411-test-2.csv", corpus.DefaultName},
		{"5411-test-3.csv", corpus.DefaultName},
		{"5411-test-4.csv", corpus.DefaultName},
		{"5411-test-5.csv", corpus.DefaultName},
		{"5411-test-6.csv", corpus.DefaultName},
		{"5411-test-7.csv", corpus.DefaultName},
		{"anzsco-test-en.csv", "anzsco"},
		{"anzsco-test-pt.csv", "anzsco"},
	} {
		c, err := corpus.Builtin(tc.corpus)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		key := func(s string) string { return strings.Join(index.Words(index.Fold(s)), " ") }
		for _, o := range c.Occupations {
			for _, tx := range o.Text {
				for _, s := range append(append(append([]string{tx.Title}, tx.AlternativeTitles...), tx.Specialisations...), tx.EverydayTitles...) {
					seen[key(s)] = true
				}
				for _, p := range tx.Patterns {
					for _, r := range p.Roles {
						for _, x := range p.Contexts {
							seen[key(r+" "+x)], seen[key(x+" "+r)] = true, true
						}
					}
				}
			}
		}
		for _, r := range readRows(t, filepath.Join("..", "testdata", "labelled", tc.file)) {
			if seen[key(r.Title)] {
				t.Errorf("%s: test title %q is a title or pattern expansion of corpus %s", tc.file, r.Title, tc.corpus)
			}
		}
	}
}

// TestRankingLabelled is the ranking regression test on the fit part.
func TestRankingLabelled(t *testing.T) {
	rows := readRows(t, filepath.Join("..", "testdata", "labelled", "titles.csv"))
	if len(rows) < 200 {
		t.Fatalf("only %d labelled rows", len(rows))
	}
	checkRanking(t, "testdata", rows, floors{strict: 0.99, perClass: 0.98, portuguese: 0.98, ece: 0.03})
}

// TestRankingDescribed checks that a description moves a title with no
// channel into scope, and keeps titles of other work outside.
func TestRankingDescribed(t *testing.T) {
	rows := readRows(t, filepath.Join("..", "testdata", "labelled", "described.csv"))
	checkRanking(t, "described", rows, floors{strict: 0.95, perClass: 0.90, portuguese: 0.94})
}

// TestRankingDev runs the shared development set beside the repository. In
// CI (CI=true) the file must be there: the test fails rather than skips.
func TestRankingDev(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "eval", "dev.csv")
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not present in CI: %v", path, err)
		}
		t.Skipf("%s not present: %v", path, err)
	}
	checkRanking(t, "dev", readRows(t, path), floors{strict: 0.98, perClass: 0.95, portuguese: 0.95, ece: 0.02})
}

var _ = fmt.Sprintf

// slip returns title with one typing slip in its longest word of six
// letters or more: two neighbouring letters swapped, chosen by the
// title's length so the variants are fixed. A title with no such word is
// returned as it is.
func slip(title string) string {
	words := strings.Fields(title)
	best := -1
	for i, w := range words {
		if len(w) >= 6 && strings.IndexFunc(w, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) < 0 && (best < 0 || len(w) > len(words[best])) {
			best = i
		}
	}
	if best < 0 {
		return title
	}
	w := []byte(words[best])
	k := 1 + len(title)%(len(w)-2)
	w[k], w[k+1] = w[k+1], w[k]
	words[best] = string(w)
	return strings.Join(words, " ")
}

// slippedRows reads a labelled file and returns its rows whose titles a
// typing slip changes, slipped.
func slippedRows(t *testing.T, name string) []eval.Row {
	var slipped []eval.Row
	for _, r := range readRows(t, filepath.Join("..", "testdata", "labelled", name)) {
		if s := slip(r.Title); s != r.Title {
			r.Title = s
			slipped = append(slipped, r)
		}
	}
	if len(slipped) < 60 {
		t.Fatalf("%s: only %d slipped titles", name, len(slipped))
	}
	return slipped
}

// TestRanking5411TypingSlips classifies the test part with one typing slip
// in each title that has a word of six ASCII letters or more.
func TestRanking5411TypingSlips(t *testing.T) {
	checkRanking(t, "5411 test part with typing slips", slippedRows(t, "5411-test.csv"), floors{strict: 0.97, perClass: 0.93, portuguese: 0.99, ece: 0.03})
}

// TestRankingLabelledTypingSlips classifies the fit part with one typing
// slip in each title that has a word of six ASCII letters or more: what
// the speller is developed against.
func TestRankingLabelledTypingSlips(t *testing.T) {
	checkRanking(t, "fit part with typing slips", slippedRows(t, "titles.csv"), floors{strict: 0.99, perClass: 0.98, portuguese: 0.99, ece: 0.03})
}

// TestRanking5411ThirdTypingSlips classifies the third test part with one
// typing slip in each title that has a word of six ASCII letters or more.
func TestRanking5411ThirdTypingSlips(t *testing.T) {
	checkRanking(t, "5411 third test part with typing slips", slippedRows(t, "5411-test-3.csv"), floors{strict: 0.98, perClass: 0.94, portuguese: 0.96, ece: 0.02})
}

// TestRanking5411FifthTypingSlips classifies the fifth test part with one
// typing slip in each title that has a word of six ASCII letters or more.
func TestRanking5411FifthTypingSlips(t *testing.T) {
	checkRanking(t, "5411 fifth test part with typing slips", slippedRows(t, "5411-test-5.csv"), floors{strict: 0.96, perClass: 0.95, portuguese: 0.96, ece: 0.03})
}

// TestRanking5411SixthTypingSlips classifies the sixth test part with one
// typing slip in each title that has a word of six ASCII letters or more.
// Its ECE rose from 0.014 to 0.028 when the confidence model was refitted
// with the rows of phone banking, Smart Centres and voice accounts, all
// its titles now right but with less confidence: the ceiling is the
// target, 0.03.
func TestRanking5411SixthTypingSlips(t *testing.T) {
	checkRanking(t, "5411 sixth test part with typing slips", slippedRows(t, "5411-test-6.csv"), floors{strict: 0.99, perClass: 0.99, portuguese: 0.99, ece: 0.03})
}

// TestRanking5411SeventhTypingSlips classifies the seventh test part with
// one typing slip in each title that has a word of six ASCII letters or more.
func TestRanking5411SeventhTypingSlips(t *testing.T) {
	checkRanking(t, "5411 seventh test part with typing slips", slippedRows(t, "5411-test-7.csv"), floors{strict: 0.98, perClass: 0.96, portuguese: 0.99, ece: 0.03})
}
