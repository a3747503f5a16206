package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/bom"
)

// wantLines is what lineReader must give for in: bom.ErrUTF16 when in starts
// with a UTF-16 byte order mark; else the lines, after a UTF-8 byte order
// mark, split at "\n" (no empty last line after a final "\n"), each cut to
// maxLineBytes and stripped of trailing "\r".
func wantLines(in []byte) ([]string, error) {
	if bytes.HasPrefix(in, []byte{0xff, 0xfe}) || bytes.HasPrefix(in, []byte{0xfe, 0xff}) {
		return nil, bom.ErrUTF16
	}
	in = bytes.TrimPrefix(in, []byte("\ufeff"))
	if len(in) == 0 {
		return nil, nil
	}
	lines := strings.Split(string(in), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l[:min(len(l), maxLineBytes)], "\r")
	}
	return lines, nil
}

var lineSeeds = []string{
	"",
	"\n",
	"\n\n\n",
	"Call centre agent",
	"Call centre agent\nContact Center Supervisor\n",
	"windows\r\nline endings\r\n",
	"a\r\r\n\rb",
	"\x00\x01\x02\n\xff\xfe\n",
	"\ufeffTeam Leader\n",
	"no final newline\nlast",
}

// FuzzReadLines checks the line reader of 'classify -': every line comes
// back, in order, with nothing added or lost.
func FuzzReadLines(f *testing.F) {
	for _, s := range lineSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var got []string
		err := allLines(bytes.NewReader(in), func(s string) { got = append(got, s) })
		want, wantErr := wantLines(in)
		if !errors.Is(err, wantErr) {
			t.Fatalf("lineReader(%q) error = %v, want %v", in, err, wantErr)
		}
		if len(got) != len(want) {
			t.Fatalf("lineReader(%q) = %d lines %q, want %d %q", in, len(got), got, len(want), want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("lineReader(%q) line %d = %q, want %q", in, i+1, got[i], want[i])
			}
		}
	})
}

// The lines that classifyRun cuts are as long as maxLineBytes, far past
// what a fuzzer tries; this checks them directly.
func TestReadLinesLong(t *testing.T) {
	for _, n := range []int{maxLineBytes - 1, maxLineBytes, maxLineBytes + 1, 3*maxLineBytes + 7} {
		in := []byte(strings.Repeat("a", n) + "\r\nnext\n" + strings.Repeat("b", n))
		var got []string
		if err := allLines(bytes.NewReader(in), func(s string) { got = append(got, s) }); err != nil {
			t.Fatal(err)
		}
		want, _ := wantLines(in)
		if len(got) != 3 || got[0] != want[0] || got[1] != "next" || got[2] != want[2] {
			t.Errorf("lineReader(line of %d bytes) = %d lines of %v bytes, want 3 with the long ones cut to %d", n, len(got), lens(got), maxLineBytes)
		}
	}
}

func lens(ss []string) []int {
	var n []int
	for _, s := range ss {
		n = append(n, len(s))
	}
	return n
}

var (
	fuzzIxOnce sync.Once
	fuzzIx     *index.Index
	fuzzIxErr  error
)

func defaultIndexOnce(t testing.TB) *index.Index {
	t.Helper()
	fuzzIxOnce.Do(func() {
		c, err := corpus.Default()
		if err != nil {
			fuzzIxErr = err
			return
		}
		fuzzIx, fuzzIxErr = index.Build(c)
	})
	if fuzzIxErr != nil {
		t.Fatal(fuzzIxErr)
	}
	return fuzzIx
}

// FuzzClassifyStdin runs 'classify --json -' on arbitrary input: one JSON
// object per input line, in order, each a result or an error naming why
// the line could not be classified; never a lost line.
func FuzzClassifyStdin(f *testing.F) {
	for _, s := range lineSeeds {
		f.Add([]byte(s))
	}
	ix := defaultIndexOnce(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		ios, out, _ := Test("")
		ios.In = bytes.NewReader(in)
		opts := &classifyOptions{IO: ios, Index: func() (*index.Index, error) { return ix, nil }, Stdin: true, Format: "json", Top: index.DefaultTop}
		err := classifyRun(opts)
		want, wantErr := wantLines(in)
		if wantErr != nil {
			if !errors.Is(err, wantErr) || out.Len() != 0 {
				t.Fatalf("classify - on %q: error %v and %d bytes of output, want %v and none", in, err, out.Len(), wantErr)
			}
			return
		}
		var ee *exitError
		if err != nil && (!errors.As(err, &ee) || (ee.code != ExitOutside && ee.code != ExitRowErrors)) {
			t.Fatalf("classify - on %q: %v, want exit 0, 1 or 4", in, err)
		}
		got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if out.Len() == 0 {
			got = nil
		}
		if len(got) != len(want) {
			t.Fatalf("classify - on %q: %d output lines, want %d:\n%s", in, len(got), len(want), out)
		}
		errRows := 0
		for i, l := range got {
			var row map[string]json.RawMessage
			if err := json.Unmarshal([]byte(l), &row); err != nil || row["input"] == nil {
				t.Fatalf("line %d of output %q: not a JSON row with an input (%v)", i+1, l, err)
			}
			_, hasCode := row["code"]
			_, hasErr := row["error"]
			switch {
			case hasErr:
				errRows++
			case !hasCode:
				t.Fatalf("line %d of output %q: neither a code nor an error", i+1, l)
			}
		}
		if (errRows > 0) != (ee != nil && ee.code == ExitRowErrors) {
			t.Fatalf("classify - on %q: %d error rows, exit %v", in, errRows, err)
		}
	})
}

// allLines gives fn every line lineReader reads from r, and its error (nil
// at the end of the input).
func allLines(r io.Reader, fn func(string)) error {
	next := lineReader(r)
	for {
		line, err := next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		fn(line)
	}
}
