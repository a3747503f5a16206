package eval_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/eval"
)

// fake answers from a table: title -> code (or "" for outside) and
// confidence. It is safe for concurrent use and counts its calls.
type fake struct {
	answers map[string]fakeAnswer
	calls   atomic.Int64
}

type fakeAnswer struct {
	code string
	conf float64
}

func (f *fake) Classify(q index.Query) (*index.Result, error) {
	f.calls.Add(1)
	if strings.TrimSpace(q.Text) == "" {
		return nil, index.ErrEmptyQuery
	}
	a, ok := f.answers[q.Text]
	if !ok {
		return nil, fmt.Errorf("no answer for %q", q.Text)
	}
	return &index.Result{Input: q.Text, Code: a.code, Confidence: a.conf}, nil
}

func (f *fake) Corpus() *corpus.Corpus { return nil }

func TestReadCSV(t *testing.T) {
	in := "title,description,label,language,note\n" +
		"Call centre agent,Answers calls,541112,en,\n" +
		"Warehouse Supervisor,,none,en,\n" +
		"\"Team\nLeader\",,541111,en,a title on two lines\n" +
		"Atendente,,,pt,AMBIGUOUS either way\n"
	rows, err := eval.ReadCSV(strings.NewReader(in), eval.Columns{})
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.Row{
		{Line: 2, Title: "Call centre agent", Description: "Answers calls", Label: "541112", Language: "en"},
		{Line: 3, Title: "Warehouse Supervisor", Label: eval.None, Language: "en"},
		{Line: 4, Title: "Team\nLeader", Label: "541111", Language: "en", Note: "a title on two lines"},
		{Line: 6, Title: "Atendente", Label: eval.None, Language: "pt", Note: "AMBIGUOUS either way"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("ReadCSV() = %+v\nwant %+v", rows, want)
	}
	if !rows[3].Ambiguous() || rows[0].Ambiguous() {
		t.Errorf("Ambiguous() = %v, %v, want true for the AMBIGUOUS note only", rows[3].Ambiguous(), rows[0].Ambiguous())
	}
	// Named columns.
	rows, err = eval.ReadCSV(strings.NewReader("job,text,code\nAgent,phones,541112\n"),
		eval.Columns{Title: "job", Description: "text", Label: "code"})
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[0]; got.Title != "Agent" || got.Description != "phones" || got.Label != "541112" {
		t.Errorf("ReadCSV with named columns = %+v", got)
	}
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cols eval.Columns
		want string
	}{
		{"empty", "", eval.Columns{}, "empty file"},
		{"no title column", "name,label\nAgent,541112\n", eval.Columns{}, `no column "title"`},
		{"no named column", "title,label\nAgent,541112\n", eval.Columns{Description: "text"}, `no column "text"`},
		{"bare quote", "title,label\nAgent,\"54\"1112\n", eval.Columns{}, "line 2: CSV syntax error: line 2, byte 10"},
		{"quote at start", "title,label\n\"Agent,541112\nx\n", eval.Columns{}, "line "},
		{"bad label", "title,label\nAgent,54111\n", eval.Columns{}, `line 2: column "label": label "54111"`},
		{"NUL byte", "title,label\nAgent\x00,541112\n", eval.Columns{}, `line 2: column "title": contains a NUL byte`},
		{"Latin-1", "title,label\nAtendente de cobran\xe7a,NONE\n", eval.Columns{}, `line 2, column "title": invalid UTF-8: at byte 20 (the file looks like Windows-1252`},
		{"bad header", "title,\xff\n", eval.Columns{}, "line 1 (header): not valid UTF-8"},
		{"field over the batch limit", "title,label\n" + strings.Repeat("a", 1<<20+1) + ",NONE\n", eval.Columns{}, `line 2, column "title": field too long: 1048577 bytes, over the limit of 1048576 (1 MiB)`},
		{"record over the batch limit", "title,label\n\"" + strings.Repeat("a", 16<<20) + "\",NONE\nAgent,NONE\n", eval.Columns{}, `line 2: record too long: 16777224 bytes, over the limit of 16 MiB`},
	}
	for _, tt := range tests {
		rows, err := eval.ReadCSV(strings.NewReader(tt.in), tt.cols)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: ReadCSV(%.200q) = %d rows, %v; want an error containing %q", tt.name, tt.in, len(rows), err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error has more than one line: %q", tt.name, err)
		}
	}
}

// fixture is ten strict rows and two ambiguous ones, with answers chosen so
// that every figure can be worked out by hand (see TestSummarise).
func fixture() ([]eval.Row, *fake) {
	type r struct {
		title, label, got string
		conf              float64
		note              string
	}
	rs := []r{
		{"a", "541111", "541111", 0.9, ""},
		{"b", "541111", "541111", 0.9, ""},
		{"c", "541111", "541112", 0.6, ""},
		{"d", "541111", "", 0.3, ""},
		{"e", "541112", "541112", 0.9, ""},
		{"f", "541112", "541112", 0.7, ""},
		{"g", "541112", "541111", 0.55, ""},
		{"h", eval.None, "", 0.95, ""},
		{"i", eval.None, "", 0.8, ""},
		{"j", eval.None, "541112", 0.65, ""},
		{"k", "541112", "541112", 0.5, "AMBIGUOUS inbound or outbound"},
		{"l", "541112", "", 0.5, "AMBIGUOUS inbound or outbound"},
	}
	f := &fake{answers: map[string]fakeAnswer{}}
	var rows []eval.Row
	for i, x := range rs {
		rows = append(rows, eval.Row{Line: i + 2, Title: x.title, Label: x.label, Language: "en", Note: x.note})
		f.answers[x.title] = fakeAnswer{x.got, x.conf}
	}
	return rows, f
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestSummarise(t *testing.T) {
	rows, f := fixture()
	rep := eval.Summarise(eval.Run(f, rows))
	if rep.N != 10 || rep.Correct != 6 || !near(rep.Accuracy, 0.6) {
		t.Errorf("N, Correct, Accuracy = %d, %d, %v; want 10, 6, 0.6", rep.N, rep.Correct, rep.Accuracy)
	}
	classes := []struct {
		code                 string
		n, correct, predict  int
		recall, precisionVal float64
	}{
		{"541111", 4, 2, 3, 0.5, 2.0 / 3},
		{"541112", 3, 2, 4, 2.0 / 3, 0.5},
		{eval.None, 3, 2, 3, 2.0 / 3, 2.0 / 3},
	}
	for _, c := range classes {
		cs := rep.PerClass[c.code]
		if cs == nil || cs.N != c.n || cs.Correct != c.correct || cs.Predicted != c.predict || !near(cs.Recall, c.recall) || !near(cs.Precision, c.precisionVal) {
			t.Errorf("PerClass[%s] = %+v, want n %d correct %d predicted %d recall %.3f precision %.3f",
				c.code, cs, c.n, c.correct, c.predict, c.recall, c.precisionVal)
		}
	}
	if got := rep.Confusion["541111"]; !reflect.DeepEqual(got, map[string]int{"541111": 2, "541112": 1, eval.None: 1}) {
		t.Errorf("Confusion[541111] = %v", got)
	}
	// Buckets 3, 5, 6, 7, 8, 9 hold 1, 1, 2, 1, 1, 4 rows; the weighted
	// gaps between accuracy and confidence add up to 2.95 over 10 rows.
	if !near(rep.ECE, 0.295) {
		t.Errorf("ECE = %v, want 0.295", rep.ECE)
	}
	if b := rep.Reliability[9]; b.N != 4 || !near(b.Confidence, 0.9125) || !near(b.Accuracy, 1) {
		t.Errorf("Reliability[9] = %+v, want 4 rows, confidence 0.9125, accuracy 1", b)
	}
	// At 0.70 the six rows above are all right: the first threshold with
	// 95% precision; they are 60% of the rows.
	if rep.Threshold95 == nil || !near(*rep.Threshold95, 0.7) || !near(rep.Coverage95, 0.6) {
		t.Errorf("Threshold95, Coverage95 = %v, %v; want 0.7, 0.6", rep.Threshold95, rep.Coverage95)
	}
	if p := rep.Coverage[13]; !near(p.Threshold, 0.65) || !near(p.Coverage, 0.7) || !near(p.Precision, 6.0/7) {
		t.Errorf("Coverage[13] = %+v, want threshold 0.65, coverage 0.7, precision 6/7", p)
	}
	var misses []string
	for _, m := range rep.Misses {
		misses = append(misses, m.Row.Title)
	}
	if want := []string{"c", "d", "g", "j"}; !reflect.DeepEqual(misses, want) {
		t.Errorf("Misses = %v, want %v in row order", misses, want)
	}
	if a := rep.Ambiguous; a == nil || a.N != 2 || a.Correct != 1 {
		t.Errorf("Ambiguous = %+v, want 2 rows, 1 agreeing", a)
	}
}

func TestRunWorkers(t *testing.T) {
	rows, f := fixture()
	rows = append(rows, eval.Row{Line: 99, Title: "", Label: eval.None}) // an error row
	for i := 0; i < 200; i++ {
		rows = append(rows, rows[i%12])
	}
	want := eval.Run(f, rows)
	for _, workers := range []int{0, 1, 3, 16, 1000} {
		f.calls.Store(0)
		got := eval.RunWorkers(f, rows, workers)
		if len(got) != len(want) || f.calls.Load() != int64(len(rows)) {
			t.Fatalf("RunWorkers(%d) = %d outcomes after %d calls, want %d", workers, len(got), f.calls.Load(), len(rows))
		}
		for i := range got {
			if got[i].Row != want[i].Row || got[i].Got != want[i].Got || got[i].Confidence != want[i].Confidence || (got[i].Err == nil) != (want[i].Err == nil) {
				t.Errorf("RunWorkers(%d)[%d] = %+v, want %+v", workers, i, got[i], want[i])
				break
			}
		}
	}
	if o := want[12]; !errors.Is(o.Err, index.ErrEmptyQuery) || o.Got != "ERROR" {
		t.Errorf("empty title outcome = %+v, want ErrEmptyQuery", o)
	}
	if rep := eval.Summarise(want); rep.Errors == 0 {
		t.Error("Summarise counted no errors")
	}
}

func TestOutsideLabels(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	rows := []eval.Row{{Label: "541111"}, {Label: "149211"}, {Label: eval.None}, {Label: "149211"}, {Label: "261312"}}
	got := eval.OutsideLabels(rows, c)
	if want := map[string]int{"149211": 2, "261312": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("OutsideLabels() = %v, want %v", got, want)
	}
	var labels []string
	for _, r := range rows {
		labels = append(labels, r.Label)
	}
	if want := []string{"541111", eval.None, eval.None, eval.None, eval.None}; !reflect.DeepEqual(labels, want) {
		t.Errorf("labels after OutsideLabels = %v, want %v", labels, want)
	}
}

func TestWriteSVG(t *testing.T) {
	rows, f := fixture()
	rep := eval.Summarise(eval.Run(f, rows))
	var buf bytes.Buffer
	if err := eval.WriteSVG(&buf, rep, "labelled <test> & co"); err != nil {
		t.Fatal(err)
	}
	lines := svgPolylines(t, buf.Bytes())
	// 21 thresholds; precision only where some row is coded (up to 0.95,
	// the highest confidence); six reliability buckets have rows.
	wantPoints := map[string]int{"coverage": 21, "precision": 20, "diagonal": 2, "reliability": 6}
	for id, n := range wantPoints {
		if got := lines[id]; got != n {
			t.Errorf("polyline %q has %d points, want %d", id, got, n)
		}
	}
}

// svgPolylines parses an SVG document and returns the number of points of
// each polyline, by id.
func svgPolylines(t *testing.T, data []byte) map[string]int {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	out := map[string]int{}
	root := ""
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
		}
		if se.Name.Local != "polyline" {
			continue
		}
		var id, pts string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "id":
				id = a.Value
			case "points":
				pts = a.Value
			}
		}
		out[id] = len(strings.Fields(pts))
	}
	if root != "svg" {
		t.Errorf("root element = %q, want svg", root)
	}
	return out
}

// FuzzReadCSV checks that ReadCSV returns rows or a one-line error naming
// a line, and never panics, whatever the input.
func FuzzReadCSV(f *testing.F) {
	f.Add("title,label,language,note\nCall Centre Team Leader,541111,en,\n")
	f.Add("title,description,label\n\"Agent\",\"answers \"\"calls\"\"\",541112\n")
	f.Add("title,label\n\"x\n")
	f.Add("title,label\nc\"d,e\n")
	f.Add("\ufefftitle,label\nAtendente,NONE\n")
	f.Add("title,label\n\xff,NONE\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := eval.ReadCSV(strings.NewReader(in), eval.Columns{})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error has more than one line: %q", err)
			}
			return
		}
		prev := 1
		for _, r := range rows {
			if r.Line <= prev {
				t.Errorf("row line %d after line %d", r.Line, prev)
			}
			prev = r.Line
			if n := len(r.Label); r.Label != eval.None && n != 6 && n != 4 && n != 3 {
				t.Errorf("label %q accepted", r.Label)
			}
		}
	})
}
