package cli

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/internal/eval"
)

// execSub runs args with sub in place of the root's command of the same
// name and returns the exit code run would give.
func execSub(f *Factory, sub *cobra.Command, args []string) (int, error) {
	root := NewRootCmd(f)
	for _, c := range root.Commands() {
		if c.Name() == sub.Name() {
			root.RemoveCommand(c)
		}
	}
	root.AddCommand(sub)
	root.SetArgs(args)
	_, err := root.ExecuteC()
	var ee *exitError
	if err != nil && !errors.As(err, &ee) && isCobraUsage(err) {
		err = usageError("%v", err)
	}
	return exitCode(err), err
}

func TestNewCmdEval(t *testing.T) {
	def := evalOptions{File: "x.csv", Columns: eval.Columns{Title: "title", Label: "label"}}
	tests := []struct {
		name     string
		args     []string
		want     evalOptions
		wantCode int
	}{
		{name: "defaults", args: []string{"x.csv"}, want: def},
		{name: "stdin", args: []string{"-"}, want: evalOptions{File: "-", Columns: def.Columns}},
		{name: "all flags", args: []string{"--title-column", "job", "--text-column", "body", "--label-column", "code",
			"--json", "--plot", "out.svg", "--workers", "3", "--max-misses", "10", "ads.csv"},
			want: evalOptions{File: "ads.csv", Columns: eval.Columns{Title: "job", Description: "body", Label: "code"},
				JSON: true, Plot: "out.svg", Workers: 3, MaxMisses: 10}},
		{name: "no file", args: nil, wantCode: ExitUsage},
		{name: "two files", args: []string{"a.csv", "b.csv"}, wantCode: ExitUsage},
		{name: "negative workers", args: []string{"--workers", "-1", "x.csv"}, wantCode: ExitUsage},
		{name: "workers past a few per CPU", args: []string{"--workers", "100000", "x.csv"}, wantCode: ExitUsage},
		{name: "negative max misses", args: []string{"--max-misses", "-2", "x.csv"}, wantCode: ExitUsage},
		{name: "empty title column", args: []string{"--title-column", "", "x.csv"}, wantCode: ExitUsage},
		{name: "unknown flag", args: []string{"--threshold", "0.9", "x.csv"}, wantCode: ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _ := Test("")
			f := &Factory{IO: ios}
			var got *evalOptions
			cmd := newCmdEval(f, func(o *evalOptions) error { got = o; return nil })
			code, err := execSub(f, cmd, append([]string{"eval"}, tt.args...))
			if code != tt.wantCode {
				t.Fatalf("eval %q: exit code %d (%v), want %d", tt.args, code, err, tt.wantCode)
			}
			if tt.wantCode != 0 {
				return
			}
			g := *got
			g.IO, g.Index = nil, nil
			if !reflect.DeepEqual(g, tt.want) {
				t.Errorf("eval %q = %+v, want %+v", tt.args, g, tt.want)
			}
		})
	}
}

// labelled is a small labelled file: three rows right, one miss (line 5),
// one ambiguous row and one code the default corpus does not target.
const labelled = `title,label,language,note
Call or Contact Centre Team Leader,541111,en,principal title
Call or Contact Centre Operator,541112,en,principal title
Warehouse Supervisor,NONE,en,not a call centre
Call Centre Supervisor,541112,en,wrong on purpose
Contact Centre Consultant,541112,en,AMBIGUOUS for the test
Call Centre Manager,149211,en,a manager
`

func TestEvalRun(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "labelled.csv")
	if err := os.WriteFile(file, []byte(labelled), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantOut  []string // lines or parts of the output, in order
		wantErr  []string // parts of stderr
	}{
		{name: "text report", args: []string{"eval", file}, wantOut: []string{
			"6 rows, corpus", "Accuracy: 4/5 = 0.800 (1 ambiguous row reported apart)",
			"541111 Call or Contact Centre Team Leader", "NONE outside the targets",
			"Confusion", "label \\ got", "Misses (1)", "5 ", "541112", "541111", "Call Centre Supervisor",
			"Reliability", "Expected calibration error (ECE): ", "Coverage curve", "0.50",
			"Ambiguous rows (1, reported apart)", "Contact Centre Consultant"},
			wantErr: []string{"note: 1 row is labelled with codes that corpus", "149211 ×1", "classified 6 rows"}},
		{name: "stdin", args: []string{"eval", "-"}, stdin: labelled, wantOut: []string{"eval standard input: 6 rows", "Accuracy: 4/5"}},
		{name: "group labels", args: []string{"eval", "-"}, stdin: "title,label\nContact Centre Consultant,5411\nCall Centre Supervisor,541111\n",
			wantOut: []string{"Accuracy: 1/2 = 0.500, unit group 2/2 = 1.000"}},
		{name: "max misses", args: []string{"eval", "--max-misses", "1", "-"}, stdin: labelled + "Warehouse Operator,541112,en,\n",
			wantOut: []string{"Misses (2)", "Call Centre Supervisor", "... and 1 more"}},
		{name: "malformed CSV", args: []string{"eval", "-"}, stdin: "title,label\nAgent,541112\n\"Team Leader,541111\nx\n",
			wantCode: ExitError, wantErr: []string{"anzsco: eval standard input: line "}},
		{name: "bad label", args: []string{"eval", "-"}, stdin: "title,label\nAgent,541112\nLeader,54111\n",
			wantCode: ExitError, wantErr: []string{`anzsco: eval standard input: line 3: column "label": label "54111"`}},
		{name: "missing column", args: []string{"eval", "--label-column", "code", "-"}, stdin: labelled,
			wantCode: ExitError, wantErr: []string{`no column "code"`}},
		{name: "no rows", args: []string{"eval", "-"}, stdin: "title,label\n", wantCode: ExitError, wantErr: []string{"no labelled rows"}},
		{name: "binary", args: []string{"eval", "-"}, stdin: "title,label\n\x00\x01\x02,NONE\n", wantCode: ExitError, wantErr: []string{"line 2", "NUL"}},
		{name: "no such file", args: []string{"eval", filepath.Join(dir, "nope.csv")}, wantCode: ExitError,
			wantErr: []string{"anzsco: eval " + filepath.Join(dir, "nope.csv") + ": no such file"}},
		{name: "empty title", args: []string{"eval", "-"}, stdin: "title,label\nCall or Contact Centre Operator,541112\n\" \",NONE\n", wantCode: ExitRowErrors,
			wantOut: []string{"Misses (1)", "error: "}, wantErr: []string{"1 row could not be classified"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, errOut := Test(tt.stdin)
			f := &Factory{IO: ios}
			defer f.Close()
			code := run(f, tt.args)
			if code != tt.wantCode {
				t.Fatalf("%q: exit code %d, want %d; stderr %q", tt.args, code, tt.wantCode, errOut)
			}
			checkInOrder(t, "stdout", out.String(), tt.wantOut)
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut.String(), w) {
					t.Errorf("%q: stderr = %q, want it to contain %q", tt.args, errOut, w)
				}
			}
			if tt.wantCode == ExitError && strings.Count(errOut.String(), "anzsco: ") != 1 {
				t.Errorf("%q: stderr = %q, want one error line", tt.args, errOut)
			}
		})
	}
}

func checkInOrder(t *testing.T, what, got string, want []string) {
	t.Helper()
	rest := got
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("%s lacks %q (in order) in:\n%s", what, w, got)
			return
		}
		rest = rest[i+len(w):]
	}
}

func TestEvalJSONAndPlot(t *testing.T) {
	plot := filepath.Join(t.TempDir(), "eval.svg")
	ios, out, errOut := Test(labelled)
	f := &Factory{IO: ios}
	defer f.Close()
	if code := run(f, []string{"eval", "--json", "--workers", "4", "--plot", plot, "-"}); code != ExitOK {
		t.Fatalf("exit code %d, stderr %q", code, errOut)
	}
	var rep struct {
		Accuracy  *float64                      `json:"accuracy"`
		PerClass  map[string]map[string]float64 `json:"per_class"`
		ECE       *float64                      `json:"ece"`
		Th95      *float64                      `json:"threshold_at_95_precision"`
		Cov95     *float64                      `json:"coverage_at_95_precision"`
		Confusion map[string]map[string]int     `json:"confusion"`
		Curve     []map[string]float64          `json:"coverage_curve"`
		Rel       []map[string]float64          `json:"reliability"`
		Misses    []struct {
			Line  int    `json:"line"`
			Label string `json:"label"`
			Got   string `json:"got"`
		} `json:"misses"`
		Ambiguous *struct {
			N    int               `json:"n"`
			Rows []json.RawMessage `json:"rows"`
		} `json:"ambiguous"`
		Relabelled map[string]int `json:"relabelled_outside"`
	}
	dec := json.NewDecoder(bytes.NewReader(out.Bytes()))
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("--json output is not JSON: %v\n%s", err, out)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Errorf("--json printed more than one JSON value")
	}
	if rep.Accuracy == nil || *rep.Accuracy != 0.8 || rep.ECE == nil || rep.Cov95 == nil {
		t.Errorf("accuracy, ece, coverage_at_95_precision = %v, %v, %v; want 0.8 and numbers", rep.Accuracy, rep.ECE, rep.Cov95)
	}
	if c := rep.PerClass["541111"]; c["n"] != 1 || c["correct"] != 1 || c["recall"] != 1 || c["precision"] != 0.5 {
		t.Errorf("per_class[541111] = %v, want n 1, correct 1, recall 1, precision 0.5", c)
	}
	if got := rep.Confusion["541112"]; got["541111"] != 1 || got["541112"] != 1 {
		t.Errorf("confusion[541112] = %v, want 1 coded 541111 and 1 coded 541112", got)
	}
	if len(rep.Misses) != 1 || rep.Misses[0].Line != 5 || rep.Misses[0].Label != "541112" || rep.Misses[0].Got != "541111" {
		t.Errorf("misses = %+v, want line 5, 541112 coded 541111", rep.Misses)
	}
	if rep.Ambiguous == nil || rep.Ambiguous.N != 1 || len(rep.Ambiguous.Rows) != 1 {
		t.Errorf("ambiguous = %+v, want one row reported apart", rep.Ambiguous)
	}
	if rep.Relabelled["149211"] != 1 {
		t.Errorf("relabelled_outside = %v, want 149211: 1", rep.Relabelled)
	}
	if len(rep.Curve) != 21 || len(rep.Rel) != 10 || rep.Rel[0]["hi"] != 0.1 {
		t.Errorf("coverage_curve has %d points, reliability %d buckets (first %v); want 21 and 10", len(rep.Curve), len(rep.Rel), rep.Rel)
	}

	data, err := os.ReadFile(plot)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	dec2 := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec2.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("--plot wrote malformed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "polyline" {
			var id, pts string
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					id = a.Value
				}
				if a.Name.Local == "points" {
					pts = a.Value
				}
			}
			ids[id] = len(strings.Fields(pts))
		}
	}
	if ids["coverage"] != 21 || ids["reliability"] < 1 {
		t.Errorf("plot curves = %v, want a 21-point coverage curve and a reliability curve", ids)
	}
}
