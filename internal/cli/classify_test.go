package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/index"
)

// runCLI runs the command tree with fake streams and the default corpus.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ios, out, errOut := Test(stdin)
	f := &Factory{IO: ios}
	defer f.Close()
	code = run(f, args)
	return code, out.String(), errOut.String()
}

func TestClassifyFlags(t *testing.T) {
	tests := []struct {
		args    []string
		tty     bool
		want    classifyOptions
		wantErr string
	}{
		{args: []string{"Contact", "Center", "Supervisor"}, want: classifyOptions{Args: []string{"Contact", "Center", "Supervisor"}, Format: "tsv", Top: 3}},
		{args: []string{"x"}, tty: true, want: classifyOptions{Args: []string{"x"}, Format: "table", Top: 3}},
		{args: []string{"--json", "-"}, want: classifyOptions{Stdin: true, JSON: true, Format: "json", Top: 3}},
		{args: []string{"--top", "1", "--explain", "--min-confidence", "0.8", "x"}, want: classifyOptions{Args: []string{"x"}, Format: "tsv", Top: 1, Explain: true, MinConf: 0.8}},
		{args: []string{"--description", "inbound calls", "CSO"}, want: classifyOptions{Args: []string{"CSO"}, Format: "tsv", Top: 3, Desc: "inbound calls"}},
		{args: []string{}, wantErr: "classify needs TEXT"},
		{args: []string{"--top", "0", "x"}, wantErr: "--top must be between 1 and 50"},
		{args: []string{"--min-confidence", "2", "x"}, wantErr: "--min-confidence must be between 0 and 1"},
		{args: []string{"--format", "xml", "x"}, wantErr: "--format must be table, tsv or json"},
	}
	for _, tt := range tests {
		ios, _, _ := Test("")
		ios.StdoutTTY = tt.tty
		f := &Factory{IO: ios}
		var got *classifyOptions
		cmd := newCmdClassify(f, func(o *classifyOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(ios.Out)
		cmd.SetErr(ios.ErrOut)
		err := cmd.Execute()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || exitCode(err) != ExitUsage {
				t.Errorf("classify %q: error %v (exit %d), want usage error %q", tt.args, err, exitCode(err), tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("classify %q: %v", tt.args, err)
			continue
		}
		g := *got
		g.IO, g.Index = nil, nil
		if strings.Join(g.Args, "|") != strings.Join(tt.want.Args, "|") || g.Stdin != tt.want.Stdin || g.Format != tt.want.Format ||
			g.Top != tt.want.Top || g.Explain != tt.want.Explain || g.MinConf != tt.want.MinConf || g.Desc != tt.want.Desc {
			t.Errorf("classify %q: options = %+v, want %+v", tt.args, g, tt.want)
		}
	}
}

func TestClassifyRun(t *testing.T) {
	tests := []struct {
		name     string
		stdin    string
		args     []string
		code     int
		contains []string
		stderr   string
	}{
		{"coded", "", []string{"classify", "Contact Center Supervisor"}, ExitOK, []string{"541111\tCall or Contact Centre Team Leader"}, ""},
		{"outside", "", []string{"classify", "Software Engineer"}, ExitOutside, []string{"Software Engineer\t\t\t", "313112"}, ""},
		{"json", "", []string{"classify", "--json", "Operador de telemarketing receptivo"}, ExitOK, []string{`"code":"541112"`, `"corpus":{"version":`}, ""},
		{"stdin in order", "Call centre agent\nTeam Leader - Inbound Contact Centre\nChef\n", []string{"classify", "--json", "-"}, ExitOutside,
			[]string{`"input":"Call centre agent","code":"541112"`, `"input":"Team Leader - Inbound Contact Centre","code":"541111"`, `"input":"Chef","code":null`}, ""},
		{"stdin empty line", "Call centre agent\n\nChef\n", []string{"classify", "--json", "-"}, ExitRowErrors, []string{`{"line":2,"input":"","code":null,"title":null,"error":{"code":"empty_text","message":"line 2: empty query`}, "1 input line could not be classified"},
		{"stdin crlf", "Call centre agent\r\n", []string{"classify", "--json", "-"}, ExitOK, []string{`"input":"Call centre agent"`}, ""},
		{"explain table", "", []string{"classify", "--format", "table", "--explain", "Inbound CSR - 12 month contract - Sydney CBD"}, ExitOK,
			[]string{"541112 Call or Contact Centre Operator", "stripped", "12 month contract", "decision"}, ""},
		{"blank", "", []string{"classify", "   "}, ExitUsage, nil, "empty query"},
		{"bad corpus", "", []string{"--corpus", "/nonexistent/c.json", "classify", "x"}, ExitError, nil, "corpus /nonexistent/c.json"},
		{"index and corpus", "", []string{"--corpus", "a.json", "--index", "b", "classify", "x"}, ExitUsage, nil, "cannot be used together"},
		{"unknown flag", "", []string{"classify", "--nope", "x"}, ExitUsage, nil, "unknown flag: --nope"},
		{"unknown command", "", []string{"clasify", "x"}, ExitUsage, nil, "unknown command"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, tt.stdin, tt.args...)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tt.name, code, tt.code, errOut)
		}
		for _, c := range tt.contains {
			if !strings.Contains(out, c) {
				t.Errorf("%s: output lacks %q:\n%s", tt.name, c, out)
			}
		}
		if tt.stderr != "" && !strings.Contains(errOut, tt.stderr) {
			t.Errorf("%s: stderr = %q, want %q", tt.name, errOut, tt.stderr)
		}
		if strings.Count(strings.TrimRight(errOut, "\n"), "\n") > 0 {
			t.Errorf("%s: stderr is more than one line: %q", tt.name, errOut)
		}
	}
}

// One output line per input line, in order, whatever the lines hold.
func TestClassifyStdinKeepsEveryLine(t *testing.T) {
	in := "Call centre agent\n\x00\x01\n" + strings.Repeat("x", 2<<20) + "\n\xff\xfe bad utf8\nContact Center Supervisor"
	_, out, _ := runCLI(t, in, "classify", "--json", "-")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d output lines for 5 input lines:\n%.500s", len(lines), out)
	}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Errorf("line %d is not JSON: %v", i+1, err)
		}
	}
	var last index.Result
	json.Unmarshal([]byte(lines[4]), &last)
	if last.Code != "541111" {
		t.Errorf("last line code = %q, want 541111", last.Code)
	}
}

func TestShowSearchIndexVersion(t *testing.T) {
	dir := t.TempDir() + "/anzsco.idx"
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"show", []string{"show", "541111"}, ExitOK, []string{"541111 Call or Contact Centre Team Leader", "skill level: 3", "Call Centre Supervisor", "Australia: AQF Certificate IV", "New Zealand: NZQF Level 4", "ISCO-08: 3341", "Treinador"}},
		{"show json", []string{"show", "--json", "541112"}, ExitOK, []string{`"code": "541112"`, `"osca"`}},
		{"show unknown", []string{"show", "999999"}, ExitOutside, nil},
		{"search", []string{"search", "workforce planner"}, ExitOK, []string{"541111", "[Workforce] [Planner]"}},
		{"search json", []string{"search", "--json", "--top", "2", "telemarketing"}, ExitOK, []string{`"code": "639311"`}},
		{"search nothing", []string{"search", "zzzz qqqq"}, ExitOutside, nil},
		{"index build", []string{"index", "build", "--out", dir}, ExitOK, nil},
		{"index info", []string{"--index", dir, "index", "info"}, ExitOK, []string{"format:", "sha256:", "documents:"}},
		{"classify with index", []string{"--index", dir, "classify", "Contact Centre Consultant"}, ExitOK, []string{"541112"}},
		{"index missing", []string{"--index", dir + ".nope", "classify", "x"}, ExitError, nil},
		{"build without out", []string{"index", "build"}, ExitUsage, nil},
		{"version", []string{"version"}, ExitOK, []string{"anzsco", "default corpus 5411-"}},
		{"show unit group", []string{"show", "5411"}, ExitOK, []string{"5411 Call or Contact Centre Workers", "a unit group of the classification", "2 occupations in the corpus:", "541112 Call or Contact Centre Operator"}},
		{"show group json", []string{"show", "--json", "541"}, ExitOK, []string{`"level": "minor"`, `"occupations": [`}},
		{"scope anzsco classify", []string{"--scope", "anzsco", "classify", "--json", "Registered Nurse"}, ExitOK, []string{`"code":"2544"`, `"level":"unit_group"`, `"title":"Registered Nurses"`}},
		{"scope anzsco occupation", []string{"--scope", "anzsco", "classify", "--json", "Forklift Driver"}, ExitOK, []string{`"code":"721311"`, `"level":"occupation"`, `"group":{"level":"unit_group","code":"7213"`}},
		{"scope anzsco show group", []string{"--scope", "anzsco", "show", "2544"}, ExitOK, []string{"2544 Registered Nurses", "254415 Registered Nurse (Critical Care and Emergency)"}},
		{"scope anzsco index info", []string{"--scope", "anzsco", "index", "info"}, ExitOK, []string{"occupations: 1076, of which 1076 targets (--json lists them)"}},
		{"scope unknown", []string{"--scope", "nosuch", "classify", "x"}, ExitUsage, nil},
		{"scope and corpus", []string{"--scope", "anzsco", "--corpus", "x.json", "classify", "x"}, ExitUsage, nil},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, "", tt.args...)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tt.name, code, tt.code, errOut)
		}
		for _, c := range tt.contains {
			if !strings.Contains(out, c) {
				t.Errorf("%s: output lacks %q:\n%s", tt.name, c, out)
			}
		}
	}
}

// TestClassifyStreamOrder checks that lines classified by several workers
// are emitted in input order, and that an output error stops the stream.
func TestClassifyStreamOrder(t *testing.T) {
	var in strings.Builder
	const n = 3000
	for i := range n {
		fmt.Fprintf(&in, "title %d\n", i)
	}
	classify := func(l *streamLine) {
		if strings.HasSuffix(l.text, "7") {
			l.err = index.ErrEmptyQuery
			return
		}
		l.res = &index.Result{Input: l.text}
		l.out = []byte(fmt.Sprint(l.seq))
	}
	var got []string
	err := classifyStream(strings.NewReader(in.String()), 4, classify, func(l *streamLine) error {
		if (l.err != nil) != strings.HasSuffix(l.text, "7") || (l.res != nil && l.res.Input != l.text) {
			t.Fatalf("line %q emitted with result %v, error %v", l.text, l.res, l.err)
		}
		if want := fmt.Sprint(len(got)); l.err == nil && string(l.out) != want {
			t.Fatalf("line %q emitted with the output of line %s, want %s", l.text, l.out, want)
		}
		got = append(got, l.text)
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d lines emitted, want %d", len(got), n)
	}
	for i, text := range got {
		if want := fmt.Sprintf("title %d", i); text != want {
			t.Fatalf("line %d emitted as %q, want %q", i, text, want)
		}
	}
	emitted := 0
	failure := errors.New("disk full")
	err = classifyStream(strings.NewReader(in.String()), 4, classify, func(*streamLine) error {
		emitted++
		if emitted == 10 {
			return failure
		}
		return nil
	}, nil)
	if !errors.Is(err, failure) || emitted != 10 {
		t.Errorf("after an output error at line 10: %d lines emitted, error %v; want 10 and %v", emitted, err, failure)
	}
}

// TestClassifyStreamCaughtUp checks that a program that sends a line and
// waits for its answer gets it: caughtUp (which flushes the output) is
// called once every line sent so far has been emitted. Were it not, the
// test would wait for ever.
func TestClassifyStreamCaughtUp(t *testing.T) {
	in, send := io.Pipe()
	caught := make(chan int, 1)
	var lines []string
	done := make(chan error, 1)
	go func() {
		done <- classifyStream(in, 4, func(l *streamLine) { l.res = &index.Result{Input: l.text} },
			func(l *streamLine) error {
				lines = append(lines, l.text)
				return nil
			},
			func() error {
				caught <- len(lines)
				return nil
			})
	}()
	for i := range 20 {
		fmt.Fprintf(send, "title %d\n", i)
		for n := range caught {
			if n == i+1 {
				break
			}
		}
	}
	send.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(lines) != 20 {
		t.Errorf("%d lines emitted, want 20", len(lines))
	}
}
