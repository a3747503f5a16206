package index

import (
	"cmp"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/internal/labelled"
)

// The labelled job-ad titles of the whole ANZSCO (testdata/labelled/
// anzsco-test-en.csv) are split in two, fixed by a hash of the title: the
// fit half, on which the confidence model is fitted with the held-out ABS
// titles, and the test half, on which accuracy is asserted.

type adRow struct{ title, label, note string }

var (
	builtinMu  sync.Mutex
	builtinIxs = map[string]*Index{}
)

// builtinCorpus returns a built-in corpus, failing the test if it cannot.
func builtinCorpus(t testing.TB, name string) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// builtinIndex builds the index of a built-in corpus once per test binary.
func builtinIndex(t testing.TB, name string) *Index {
	t.Helper()
	builtinMu.Lock()
	defer builtinMu.Unlock()
	if ix := builtinIxs[name]; ix != nil {
		return ix
	}
	c := builtinCorpus(t, name)
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	builtinIxs[name] = ix
	return ix
}

// labelledFile reads a file of testdata/labelled.
func labelledFile(t testing.TB, name string) []labelled.Row {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "labelled", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := labelled.Read(f, labelled.Columns{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

// adRows reads a labelled file and returns its fit or its test half.
func adRows(t testing.TB, name string, fitHalf bool) []adRow {
	t.Helper()
	var out []adRow
	for _, r := range labelledFile(t, name) {
		if r.Ambiguous() {
			continue
		}
		row := adRow{title: r.Title, label: r.Label, note: r.Note}
		h := fnv.New32a()
		h.Write([]byte(row.title))
		if (h.Sum32()%2 == 1) == fitHalf {
			out = append(out, row)
		}
	}
	return out
}

// adScore scores a code against a label: a six-digit occupation, a
// four-digit unit group, or NONE.
func adScore(code, label string) (exact, unit bool) {
	if label == "NONE" {
		return code == "", code == ""
	}
	exact = code == label
	unit = len(code) >= 4 && len(label) >= 4 && code[:4] == label[:4]
	return exact, unit
}

// naiveCodes is the baseline: bleve's default (English) analyzer over each
// occupation's titles in one language (its own and those from other
// classifications), the top hit or nothing.
func naiveCodes(t testing.TB, c *corpus.Corpus, lang string, titles []string) []string {
	t.Helper()
	bi, err := bleve.NewMemOnly(bleve.NewIndexMapping())
	if err != nil {
		t.Fatal(err)
	}
	defer bi.Close()
	b := bi.NewBatch()
	for _, o := range c.Occupations {
		var ts []string
		if tx := o.Text[lang]; tx != nil {
			eachTitle(tx, func(_, s string) { ts = append(ts, s) })
			for _, st := range tx.SourcedTitles {
				ts = append(ts, st.Title)
			}
		}
		if err := b.Index(o.Code, map[string]any{"titles": strings.Join(ts, " | ")}); err != nil {
			t.Fatal(err)
		}
	}
	if err := bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(titles))
	for i, q := range titles {
		sr, err := bi.Search(bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), 1, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		if len(sr.Hits) > 0 {
			out[i] = sr.Hits[0].ID
		}
	}
	return out
}

// TestJobAdsANZSCO codes the test half of the labelled job-ad titles, in
// English and in Portuguese, with the built-in whole-ANZSCO corpus and,
// in the same run, with the naive baseline, and asserts regression floors
// on the coder's accuracy. The baseline's figures are printed beside them
// (README "Whole ANZSCO").
func TestJobAdsANZSCO(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	c := ix.Corpus()
	for _, set := range []struct {
		file, lang               string
		fits                     []string
		unitFloor, exactF, cov95 float64
	}{
		{"anzsco-test-en.csv", "en", []string{"anzsco-common-en.csv", "anzsco-ads-en.csv", "anzsco-ads2-en.csv", "anzsco-ads3-en.csv", "anzsco-ads4-en.csv", "anzsco-ads5-en.csv", "anzsco-ads6-en.csv", "anzsco-ads7-en.csv", "anzsco-ads8-en.csv", "anzsco-ads9-en.csv", "anzsco-ads10-en.csv", "anzsco-ads11-en.csv", "anzsco-ads12-en.csv", "anzsco-common2-en.csv"}, jobAdsUnitFloor, jobAdsExactFloor, jobAdsCoverage95},
		{"anzsco-test-pt.csv", "pt", []string{"anzsco-common-pt.csv", "anzsco-ads-pt.csv", "anzsco-ads2-pt.csv", "anzsco-ads3-pt.csv", "anzsco-ads4-pt.csv", "anzsco-ads5-pt.csv", "anzsco-ads6-pt.csv"}, jobAdsUnitFloorPT, jobAdsExactFloorPT, jobAdsCoverage95PT},
	} {
		rows := adRows(t, set.file, false)
		if len(rows) < 100 {
			t.Fatalf("%s: only %d test rows", set.file, len(rows))
		}
		titles := make([]string, len(rows))
		for i, r := range rows {
			titles[i] = r.title
		}
		naive := naiveCodes(t, c, set.lang, titles)
		var exact, unit, nExact, nUnit int
		var coded []scoredResult
		byLevel := map[string][]scoredResult{}
		for i, r := range rows {
			res, err := ix.Classify(Query{Text: r.title})
			if err != nil {
				t.Fatalf("Classify(%q): %v", r.title, err)
			}
			e, u := adScore(res.Code, r.label)
			if res.Code != "" {
				// Right as coded: the occupation, or a group that holds it.
				right := e || (res.Level != LevelOccupation && len(r.label) >= len(res.Code) && r.label[:len(res.Code)] == res.Code)
				coded = append(coded, scoredResult{res.Confidence, right})
				byLevel[res.Level] = append(byLevel[res.Level], scoredResult{res.Confidence, right})
			}
			exact += b2i(e)
			unit += b2i(u)
			ne, nu := adScore(naive[i], r.label)
			nExact += b2i(ne)
			nUnit += b2i(nu)
			if !e && os.Getenv("ANZSCO_SHOW_MISSES") != "" {
				t.Logf("MISS %-55q want %-6s got %-6s %q (%s %.2f)", r.title, r.label, res.Code, res.Title, res.Level, res.Confidence)
			}
		}
		n := float64(len(rows))
		t.Logf("%s (test half, %d rows): exact %.3f, unit group %.3f; naive bleve: exact %.3f, unit group %.3f",
			set.file, len(rows), float64(exact)/n, float64(unit)/n, float64(nExact)/n, float64(nUnit)/n)
		cov, thr := coverageAtPrecision(coded, len(rows), 0.95)
		labels := make([]string, len(rows))
		for i, r := range rows {
			labels[i] = r.label
		}
		bcov, bthr := minConfidenceCoverage(t, ix, titles, labels, 0.95)
		t.Logf("%s: coded %.3f; right as coded %.3f of those; at 95%% precision %.3f of the titles are coded (confidence >= %.2f), %.3f with --min-confidence %.2f backing off",
			set.file, float64(len(coded))/n, rightShare(coded), cov, thr, bcov, bthr)
		for _, l := range []string{LevelOccupation, LevelUnitGroup, LevelMinorGroup} {
			if rs := byLevel[l]; len(rs) > 0 {
				t.Logf("%s: %d coded at the %s, right %.3f, mean confidence %.3f, ECE %.3f", set.file, len(rs), levelName(l), rightShare(rs), meanConf(rs), levelECE(rs))
			}
		}
		reportTwins(t, set.file, set.fits, rows, ix)
		checkAdFloors(t, set.file, float64(exact)/n, float64(unit)/n, bcov, set.exactF, set.unitFloor, set.cov95)
	}
}

// checkAdFloors asserts the floors of a labelled set of ad titles: exact
// and unit-group accuracy, and the share coded at 95% precision with
// --min-confidence.
func checkAdFloors(t *testing.T, file string, exact, unit, cov, exactF, unitF, covF float64) {
	t.Helper()
	if exact < exactF {
		t.Errorf("%s: exact accuracy %.3f, want >= %.2f", file, exact, exactF)
	}
	if unit < unitF {
		t.Errorf("%s: unit-group accuracy %.3f, want >= %.2f", file, unit, unitF)
	}
	if cov < covF {
		t.Errorf("%s: %.3f of the titles coded at 95%% precision, want >= %.2f", file, cov, covF)
	}
}

// reportTwins reports a test half apart for its titles whose first part is
// a title of the common-occupations fit set of its language (fits[0]:
// anzsco-common-pt.csv, "Padeiro" for "Padeiro - Padaria | Madrugada"; or
// anzsco-common-en.csv), whose misses the corrections and lexicon entries
// were made from; then for those whose first part is the first part of a
// title of its other fit sets in turn (anzsco-ads-pt.csv or anzsco-ads-en.csv, "Padeiro" for
// "Padeiro - Padaria - Turno"; then anzsco-ads2-pt.csv or anzsco-ads2-en.csv; then
// anzsco-ads3-pt.csv or anzsco-ads3-en.csv; then anzsco-ads4-pt.csv; then anzsco-ads5-pt.csv); and for the others: the figure on the
// others is the one independent of that work.
func reportTwins(t *testing.T, file string, fits []string, rows []adRow, ix *Index) {
	t.Helper()
	firstPart := func(title string) string { return strings.TrimSpace(segmentSep.Split(Fold(title), 2)[0]) }
	twins := make([]map[string]bool, len(fits))
	for k, f := range fits {
		twins[k] = map[string]bool{}
		for _, r := range labelledFile(t, f) {
			twins[k][strings.TrimSpace(Fold(r.Title))] = true
			if k > 0 {
				twins[k][firstPart(r.Title)] = true
			}
		}
	}
	n, exact, unit := make([]int, len(fits)+1), make([]int, len(fits)+1), make([]int, len(fits)+1)
	for _, r := range rows {
		first := firstPart(r.title)
		k := 0
		for k < len(fits) && !twins[k][first] && !twins[k][strings.TrimSpace(Fold(r.title))] {
			k++
		}
		res, err := ix.Classify(Query{Text: r.title})
		if err != nil {
			t.Fatalf("Classify(%q): %v", r.title, err)
		}
		e, u := adScore(res.Code, r.label)
		n[k]++
		exact[k] += b2i(e)
		unit[k] += b2i(u)
	}
	for k := range n {
		what := "the others"
		switch {
		case k == 0:
			what = "whose first part is a title of " + fits[0]
		case k < len(fits):
			what = "the others whose first part is that of a title of " + fits[k]
		}
		if n[k] > 0 {
			t.Logf("%s: %d titles %s: exact %.3f, unit group %.3f", file, n[k], what, float64(exact[k])/float64(n[k]), float64(unit[k])/float64(n[k]))
		}
	}
}

// Floors of the job-ad test: regression floors just under the accuracy
// measured (README "Whole ANZSCO"); the targets are unit group 0.85 and
// exact 0.70 in English, 0.75 and 0.60 in Portuguese, reached on the
// whole test halves but not on their titles unlike any fit title
// (reportTwins). The English floors were 0.85 and 0.74 until the
// lexicon entries and refit of the anzsco-ads2 fit sets, after which the
// English test half read 0.846 and 0.738, one title fewer each (0.851
// and 0.742 before), while the Portuguese exact rose from 0.736 to 0.743:
// they were lowered to 0.84 and 0.73, under the unit-group target. With
// the lexicon entries of anzsco-ads5-en.csv's misses the English test half
// read 0.851 and 0.742 again, and the floors are back at 0.85 and 0.74;
// with the sixth and seventh English fit sets' entries and the curated
// titles of their misses it reads 0.864 and 0.756, and they are 0.86 and
// 0.75; with the specialism and setting words of anzsco-ads10-en.csv's
// misses it reads 0.873 and 0.765, and they are 0.87 and 0.76; with the
// eighth to twelfth English fit sets' entries, the phrases read after
// shorthand, the speller's choice and the curated titles of their misses
// it reads 0.887 and 0.778, and they are 0.88 and 0.77.
const (
	jobAdsUnitFloor  = 0.88
	jobAdsExactFloor = 0.77
	// The Portuguese floors were 0.82 and 0.73 until the glossary words
	// of anzsco-ads3-pt.csv's misses (test half 0.833 -> 0.847, 0.743 ->
	// 0.757), then 0.84 and 0.75 until those of anzsco-ads4-pt.csv's
	// (0.847 -> 0.861, 0.757 -> 0.771), then 0.86 and 0.77 until those of
	// anzsco-ads5-pt.csv's (0.861 -> 0.896, 0.771 -> 0.826), then 0.89
	// and 0.82 until those of anzsco-ads6-pt.csv's (0.896 -> 0.903,
	// 0.826 -> 0.833).
	jobAdsUnitFloorPT  = 0.90
	jobAdsExactFloorPT = 0.83
	// Shares of the titles coded at 95% precision with the best
	// --min-confidence (minConfidenceCoverage), against a target of 0.70.
	// The Portuguese figure was 0.701 and is 0.660 since the refit on the
	// grown Portuguese ad titles, which moved the best threshold from 0.75
	// to 0.81; its floor was lowered from 0.70 to 0.65 with it. The
	// English figure was 0.683 and is 0.679 since a title that the stop
	// words shorten counts the words it lost (one title of 221 under the
	// threshold; exact and unit group unchanged, right as coded 0.796 ->
	// 0.801); its floor was lowered from 0.68 to 0.67 with it.
	// The Portuguese figure rose to 0.694 (at 0.76) with the glossary
	// words of anzsco-ads3-pt.csv's misses; its floor was raised to 0.69.
	// It rose to 0.708 (at 0.76) with those of anzsco-ads4-pt.csv's
	// misses; its floor was raised to 0.70, the target. It rose to 0.729
	// (at 0.83) with those of anzsco-ads5-pt.csv's; its floor was raised
	// to 0.72. It rose to 0.743 (at 0.83) with those of
	// anzsco-ads6-pt.csv's; its floor was raised to 0.74. The English
	// figure rose to 0.688 with the fifth and sixth English fit sets; its
	// floor was raised to 0.68. It rose to 0.719 (at 0.81) with the eighth
	// to twelfth English fit sets' entries, the phrases read after
	// shorthand, the speller's choice and the curated titles of their
	// misses; its floor was raised to 0.71, over the target.
	jobAdsCoverage95   = 0.71
	jobAdsCoverage95PT = 0.74
)

// scoredResult is a coded result's confidence and whether it was right.
type scoredResult struct {
	conf  float64
	right bool
}

// coverageAtPrecision returns the largest share of n titles coded at a
// confidence threshold where the coded ones are right at least prec of the
// time, and that threshold.
func coverageAtPrecision(coded []scoredResult, n int, prec float64) (cov, thr float64) {
	sorted := slices.Clone(coded)
	slices.SortFunc(sorted, func(a, b scoredResult) int { return cmp.Compare(b.conf, a.conf) })
	right := 0
	for i, c := range sorted {
		right += b2i(c.right)
		if float64(right)/float64(i+1) >= prec {
			cov, thr = float64(i+1)/float64(n), c.conf
		}
	}
	return cov, thr
}

// minConfidenceCoverage classifies titles with every minimum confidence
// from 0.30 to 0.99 in steps of 0.01, as a user would with
// --min-confidence (a result under it backs off to a group that reaches
// it, or is left uncoded), and returns the largest share of the titles
// coded at a minimum where the coded ones are right (the occupation, or a
// group that holds it) at least prec of the time, and that minimum.
func minConfidenceCoverage(t testing.TB, ix *Index, titles, labels []string, prec float64) (cov, thr float64) {
	t.Helper()
	for k := 30; k <= 99; k++ {
		minConf := float64(k) / 100
		coded, right := 0, 0
		for i, title := range titles {
			res, err := ix.Classify(Query{Text: title, MinConfidence: minConf})
			if err != nil {
				t.Fatalf("Classify(%q): %v", title, err)
			}
			if res.Code == "" {
				continue
			}
			coded++
			label := labels[i]
			if res.Code == label || (res.Level != LevelOccupation && len(label) >= len(res.Code) && label[:len(res.Code)] == res.Code) {
				right++
			}
		}
		if c := float64(coded) / float64(len(titles)); coded > 0 && float64(right)/float64(coded) >= prec && c > cov {
			cov, thr = c, minConf
		}
	}
	return cov, thr
}

func meanConf(rs []scoredResult) float64 {
	sum := 0.0
	for _, r := range rs {
		sum += r.conf
	}
	return sum / float64(max(1, len(rs)))
}

// levelECE is the expected calibration error of rs over ten bins of
// confidence.
func levelECE(rs []scoredResult) float64 {
	var conf, right [10]float64
	for _, r := range rs {
		b := min(9, int(r.conf*10))
		conf[b] += r.conf
		right[b] += b2f(r.right)
	}
	e := 0.0
	for b := range conf {
		e += math.Abs(conf[b]-right[b]) / float64(max(1, len(rs)))
	}
	return e
}

func rightShare(coded []scoredResult) float64 {
	if len(coded) == 0 {
		return 0
	}
	right := 0
	for _, c := range coded {
		right += b2i(c.right)
	}
	return float64(right) / float64(len(coded))
}

// TestCalibrationSetsANZSCO codes the calibration sets
// (anzsco-calib-en.csv, anzsco-calib-pt.csv; README "Labelled data"):
// job-ad titles with head titles no other labelled set uses, written
// before the coder ran on them, never studied title by title and not
// fitted on. It asserts floors on their unambiguous rows and, so that they
// stay unstudied, never lists their misses.
func TestCalibrationSetsANZSCO(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	for _, set := range []struct {
		file                 string
		exactF, unitF, cov95 float64
	}{
		{"anzsco-calib-en.csv", calibENExactFloor, calibENUnitFloor, calibENCoverage95},
		{"anzsco-calib-pt.csv", calibPTExactFloor, calibPTUnitFloor, calibPTCoverage95},
	} {
		var titles, labels []string
		for _, r := range labelledFile(t, set.file) {
			if !r.Ambiguous() {
				titles = append(titles, r.Title)
				labels = append(labels, r.Label)
			}
		}
		if len(titles) < 200 {
			t.Fatalf("%s: %d unambiguous rows, want at least 200", set.file, len(titles))
		}
		var exact, unit int
		for i, title := range titles {
			res, err := ix.Classify(Query{Text: title})
			if err != nil {
				t.Fatalf("Classify(%q): %v", title, err)
			}
			e, u := adScore(res.Code, labels[i])
			exact += b2i(e)
			unit += b2i(u)
		}
		n := float64(len(titles))
		cov, thr := minConfidenceCoverage(t, ix, titles, labels, 0.95)
		t.Logf("%s (%d unambiguous rows): exact %.3f, unit group %.3f; %.3f coded at 95%% precision with --min-confidence %.2f",
			set.file, len(titles), float64(exact)/n, float64(unit)/n, cov, thr)
		checkAdFloors(t, set.file, float64(exact)/n, float64(unit)/n, cov, set.exactF, set.unitF, set.cov95)
	}
}

// Floors of TestCalibrationSetsANZSCO, just under the figures of
// 2026-12-03 with the shipped models, which are not fitted on these sets:
// English exact 0.815, unit group 0.844, 0.692 coded at 95% precision;
// Portuguese 0.764, 0.831, 0.720. The English floors were raised with the
// eighth to twelfth English fit sets' work (0.851, 0.877, 0.752).
const (
	calibENExactFloor, calibENUnitFloor, calibENCoverage95 = 0.85, 0.87, 0.75
	calibPTExactFloor, calibPTUnitFloor, calibPTCoverage95 = 0.76, 0.83, 0.71
)
