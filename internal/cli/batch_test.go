package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch"
	"github.com/anzsco/anzsco/internal/oneline"
	"github.com/anzsco/anzsco/internal/resultenc"
)

func TestBatchFlags(t *testing.T) {
	tests := []struct {
		args     []string
		stdinTTY bool
		want     batchOptions
		wantErr  string
	}{
		{args: []string{"ads.csv"},
			want: batchOptions{Input: "ads.csv", Column: "title", InputFormat: batch.CSV, OutputFormat: batch.CSV, CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{"ads.tsv.gz", "--column", "job", "--text-column", "body", "--id-column", "ad_id"},
			want: batchOptions{Input: "ads.tsv.gz", Column: "job", TextColumn: "body", IDColumn: "ad_id", InputFormat: batch.TSV, OutputFormat: batch.CSV, CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{"-", "--output-format", "jsonl"},
			want: batchOptions{Input: "-", Column: "title", OutputFormat: batch.JSONL, CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{},
			want: batchOptions{Input: "-", Column: "title", OutputFormat: batch.CSV, CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{"ads.txt", "--input-format", "ndjson", "--out", "m.jsonl.gz", "--keep-columns"},
			want: batchOptions{Input: "ads.txt", Column: "title", InputFormat: batch.JSONL, OutputFormat: batch.JSONL, Out: "m.jsonl.gz", OutGzip: true, KeepColumns: true, CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{"ads.csv", "--out", "m.jsonl", "--output-format", "csv"},
			want: batchOptions{Input: "ads.csv", Column: "title", InputFormat: batch.CSV, OutputFormat: batch.CSV, Out: "m.jsonl", CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{"ads.csv", "--shard", "2/3", "--workers", "5", "--progress", "--cache-mb", "0", "--allow-row-errors"},
			want: batchOptions{Input: "ads.csv", Column: "title", InputFormat: batch.CSV, OutputFormat: batch.CSV, Shard: batch.Shard{K: 2, N: 3}, Workers: 5, Progress: true, AllowRowErrors: true}},
		{args: []string{}, stdinTTY: true, wantErr: "batch needs a FILE, or - to read standard input"},
		{args: []string{"a.csv", "b.csv"}, wantErr: "accepts at most 1 arg"},
		{args: []string{"a.csv", "--column", ""}, wantErr: "--column must name the title column"},
		{args: []string{"a.csv", "--input-format", "xml"}, wantErr: `--input-format: unknown format "xml"`},
		{args: []string{"a.csv", "--output-format", "tsv"}, wantErr: `--output-format must be csv, jsonl or xlsx, got "tsv"`},
		{args: []string{"vagas.XLSX", "--sheet", "Vagas", "--column", "Cargo", "--out", "m.xlsx"},
			want: batchOptions{Input: "vagas.XLSX", Sheet: "Vagas", Column: "Cargo", InputFormat: batch.XLSX, OutputFormat: batch.XLSX, Out: "m.xlsx", CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{"-", "--sheet", "Vagas", "--output-format", "xlsx"},
			want: batchOptions{Input: "-", Sheet: "Vagas", Column: "title", OutputFormat: batch.XLSX, CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{"vagas.csv", "--delimiter", ";", "--encoding", "windows-1252"},
			want: batchOptions{Input: "vagas.csv", Column: "title", InputFormat: batch.CSV, Delimiter: ';', Encoding: "windows-1252", OutputFormat: batch.CSV, CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{"-", "--delimiter", "tab", "--encoding", "UTF-16"},
			want: batchOptions{Input: "-", Column: "title", InputFormat: batch.CSV, Delimiter: '\t', Encoding: "UTF-16", OutputFormat: batch.CSV, CacheMB: batch.DefaultCacheBytes >> 20}},
		{args: []string{"a.csv", "--delimiter", "|"}, wantErr: `--delimiter: "|": want comma, semicolon or tab`},
		{args: []string{"a.jsonl", "--delimiter", ";"}, wantErr: "--delimiter is for CSV, and a.jsonl is read as jsonl"},
		{args: []string{"a.csv", "--encoding", "latin9"}, wantErr: `--encoding: unknown encoding "latin9"`},
		{args: []string{"a.csv", "--sheet", "Vagas"}, wantErr: "--sheet is for an Excel workbook, and a.csv is read as csv"},
		{args: []string{"a.xlsx", "--out", "m.xlsx.gz"}, wantErr: "a workbook is compressed already: drop the .gz"},
		{args: []string{"a.csv", "--out", "m.tsv"}, wantErr: "TSV output is not supported"},
		{args: []string{"a.csv", "--shard", "3/3"}, wantErr: `--shard: shard "3/3": K must be from 0 to N-1 (2)`},
		{args: []string{"a.csv", "--shard", "1"}, wantErr: `--shard: shard "1": want K/N`},
		{args: []string{"a.csv", "--workers", "-2"}, wantErr: "--workers -2: want 0 (one per CPU) to"},
		{args: []string{"a.csv", "--workers", "100000"}, wantErr: "--workers 100000: want 0 (one per CPU) to"},
		{args: []string{"a.csv", "--cache-mb", "-1"}, wantErr: "--cache-mb -1: want 0 to 4096 MiB"},
		{args: []string{"a.csv", "--cache-mb", "1000000"}, wantErr: "--cache-mb 1000000: want 0 to 4096 MiB"},
	}
	for _, tt := range tests {
		ios, _, _ := Test("")
		ios.StdinTTY = tt.stdinTTY
		f := &Factory{IO: ios}
		var got *batchOptions
		cmd := newCmdBatch(f, func(o *batchOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("batch %q: error %v, want %q", tt.args, err, tt.wantErr)
			} else if code := exitCode(err); code != ExitUsage && !isCobraUsage(err) {
				t.Errorf("batch %q: exit %d, want usage error", tt.args, code)
			}
			continue
		}
		if err != nil {
			t.Errorf("batch %q: %v", tt.args, err)
			continue
		}
		g := *got
		g.IO, g.Classifier = nil, nil
		if !reflect.DeepEqual(g, tt.want) {
			t.Errorf("batch %q: options = %+v\nwant %+v", tt.args, g, tt.want)
		}
	}
}

// keywordClassifier codes "leader" 541111 and "operator" 541112, fails on
// "boom", and puts everything else outside.
type keywordClassifier struct{}

func (keywordClassifier) Classify(q index.Query) (*index.Result, error) {
	t := strings.ToLower(q.Text)
	res := &index.Result{Input: q.Text, Confidence: 0.9,
		Matches: []index.Match{{Code: "541111", Score: 2, Confidence: 0.9}, {Code: "541112", Score: 1, Confidence: 0.05}}}
	switch {
	case strings.Contains(t, "boom"):
		return nil, fmt.Errorf("boom")
	case strings.Contains(t, "leader"):
		res.Code, res.Title = "541111", "Call or Contact Centre Team Leader"
	case strings.Contains(t, "operator"):
		res.Code, res.Title = "541112", "Call or Contact Centre Operator"
	}
	return res, nil
}

func (keywordClassifier) Corpus() *corpus.Corpus { return nil }

// runBatchCmd runs 'anzsco batch args' through the command tree with fake
// streams; classifier nil means the default index.
func runBatchCmd(t *testing.T, ios *IOStreams, c index.Classifier, args ...string) (int, error) {
	t.Helper()
	f := &Factory{IO: ios}
	defer f.Close()
	root := NewRootCmd(f)
	if c != nil {
		for _, sub := range root.Commands() {
			if sub.Name() == "batch" {
				root.RemoveCommand(sub)
			}
		}
		root.AddCommand(newCmdBatch(f, func(o *batchOptions) error {
			o.Classifier = func() (index.Classifier, error) { return c, nil }
			return batchRun(o)
		}))
	}
	root.SetArgs(append([]string{"batch"}, args...))
	err := root.Execute()
	return exitCode(err), err
}

func TestBatchRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var big strings.Builder
	big.WriteString("title\n")
	for i := range 20000 {
		fmt.Fprintf(&big, "Operator %d\n", i*7919%20011)
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(big.String()))
	zw.Close()
	truncated := write("cut.csv.gz", z.String()[:z.Len()/2])
	ads := write("ads.csv", "ad_id,title\r\nA1,Team Leader\r\nA2,Nurse\r\n")
	mixed := write("mixed.csv", "title\nOperator\n\nboom\n\"bad\"quote\n")

	tests := []struct {
		name    string
		stdin   string
		args    []string
		code    int
		stdout  string
		errLine string // the error, as run() prints it after "anzsco: "
		outFile string // the file --out must leave, and its content
		outWant string
		absent  string // a file the run must not make
	}{
		{
			name:   "stdin CSV to CSV",
			stdin:  "title\nCall centre operator\nTeam leader\n",
			args:   []string{"-"},
			stdout: "id,input,code,title,confidence,score,runner_up_code,runner_up_confidence,nearest_outside_code,nearest_outside_title,best_code,best_confidence,warnings,error\n1,Call centre operator,541112,Call or Contact Centre Operator,0.9,2,541112,0.05,,,,,,\n2,Team leader,541111,Call or Contact Centre Team Leader,0.9,2,541112,0.05,,,,,,\n",
		},
		{
			name:   "file with ids to JSONL",
			args:   []string{ads, "--id-column", "ad_id", "--output-format", "jsonl"},
			stdout: `{"row":1,"id":"A1","input":"Team Leader","code":"541111","title":"Call or Contact Centre Team Leader","confidence":0.9,"matches":[{"code":"541111","title":"","score":2,"confidence":0.9},{"code":"541112","title":"","score":1,"confidence":0.05}],"nearest_outside":null,"corpus":{"version":"","sha256":""}}` + "\n" + `{"row":2,"id":"A2","input":"Nurse","code":null,"title":null,"confidence":0.9,"matches":[{"code":"541111","title":"","score":2,"confidence":0.9},{"code":"541112","title":"","score":1,"confidence":0.05}],"nearest_outside":null,"corpus":{"version":"","sha256":""}}` + "\n",
		},
		{
			name:    "row errors exit 4",
			args:    []string{mixed, "--output-format", "jsonl", "--out", filepath.Join(dir, "mixed.jsonl")},
			code:    ExitRowErrors,
			errLine: `2 of 3 rows had errors (see the "error" field)`,
			outFile: "mixed.jsonl",
		},
		{
			name:   "row errors exit 0 with --allow-row-errors",
			stdin:  "{\"title\":\"Operator\"}\n{\"title\":\"\"}\n",
			args:   []string{"-", "--allow-row-errors"},
			stdout: "id,input,code,title,confidence,score,runner_up_code,runner_up_confidence,nearest_outside_code,nearest_outside_title,best_code,best_confidence,warnings,error\n1,Operator,541112,Call or Contact Centre Operator,0.9,2,541112,0.05,,,,,,\n2,,,,,,,,,,,,,\"line 2, column \"\"title\"\": empty title\"\n",
		},
		{
			name:   "empty JSONL input is no rows",
			stdin:  "",
			args:   []string{"-", "--input-format", "jsonl", "--output-format", "jsonl"},
			stdout: "",
		},
		{
			name:    "empty input without a format wants a header",
			stdin:   "",
			args:    []string{"-"},
			code:    ExitError,
			errLine: "stdin: the input is empty: want a header row naming the columns",
		},
		{
			name:    "missing column",
			args:    []string{ads, "--column", "job_title"},
			code:    ExitError,
			errLine: ads + `: no column "job_title" in the header (columns: "ad_id", "title")`,
		},
		{
			name:    "no such file",
			args:    []string{filepath.Join(dir, "nope.csv")},
			code:    ExitError,
			errLine: "open " + filepath.Join(dir, "nope.csv") + ": no such file or directory",
		},
		{
			name:    "--out writes by rename and leaves no temporary file",
			args:    []string{ads, "--out", filepath.Join(dir, "m.csv"), "--keep-columns"},
			outFile: "m.csv",
			outWant: "id,input,code,title,confidence,score,runner_up_code,runner_up_confidence,nearest_outside_code,nearest_outside_title,best_code,best_confidence,warnings,error,in_ad_id,in_title\n1,Team Leader,541111,Call or Contact Centre Team Leader,0.9,2,541112,0.05,,,,,,,A1,Team Leader\n2,Nurse,,,0.9,2,,,,,541111,0.9,,,A2,Nurse\n",
		},
		{
			name:    "truncated gzip keeps the rows read in FILE.partial",
			args:    []string{truncated, "--out", filepath.Join(dir, "cut.csv")},
			code:    ExitError,
			errLine: truncated + ": after row N: unexpected end of gzip data: the file is truncated (unexpected EOF); the N rows written are in " + filepath.Join(dir, "cut.csv.partial"),
			outFile: "cut.csv.partial",
			absent:  "cut.csv",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, errOut := Test(tt.stdin)
			code, err := runBatchCmd(t, ios, keywordClassifier{}, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d (%v), want %d", code, err, tt.code)
			}
			got := ""
			if err != nil {
				got = oneline.String(err.Error())
			}
			if strings.Contains(tt.errLine, " N ") || strings.Contains(tt.errLine, " N:") {
				got = strings.Join(strings.Fields(numberRe.ReplaceAllString(got, "N")), " ")
				tt.errLine = numberRe.ReplaceAllString(tt.errLine, "N")
			}
			if got != tt.errLine {
				t.Errorf("error = %q\nwant    %q", got, tt.errLine)
			}
			if tt.code != ExitError && out.String() != tt.stdout {
				t.Errorf("stdout =\n%s\nwant\n%s", out.String(), tt.stdout)
			}
			if errOut.Len() != 0 {
				t.Errorf("stderr = %q, want nothing (not a terminal)", errOut.String())
			}
			if tt.outFile != "" {
				b, err := os.ReadFile(filepath.Join(dir, tt.outFile))
				if err != nil {
					t.Fatalf("--out: %v", err)
				}
				if tt.outWant != "" && string(b) != tt.outWant {
					t.Errorf("%s =\n%s\nwant\n%s", tt.outFile, b, tt.outWant)
				}
				if len(b) == 0 {
					t.Errorf("%s is empty", tt.outFile)
				}
			}
			if tt.absent != "" {
				if _, err := os.Stat(filepath.Join(dir, tt.absent)); err == nil {
					t.Errorf("%s exists, want it not made by a failed run", tt.absent)
				}
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("temporary file %s left behind", e.Name())
				}
			}
		})
	}
}

func TestBatchProgressAndSummary(t *testing.T) {
	tests := []struct {
		name      string
		tty       bool
		stdoutTTY bool
		progress  bool
		want      string // what stderr must end with; empty for nothing at all
	}{
		{"pipe", false, false, false, ""},
		{"pipe with --progress", false, false, true, "3 rows in"},
		{"terminal", true, false, false, "3 rows in"},
		{"rows to the terminal too: summary only", true, true, false, "3 rows in"},
	}
	for _, tt := range tests {
		ios, _, errOut := Test("title\nTeam leader\nOperator\nNurse\n")
		ios.StderrTTY, ios.StdoutTTY = tt.tty, tt.stdoutTTY
		args := []string{"-"}
		if tt.progress {
			args = append(args, "--progress")
		}
		if code, err := runBatchCmd(t, ios, keywordClassifier{}, args...); code != 0 {
			t.Fatalf("%s: exit %d: %v", tt.name, code, err)
		}
		got := errOut.String()
		if tt.want == "" {
			if got != "" {
				t.Errorf("%s: stderr = %q, want nothing", tt.name, got)
			}
			continue
		}
		if tt.stdoutTTY && strings.Contains(got, "\r") {
			t.Errorf("%s: stderr = %q, want no progress line", tt.name, got)
		}
		lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
		last := lines[len(lines)-1]
		if !strings.Contains(last, tt.want) || !strings.Contains(last, "541111 1, 541112 1, outside 1, errors 0") {
			t.Errorf("%s: last stderr line = %q, want a summary of 3 rows", tt.name, last)
		}
	}
}

func TestBatchGzipOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "m.jsonl.gz")
	ios, _, _ := Test("{\"title\":\"Team leader\"}\n")
	if code, err := runBatchCmd(t, ios, keywordClassifier{}, "-", "--out", out); code != 0 {
		t.Fatalf("exit %d: %v", code, err)
	}
	fh, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		t.Fatalf("%s is not gzip: %v", out, err)
	}
	b, _ := io.ReadAll(zr)
	if !strings.HasPrefix(string(b), `{"row":1,"id":"1","input":"Team leader","code":"541111"`) {
		t.Errorf("%s holds %s, want a JSONL row", out, b)
	}
}

// TestBatchEndToEnd runs the default index through the command and checks
// every output row against classifying the same text directly.
func TestBatchEndToEnd(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(c)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	type ad struct{ id, title, desc string }
	ads := []ad{
		{"a1", "Call Centre Operator", ""},
		{"a2", "Contact Centre Team Leader - Sydney CBD", ""},
		{"a3", "Registered Nurse", ""},
		{"a4", "Customer Service Officer", "Answer inbound calls and emails from customers and record their enquiries."},
		{"a5", "Operador de telemarketing receptivo", ""},
		{"a6", "Call Centre Operator", ""},
		{"a7", "", "no title"},
		{"a8", "Call Centre Manager", "Lead the whole contact centre operation."},
	}
	var in strings.Builder
	w := csv.NewWriter(&in)
	w.Write([]string{"ad_id", "title", "description"})
	for _, a := range ads {
		w.Write([]string{a.id, a.title, a.desc})
	}
	w.Flush()

	for _, format := range []string{"csv", "jsonl"} {
		for _, cache := range []string{"0", "1"} {
			ios, out, _ := Test(in.String())
			code, err := runBatchCmd(t, ios, nil, "-", "--id-column", "ad_id", "--text-column", "description",
				"--output-format", format, "--cache-mb", cache, "--workers", "3")
			if code != ExitRowErrors {
				t.Fatalf("%s: exit %d (%v), want %d for the row without a title", format, code, err, ExitRowErrors)
			}
			var rows []map[string]string
			var results []json.RawMessage
			if format == "csv" {
				recs, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range recs[1:] {
					m := map[string]string{}
					for i, h := range recs[0] {
						m[h] = r[i]
					}
					rows = append(rows, m)
				}
			} else {
				for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
					var m struct {
						ID    string                   `json:"id"`
						Error struct{ Message string } `json:"error"`
					}
					if err := json.Unmarshal([]byte(line), &m); err != nil {
						t.Fatal(err)
					}
					rows = append(rows, map[string]string{"id": m.ID, "error": m.Error.Message})
					results = append(results, json.RawMessage(line))
				}
			}
			if len(rows) != len(ads) {
				t.Fatalf("%s: %d rows out, %d in", format, len(rows), len(ads))
			}
			for i, a := range ads {
				got := rows[i]
				if got["id"] != a.id {
					t.Errorf("%s row %d: id %q, want %q", format, i+1, got["id"], a.id)
				}
				if a.title == "" {
					if got["error"] == "" {
						t.Errorf("%s row %d: no error for an empty title", format, i+1)
					}
					continue
				}
				want, err := ix.Classify(index.Query{Text: a.title, Description: a.desc})
				if err != nil {
					t.Fatal(err)
				}
				if format == "csv" {
					if got["code"] != want.Code || got["confidence"] != fmt.Sprint(want.Confidence) || got["input"] != want.Input {
						t.Errorf("csv row %d: code %q confidence %s input %q, want %q %v %q (classify)",
							i+1, got["code"], got["confidence"], got["input"], want.Code, want.Confidence, want.Input)
					}
					continue
				}
				wantJSON, _ := json.Marshal(want)
				prefix := fmt.Sprintf(`{"row":%d,"id":%q,`, i+1, a.id)
				if string(results[i]) != prefix+string(wantJSON[1:]) {
					t.Errorf("jsonl row %d =\n%s\nwant\n%s", i+1, results[i], prefix+string(wantJSON[1:]))
				}
			}
		}
	}
}

var numberRe = regexp.MustCompile(`[0-9]+(,[0-9]{3})*`)

// An Excel workbook in, a workbook out; and a workbook named .csv is
// refused in one line.
func TestBatchXLSX(t *testing.T) {
	dir := t.TempDir()
	in := excelize.NewFile()
	in.SetSheetName("Sheet1", "Notas")
	in.NewSheet("Vagas")
	for i, row := range [][]any{{"Código", "Cargo"}, {"V1", "Team Leader"}, {"V2", "Operator"}, {"V3", "Chef"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		in.SetSheetRow("Vagas", cell, &row)
	}
	src := filepath.Join(dir, "vagas.xlsx")
	if err := in.SaveAs(src); err != nil {
		t.Fatal(err)
	}
	in.Close()
	out := filepath.Join(dir, "mapeadas.xlsx")
	ios, _, _ := Test("")
	if code, err := runBatchCmd(t, ios, keywordClassifier{}, src, "--sheet", "vagas", "--column", "cargo", "--id-column", "código", "--out", out); code != ExitOK {
		t.Fatalf("exit %d: %v", code, err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("%s is not a workbook: %v", out, err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[0]+" "+r[1]+" "+r[2])
	}
	if want := []string{"V1 Team Leader 541111", "V2 Operator 541112", "V3 Chef "}; !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}

	wrong := filepath.Join(dir, "vagas.csv")
	data, _ := os.ReadFile(src)
	os.WriteFile(wrong, data, 0o666)
	ios, _, errOut := Test("")
	f2 := &Factory{IO: ios}
	code := run(f2, []string{"batch", wrong})
	want := "anzsco: " + wrong + ": this is an Excel workbook: use it directly or save it as CSV (name it .xlsx or give --input-format xlsx)\n"
	if code != ExitError || errOut.String() != want {
		t.Errorf("a workbook named .csv: exit %d, stderr %q, want %d and %q", code, errOut, ExitError, want)
	}
}

// A CSV saved by Excel in Brazil: semicolons, Windows-1252.
func TestBatchExcelCSV(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "vagas.csv")
	text, _ := charmap.Windows1252.NewEncoder().String("Código;Cargo\r\nV1;Líder de equipe (team leader)\r\nV2;Operação\r\n")
	os.WriteFile(src, []byte(text), 0o666)

	ios, out, _ := Test("")
	if code, err := runBatchCmd(t, ios, keywordClassifier{}, src, "--encoding", "windows-1252", "--column", "cargo", "--id-column", "código"); code != ExitOK {
		t.Fatalf("exit %d: %v", code, err)
	}
	rows, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("output %q (%v), want a header and 2 rows", out, err)
	}
	if got := rows[1][0] + " " + rows[1][1] + " " + rows[1][2] + " | " + rows[2][0] + " " + rows[2][1]; got != "V1 Líder de equipe (team leader) 541111 | V2 Operação" {
		t.Errorf("rows = %q", got)
	}

	ios, out, errOut := Test("")
	code := run(&Factory{IO: ios}, []string{"batch", src, "--column", "Cargo", "--output-format", "jsonl"})
	if code != ExitRowErrors || !strings.Contains(out.String(), "give --encoding windows-1252") {
		t.Errorf("without --encoding: exit %d, output %q, stderr %q: want row errors that name windows-1252", code, out, errOut)
	}
}

// TestBatchHelpColumns checks that batch --help names the output columns
// as they are written, in order, so the help cannot fall behind them.
func TestBatchHelpColumns(t *testing.T) {
	code, out, _ := runCLI(t, "", "batch", "--help")
	if code != 0 {
		t.Fatalf("batch --help exited %d", code)
	}
	_, after, ok := strings.Cut(out, "CSV and XLSX columns:")
	if !ok {
		t.Fatalf("batch --help has no column list:\n%s", out)
	}
	listed, _, _ := strings.Cut(after, "\n\ncode is empty")
	if got, want := strings.Join(strings.Fields(listed), " "), strings.Join(resultenc.Columns, ", "); got != want {
		t.Errorf("batch --help lists the columns\n  %s\nwant\n  %s", got, want)
	}
}

func TestIndentedList(t *testing.T) {
	got := indentedList([]string{"alpha", "beta", "gamma", "delta"}, 20)
	want := "  alpha, beta,\n  gamma, delta"
	if got != want {
		t.Errorf("indentedList = %q, want %q", got, want)
	}
	if got := indentedList([]string{"a-very-long-column-name"}, 10); got != "  a-very-long-column-name" {
		t.Errorf("indentedList of one long item = %q", got)
	}
}
