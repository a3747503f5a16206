package index

import (
	"os"
	"testing"
)

// TestFitHalfANZSCO reports the accuracy on the fit halves of the labelled
// job-ad titles of the whole ANZSCO, and how often the top candidate is the
// labelled occupation. With ANZSCO_FIT_MISSES set it lists the fit half's
// misses: the rows to study when changing the lexicons or the ranking (the
// test halves are only counted, never listed).
func TestFitHalfANZSCO(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	for _, name := range []string{"anzsco-test-en.csv", "anzsco-test-pt.csv"} {
		rows := adRows(t, name, true)
		var exact, unit, top int
		for _, r := range rows {
			res, err := ix.Classify(Query{Text: r.title, Top: 3})
			if err != nil {
				t.Fatalf("Classify(%q): %v", r.title, err)
			}
			e, u := adScore(res.Code, r.label)
			exact += b2i(e)
			unit += b2i(u)
			if len(res.Matches) > 0 && res.Matches[0].Code == r.label {
				top++
			}
			if !e && os.Getenv("ANZSCO_FIT_MISSES") != "" {
				var ms []string
				for _, m := range res.Matches {
					ms = append(ms, m.Code+" "+m.Title)
				}
				t.Logf("MISS %-50q want %-6s got %-6s %q (%s %.2f) cleaned %q; top %q", r.title, r.label, res.Code, res.Title, res.Level, res.Confidence, res.Cleaned, ms)
			}
		}
		n := float64(len(rows))
		t.Logf("%s (fit half, %d rows): exact %.3f, unit group %.3f, top candidate %.3f", name, len(rows), float64(exact)/n, float64(unit)/n, float64(top)/n)
	}
}
