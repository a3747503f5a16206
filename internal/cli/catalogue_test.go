package cli

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"github.com/anzsco/anzsco/internal/cv/cvtest"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/cv"
)

// badInput is one case of the bad-input catalogue: what a user feeds the
// command line, and what the command must answer.
type badInput struct {
	name string
	// args are the command line; "{dir}" stands for a temporary directory
	// that holds files and whatever setup makes.
	args  []string
	stdin string
	files map[string][]byte
	setup func(t *testing.T, dir string)

	code int
	// stderr must be in the standard error output; empty means standard
	// error must be empty. For exit codes 2, 3 and 4 standard error must
	// be exactly one line.
	stderr string
	// rows, when not -1, is the number of JSON rows standard output must
	// hold: one per input row, none lost.
	rows int
	// rowErr must be in the "error" field of some output row.
	rowErr string
	// stdout must be in the standard output.
	stdout string
}

// The bad-input catalogue. Problems of the HTTP API (a body too large, a
// body that is not JSON, the wrong media type, an unknown field, ...) are
// in internal/server's TestRoutes and TestBodyReadErrors, which run the
// same handlers that 'anzsco serve' serves.
func badInputs(t *testing.T) []badInput {
	const title = "Call centre agent"
	tenMB := strings.Repeat("call centre agent ", (10<<20)/18)
	smallCorpus := func(occs string) []byte {
		return []byte(`{"version":"t","name":"t","occupations":[` + occs + `]}`)
	}
	occ := `{"code":"541111","scope":"target","text":{"en":{"title":"Team Leader"}}}`
	goodPDF := cvtest.MinimalPDF(cvtest.PageObjects("BT /F1 12 Tf 72 700 Td (Team Leader, Acme) Tj ET"), "")
	return []badInput{
		// classify
		{name: "classify no text", args: []string{"classify"}, code: ExitUsage, stderr: "classify needs TEXT or -", rows: -1},
		{name: "classify empty argument", args: []string{"classify", ""}, code: ExitUsage, stderr: "empty query", rows: -1},
		{name: "classify blank argument", args: []string{"classify", " \t "}, code: ExitUsage, stderr: "empty query", rows: -1},
		{name: "classify NUL argument", args: []string{"classify", "\x00\x00"}, code: ExitUsage, stderr: "empty query", rows: -1},
		{name: "classify empty stdin", args: []string{"classify", "--json", "-"}, stdin: "", code: ExitOK, rows: 0},
		{name: "classify blank lines", args: []string{"classify", "--json", "-"}, stdin: "\n  \t\n" + title + "\n",
			code: ExitRowErrors, stderr: "2 input lines could not be classified", rows: 3, rowErr: "empty query"},
		{name: "classify 10 MB line", args: []string{"classify", "--json", "-"}, stdin: tenMB + "\nContact Center Supervisor\n",
			code: ExitOK, rows: 2, stdout: `"warnings":["title: cut from`},
		{name: "classify NUL bytes", args: []string{"classify", "--json", "-"}, stdin: "\x00\x00\nCall\x00centre agent\n",
			code: ExitRowErrors, stderr: "1 input line could not be classified", rows: 2, rowErr: "empty query"},
		{name: "classify invalid UTF-8", args: []string{"classify", "--json", "-"}, stdin: "Call Centre \xff\xfe Agent\n",
			code: ExitOK, rows: 1, stdout: "invalid UTF-8 replaced by spaces"},
		{name: "classify UTF-16 stdin", args: []string{"classify", "--json", "-"}, stdin: string(utf16LE(title + "\nTeam leader\n")),
			code: ExitError, stderr: "standard input is UTF-16", rows: 0},
		{name: "classify UTF-8 BOM", args: []string{"classify", "--json", "-"}, stdin: "\ufeff" + title + "\n",
			code: ExitOK, rows: 1, stdout: `{"line":1,"input":"` + title + `"`},
		{name: "classify bad flag value", args: []string{"classify", "--top", "0", title}, code: ExitUsage, stderr: "--top must be between 1 and 50", rows: -1},
		{name: "unknown command", args: []string{"clasify", title}, code: ExitUsage, stderr: `unknown command "clasify"`, rows: -1},
		{name: "show unknown code", args: []string{"show", "99999x"}, code: ExitOutside, stderr: `no such occupation: "99999x"`, rows: -1},
		{name: "search blank", args: []string{"search", "  "}, code: ExitUsage, stderr: "search needs some words", rows: -1},

		// batch
		{name: "batch empty input", args: []string{"batch", "-"}, stdin: "", code: ExitError, stderr: "stdin: the input is empty", rows: -1},
		{name: "batch blank input", args: []string{"batch", "-"}, stdin: "\n\r\n\n", code: ExitError, stderr: "stdin: the input is empty", rows: -1},
		{name: "batch header without the column", args: []string{"batch", "-"}, stdin: "name,description\nx,y\n",
			code: ExitError, stderr: `no column "title" in the header (columns: "name", "description")`, rows: -1},
		{name: "batch TSV read as CSV", args: []string{"batch", "--delimiter", "comma", "-"}, stdin: "id\ttitle\n1\t" + title + "\n",
			code: ExitError, stderr: "is the input TSV?", rows: -1},
		{name: "batch TSV told by its header", args: []string{"batch", "--output-format", "jsonl", "-"}, stdin: "id\ttitle\n1\t" + title + "\n",
			code: ExitOK, rows: 1},
		{name: "batch ragged CSV", args: []string{"batch", "--output-format", "jsonl", "-"}, stdin: "title,description\n" + title + "\nTeam leader,a,b\nChef,cooks\n",
			code: ExitRowErrors, stderr: "2 of 3 rows had errors", rows: 3, rowErr: "line 3: wrong number of fields: 3 fields, the header has 2"},
		{name: "batch unterminated quote", args: []string{"batch", "--output-format", "jsonl", "-"}, stdin: "title\n" + title + "\n\"Team leader\nChef\n",
			code: ExitRowErrors, stderr: "1 of 2 rows had errors", rows: 2, rowErr: `line 3: CSV syntax error: line 4, byte 6: extraneous or missing " in quoted-field`},
		{name: "batch invalid UTF-8", args: []string{"batch", "--output-format", "jsonl", "-"}, stdin: "title\nCall \xff centre agent\n",
			code: ExitRowErrors, stderr: "1 of 1 row had errors", rows: 1, rowErr: `line 2, column "title": invalid UTF-8: at byte 6`},
		{name: "batch NUL title", args: []string{"batch", "--output-format", "jsonl", "-"}, stdin: "title\n\x00\x00\nCall\x00centre agent\n",
			code: ExitRowErrors, stderr: "1 of 2 rows had errors", rows: 2, rowErr: `line 2, column "title": empty title`},
		{name: "batch 10 MB field", args: []string{"batch", "--output-format", "jsonl", "-"}, stdin: "title\n" + tenMB + "\n" + title + "\n",
			code: ExitRowErrors, stderr: "1 of 2 rows had errors", rows: 2, rowErr: fmt.Sprintf("field too long: %d bytes, over the limit of 1048576 (1 MiB)", len(tenMB))},
		{name: "batch JSON garbage lines", args: []string{"batch", "--output-format", "jsonl", "-"},
			stdin: `{"title":"Call centre agent"}` + "\nnot json\n[1,2]\n" + `{"title":` + "\n" + `{"name":"x"}` + "\n",
			code:  ExitRowErrors, stderr: "4 of 5 rows had errors", rows: 5, rowErr: "line 2: invalid JSON: want one object per line"},
		{name: "batch JSON title of the wrong type", args: []string{"batch", "--output-format", "jsonl", "-"}, stdin: `{"title":{"en":"agent"}}` + "\n",
			code: ExitRowErrors, stderr: "1 of 1 row had errors", rows: 1, rowErr: "wrong type"},
		{name: "batch UTF-16 file", args: []string{"batch", "{dir}/ads.csv"}, files: map[string][]byte{"ads.csv": utf16LE("title\n" + title + "\n")},
			code: ExitError, stderr: "ads.csv: the input is UTF-16", rows: -1},
		{name: "batch truncated gzip", args: []string{"batch", "--output-format", "jsonl", "{dir}/ads.csv.gz"}, files: map[string][]byte{"ads.csv.gz": truncatedGzip(t, 2000)},
			code: ExitError, stderr: "unexpected end of gzip data: the file is truncated", rows: -1, stdout: `{"row":1,"id":"1","input":"Call centre agent 0"`},
		{name: "batch blank column flag", args: []string{"batch", "--column", " ", "-"}, stdin: "title\n" + title + "\n", code: ExitUsage, stderr: "--column must name the title column", rows: -1},
		{name: "batch workers past a few per CPU", args: []string{"batch", "--workers", "100000", "-"}, stdin: "title\n" + title + "\n", code: ExitUsage, stderr: "--workers 100000: want 0 (one per CPU) to", rows: -1},
		{name: "batch cache past the machine", args: []string{"batch", "--cache-mb", "1000000", "-"}, stdin: "title\n" + title + "\n", code: ExitUsage, stderr: "--cache-mb 1000000: want 0 to 4096 MiB", rows: -1},
		{name: "serve body limit past the machine", args: []string{"serve", "--max-body", "1099511627776"}, code: ExitUsage, stderr: "--max-body 1099511627776: want 1 to 268435456 bytes", rows: -1},
		{name: "serve endless timeout", args: []string{"serve", "--body-timeout", "1000h"}, code: ExitUsage, stderr: "--body-timeout 1000h0m0s: want a positive duration up to 1h0m0s", rows: -1},
		{name: "batch missing file", args: []string{"batch", "{dir}/nope.csv"}, code: ExitError, stderr: "nope.csv: no such file or directory", rows: -1},
		{name: "batch directory", args: []string{"batch", "{dir}"}, code: ExitError, stderr: "is a directory, want a file", rows: -1},

		// corpus files
		{name: "corpus empty", args: []string{"--corpus", "{dir}/c.json", "classify", title}, files: map[string][]byte{"c.json": nil},
			code: ExitError, stderr: "c.json: invalid corpus: the file is empty", rows: -1},
		{name: "corpus duplicate codes", args: []string{"--corpus", "{dir}/c.json", "classify", title}, files: map[string][]byte{"c.json": smallCorpus(occ + "," + occ)},
			code: ExitError, stderr: `occupation 541111: field "code": duplicate code (also occupation 1)`, rows: -1},
		{name: "corpus unknown field", args: []string{"--corpus", "{dir}/c.json", "classify", title}, files: map[string][]byte{"c.json": []byte(`{"versoin":"t"}`)},
			code: ExitError, stderr: `unknown field "versoin"`, rows: -1},
		{name: "corpus wrong type", args: []string{"--corpus", "{dir}/c.json", "classify", title}, files: map[string][]byte{"c.json": []byte("{\n\"version\": \"t\",\n\"occupations\": [{\"code\": 541111}]}")},
			code: ExitError, stderr: `line 3: field "occupations.code": got a JSON number, want string`, rows: -1},
		{name: "corpus truncated", args: []string{"--corpus", "{dir}/c.json", "classify", title}, files: map[string][]byte{"c.json": smallCorpus(occ)[:60]},
			code: ExitError, stderr: "the JSON ends too early (truncated file?)", rows: -1},
		{name: "corpus binary", args: []string{"--corpus", "{dir}/c.json", "classify", title}, files: map[string][]byte{"c.json": []byte("\x89PNG\r\n\x1a\n\x00\x00")},
			code: ExitError, stderr: "c.json: invalid corpus: line 1: invalid character", rows: -1},
		{name: "corpus UTF-16", args: []string{"--corpus", "{dir}/c.json", "classify", title}, files: map[string][]byte{"c.json": utf16LE(string(smallCorpus(occ)))},
			code: ExitError, stderr: "c.json: invalid corpus: the file is UTF-16", rows: -1},
		{name: "corpus of too many occupations", args: []string{"--corpus", "{dir}/c.json", "classify", title}, files: map[string][]byte{"c.json": manyOccupationsCorpus(corpus.MaxOccupations + 1)},
			code: ExitError, stderr: "c.json: invalid corpus: 20001 occupations, more than the 20000 allowed", rows: -1},
		{name: "corpus title too long", args: []string{"--corpus", "{dir}/c.json", "classify", title}, files: map[string][]byte{"c.json": smallCorpus(`{"code":"541111","scope":"target","text":{"en":{"title":"` + strings.Repeat("Team Leader ", 30) + `"}}}`)},
			code: ExitError, stderr: `occupation 541111: field "text.en.title": item 1 is 360 bytes long, more than the 256 allowed for a title`, rows: -1},
		{name: "corpus with a UTF-8 BOM", args: []string{"--corpus", "{dir}/c.json", "classify", "--json", "Team Leader"}, files: map[string][]byte{"c.json": append([]byte("\ufeff"), smallCorpus(occ)...)},
			code: ExitOK, rows: 1, stdout: `"code":"541111"`},
		{name: "corpus missing", args: []string{"--corpus", "{dir}/nope.json", "classify", title}, code: ExitError, stderr: "nope.json: no such file or directory", rows: -1},
		{name: "corpus and index", args: []string{"--corpus", "{dir}/c.json", "--index", "{dir}", "classify", title}, code: ExitUsage, stderr: "--index and --corpus cannot be used together", rows: -1},

		// ABS workbooks
		{name: "import-abs workbook that unpacks too far", args: []string{"corpus", "import-abs", "--index-of-titles", "{dir}/t.xlsx", "--out", "{dir}/c.json"},
			files: map[string][]byte{"t.xlsx": zipOfZeros(t, "xl/worksheets/sheet1.xml", 40<<20)},
			code:  ExitError, stderr: `t.xlsx: part "xl/worksheets/sheet1.xml" unpacks to 40 MiB, over the limit of 32 MiB`, rows: -1},

		// persisted indexes
		{name: "index missing", args: []string{"--index", "{dir}/nope.idx", "classify", title}, code: ExitError, stderr: "nope.idx: no such directory", rows: -1},
		{name: "index empty directory", args: []string{"--index", "{dir}", "classify", title}, code: ExitError, stderr: "not a readable anzsco index: no CURRENT file", rows: -1},
		{name: "index foreign directory", args: []string{"--index", "{dir}", "classify", title}, files: map[string][]byte{"photo.jpg": []byte("\xff\xd8\xff\xe0"), "notes.txt": []byte("hi")},
			code: ExitError, stderr: "not a readable anzsco index: no CURRENT file", rows: -1},
		{name: "index is a file", args: []string{"--index", "{dir}/notes.txt", "classify", title}, files: map[string][]byte{"notes.txt": []byte("hi")},
			code: ExitError, stderr: "not a readable anzsco index: not a directory", rows: -1},
		{name: "index damaged manifest", args: []string{"--index", "{dir}/a.idx", "classify", title}, setup: damagedIndex("anzsco-index.json", func(b []byte) []byte { return b[:len(b)/2] }),
			code: ExitError, stderr: "index corrupt: anzsco-index.json does not match its checksum in CURRENT; rebuild it", rows: -1},
		{name: "index truncated segment", args: []string{"--index", "{dir}/a.idx", "classify", title}, setup: damagedIndex(".zap", func(b []byte) []byte { return b[:len(b)/2] }),
			code: ExitError, stderr: ".zap does not match its checksum; rebuild it with 'anzsco index build --out", rows: -1},
		{name: "index with one byte flipped", args: []string{"--index", "{dir}/a.idx", "classify", title}, setup: damagedIndex(".zap", func(b []byte) []byte { b[len(b)/3] ^= 0x10; return b }),
			code: ExitError, stderr: "index corrupt: bleve/store/", rows: -1},
		{name: "index with CURRENT damaged", args: []string{"--index", "{dir}/a.idx", "classify", title}, setup: damagedIndex("CURRENT", func(b []byte) []byte { return []byte("../../etc/passwd x\n") }),
			code: ExitError, stderr: "index corrupt: CURRENT is damaged", rows: -1},
		{name: "index garbled store", args: []string{"--index", "{dir}/a.idx", "classify", title}, setup: damagedIndex("root.bolt", func(b []byte) []byte { return bytes.Repeat([]byte{0x5a}, len(b)) }),
			code: ExitError, stderr: "index corrupt: bleve/store/root.bolt does not match its checksum", rows: -1},
		{name: "index info damaged corpus", args: []string{"index", "info", "{dir}/a.idx"}, setup: damagedIndex("corpus.json", func(b []byte) []byte { return append(b, ' ') }),
			code: ExitError, stderr: "index corrupt: corpus.json does not match its checksum", rows: -1},

		// CVs
		{name: "cv empty file", args: []string{"cv", "{dir}/cv.pdf"}, files: map[string][]byte{"cv.pdf": nil}, code: ExitError, stderr: "cv.pdf: empty document: the file is empty", rows: -1},
		{name: "cv blank stdin", args: []string{"cv", "-"}, stdin: " \n\t\n", code: ExitError, stderr: "stdin: empty document: no text in the file", rows: -1},
		{name: "cv truncated PDF", args: []string{"cv", "{dir}/cv.pdf"}, files: map[string][]byte{"cv.pdf": goodPDF[:len(goodPDF)/2]},
			code: ExitError, stderr: "cv.pdf: corrupt file: not a readable PDF", rows: -1},
		{name: "cv encrypted PDF", args: []string{"cv", "{dir}/cv.pdf"}, files: map[string][]byte{"cv.pdf": encryptedPDF()},
			code: ExitError, stderr: "cv.pdf: encrypted document: the PDF needs a password to open", rows: -1},
		{name: "cv zip-bomb DOCX", args: []string{"cv", "{dir}/cv.docx"}, files: map[string][]byte{"cv.docx": cvtest.BombDOCX(t, cv.MaxDocumentXML+(1<<20))},
			code: ExitError, stderr: "cv.docx: archive expands too far: word/document.xml uncompresses to 17 MiB", rows: -1},
		{name: "cv truncated DOCX", args: []string{"cv", "{dir}/cv.docx"}, files: map[string][]byte{"cv.docx": cvtest.BombDOCX(t, 4096)[:200]},
			code: ExitError, stderr: "cv.docx: corrupt file: not a readable DOCX", rows: -1},
		{name: "cv binary", args: []string{"cv", "-"}, stdin: "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00",
			code: ExitError, stderr: "unsupported format", rows: -1},
		{name: "cv PDF with a huge xref subsection", args: []string{"cv", "{dir}/cv.pdf"}, files: map[string][]byte{"cv.pdf": cvtest.HugeXrefPDF(2_000_000_000)},
			code: ExitError, stderr: "cv.pdf: this file is too complex to read: reading it needs more than 256 MiB of memory", rows: -1},
		{name: "cv PDF object stream holding itself", args: []string{"cv", "{dir}/cv.pdf"}, files: map[string][]byte{"cv.pdf": cvtest.SelfStreamPDF()},
			code: ExitError, stderr: "cv.pdf: this file is too complex to read: its structure is nested too deep", rows: -1},
		{name: "cv DOCX nested deep", args: []string{"cv", "{dir}/cv.docx"}, files: map[string][]byte{"cv.docx": cvtest.DeepDOCX(t, 100_000)},
			code: ExitError, stderr: "cv.docx: this file is too complex to read: word/document.xml nests elements more than 256 deep", rows: -1},
		{name: "cv without positions", args: []string{"cv", "--json", "-"}, stdin: "Hello\nI like cats\n",
			code: ExitOutside, rows: -1, stdout: `"positions":[]`},

		// eval
		{name: "eval header without the label", args: []string{"eval", "{dir}/l.csv"}, files: map[string][]byte{"l.csv": []byte("title,code\nx,541111\n")},
			code: ExitError, stderr: `l.csv: no column "label" in the header`, rows: -1},
		{name: "eval empty file", args: []string{"eval", "{dir}/l.csv"}, files: map[string][]byte{"l.csv": nil}, code: ExitError, stderr: "empty file", rows: -1},
		{name: "eval unterminated quote", args: []string{"eval", "{dir}/l.csv"}, files: map[string][]byte{"l.csv": []byte("title,label\n\"Call centre agent,541112\n")},
			code: ExitError, stderr: `l.csv: line 2: CSV syntax error: line 2, byte 27: extraneous or missing " in quoted-field`, rows: -1},
		{name: "eval UTF-16 file", args: []string{"eval", "{dir}/l.csv"}, files: map[string][]byte{"l.csv": utf16LE("title,label\n" + title + ",541112\n")},
			code: ExitError, stderr: "is UTF-16", rows: -1},
	}
}

// TestBadInputCatalogue runs every case of the catalogue through the real
// command tree. No case may panic; fatal errors are one line.
func TestBadInputCatalogue(t *testing.T) {
	cases := badInputs(t)
	if len(cases) < 30 {
		t.Fatalf("the catalogue has %d cases, want at least 30", len(cases))
	}
	// bleve reports some damage through the standard logger; in a process
	// that goes to standard error, so it counts as standard error here.
	var logged bytes.Buffer
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })

	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "{dir}", dir)
			}
			ios, out, errOut := Test(tt.stdin)
			f := &Factory{IO: ios}
			defer f.Close()
			logged.Reset()
			code := runNoPanic(t, f, args)
			stderr := logged.String() + errOut.String()

			if code != tt.code {
				t.Errorf("anzsco %s: exit %d, want %d\nstderr: %s", shortArgs(tt.args), code, tt.code, stderr)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic:") {
				t.Errorf("anzsco %s: stderr shows a panic:\n%s", shortArgs(tt.args), stderr)
			}
			switch {
			case tt.stderr == "" && stderr != "":
				t.Errorf("anzsco %s: stderr = %q, want nothing", shortArgs(tt.args), stderr)
			case !strings.Contains(stderr, tt.stderr):
				t.Errorf("anzsco %s: stderr = %q, want it to contain %q", shortArgs(tt.args), stderr, tt.stderr)
			}
			if code == ExitUsage || code == ExitError || code == ExitRowErrors {
				if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") || !strings.HasPrefix(stderr, "anzsco: ") {
					t.Errorf("anzsco %s: stderr is not one line \"anzsco: ...\": %q", shortArgs(tt.args), stderr)
				}
			}
			if tt.stdout != "" && !strings.Contains(out.String(), tt.stdout) {
				t.Errorf("anzsco %s: stdout = %.300q, want it to contain %q", shortArgs(tt.args), out.String(), tt.stdout)
			}
			if tt.rows >= 0 || tt.rowErr != "" {
				rows, errs := jsonRows(t, out.String())
				if tt.rows >= 0 && len(rows) != tt.rows {
					t.Errorf("anzsco %s: %d output rows, want %d (one per input row)", shortArgs(tt.args), len(rows), tt.rows)
				}
				if tt.rowErr != "" && !strings.Contains(strings.Join(errs, "\n"), tt.rowErr) {
					t.Errorf("anzsco %s: row errors %q, want one containing %q", shortArgs(tt.args), errs, tt.rowErr)
				}
			}
		})
	}
}

// runNoPanic runs the command line and fails the test, instead of
// crashing it, if the command panics on the calling goroutine.
func runNoPanic(t *testing.T, f *Factory, args []string) (code int) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("anzsco %s panicked: %v\n%s", shortArgs(args), r, debug.Stack())
			code = -1
		}
	}()
	return run(f, args)
}

// jsonRows parses JSON Lines output and returns the rows and their
// "error" fields.
func jsonRows(t *testing.T, out string) (rows []map[string]json.RawMessage, errs []string) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" && out == "" {
			break
		}
		var row map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("output line %d is not a JSON object: %v: %.200q", i+1, err, line)
		}
		rows = append(rows, row)
		if e, ok := row["error"]; ok {
			var obj struct{ Code, Message string }
			if err := json.Unmarshal(e, &obj); err != nil || obj.Code == "" {
				t.Errorf("output line %d: error %s is not an object with a code and a message", i+1, e)
			}
			errs = append(errs, obj.Message)
		}
	}
	return rows, errs
}

// shortArgs prints a command line for a message, with long arguments cut.
func shortArgs(args []string) string {
	var b []string
	for _, a := range args {
		if len(a) > 40 {
			a = a[:40] + "..."
		}
		b = append(b, fmt.Sprintf("%q", a))
	}
	return strings.Join(b, " ")
}

func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// truncatedGzip is a gzipped CSV of n titles cut to half its length.
func truncatedGzip(t *testing.T, n int) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, "title\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(zw, "Call centre agent %d\n", i)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()[:buf.Len()/2]
}

// manyOccupationsCorpus is a corpus file of n occupations.
func manyOccupationsCorpus(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"version":"t","name":"t","occupations":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"code":"%06d","scope":"target","text":{"en":{"title":"Occupation %d"}}}`, 100000+i, i)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// zipOfZeros is a zip archive of one part of n zero bytes.
func zipOfZeros(t *testing.T, name string, n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(make([]byte, n))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// encryptedPDF is a PDF protected by a user password (RC4, revision 2).
func encryptedPDF() []byte {
	return cvtest.MinimalPDF(append(cvtest.PageObjects("BT /F1 12 Tf 72 700 Td (Team Leader) Tj ET"),
		"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"+strings.Repeat("6f", 32)+"> /U <"+strings.Repeat("75", 32)+"> >>"),
		"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]")
}

// damagedIndex builds the default index at {dir}/a.idx and rewrites with
// damage the first file whose name ends in suffix.
func damagedIndex(suffix string, damage func([]byte) []byte) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		c, err := corpus.Default()
		if err != nil {
			t.Fatal(err)
		}
		idx := filepath.Join(dir, "a.idx")
		if err := index.Write(c, idx, "catalogue"); err != nil {
			t.Fatal(err)
		}
		var target string
		filepath.Walk(idx, func(p string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() && strings.HasSuffix(p, suffix) && target == "" {
				target = p
			}
			return nil
		})
		if target == "" {
			t.Fatalf("no file *%s in the index", suffix)
		}
		data, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, damage(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
