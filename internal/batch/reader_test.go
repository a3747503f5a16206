package batch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// readAll reads every record of input; err is NewReader's error or the
// fatal error that ended reading.
func readAll(t testing.TB, input string, opt ReadOptions) ([]*Record, error) {
	t.Helper()
	if opt.Title == "" {
		opt.Title = "title"
	}
	rd, err := NewReader(strings.NewReader(input), opt)
	if err != nil {
		return nil, err
	}
	var recs []*Record
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			return recs, err
		}
		recs = append(recs, rec)
	}
}

// brief is what a test checks of a record.
type brief struct {
	Row, Line int
	ID, Title string
	Desc      string
	Kind      error
}

func briefs(recs []*Record) []brief {
	if len(recs) == 0 {
		return nil
	}
	out := make([]brief, len(recs))
	for i, r := range recs {
		out[i] = brief{Row: r.Row, Line: r.Line, ID: r.ID, Title: r.Title, Desc: r.Description}
		var re *RowError
		if errors.As(r.Err, &re) {
			out[i].Kind = re.Kind
		} else if r.Err != nil {
			out[i].Kind = r.Err
		}
	}
	return out
}

func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

func TestReadCSV(t *testing.T) {
	big := strings.Repeat("x", MaxFieldBytes+1)
	tests := []struct {
		name  string
		input string
		opt   ReadOptions
		want  []brief
	}{
		{
			name:  "plain",
			input: "title,description\nCall centre operator,answers calls\nTeam leader,\n",
			opt:   ReadOptions{Text: "description"},
			want: []brief{
				{Row: 1, Line: 2, ID: "1", Title: "Call centre operator", Desc: "answers calls"},
				{Row: 2, Line: 3, ID: "2", Title: "Team leader"},
			},
		},
		{
			name:  "BOM, CRLF and no final line end",
			input: "\ufefftitle,id\r\nOperator,a1\r\nLeader,a2",
			opt:   ReadOptions{ID: "id"},
			want: []brief{
				{Row: 1, Line: 2, ID: "a1", Title: "Operator"},
				{Row: 2, Line: 3, ID: "a2", Title: "Leader"},
			},
		},
		{
			name:  "quoted commas, quotes and newlines",
			input: "id,title,description\n7,\"Operator, inbound\",\"line one\r\nline \"\"two\"\"\"\n8,Leader,x\n",
			opt:   ReadOptions{ID: "id", Text: "description"},
			want: []brief{
				{Row: 1, Line: 2, ID: "7", Title: "Operator, inbound", Desc: "line one\nline \"two\""},
				{Row: 2, Line: 4, ID: "8", Title: "Leader", Desc: "x"},
			},
		},
		{
			name:  "blank lines are not rows",
			input: "title\n\nA\n\n\nB\n",
			want:  []brief{{Row: 1, Line: 3, ID: "1", Title: "A"}, {Row: 2, Line: 6, ID: "2", Title: "B"}},
		},
		{
			name:  "column names match ignoring case and space",
			input: " Title ,AD_ID\nA,9\n",
			opt:   ReadOptions{ID: "ad_id"},
			want:  []brief{{Row: 1, Line: 2, ID: "9", Title: "A"}},
		},
		{
			name:  "ragged rows",
			input: "id,title,x\n1,A\n2,B,c,d\n3,C,c\n",
			opt:   ReadOptions{ID: "id"},
			want: []brief{
				{Row: 1, Line: 2, ID: "1", Title: "A", Kind: ErrRagged},
				{Row: 2, Line: 3, ID: "2", Title: "B", Kind: ErrRagged},
				{Row: 3, Line: 4, ID: "3", Title: "C"},
			},
		},
		{
			name:  "ragged row without the title",
			input: "id,x,title\n1\n",
			opt:   ReadOptions{ID: "id"},
			want:  []brief{{Row: 1, Line: 2, ID: "1", Kind: ErrRagged}},
		},
		{
			name:  "bare quote is an error row and reading goes on",
			input: "id,title\n1,Call \"centre\" operator\n2,B\n3,\"C\"x\n4,D\n",
			opt:   ReadOptions{ID: "id"},
			want: []brief{
				{Row: 1, Line: 2, Kind: ErrSyntax},
				{Row: 2, Line: 3, ID: "2", Title: "B"},
				{Row: 3, Line: 4, Kind: ErrSyntax},
				{Row: 4, Line: 5, ID: "4", Title: "D"},
			},
		},
		{
			name:  "quote left open at the end",
			input: "title\nA\n\"B\nC\n",
			want:  []brief{{Row: 1, Line: 2, ID: "1", Title: "A"}, {Row: 2, Line: 3, ID: "2", Kind: ErrSyntax}},
		},
		{
			name:  "empty and blank titles",
			input: "title,id\n,1\n  ,2\n\"\",3\n\x01\x7f ,4\n",
			opt:   ReadOptions{ID: "id"},
			want: []brief{
				{Row: 1, Line: 2, ID: "1", Kind: ErrEmptyTitle},
				{Row: 2, Line: 3, ID: "2", Title: "  ", Kind: ErrEmptyTitle},
				{Row: 3, Line: 4, ID: "3", Kind: ErrEmptyTitle},
				// Control characters are blank to the classifier too.
				{Row: 4, Line: 5, ID: "4", Title: "\x01\x7f ", Kind: ErrEmptyTitle},
			},
		},
		{
			name:  "invalid UTF-8 in the title",
			input: "title,id\nOper\xffator,1\nB,2\n",
			opt:   ReadOptions{ID: "id"},
			want:  []brief{{Row: 1, Line: 2, ID: "1", Kind: ErrInvalidUTF8}, {Row: 2, Line: 3, ID: "2", Title: "B"}},
		},
		{
			name:  "invalid UTF-8 in another column",
			input: "title,other\nA,\xc3\n",
			want:  []brief{{Row: 1, Line: 2, ID: "1", Title: "A", Kind: ErrInvalidUTF8}},
		},
		{
			name:  "oversized field",
			input: "title,description\nA," + big + "\nB,ok\n",
			opt:   ReadOptions{Text: "description"},
			want: []brief{
				{Row: 1, Line: 2, ID: "1", Title: "A", Kind: ErrFieldTooLong},
				{Row: 2, Line: 3, ID: "2", Title: "B", Desc: "ok"},
			},
		},
		{
			name:  "TSV",
			input: "title\tdescription\nOperator, inbound\tanswers \"calls\"?\n",
			opt:   ReadOptions{Format: TSV, Text: "description"},
			want:  []brief{{Row: 1, Line: 2, ID: "1", Kind: ErrSyntax}},
		},
		{
			name:  "TSV with quotes as in CSV",
			input: "title\tdescription\n\"Operator\tinbound\"\tanswers calls\n",
			opt:   ReadOptions{Format: TSV, Text: "description"},
			want:  []brief{{Row: 1, Line: 2, ID: "1", Title: "Operator\tinbound", Desc: "answers calls"}},
		},
		{
			name:  "shard 1/3 keeps row numbers",
			input: "title\nA\nB\nC\nD\nE\n",
			opt:   ReadOptions{Shard: Shard{1, 3}},
			want:  []brief{{Row: 2, Line: 3, ID: "2", Title: "B"}, {Row: 5, Line: 6, ID: "5", Title: "E"}},
		},
		{
			name:  "shard counts bad rows",
			input: "title\nA\n\"x\"y\nC\n",
			opt:   ReadOptions{Shard: Shard{0, 2}},
			want:  []brief{{Row: 1, Line: 2, ID: "1", Title: "A"}, {Row: 3, Line: 4, ID: "3", Title: "C"}},
		},
		{
			name:  "gzip",
			input: gz("title\nA\nB\n"),
			want:  []brief{{Row: 1, Line: 2, ID: "1", Title: "A"}, {Row: 2, Line: 3, ID: "2", Title: "B"}},
		},
		{
			name:  "header only",
			input: "title,description\n",
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := readAll(t, tt.input, tt.opt)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if got := briefs(recs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("records = %+v\nwant      %+v", got, tt.want)
			}
			for _, r := range recs {
				if r.Err != nil && strings.ContainsAny(r.Err.Error(), "\n\r") {
					t.Errorf("row %d: error %q spans lines", r.Row, r.Err)
				}
			}
		})
	}
}

func TestRowErrorMessages(t *testing.T) {
	tests := []struct {
		input string
		opt   ReadOptions
		want  string
	}{
		{"title,x\nA\n", ReadOptions{}, `line 2: wrong number of fields: 1 fields, the header has 2`},
		{"title\n\"A\"b\n", ReadOptions{}, `line 2: CSV syntax error: line 2, byte 3: extraneous or missing " in quoted-field`},
		{"x,title\n1,\n", ReadOptions{}, `line 2, column "title": empty title`},
		{"title\nA\xffB\n", ReadOptions{}, `line 2, column "title": invalid UTF-8: at byte 2 (convert the file to UTF-8, e.g. with iconv)`},
		{"{\"title\":\"A\"\n", ReadOptions{}, `line 1: invalid JSON: unexpected end of JSON input (at byte 12)`},
		{"[1]\n", ReadOptions{Format: JSONL}, `line 1: invalid JSON: want one object per line`},
		{"{\"name\":\"A\"}\n", ReadOptions{}, `line 1, column "title": missing field: no such field in the object`},
		{"{\"title\":{\"a\":1}}\n", ReadOptions{}, `line 1, column "title": wrong type: an object, want a string`},
		{"{\"title\":null}\n", ReadOptions{}, `line 1, column "title": null title`},
		{"{\"title\":\"A\",\"id\":null}\n", ReadOptions{ID: "id"}, `line 1, column "id": wrong type: null, want a string or a number`},
	}
	for _, tt := range tests {
		recs, err := readAll(t, tt.input, tt.opt)
		if err != nil || len(recs) != 1 || recs[0].Err == nil {
			t.Errorf("read(%q) = %v records, %v; want one error row", tt.input, len(recs), err)
			continue
		}
		if got := recs[0].Err.Error(); got != tt.want {
			t.Errorf("read(%q) error = %q, want %q", tt.input, got, tt.want)
		}
	}
}

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opt   ReadOptions
		want  []brief
	}{
		{
			name:  "plain, with numbers as text",
			input: "{\"title\":\"Operator\",\"description\":\"calls\",\"ad\":17}\n{\"ad\":\"x9\",\"title\":\"Leader\"}\n",
			opt:   ReadOptions{Text: "description", ID: "ad"},
			want: []brief{
				{Row: 1, Line: 1, ID: "17", Title: "Operator", Desc: "calls"},
				{Row: 2, Line: 2, ID: "x9", Title: "Leader"},
			},
		},
		{
			name:  "BOM, CRLF, blank lines and a last line without end",
			input: "\ufeff{\"title\":\"A\"}\r\n\r\n   \n{\"title\":\"B\"}",
			want:  []brief{{Row: 1, Line: 1, ID: "1", Title: "A"}, {Row: 2, Line: 4, ID: "2", Title: "B"}},
		},
		{
			name: "bad rows",
			input: strings.Join([]string{
				`{"title":"A"`,
				`["title"]`,
				`"title"`,
				`{"name":"A"}`,
				`{"title":null}`,
				`{"title":"  "}`,
				`{"title":["A"]}`,
				"{\"title\":\"A\xff\"}",
				`{"title":"A"} {"title":"B"}`,
				`{"title":"ok","description":{"x":1}}`,
				`{"title":"fine"}`,
				`{"title":"\u0000\t"}`,
			}, "\n"),
			opt: ReadOptions{Text: "description"},
			want: []brief{
				{Row: 1, Line: 1, ID: "1", Kind: ErrInvalidJSON},
				{Row: 2, Line: 2, ID: "2", Kind: ErrInvalidJSON},
				{Row: 3, Line: 3, ID: "3", Kind: ErrInvalidJSON},
				{Row: 4, Line: 4, ID: "4", Kind: ErrMissingField},
				{Row: 5, Line: 5, ID: "5", Kind: ErrNullTitle},
				{Row: 6, Line: 6, ID: "6", Title: "  ", Kind: ErrEmptyTitle},
				{Row: 7, Line: 7, ID: "7", Kind: ErrFieldType},
				{Row: 8, Line: 8, ID: "8", Kind: ErrInvalidUTF8},
				{Row: 9, Line: 9, ID: "9", Kind: ErrInvalidJSON},
				{Row: 10, Line: 10, ID: "10", Title: "ok", Kind: ErrFieldType},
				{Row: 11, Line: 11, ID: "11", Title: "fine"},
				{Row: 12, Line: 12, ID: "12", Title: "\x00\t", Kind: ErrEmptyTitle},
			},
		},
		{
			name:  "missing id field",
			input: "{\"title\":\"A\",\"id\":\"a\"}\n{\"title\":\"B\"}\n{\"title\":\"C\",\"id\":null}\n",
			opt:   ReadOptions{ID: "id"},
			want: []brief{
				{Row: 1, Line: 1, ID: "a", Title: "A"},
				{Row: 2, Line: 2, Title: "B", Kind: ErrMissingField},
				{Row: 3, Line: 3, Title: "C", Kind: ErrFieldType},
			},
		},
		{
			name:  "oversized field",
			input: "{\"title\":\"A\",\"description\":\"" + strings.Repeat("y", MaxFieldBytes) + "\"}\n{\"title\":\"B\"}\n",
			opt:   ReadOptions{Text: "description"},
			want: []brief{
				{Row: 1, Line: 1, ID: "1", Title: "A", Kind: ErrFieldTooLong},
				{Row: 2, Line: 2, ID: "2", Title: "B"},
			},
		},
		{
			name:  "line too long, reading goes on",
			input: "{\"title\":\"" + strings.Repeat("z", MaxRecordBytes) + "\"}\n{\"title\":\"B\"}\n",
			want: []brief{
				{Row: 1, Line: 1, ID: "1", Kind: ErrLineTooLong},
				{Row: 2, Line: 2, ID: "2", Title: "B"},
			},
		},
		{
			name:  "shard",
			input: "{\"title\":\"A\"}\n\n{\"title\":\"B\"}\n{\"title\":\"C\"}\n",
			opt:   ReadOptions{Shard: Shard{1, 2}},
			want:  []brief{{Row: 2, Line: 3, ID: "2", Title: "B"}},
		},
		{
			name:  "gzip, sniffed",
			input: gz("{\"title\":\"A\"}\n"),
			want:  []brief{{Row: 1, Line: 1, ID: "1", Title: "A"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := readAll(t, tt.input, tt.opt)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if got := briefs(recs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("records = %+v\nwant      %+v", got, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		input string
		want  Format
	}{
		{"title\nA\n", CSV},
		{"  \n{\"title\":\"A\"}\n", JSONL},
		{"\ufeff{\"title\":\"A\"}\n", JSONL},
		{gz("{\"title\":\"A\"}\n"), JSONL},
		{gz("title\nA\n"), CSV},
	}
	for _, tt := range tests {
		rd, err := NewReader(strings.NewReader(tt.input), ReadOptions{Title: "title"})
		if err != nil {
			t.Errorf("NewReader(%q): %v", tt.input, err)
			continue
		}
		if got := rd.Format(); got != tt.want {
			t.Errorf("NewReader(%q).Format() = %s, want %s", tt.input, got, tt.want)
		}
	}
}

func TestReadKeepColumns(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		opt     ReadOptions
		columns []string
		values  [][]string
	}{
		{
			name:    "CSV",
			input:   "id,title,salary\n1,A,50k\n2,B\n3,C\xff,1\n",
			opt:     ReadOptions{ID: "id"},
			columns: []string{"id", "title", "salary"},
			values:  [][]string{{"1", "A", "50k"}, {"2", "B", ""}, {"3", "", "1"}},
		},
		{
			name:    "JSONL: the keys of the first object, found past bad lines",
			input:   "nonsense\n{\"title\":\"A\",\"n\":1,\"tags\":[1,2]}\n{\"tags\":null,\"title\":\"B\",\"extra\":true}\n",
			opt:     ReadOptions{Format: JSONL},
			columns: []string{"title", "n", "tags"},
			values:  [][]string{nil, {"A", "1", "[1,2]"}, {"B", "", ""}},
		},
		{
			name:    "JSONL: columns come from the whole input, not the shard",
			input:   "{\"title\":\"A\",\"x\":1}\n{\"title\":\"B\",\"y\":2}\n",
			opt:     ReadOptions{Shard: Shard{1, 2}},
			columns: []string{"title", "x"},
			values:  [][]string{{"B", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Title, tt.opt.Keep = "title", true
			rd, err := NewReader(strings.NewReader(tt.input), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := rd.Columns(); !reflect.DeepEqual(got, tt.columns) {
				t.Errorf("Columns() = %q, want %q", got, tt.columns)
			}
			var values [][]string
			for {
				rec, err := rd.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				values = append(values, rec.Columns)
			}
			if !reflect.DeepEqual(values, tt.values) {
				t.Errorf("values = %q, want %q", values, tt.values)
			}
		})
	}
}

func TestReaderFatal(t *testing.T) {
	full := gz("title\n" + strings.Repeat("Call centre operator\n", 5000))
	truncated := full[:len(full)/2]
	var lines strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&lines, "{\"title\":\"Call centre operator %d\"}\n", i*7919%5003)
	}
	jsonl := gz(lines.String())
	tests := []struct {
		name  string
		input string
		opt   ReadOptions
		// rows is how many rows are read before the error.
		rows int
		want string
	}{
		{name: "empty input", input: "", want: "ads.csv: the input is empty: want a header row naming the columns"},
		{name: "missing column", input: "id,name\n1,A\n",
			want: `ads.csv: no column "title" in the header (columns: "id", "name")`},
		{name: "missing description column", input: "title,desc\nA,x\n", opt: ReadOptions{Text: "description"},
			want: `ads.csv: no column "description" in the header (columns: "title", "desc")`},
		{name: "missing id column", input: "title\nA\n", opt: ReadOptions{ID: "ad_id"},
			want: `ads.csv: no column "ad_id" in the header (columns: "title")`},
		{name: "TSV read with commas", input: "id\ttitle\n1\tA\n", opt: ReadOptions{Delimiter: ','},
			want: `ads.csv: no column "title" in the header (columns: "id\ttitle") (the header has tabs: is the input TSV? use --input-format tsv)`},
		{name: "column twice", input: "title,title\nA,B\n",
			want: `ads.csv: column "title" appears 2 times in the header (columns: "title", "title")`},
		{name: "UTF-16", input: "\xff\xfet\x00i\x00t\x00l\x00e\x00\n\x00",
			want: "ads.csv: the input is UTF-16 (it starts with a UTF-16 byte order mark): convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8; or give --encoding utf-16"},
		{name: "UTF-16 big-endian, gzipped", input: gz("\xfe\xff\x00t\x00i\x00t\x00l\x00e"),
			want: "ads.csv: the input is UTF-16 (it starts with a UTF-16 byte order mark): convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8; or give --encoding utf-16"},
		{name: "bad header", input: "a,\"b\"c\nA\n", want: `ads.csv: header, line 1: extraneous or missing " in quoted-field`},
		{name: "truncated gzip", input: truncated, rows: -1,
			want: "ads.csv: after row N: unexpected end of gzip data: the file is truncated (unexpected EOF)"},
		{name: "truncated gzip JSONL", input: jsonl[:len(jsonl)/2], rows: -1,
			want: "ads.csv: line N, after row N: unexpected end of gzip data: the file is truncated (unexpected EOF)"},
		{name: "gzip checksum", input: full[:len(full)-8] + "\x00\x00\x00\x00" + full[len(full)-4:], rows: 5000,
			want: "ads.csv: after row 5000: gzip checksum mismatch: the file is corrupt (gzip: invalid checksum)"},
		{name: "gzip header only", input: full[:5], want: "ads.csv: unexpected end of gzip data: the file is truncated (unexpected EOF)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Name = "ads.csv"
			recs, err := readAll(t, tt.input, tt.opt)
			if err == nil {
				t.Fatalf("read: %d records, no error; want %q", len(recs), tt.want)
			}
			got := err.Error()
			if tt.rows < 0 {
				// The row count depends on where the data was cut.
				if len(recs) == 0 || len(recs) >= 5000 {
					t.Errorf("read %d rows before the error, want some but not all", len(recs))
				}
				got = numbers.ReplaceAllString(got, "N")
			} else if len(recs) != tt.rows {
				t.Errorf("read %d rows before the error, want %d", len(recs), tt.rows)
			}
			if got != tt.want {
				t.Errorf("error = %q\nwant    %q", got, tt.want)
			}
			for i, r := range recs {
				if r.Row != i+1 || r.Err != nil {
					t.Fatalf("record %d = row %d, error %v; want row %d, no error", i, r.Row, r.Err, i+1)
				}
			}
		})
	}
}

// A record over MaxRecordBytes is one error row, skipped to its end
// without being held, and reading goes on at the next record; a quote left
// open runs to the end of the input; white space is no row, however long.
func TestReadRecordTooLong(t *testing.T) {
	huge := strings.Repeat("z", MaxRecordBytes+10)
	spaces := strings.Repeat(" ", MaxRecordBytes+10)
	tests := []struct {
		name, input string
		format      Format
		want        []brief
		detail      string
	}{
		{
			name:   "a quoted field over the limit",
			input:  "title,description\nA,ok\nB,\"" + huge + "\nstill quoted\"\nC,ok\n",
			want:   []brief{{Row: 1, Line: 2, ID: "1", Title: "A", Desc: "ok"}, {Row: 2, Line: 3, ID: "2", Kind: ErrRecordTooLong}, {Row: 3, Line: 5, ID: "3", Title: "C", Desc: "ok"}},
			detail: "line 3: record too long: " + fmt.Sprint(len("B,\""+huge+"\nstill quoted\"\n")) + " bytes, over the limit of 16 MiB; reading goes on at the next record",
		},
		{
			name:   "an unquoted line over the limit",
			input:  "title\nA\n" + huge + "\nC\n",
			want:   []brief{{Row: 1, Line: 2, ID: "1", Title: "A"}, {Row: 2, Line: 3, ID: "2", Kind: ErrRecordTooLong}, {Row: 3, Line: 4, ID: "3", Title: "C"}},
			detail: "line 3: record too long: " + fmt.Sprint(len(huge+"\n")) + " bytes, over the limit of 16 MiB; reading goes on at the next record",
		},
		{
			name:   "a quote left open",
			input:  "title\nA\n\"" + strings.Repeat("open quote\n", MaxRecordBytes/10),
			want:   []brief{{Row: 1, Line: 2, ID: "1", Title: "A"}, {Row: 2, Line: 3, ID: "2", Kind: ErrRecordTooLong}},
			detail: "line 3: record too long: a quote opened here is never closed: " + fmt.Sprint(1+MaxRecordBytes/10*len("open quote\n")) + " bytes to the end of the input, over the limit of 16 MiB",
		},
		{
			name:  "a blank CSV line over the limit",
			input: "title\nA\n" + spaces + "\nC\n",
			want:  []brief{{Row: 1, Line: 2, ID: "1", Title: "A"}, {Row: 2, Line: 4, ID: "2", Title: "C"}},
		},
		{
			name:   "a blank JSONL line over the limit",
			input:  "{\"title\":\"A\"}\n" + spaces + "\n{\"title\":\"C\"}\n",
			format: JSONL,
			want:   []brief{{Row: 1, Line: 1, ID: "1", Title: "A"}, {Row: 2, Line: 3, ID: "2", Title: "C"}},
		},
	}
	for _, tt := range tests {
		recs, err := readAll(t, tt.input, ReadOptions{Name: "ads.csv", Format: tt.format, Text: map[bool]string{true: "description"}[strings.HasPrefix(tt.input, "title,description")]})
		if err != nil {
			t.Errorf("%s: error %v, want none", tt.name, err)
		}
		if got := briefs(recs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: records = %+v\nwant      %+v", tt.name, got, tt.want)
		}
		if tt.detail == "" {
			continue
		}
		for _, r := range recs {
			if r.Err != nil && r.Err.Error() != tt.detail {
				t.Errorf("%s: row error %q\nwant      %q", tt.name, r.Err, tt.detail)
			}
		}
	}
}

// endless is a reader of an endless line: it never reaches a line end.
type endless struct{ n atomic.Int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	e.n.Add(int64(len(p)))
	return len(p), nil
}

// A reader skipping an endless line stops at its next read once its
// context is cancelled.
func TestReadEndlessLineCancelled(t *testing.T) {
	for _, format := range []Format{CSV, JSONL} {
		ctx, cancel := context.WithCancelCause(context.Background())
		src := &endless{}
		input := io.MultiReader(strings.NewReader(map[Format]string{CSV: "title\n", JSONL: "{\"title\":\"A\"}\n"}[format]), src)
		rd, err := NewReader(ContextReader(ctx, input), ReadOptions{Title: "title", Format: format})
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			for {
				if _, err := rd.Read(); err != nil {
					done <- err
					return
				}
			}
		}()
		stop := errors.New("stopped")
		for src.n.Load() < 4*MaxRecordBytes {
			runtime.Gosched()
		}
		cancel(stop)
		select {
		case err := <-done:
			if !errors.Is(err, stop) {
				t.Errorf("%s: Read after cancel = %v, want the cause %v", format, err, stop)
			}
		case <-time.After(time.Minute):
			t.Fatalf("%s: Read did not return within a minute of the cancel", format)
		}
	}
}

var numbers = regexp.MustCompile(`[0-9]+`)
