package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/anzsco/anzsco/index"
)

// parseCSV reads CSV output into rows keyed by column name.
func parseCSV(t testing.TB, out string) (header []string, rows []map[string]string) {
	t.Helper()
	cr := csv.NewReader(strings.NewReader(out))
	all, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, out)
	}
	if len(all) == 0 {
		t.Fatalf("output has no header")
	}
	for _, rec := range all[1:] {
		m := map[string]string{}
		for i, h := range all[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return all[0], rows
}

// errorObject is the "error" of a JSONL row; its Message is empty for a
// row that was classified.
type errorObject struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// jsonRow is a JSONL output row as a consumer reads it.
type jsonRow struct {
	Row   int             `json:"row"`
	ID    string          `json:"id"`
	Input string          `json:"input"`
	Code  *string         `json:"code"`
	Error errorObject     `json:"error"`
	In    json.RawMessage `json:"in"`
	// Result is the same line read as an index.Result.
	Result index.Result `json:"-"`
}

func parseJSONL(t testing.TB, out string) []jsonRow {
	t.Helper()
	var rows []jsonRow
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var r jsonRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("output line %d is not JSON: %v\n%s", i+1, err, line)
		}
		var res index.Result
		if err := json.Unmarshal([]byte(line), &res); err != nil {
			t.Fatalf("output line %d is not a result: %v", i+1, err)
		}
		r.Result = res
		rows = append(rows, r)
	}
	return rows
}

func TestRunCSV(t *testing.T) {
	input := "ad_id,title,description\n" +
		"a1,Call Centre Operator,answers calls\n" +
		"a2,Team Leader,\n" +
		"a3,Registered Nurse,\n" +
		"a4,,\n" +
		"a5,boom,\n"
	out, st, err := runBatch(t, input, ReadOptions{Text: "description", ID: "ad_id"}, Options{Workers: 2}, &fake{})
	if err != nil {
		t.Fatal(err)
	}
	header, rows := parseCSV(t, out)
	if !reflect.DeepEqual(header, CSVColumns) {
		t.Errorf("header = %q, want %q", header, CSVColumns)
	}
	// An outside row names the best target it was not coded to, with its
	// confidence, and leaves the runner-up empty.
	want := []map[string]string{
		{"id": "a1", "input": "Call Centre Operator", "code": "541112", "title": "Call or Contact Centre Operator", "confidence": "0.6",
			"score": "1.25", "runner_up_code": "541111", "runner_up_confidence": "0.5", "nearest_outside_code": "639311", "nearest_outside_title": "Telemarketer",
			"best_code": "", "best_confidence": "", "warnings": "", "error": ""},
		{"id": "a2", "input": "Team Leader", "code": "541111", "title": "Call or Contact Centre Team Leader", "confidence": "0.5",
			"score": "2.5", "runner_up_code": "541112", "runner_up_confidence": "0.25", "nearest_outside_code": "639311", "nearest_outside_title": "Telemarketer",
			"best_code": "", "best_confidence": "", "warnings": "", "error": ""},
		{"id": "a3", "input": "Registered Nurse", "code": "", "title": "", "confidence": "0.5",
			"score": "2.5", "runner_up_code": "", "runner_up_confidence": "", "nearest_outside_code": "639311", "nearest_outside_title": "Telemarketer",
			"best_code": "541111", "best_confidence": "0.5", "warnings": "", "error": ""},
		{"id": "a4", "input": "", "code": "", "title": "", "confidence": "", "score": "", "runner_up_code": "",
			"runner_up_confidence": "", "nearest_outside_code": "", "nearest_outside_title": "", "best_code": "", "best_confidence": "", "warnings": "",
			"error": `line 5, column "title": empty title`},
		{"id": "a5", "input": "boom", "code": "", "title": "", "confidence": "", "score": "", "runner_up_code": "",
			"runner_up_confidence": "", "nearest_outside_code": "", "nearest_outside_title": "", "best_code": "", "best_confidence": "", "warnings": "",
			"error": "line 6: classification failed: boom"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows =\n%q\nwant\n%q", rows, want)
	}
	wantStats := Stats{Rows: 5, Outside: 1, Errors: 2,
		Codes:      map[string]int{"541111": 1, "541112": 1},
		ErrorKinds: map[string]int{"empty title": 1, "classification failed": 1}}
	if !reflect.DeepEqual(st, wantStats) {
		t.Errorf("stats = %+v, want %+v", st, wantStats)
	}
}

func TestRunJSONL(t *testing.T) {
	input := "{\"title\":\"Contact centre operator\",\"ad\":5}\n{\"title\":\"\",\"ad\":6}\n"
	out, _, err := runBatch(t, input, ReadOptions{ID: "ad"}, Options{Format: JSONL}, &fake{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
	}
	// A good row is the Result's own JSON with row and id put first.
	res, _ := (&fake{}).Classify(index.Query{Text: "Contact centre operator"})
	resJSON, _ := json.Marshal(res)
	if want := `{"row":1,"id":"5",` + string(resJSON[1:]); lines[0] != want {
		t.Errorf("line 1 = %s\nwant     %s", lines[0], want)
	}
	if want := `{"row":2,"id":"6","input":"","code":null,"title":null,"error":{"code":"empty_title","message":"line 2, column \"title\": empty title"}}`; lines[1] != want {
		t.Errorf("line 2 = %s\nwant     %s", lines[1], want)
	}
}

func TestRunKeepColumns(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		format Format
		want   []string // the output lines after the header
	}{
		{
			name:   "CSV to CSV",
			input:  "title,code,pay\nTeam leader,X1,\"$5,000\"\n\"\",X2,0\n",
			format: CSV,
			want: []string{
				`id,input,code,title,confidence,score,runner_up_code,runner_up_confidence,nearest_outside_code,nearest_outside_title,best_code,best_confidence,warnings,error,in_title,in_code,in_pay`,
				`1,Team leader,541111,Call or Contact Centre Team Leader,0.5,2.5,541112,0.25,639311,Telemarketer,,,,,Team leader,X1,"$5,000"`,
				`2,,,,,,,,,,,,,"line 3, column ""title"": empty title",,X2,0`,
			},
		},
		{
			name:   "CSV to JSONL",
			input:  "title,pay\n\"\",7\nnot json,\"a\"\"b\"\n",
			format: JSONL,
			want: []string{
				`{"row":1,"id":"1","input":"","code":null,"title":null,"error":{"code":"empty_title","message":"line 2, column \"title\": empty title"},"in":{"title":"","pay":"7"}}`,
			},
		},
		{
			name:   "JSONL to JSONL keeps the object as it is",
			input:  "{\"title\":\"\",\"n\":[1, 2]}\n{\"title\":1}\n",
			format: JSONL,
			want: []string{
				`{"row":1,"id":"1","input":"","code":null,"title":null,"error":{"code":"empty_title","message":"line 1, column \"title\": empty title"},"in":{"title":"","n":[1, 2]}}`,
			},
		},
		{
			name:   "JSONL to CSV",
			input:  "{\"title\":\"\",\"n\":[1, 2]}\n{\"n\":3}\n",
			format: CSV,
			want: []string{
				`id,input,code,title,confidence,score,runner_up_code,runner_up_confidence,nearest_outside_code,nearest_outside_title,best_code,best_confidence,warnings,error,in_title,in_n`,
				`1,,,,,,,,,,,,,"line 1, column ""title"": empty title",,"[1, 2]"`,
				`2,,,,,,,,,,,,,"line 2, column ""title"": missing field: no such field in the object",,3`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runBatch(t, tt.input, ReadOptions{Keep: true}, Options{Format: tt.format, Keep: true}, &fake{})
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) < len(tt.want) {
				t.Fatalf("output has %d lines, want at least %d:\n%s", len(lines), len(tt.want), out)
			}
			for i, want := range tt.want {
				if lines[i] != want {
					t.Errorf("line %d = %s\nwant     %s", i+1, lines[i], want)
				}
			}
		})
	}
}

func TestRunDescriptionIsPassed(t *testing.T) {
	input := "title,d\nTeam leader,runs the team\nTeam leader,\n"
	out, _, err := runBatch(t, input, ReadOptions{Text: "d"}, Options{}, &fake{})
	if err != nil {
		t.Fatal(err)
	}
	_, rows := parseCSV(t, out)
	if got := []string{rows[0]["confidence"], rows[1]["confidence"]}; !reflect.DeepEqual(got, []string{"0.6", "0.5"}) {
		t.Errorf("confidences = %q, want [0.6 0.5] (the fake adds 0.1 for a description)", got)
	}
}

func TestRunPanicIsARowError(t *testing.T) {
	out, st, err := runBatch(t, "title\nTeam leader\npanic now\nOperator\n", ReadOptions{}, Options{Workers: 2}, &fake{})
	if err != nil {
		t.Fatal(err)
	}
	_, rows := parseCSV(t, out)
	if len(rows) != 3 || st.Errors != 1 || !strings.Contains(rows[1]["error"], "internal error in the classifier: fake classifier panics") {
		t.Errorf("rows = %q, stats %+v; want 3 rows, the second an internal error", rows, st)
	}
}

func TestRunUnencodableResultIsARowError(t *testing.T) {
	out, st, err := runBatch(t, "title\nnot-a-number leader\nTeam leader\n", ReadOptions{}, Options{Format: JSONL, CacheBytes: 10 << 10}, &fake{})
	if err != nil {
		t.Fatal(err)
	}
	rows := parseJSONL(t, out)
	want := "line 2: classification failed: encoding the result: "
	if len(rows) != 2 || !strings.HasPrefix(rows[0].Error.Message, want) || !strings.HasSuffix(rows[0].Error.Message, "unsupported value: NaN") ||
		rows[1].Error.Message != "" || st.Errors != 1 {
		t.Errorf("rows = %+v, stats %+v; want the first an error %q...NaN", rows, st, want)
	}
}

func TestRunOrderManyWorkers(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title\n")
	const n = 3000
	for i := range n {
		fmt.Fprintf(&b, "%d,title %d %s\n", i*7, i, []string{"leader", "operator", "nurse"}[i%3])
	}
	for _, workers := range []int{1, 3, 16} {
		out, st, err := runBatch(t, b.String(), ReadOptions{ID: "id"}, Options{Workers: workers, Window: 64}, &fake{jitter: true})
		if err != nil {
			t.Fatal(err)
		}
		_, rows := parseCSV(t, out)
		if len(rows) != n || st.Rows != n {
			t.Fatalf("workers %d: %d rows, stats %d, want %d", workers, len(rows), st.Rows, n)
		}
		for i, r := range rows {
			if r["id"] != strconv.Itoa(i*7) || r["code"] != fakeCode(r["input"]) {
				t.Fatalf("workers %d: row %d = id %s code %s, want id %d code %s", workers, i, r["id"], r["code"], i*7, fakeCode(r["input"]))
			}
		}
	}
}

func TestRunCacheGivesTheSameOutput(t *testing.T) {
	var b strings.Builder
	b.WriteString("title,d\n")
	for i := range 2000 {
		d := ""
		if i%5 == 0 {
			d = "text"
		}
		fmt.Fprintf(&b, "Title %d leader,%s\n", i%37, d)
	}
	plain, _, err := runBatch(t, b.String(), ReadOptions{Text: "d"}, Options{Workers: 3}, &fake{})
	if err != nil {
		t.Fatal(err)
	}
	f := &fake{}
	cached, _, err := runBatch(t, b.String(), ReadOptions{Text: "d"}, Options{Workers: 3, CacheBytes: 200 << 10}, f)
	if err != nil {
		t.Fatal(err)
	}
	if plain != cached {
		t.Errorf("output with a cache differs from output without")
	}
	// 37 titles, each without a description and (for some rows) with the
	// description "text": 74 queries, each classified about once (a few
	// more when workers race or the cache drops a generation).
	if calls := f.calls.Load(); calls < 74 || calls > 74*4 {
		t.Errorf("classifier called %d times, want from %d to %d", calls, 74, 74*4)
	}
}

// brokenWriter fails after n bytes.
type brokenWriter struct{ n int }

func (w *brokenWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

func TestRunWriteError(t *testing.T) {
	input := "title\n" + strings.Repeat("Team leader\n", 50000)
	rd, err := NewReader(strings.NewReader(input), ReadOptions{Title: "title"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), rd, &fake{}, &brokenWriter{n: 200 << 10}, Options{Workers: 2})
	if err == nil || err.Error() != "writing output: disk full" {
		t.Errorf("Run error = %v, want writing output: disk full", err)
	}
}

func TestRunFatalReadErrorKeepsRowsRead(t *testing.T) {
	var b strings.Builder
	b.WriteString("title\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "Operator %d\n", i*7919%20011)
	}
	full := gz(b.String())
	out, st, err := runBatch(t, full[:len(full)*2/3], ReadOptions{Name: "ads.csv.gz"}, Options{Workers: 2}, &fake{})
	if err == nil || !strings.Contains(err.Error(), "the file is truncated") {
		t.Fatalf("Run error = %v, want a truncated file", err)
	}
	_, rows := parseCSV(t, out)
	if len(rows) == 0 || len(rows) != st.Rows || len(rows) >= 20000 {
		t.Fatalf("wrote %d rows (stats %d), want the rows read before the error", len(rows), st.Rows)
	}
	for i, r := range rows {
		if r["id"] != strconv.Itoa(i+1) {
			t.Fatalf("row %d has id %s, want %d", i, r["id"], i+1)
		}
	}
}

func TestRunCancelled(t *testing.T) {
	input := "title\n" + strings.Repeat("Team leader\n", 10000)
	rd, err := NewReader(strings.NewReader(input), ReadOptions{Title: "title"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	st, err := Run(ctx, rd, &fake{}, &out, Options{Workers: 2})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run error = %v, want context.Canceled", err)
	}
	_, rows := parseCSV(t, out.String())
	if len(rows) != st.Rows || st.Rows >= 10000 {
		t.Errorf("wrote %d rows, stats %d; want a prefix of the rows", len(rows), st.Rows)
	}
}

func TestRunShard(t *testing.T) {
	var b strings.Builder
	b.WriteString("title\n")
	for i := range 100 {
		fmt.Fprintf(&b, "operator %d\n", i)
	}
	b.WriteString("\"bad\"x\n")
	seen := map[string]int{}
	for k := range 3 {
		out, _, err := runBatch(t, b.String(), ReadOptions{Shard: Shard{k, 3}}, Options{Format: JSONL}, &fake{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range parseJSONL(t, out) {
			if (r.Row-1)%3 != k || r.ID != strconv.Itoa(r.Row) {
				t.Errorf("shard %d/3 wrote row %d id %s", k, r.Row, r.ID)
			}
			seen[r.ID]++
		}
	}
	for i := 1; i <= 101; i++ {
		if seen[strconv.Itoa(i)] != 1 {
			t.Errorf("row %d written %d times by the 3 shards, want once", i, seen[strconv.Itoa(i)])
		}
	}
}

func TestSummary(t *testing.T) {
	st := Stats{Rows: 1234567, Outside: 1000000, Errors: 3,
		Codes:      map[string]int{"541112": 200000, "541111": 34564},
		ErrorKinds: map[string]int{"empty title": 2, "invalid UTF-8": 1}}
	want := "1,234,567 rows in 62.5 s (19,753 rows/s): 541111 34,564, 541112 200,000, outside 1,000,000, errors 3 (2 empty title, 1 invalid UTF-8)"
	if got := st.Summary(62500e6); got != want {
		t.Errorf("Summary = %q\nwant      %q", got, want)
	}
	st.Caches = []index.CacheStats{{Name: "results", Hits: 250, Misses: 750}, {Name: "searches", Hits: 900, Misses: 100}}
	want += "; cache hits: results 25% of 1,000, searches 90% of 1,000"
	if got := st.Summary(62500e6); got != want {
		t.Errorf("Summary = %q\nwant      %q", got, want)
	}
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {-12345, "-12,345"}} {
		if got := thousands(tt.n); got != tt.want {
			t.Errorf("thousands(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// genRow is one generated input row and what the output must say of it.
type genRow struct {
	line  string // CSV or JSONL text, with its line end
	id    string // the id the output must carry
	title string // for a good row: the title (its code follows from it)
	bad   bool   // the output must carry an error
	blank bool   // not a row at all (JSONL blank line)
}

var genTitles = []string{"Call centre operator", "Team Leader - Inbound", "Registered nurse", "Operador de telemarketing",
	"Supervisor, \"contact\" centre", "line\nbreak leader", "  spaced operator  ", "Técnico de apoio"}

// genCSVRow makes a random row: good, or one of the bad kinds.
func genCSVRow(r *rand.Rand, n int) genRow {
	id := "id" + strconv.Itoa(n)
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	switch r.IntN(10) {
	case 0:
		return genRow{line: id + "," + q(genTitles[r.IntN(len(genTitles))]) + "\n", id: id, bad: true} // ragged
	case 1:
		return genRow{line: id + ",x \"bare\" quote,d\r\n", bad: true} // syntax: the id is lost
	case 2:
		return genRow{line: id + ",,d\n", id: id, bad: true} // empty title
	case 3:
		return genRow{line: id + ",Oper\xe9ator,d\n", id: id, bad: true} // Latin-1
	case 4:
		return genRow{line: id + ",boom,\n", id: id, bad: true} // classifier error
	}
	t := genTitles[r.IntN(len(genTitles))]
	end := []string{"\n", "\r\n"}[r.IntN(2)]
	return genRow{line: id + "," + q(t) + "," + q("some text") + end, id: id, title: t}
}

func genJSONLRow(r *rand.Rand, n int) genRow {
	id := strconv.Itoa(n)
	j := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	switch r.IntN(12) {
	case 0:
		return genRow{line: `{"ad":` + id + `,"title":` + "\n", bad: true} // invalid JSON: the id is lost
	case 1:
		return genRow{line: `[` + id + "]\n", bad: true}
	case 2:
		return genRow{line: `{"ad":` + id + `}` + "\n", id: id, bad: true}
	case 3:
		return genRow{line: `{"ad":` + id + `,"title":"Op\xff"}` + "\n", bad: true}
	case 4:
		return genRow{line: `{"ad":` + id + `,"title":"boom"}` + "\n", id: id, bad: true}
	case 5:
		return genRow{line: "  \r\n", blank: true}
	}
	t := genTitles[r.IntN(len(genTitles))]
	return genRow{line: `{"title":` + j(t) + `,"ad":` + id + `,"description":"x"}` + "\r\n", id: id, title: t}
}

// TestRunRowsOutEqualRowsIn checks, for random mixes of good and bad rows,
// that the output has one row per input row, in order, with its id, and an
// error exactly for the bad rows.
func TestRunRowsOutEqualRowsIn(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 60 {
		n := r.IntN(300)
		workers := 1 + r.IntN(6)
		window := 1 + r.IntN(40)
		jsonl := trial%2 == 1
		var in strings.Builder
		var want []genRow
		if !jsonl {
			in.WriteString("ad,title,description\n")
		}
		for i := range n {
			var g genRow
			if jsonl {
				g = genJSONLRow(r, i)
			} else {
				g = genCSVRow(r, i)
			}
			in.WriteString(g.line)
			if !g.blank {
				want = append(want, g)
			}
		}
		inFormat := CSV
		if jsonl {
			inFormat = JSONL
		}
		out, st, err := runBatch(t, in.String(), ReadOptions{Format: inFormat, Text: "description", ID: "ad"},
			Options{Workers: workers, Window: window, Format: []Format{CSV, JSONL}[r.IntN(2)], CacheBytes: int64(r.IntN(3)) * 4 << 10}, &fake{jitter: true})
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		type got struct {
			id, code, err string
		}
		var rows []got
		if strings.HasPrefix(out, "id,") {
			_, csvRows := parseCSV(t, out)
			for _, c := range csvRows {
				rows = append(rows, got{c["id"], c["code"], c["error"]})
			}
		} else {
			for i, j := range parseJSONL(t, out) {
				if j.Row != i+1 {
					t.Fatalf("trial %d: output row %d has row %d", trial, i+1, j.Row)
				}
				code := ""
				if j.Code != nil {
					code = *j.Code
				}
				rows = append(rows, got{j.ID, code, j.Error.Message})
			}
		}
		if len(rows) != len(want) || st.Rows != len(want) {
			t.Fatalf("trial %d: %d rows out (stats %d), %d in\n%s", trial, len(rows), st.Rows, len(want), in.String())
		}
		bad := 0
		for i, w := range want {
			g := rows[i]
			if g.id != w.id || (g.err != "") != w.bad || (!w.bad && g.code != fakeCode(w.title)) || !utf8.ValidString(g.err) {
				t.Fatalf("trial %d, row %d: got %+v, want id %q bad %v code %q (input %q)", trial, i+1, g, w.id, w.bad, fakeCode(w.title), w.line)
			}
			if w.bad {
				bad++
			}
		}
		if st.Errors != bad {
			t.Errorf("trial %d: stats count %d errors, want %d", trial, st.Errors, bad)
		}
	}
}

var _ io.Writer = (*brokenWriter)(nil)

// TestRunReportsCaches checks that a run reports its result cache and the
// index's caches, with a lookup counted for every row.
func TestRunReportsCaches(t *testing.T) {
	ix := defaultIndex(t)
	const rows = 60
	rd, err := NewReader(strings.NewReader(distinctCSV(rows, 0)), ReadOptions{Title: "title", ID: "id"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := Run(context.Background(), rd, ix, io.Discard, Options{CacheBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]index.CacheStats{}
	for _, c := range st.Caches {
		names[c.Name] = c
	}
	if r := names["results"]; r.Hits+r.Misses != rows || r.Hits != 0 {
		t.Errorf("result cache %+v, want %d lookups of distinct titles, no hit", r, rows)
	}
	if _, ok := names["searches"]; !ok {
		t.Errorf("caches %+v, want the index's searches among them", st.Caches)
	}
}
