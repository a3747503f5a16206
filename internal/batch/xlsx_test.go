package batch

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// workbook makes an XLSX file of sheets, each a list of rows of cells (a
// nil row leaves the row empty).
func workbook(t testing.TB, sheets []string, rows map[string][][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[name] {
			if row == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readRecords(t testing.TB, rd Reader) []*Record {
	t.Helper()
	var recs []*Record
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return recs
		}
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		recs = append(recs, rec)
	}
}

func TestXLSXReader(t *testing.T) {
	data := workbook(t, []string{"Vagas", "Notas"}, map[string][][]any{
		"Vagas": {
			nil, // a blank row above the header
			{"ID", "Cargo", "Descrição"},
			{1001, "Operador de Telemarketing", "Atendimento receptivo"},
			nil,                                 // skipped, not a row
			{1002, "Supervisor de Call Center"}, // no description: the row is short
			{1003, "   "},
			{"A-4", "Team Leader", "", "", "a stray note"}, // more cells than the header
		},
		"Notas": {{"title"}, {"Call centre agent"}},
	})
	rd, err := NewReader(bytes.NewReader(data), ReadOptions{Name: "vagas.xlsx", Title: "cargo", Text: "Descrição", ID: "id", Keep: true})
	if err != nil {
		t.Fatal(err)
	}
	if rd.Format() != XLSX {
		t.Errorf("Format() = %q, want xlsx (sniffed)", rd.Format())
	}
	if got, want := strings.Join(rd.Columns(), "|"), "ID|Cargo|Descrição"; got != want {
		t.Errorf("Columns() = %q, want %q", got, want)
	}
	recs := readRecords(t, rd)
	type row struct {
		Row, Line        int
		ID, Title, Descr string
		Err              error
	}
	want := []row{
		{1, 3, "1001", "Operador de Telemarketing", "Atendimento receptivo", nil},
		{2, 5, "1002", "Supervisor de Call Center", "", nil},
		{3, 6, "1003", "", "", ErrEmptyTitle},
		{4, 7, "A-4", "Team Leader", "", ErrRagged},
	}
	if len(recs) != len(want) {
		t.Fatalf("read %d records, want %d", len(recs), len(want))
	}
	for i, w := range want {
		r := recs[i]
		got := row{r.Row, r.Line, r.ID, strings.TrimSpace(r.Title), r.Description, nil}
		if r.Err != nil {
			got.Err = r.Err.(*RowError).Kind
		}
		if got != w {
			t.Errorf("record %d = %+v, want %+v", i, got, w)
		}
	}
	if got := strings.Join(recs[1].Columns, "|"); got != "1002|Supervisor de Call Center|" {
		t.Errorf("kept columns of a short row = %q, want them padded to the header", got)
	}

	// --sheet, in any case; and shards count the rows of the sheet.
	rd, err = NewReader(bytes.NewReader(data), ReadOptions{Name: "vagas.xlsx", Format: XLSX, Title: "title", Sheet: "notas"})
	if err != nil {
		t.Fatal(err)
	}
	if recs := readRecords(t, rd); len(recs) != 1 || recs[0].Title != "Call centre agent" || recs[0].Line != 2 {
		t.Errorf("sheet Notas: records %+v, want one, Call centre agent on row 2", recs)
	}
	rd, err = NewReader(bytes.NewReader(data), ReadOptions{Title: "Cargo", Shard: Shard{K: 1, N: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if recs := readRecords(t, rd); len(recs) != 2 || recs[0].Row != 2 || recs[1].Row != 4 {
		t.Errorf("shard 1/2 read %d records, want rows 2 and 4", len(recs))
	}
	if err := rd.(io.Closer).Close(); err != nil {
		t.Errorf("Close after the last row: %v", err)
	}
}

// Dates in an id column and a kept column read as ISO 8601 dates, not as
// the serial numbers a workbook stores; other numbers as General shows
// them, whatever their format.
func TestXLSXDates(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	posted := time.Date(2024, time.January, 11, 8, 30, 0, 0, time.UTC)
	must(f.SetSheetRow("Sheet1", "A1", &[]any{"posted", "title", "closes", "shift", "salary"}))
	must(f.SetSheetRow("Sheet1", "A2", &[]any{posted, "Team Leader", 45322, 0.375, 85000.5}))
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	clock, err := f.NewStyle(&excelize.Style{NumFmt: 20})
	must(err)
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4})
	must(err)
	must(f.SetCellStyle("Sheet1", "C2", "C2", date))
	must(f.SetCellStyle("Sheet1", "D2", "D2", clock))
	must(f.SetCellStyle("Sheet1", "E2", "E2", money))
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	rd, err := NewReader(&buf, ReadOptions{Name: "ads.xlsx", Title: "title", ID: "posted", Keep: true})
	if err != nil {
		t.Fatal(err)
	}
	recs := readRecords(t, rd)
	if len(recs) != 1 {
		t.Fatalf("%d records, want 1", len(recs))
	}
	if got, want := recs[0].ID, "2024-01-11 08:30:00"; got != want {
		t.Errorf("id = %q, want %q", got, want)
	}
	if got, want := strings.Join(recs[0].Columns, "|"), "2024-01-11 08:30:00|Team Leader|2024-01-31|09:00:00|85000.5"; got != want {
		t.Errorf("kept columns = %q, want %q", got, want)
	}
}

func TestXLSXInputErrors(t *testing.T) {
	book := workbook(t, []string{"Ads", "Other"}, map[string][][]any{"Ads": {{"job"}, {"Team Leader"}}})
	empty := workbook(t, []string{"Ads"}, nil)
	ole := append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 600)...)
	tests := []struct {
		name string
		in   []byte
		opt  ReadOptions
		want string
	}{
		{"workbook as CSV", book, ReadOptions{Format: CSV}, "ads.csv: this is an Excel workbook: use it directly or save it as CSV (name it .xlsx or give --input-format xlsx)"},
		{"workbook as JSONL", book, ReadOptions{Format: JSONL}, "ads.csv: this is an Excel workbook: use it directly or save it as CSV"},
		{"old workbook", ole, ReadOptions{}, "ads.csv: this is an Excel 97-2003 workbook (.xls) or an encrypted one: save it as .xlsx or as CSV"},
		{"CSV as workbook", []byte("title\nTeam Leader\n"), ReadOptions{Format: XLSX}, "ads.csv: not an Excel workbook"},
		{"damaged workbook", append(append([]byte(nil), book[:len(book)/2]...), 0xff, 0xfe, 0x00), ReadOptions{}, "ads.csv: not a readable Excel workbook: "},
		{"no such sheet", book, ReadOptions{Sheet: "Vagas"}, `ads.csv: no sheet "Vagas" in the workbook (sheets: "Ads", "Other")`},
		{"empty sheet", empty, ReadOptions{}, `ads.csv: sheet "Ads" is empty: want a header row`},
		{"damaged styles", replacing(t, book, "xl/styles.xml", "<styleSheet>"+strings.Repeat("<x>", 100)+strings.Repeat("</x>", 100)+"</styleSheet>"), ReadOptions{},
			"ads.csv: xl/styles.xml: over a limit: XML nested over 64 elements deep"},
		{"column not on the first sheet", book, ReadOptions{Title: "title"}, `ads.csv: no column "title" in the header (columns: "job") (read the first sheet, "Ads"; --sheet names another: "Ads", "Other")`},
	}
	for _, tt := range tests {
		tt.opt.Name = "ads.csv"
		if tt.opt.Title == "" {
			tt.opt.Title = "job"
		}
		_, err := NewReader(bytes.NewReader(tt.in), tt.opt)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
			continue
		}
		if i := strings.IndexFunc(err.Error(), func(r rune) bool { return !unicode.IsPrint(r) }); i >= 0 {
			t.Errorf("%s: the message has a byte that does not print at %d: %q", tt.name, i, err)
		}
	}
}

func TestRunXLSXOutput(t *testing.T) {
	long := strings.Repeat("x", excelize.TotalCellChars+10)
	in := workbook(t, []string{"Ads"}, map[string][][]any{"Ads": {{"title", "notes"}, {"Team Leader", long}, {"Chef", ""}, {"", "no title"}}})
	rd, err := NewReader(bytes.NewReader(in), ReadOptions{Title: "title", Keep: true})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	st, err := Run(context.Background(), rd, &fake{}, &out, Options{Format: XLSX, Keep: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if st.Rows != 3 || st.Errors != 1 {
		t.Errorf("stats = %d rows, %d errors, want 3 and 1", st.Rows, st.Errors)
	}
	f, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatalf("the output is not a workbook: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsxSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("the sheet has %d rows, want a header and 3", len(rows))
	}
	wantHeader := strings.Join(append(append([]string{}, CSVColumns...), "in_title", "in_notes"), "|")
	if got := strings.Join(rows[0], "|"); got != wantHeader {
		t.Errorf("header = %q, want %q", got, wantHeader)
	}
	if rows[1][2] != "541111" || rows[2][2] != "" {
		t.Errorf("codes = %q, %q, want 541111 and none", rows[1][2], rows[2][2])
	}
	if typ, _ := f.GetCellType(xlsxSheet, "E2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("confidence cell type = %v, want a number", typ)
	}
	if v, _ := f.GetCellValue(xlsxSheet, "E2", excelize.Options{RawCellValue: true}); v != "0.5" {
		t.Errorf("confidence = %q, want 0.5", v)
	}
	if got := rows[1][len(CSVColumns)+1]; len(got) != excelize.TotalCellChars {
		t.Errorf("a long kept cell has %d characters, want it cut to %d", len(got), excelize.TotalCellChars)
	}
	if !strings.Contains(rows[3][len(CSVColumns)-1], "empty title") {
		t.Errorf("error cell of the last row = %q, want the empty title", rows[3][len(CSVColumns)-1])
	}
}

// A write error of the workbook stops the run and is returned.
func TestRunXLSXWriteError(t *testing.T) {
	rd, err := NewReader(strings.NewReader("title\nTeam Leader\n"), ReadOptions{Title: "title"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), rd, &fake{}, &brokenWriter{}, Options{Format: XLSX})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Run = %v, want the write error", err)
	}
}

// declaring copies the zip file book and adds a part that declares size
// bytes unzipped, as a damaged or hostile file may.
// replacing returns the workbook book with the part named replaced by
// body.
func replacing(t testing.TB, book []byte, part, body string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == part {
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create(part)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, body)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func declaring(t testing.TB, book []byte, part string, size uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, UncompressedSize64: size, CompressedSize64: 2})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte{0x03, 0x00})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A workbook of a few KiB whose parts declare gigabytes is refused before
// anything is unzipped, without the memory it declares.
func TestXLSXDeclaredSizeBounded(t *testing.T) {
	book := workbook(t, []string{"Ads"}, map[string][][]any{"Ads": {{"title"}, {"Team Leader"}}})
	tests := []struct {
		part string
		size uint64
		want string
	}{
		{"xl/theme/theme2.xml", 1 << 30, `the parts of the workbook other than worksheets unzip to over 256 MiB (part "xl/theme/theme2.xml" declares 1024 MiB)`},
		{"xl/worksheets/sheet9.xml", 3 << 30, `the workbook unzips to over 2048 MiB (part "xl/worksheets/sheet9.xml" declares 3072 MiB)`},
		{"xl/media/x.png", 1 << 63, `the workbook unzips to over 2048 MiB`},
	}
	for _, tt := range tests {
		data := declaring(t, book, tt.part, tt.size)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := NewReader(bytes.NewReader(data), ReadOptions{Name: "ads.xlsx", Title: "title"})
		runtime.ReadMemStats(&after)
		if err == nil || !strings.HasPrefix(err.Error(), "ads.xlsx: "+tt.want) {
			t.Errorf("%s declaring %d bytes: error %v, want %q", tt.part, tt.size, err, tt.want)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
			t.Errorf("%s declaring %d bytes: %d MiB allocated to refuse it", tt.part, tt.size, alloc>>20)
		}
	}
}
