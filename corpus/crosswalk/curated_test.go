package crosswalk

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/corpus/abs"
)

// TestCuratedTitles checks the embedded curated titles: every line's code
// is an occupation or group of ANZSCO 2022, no line repeats a title of
// the ABS index of titles or another line, and none is a title of a
// labelled set (testdata/labelled), whose figures would otherwise measure
// the data file rather than the coder.
func TestCuratedTitles(t *testing.T) {
	ts, err := CuratedTitles()
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) == 0 {
		t.Fatal("no curated titles")
	}
	c, err := corpus.Builtin("anzsco")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../abs/workbooks/anzsco-2022-index-of-titles.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	absTitles, err := abs.ReadTitles(f, "anzsco-2022-index-of-titles.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	inABS := map[string]string{}
	for _, at := range absTitles {
		inABS[Fold(at.Text)] = at.Code
	}
	labelled := labelledTitles(t)
	seen := map[string]bool{}
	for _, ct := range ts {
		key := Fold(ct.Text)
		if len(ct.Target) == 6 {
			if _, ok := c.Lookup(ct.Target); !ok {
				t.Errorf("curated %q: no occupation %s", ct.Text, ct.Target)
			}
		} else if g, ok := c.Group(ct.Target); !ok || (g.Level != "unit" && g.Level != "minor") {
			t.Errorf("curated %q: no unit or minor group %s", ct.Text, ct.Target)
		}
		if code, ok := inABS[key]; ok {
			t.Errorf("curated %q repeats a title of the ABS index (%s)", ct.Text, code)
		}
		if file, ok := labelled[key]; ok {
			t.Errorf("curated %q is a title of the labelled set %s", ct.Text, file)
		}
		if seen[ct.Lang+"\x00"+key] {
			t.Errorf("curated %q (%s) is repeated", ct.Text, ct.Lang)
		}
		seen[ct.Lang+"\x00"+key] = true
	}
	xs, err := Curated()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range xs {
		if x.Source != corpus.CuratedSource {
			t.Errorf("curated %q: source %q", x.Text, x.Source)
		}
	}
}

// labelledTitles returns the folded titles of every labelled set, each
// with its file.
func labelledTitles(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/labelled/*.csv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no labelled sets: %v", err)
	}
	out := map[string]string{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, rec := range recs[1:] {
			if len(rec) > 0 {
				out[Fold(rec[0])] = filepath.Base(name)
			}
		}
	}
	return out
}

func TestReadCuratedRejects(t *testing.T) {
	for _, in := range []string{
		"271311\ten\tLawyer",
		"27131\ten\tLawyer\treason",
		"271311\tfr\tAvocat\treason",
		"271311\ten\t\treason",
	} {
		if _, err := ReadCurated(strings.NewReader(in), "t"); err == nil {
			t.Errorf("ReadCurated(%q) accepted a bad line", in)
		}
	}
	got, err := ReadCurated(strings.NewReader("# comment\n\n253\tpt\tMédico\ta doctor\n"), "t")
	if err != nil || len(got) != 1 || got[0] != (CuratedTitle{Target: "253", Lang: "pt", Text: "Médico", Reason: "a doctor"}) {
		t.Errorf("ReadCurated = %v, %v", got, err)
	}
}
