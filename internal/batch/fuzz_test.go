package batch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzReader checks what must hold for any input: reading ends, rows are
// numbered 1, 2, 3... with no gap, a row either has an error or a title,
// what is read is valid UTF-8, and the pipeline writes exactly one output
// row per record.
func fuzzReader(t *testing.T, data []byte, opt ReadOptions) {
	opt.Title, opt.Text, opt.Keep = "title", "description", true
	rd, err := NewReader(bytes.NewReader(data), opt)
	if err != nil {
		if strings.ContainsAny(err.Error(), "\r\n") {
			t.Errorf("NewReader error %q spans lines", err)
		}
		return
	}
	var recs []*Record
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Errorf("Read error %q spans lines", err)
			}
			break
		}
		if len(recs) > len(data) {
			t.Fatalf("read %d records from %d bytes", len(recs), len(data))
		}
		recs = append(recs, rec)
	}
	for i, r := range recs {
		if r.Row != i+1 {
			t.Fatalf("record %d has row %d", i, r.Row)
		}
		var re *RowError
		switch {
		case r.Err != nil && !errors.As(r.Err, &re):
			t.Errorf("row %d: error %v is not a *RowError", r.Row, r.Err)
		case r.Err != nil && strings.ContainsAny(r.Err.Error(), "\r\n"):
			t.Errorf("row %d: error %q spans lines", r.Row, r.Err)
		case r.Err == nil && strings.TrimSpace(r.Title) == "":
			t.Errorf("row %d: no error and no title", r.Row)
		}
		for _, s := range append([]string{r.ID, r.Title, r.Description}, r.Columns...) {
			if !utf8.ValidString(s) {
				t.Errorf("row %d: field %q is not UTF-8", r.Row, s)
			}
		}
	}

	rd, err = NewReader(bytes.NewReader(data), opt)
	if err != nil {
		t.Fatalf("NewReader failed the second time only: %v", err)
	}
	var out bytes.Buffer
	st, _ := Run(context.Background(), rd, &fake{}, &out, Options{Workers: 2, Format: JSONL, Keep: true})
	lines := bytes.Count(out.Bytes(), []byte("\n"))
	if lines != len(recs) || st.Rows != len(recs) {
		t.Errorf("%d records in, %d output lines (stats %d)", len(recs), lines, st.Rows)
	}
	if !utf8.Valid(out.Bytes()) {
		t.Errorf("output is not UTF-8")
	}
}

func FuzzCSVReader(f *testing.F) {
	for _, s := range []string{
		"title,description\nCall centre operator,answers calls\n",
		"\ufeffid,title\r\n1,\"Team, leader\"\r\n2,\"multi\nline\"\r\n",
		"title\n\"unterminated\n",
		"title,x\na\nb,c,d\n\"q\"x,1\n",
		"title\nOper\xffator\n\n\n",
		"title,description\n,\n  ,\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, data, ReadOptions{Format: CSV})
	})
}

func FuzzTSVReader(f *testing.F) {
	for _, s := range []string{
		"title\tdescription\nCall centre operator\tanswers calls\n",
		"id\ttitle\r\n1\t\"Team\tleader\"\r\n",
		"title\ta \"bare\" quote\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, data, ReadOptions{Format: TSV})
	})
}

func FuzzJSONLReader(f *testing.F) {
	for _, s := range []string{
		"{\"title\":\"Call centre operator\",\"description\":\"answers calls\"}\n",
		"\ufeff{\"title\":\"A\"}\r\n\r\n{\"title\":1}\n",
		"{\"title\":\n[1]\n\"x\"\n{\"title\":{\"a\":1}}\n",
		"{\"title\":\"A\xff\"}\n{\"title\":\"\\ud800\"}\n",
		"{\"title\":\"A\"} {\"title\":\"B\"}\n{\"title\":null,\"description\":[]}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, data, ReadOptions{Format: JSONL})
	})
}

func FuzzXLSXReader(f *testing.F) {
	book := workbook(f, []string{"Ads"}, map[string][][]any{"Ads": {{"title", "description"}, {"Call centre operator", "answers calls"}, nil, {"", "x"}}})
	f.Add(book)
	f.Add(book[:len(book)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReader(t, data, ReadOptions{Format: XLSX})
	})
}
