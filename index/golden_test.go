package index

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

var update = flag.Bool("update", false, "rewrite the ranking goldens and rank stats in testdata/ranking")

// The ranking goldens, as zoekt keeps them: for a file of queries per
// built-in corpus, the ranked codes and the decision, and for every
// labelled set the rank statistics (recall at 1 and 3, mean reciprocal
// rank of the label among the candidates). The test regenerates both and
// compares them with the committed files, so that a change in ranking
// shows in review as a diff; -update rewrites them:
//
//	go test ./index -run TestRankingGoldens -update

func TestRankingGoldens(t *testing.T) {
	for _, tc := range []struct {
		corpus, queries string
		sets            []string
	}{
		{corpus.DefaultName, "queries-5411.txt", []string{"titles.csv", "5411-test.csv"}},
		{"anzsco", "queries-anzsco.txt", []string{"anzsco-test-en.csv", "anzsco-test-pt.csv"}},
	} {
		ix := builtinIndex(t, tc.corpus)
		qpath := filepath.Join("..", "testdata", "ranking", tc.queries)
		data, err := os.ReadFile(qpath)
		if err != nil {
			t.Fatal(err)
		}
		var golden strings.Builder
		fmt.Fprintf(&golden, "# query\tdecision (code level confidence)\tranked candidates\n")
		for _, q := range strings.Split(string(data), "\n") {
			if q = strings.TrimSpace(q); q == "" || strings.HasPrefix(q, "#") {
				continue
			}
			res, err := ix.Classify(Query{Text: q, Top: 5})
			if err != nil {
				t.Fatalf("Classify(%q): %v", q, err)
			}
			var ranked []string
			for _, m := range res.Matches {
				ranked = append(ranked, m.Code)
			}
			code := res.Code
			if code == "" {
				code = "NONE"
			}
			fmt.Fprintf(&golden, "%s\t%s %s %.2f\t%s\n", q, code, res.Level, res.Confidence, strings.Join(ranked, " "))
		}
		compareGolden(t, filepath.Join("..", "testdata", "ranking", "golden-"+tc.corpus+".tsv"), golden.String())

		var stats strings.Builder
		fmt.Fprintf(&stats, "# set\trows\trecall@1\trecall@3\tMRR\t(the label among the ranked candidates; unit-group labels match any occupation of the group)\n")
		for _, set := range tc.sets {
			rows := adRows(t, set, false)
			rows = append(rows, adRows(t, set, true)...)
			sort.Slice(rows, func(i, j int) bool { return rows[i].title < rows[j].title })
			var r1, r3, mrr float64
			n := 0
			for _, r := range rows {
				if r.label == "NONE" {
					continue
				}
				n++
				p, err := ix.prepare(Query{Text: r.title})
				if err != nil {
					t.Fatal(err)
				}
				rank := 0
				for i, f := range ix.targetsOf(p.cands) {
					if f == r.label || (len(r.label) < 6 && strings.HasPrefix(f, r.label)) {
						rank = i + 1
						break
					}
				}
				if rank == 1 {
					r1++
				}
				if rank >= 1 && rank <= 3 {
					r3++
				}
				if rank > 0 {
					mrr += 1 / float64(rank)
				}
			}
			fmt.Fprintf(&stats, "%s\t%d\t%.3f\t%.3f\t%.3f\n", set, n, r1/float64(n), r3/float64(n), mrr/float64(n))
		}
		compareGolden(t, filepath.Join("..", "testdata", "ranking", "rank-stats-"+tc.corpus+".tsv"), stats.String())
	}
}

// targetsOf returns the codes of the target candidates, in rank order.
func (ix *Index) targetsOf(cands []features) []string {
	var out []string
	for _, f := range cands {
		if ix.occs[f.code].occ.Scope == corpus.Target {
			out = append(out, f.code)
		}
	}
	return out
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./index -run TestRankingGoldens -update)", err)
	}
	if string(want) != got {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		for i := 0; i < len(wl) || i < len(gl); i++ {
			var w, g string
			if i < len(wl) {
				w = wl[i]
			}
			if i < len(gl) {
				g = gl[i]
			}
			if w != g {
				t.Errorf("%s line %d:\n  got  %s\n  want %s", path, i+1, g, w)
			}
		}
		t.Errorf("%s differs: if the change in ranking is intended, run go test ./index -run TestRankingGoldens -update and review the diff", path)
	}
}
