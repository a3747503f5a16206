package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNewCmdCV(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		tty      bool
		want     cvOptions
		wantCode int // exit code of a usage error; 0 for success
	}{
		{name: "file, piped", args: []string{"cv.pdf"}, want: cvOptions{Path: "cv.pdf", Format: "tsv"}},
		{name: "file, terminal", args: []string{"cv.pdf"}, tty: true, want: cvOptions{Path: "cv.pdf", Format: "table"}},
		{name: "stdin, json", args: []string{"-", "--json"}, tty: true, want: cvOptions{Path: "-", Format: "json", JSON: true}},
		{name: "as-of month", args: []string{"--as-of", "2025-12", "cv.txt"}, want: cvOptions{Path: "cv.txt", Format: "tsv", AsOf: "2025-12", Now: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)}},
		{name: "as-of day", args: []string{"--as-of", "2025-12-24", "cv.txt"}, want: cvOptions{Path: "cv.txt", Format: "tsv", AsOf: "2025-12-24", Now: time.Date(2025, 12, 24, 0, 0, 0, 0, time.UTC)}},
		{name: "format", args: []string{"--format", "table", "--min-confidence", "0.5", "cv.txt"}, want: cvOptions{Path: "cv.txt", Format: "table", MinConf: 0.5}},
		{name: "explain", args: []string{"--explain", "cv.txt"}, want: cvOptions{Path: "cv.txt", Format: "tsv", Explain: true}},
		{name: "no file", args: nil, wantCode: ExitUsage},
		{name: "two files", args: []string{"a.pdf", "b.pdf"}, wantCode: ExitUsage},
		{name: "bad as-of", args: []string{"--as-of", "12/2025", "cv.txt"}, wantCode: ExitUsage},
		{name: "bad format", args: []string{"--format", "xml", "cv.txt"}, wantCode: ExitUsage},
		{name: "bad confidence", args: []string{"--min-confidence", "2", "cv.txt"}, wantCode: ExitUsage},
		{name: "unknown flag", args: []string{"--pages", "2", "cv.txt"}, wantCode: ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _ := Test("")
			ios.StdoutTTY = tt.tty
			f := &Factory{IO: ios}
			var got *cvOptions
			cmd := newCmdCV(f, func(o *cvOptions) error { got = o; return nil })
			root := NewRootCmd(f)
			for _, c := range root.Commands() {
				if c.Name() == "cv" {
					root.RemoveCommand(c)
				}
			}
			root.AddCommand(cmd)
			root.SetArgs(append([]string{"cv"}, tt.args...))
			_, err := root.ExecuteC()
			if tt.wantCode != 0 {
				if code := exitCode(normalise(err)); code != tt.wantCode {
					t.Fatalf("cv %v: exit code %d (%v), want %d", tt.args, code, err, tt.wantCode)
				}
				return
			}
			if err != nil || got == nil {
				t.Fatalf("cv %v = %v, want the options", tt.args, err)
			}
			g := *got
			if g.Path != tt.want.Path || g.Format != tt.want.Format || g.JSON != tt.want.JSON || g.AsOf != tt.want.AsOf ||
				!g.Now.Equal(tt.want.Now) || g.MinConf != tt.want.MinConf || g.Explain != tt.want.Explain {
				t.Errorf("cv %v = %+v, want %+v", tt.args, g, tt.want)
			}
		})
	}
}

// cvFixture is a CV fixture of testdata/cv.
func cvFixture(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "cv", name)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("fixture %s: %v", name, err)
	}
	return path
}

func TestCVRun(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "broken.pdf")
	if err := os.WriteFile(corrupt, []byte("%PDF-1.4\nnot a pdf body"), 0o644); err != nil {
		t.Fatal(err)
	}
	operator, err := os.ReadFile(cvFixture(t, "en-operator.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		stdin      string
		tty        bool
		wantCode   int
		wantOut    []string // substrings of stdout
		wantErrOut string   // stderr, exactly
	}{
		{name: "team leader, table", args: []string{"--as-of", "2026-06", cvFixture(t, "en-team-leader.txt")}, tty: true, wantCode: ExitOK,
			wantOut: []string{"START    END      MONTHS  CODE", "2019-03  present  88      541111", "Team Leader", "Acme Contact Centre",
				"Verdict: 541111 Call or Contact Centre Team Leader", "541111  88 months  of the 36 that stand in for qualifications: met"}},
		{name: "operator, tsv", args: []string{"--as-of", "2026-06", cvFixture(t, "en-operator.txt")}, wantCode: ExitOK,
			wantOut: []string{"start\tend\tmonths\tcurrent", "2023-07\t2026-06\t36\ttrue\tfalse\t541112\t", "\tRetail Sales Assistant\tJB Hi-Fi\t",
				"541111\t0\t36\tfalse\tfalse", "541112\t36\t12\ttrue\ttrue"}},
		{name: "stdin, json", args: []string{"--json", "--as-of", "2026-06", "-"}, stdin: string(operator), wantCode: ExitOK,
			wantOut: []string{`"source":"stdin"`, `"code":"541112"`, `"months_by_code":{"541111":0,"541112":36}`, `"experience_meets":{"541111":false,"541112":true}`}},
		{name: "explain", args: []string{"--explain", "--as-of", "2026-06", cvFixture(t, "en-title-employer-city.txt")}, tty: true, wantCode: ExitOK,
			wantOut: []string{"2021-03  present  64      541111", "Contact Centre Team Leader   Northwind Utilities",
				"position 1, title first: title from line 9 (title score 1.00), employer from line 10, dates on line 10",
				"position 3, title first: title from line 20 (title score 0.75), employer from line 21, dates on line 21"}},
		{name: "unrelated jobs exit 1", args: []string{"--as-of", "2026-06", cvFixture(t, "en-unrelated.txt")}, wantCode: ExitOutside,
			wantOut: []string{"\tWarehouse Supervisor\t"}},
		{name: "no positions warns", args: []string{"-"}, stdin: "Jane Doe\nI answer phones.\n", wantCode: ExitOutside,
			wantErrOut: "warning: no dated work-experience positions found (each position needs a date range such as \"Mar 2019 – Present\")\n"},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.pdf")}, wantCode: ExitError,
			wantErrOut: "anzsco: " + filepath.Join(dir, "nope.pdf") + ": no such file or directory\n"},
		{name: "directory", args: []string{dir}, wantCode: ExitError,
			wantErrOut: "anzsco: " + dir + ": is a directory, not a CV file\n"},
		{name: "corrupt pdf", args: []string{corrupt}, wantCode: ExitError,
			wantErrOut: "anzsco: " + corrupt + ": corrupt file: not a readable PDF: not a PDF file: missing %EOF\n"},
		{name: "empty stdin", args: []string{"-"}, wantCode: ExitError,
			wantErrOut: "anzsco: stdin: empty document: the file is empty\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, errOut := Test(tt.stdin)
			ios.StdoutTTY = tt.tty
			f := &Factory{IO: ios}
			defer f.Close()
			code := run(f, append([]string{"cv"}, tt.args...))
			if code != tt.wantCode {
				t.Fatalf("cv %v: exit %d, want %d (stderr %q)", tt.args, code, tt.wantCode, errOut)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("cv %v: stdout\n%s\nwant it to contain %q", tt.args, out, w)
				}
			}
			if errOut.String() != tt.wantErrOut {
				t.Errorf("cv %v: stderr %q, want %q", tt.args, errOut, tt.wantErrOut)
			}
			if strings.Contains(strings.Join(tt.args, " "), "--json") {
				var v map[string]any
				if err := json.Unmarshal(out.Bytes(), &v); err != nil {
					t.Errorf("cv %v: stdout is not one JSON object: %v", tt.args, err)
				}
			}
		})
	}
}
