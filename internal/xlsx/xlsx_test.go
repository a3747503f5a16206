package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// The tests check the reader and the writer against excelize, a library
// kept well that reads and writes the whole format: what one writes the
// other must read the same.

func TestColumnName(t *testing.T) {
	tests := []struct {
		col  int
		want string
	}{{1, "A"}, {26, "Z"}, {27, "AA"}, {52, "AZ"}, {53, "BA"}, {702, "ZZ"}, {703, "AAA"}, {16384, "XFD"}, {0, "0"}, {16385, "16385"}}
	for _, tt := range tests {
		if got := ColumnName(tt.col); got != tt.want {
			t.Errorf("ColumnName(%d) = %q, want %q", tt.col, got, tt.want)
		}
		if tt.col < 1 || tt.col > MaxColumns {
			continue
		}
		if want, _ := excelize.ColumnNumberToName(tt.col); want != tt.want {
			t.Errorf("excelize.ColumnNumberToName(%d) = %q, want %q", tt.col, want, tt.want)
		}
	}
}

func TestParseCell(t *testing.T) {
	tests := []struct {
		ref      string
		col, row int
		ok       bool
	}{
		{"A1", 1, 1, true}, {"C12", 3, 12, true}, {"c12", 3, 12, true}, {"$C$12", 3, 12, true},
		{"XFD1048576", 16384, 1048576, true}, {"XFE1", 0, 0, false}, {"A1048577", 0, 0, false},
		{"A0", 0, 0, false}, {"A", 0, 0, false}, {"12", 0, 0, false}, {"", 0, 0, false},
		{"A+1", 0, 0, false}, {"A-1", 0, 0, false}, {"AAAAA1", 0, 0, false}, {"A1B", 0, 0, false}, {"Ä1", 0, 0, false},
	}
	for _, tt := range tests {
		col, row, err := ParseCell(tt.ref)
		if (err == nil) != tt.ok || col != tt.col || row != tt.row {
			t.Errorf("ParseCell(%q) = %d, %d, %v, want %d, %d (ok %v)", tt.ref, col, row, err, tt.col, tt.row, tt.ok)
		}
	}
	if r, err := ParseRange("B2:D9"); err != nil || r != (Range{2, 2, 4, 9}) || r.String() != "B2:D9" {
		t.Errorf("ParseRange(B2:D9) = %v, %v", r, err)
	}
	if _, err := ParseRange("D9:B2"); err == nil {
		t.Error("ParseRange(D9:B2) = no error, want one: the corners are swapped")
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ text, stored string }{
		{"plain", "plain"},
		{"a\x01b", "a_x0001_b"},
		{"tab\tand\nline", "tab\tand\nline"},
		{"_x0041_", "_x005F_x0041_"},
		{"_x00zz_ and _x", "_x00zz_ and _x"},
	}
	for _, tt := range tests {
		if got := escape(tt.text); got != tt.stored {
			t.Errorf("escape(%q) = %q, want %q", tt.text, got, tt.stored)
		}
		if got := unescape(tt.stored); got != tt.text {
			t.Errorf("unescape(%q) = %q, want %q", tt.stored, got, tt.text)
		}
	}
	if got := unescape("_xD800_x"); got != "\uFFFDx" {
		t.Errorf("unescape of a surrogate = %q, want U+FFFD", got)
	}
}

func TestGeneral(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1001", "1001"}, {"0.5", "0.5"}, {"1E3", "1000"}, {"0.30000000000000004", "0.3"},
		{"123456789012345678", "1.23456789012346E+17"}, {"123456789012345000", "123456789012345000"},
		{"abc", "abc"}, {"1_000", "1_000"}, {"", ""},
	}
	for _, tt := range tests {
		if got := general(tt.in); got != tt.want {
			t.Errorf("general(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// excelizeBook writes a workbook with excelize: strings (shared), numbers,
// booleans, rich text, a formula, gaps between rows and cells, a merged
// range, and a second sheet.
func excelizeBook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Vagas"))
	set := func(sheet, cell string, v any) { must(f.SetCellValue(sheet, cell, v)) }
	set("Vagas", "A1", "ID")
	set("Vagas", "B1", "Cargo")
	set("Vagas", "C1", "Descrição")
	set("Vagas", "A2", 1001)
	set("Vagas", "B2", "Operador de Telemarketing")
	set("Vagas", "C2", "  leading and trailing spaces  ")
	set("Vagas", "A3", 2.5)
	set("Vagas", "D3", true)
	set("Vagas", "F3", "after a gap")
	set("Vagas", "A6", 0.1+0.2)
	set("Vagas", "B6", "control \x01 character and a literal _x0041_")
	set("Vagas", "C6", "line\nbreak")
	set("Vagas", "E6", false)
	set("Vagas", "A7", 123456789012345678)
	must(f.SetCellRichText("Vagas", "B7", []excelize.RichTextRun{{Text: "Team "}, {Text: "Leader", Font: &excelize.Font{Bold: true}}}))
	must(f.SetCellFormula("Vagas", "C7", "A2*2"))
	set("Vagas", "B9", "Ünïcödé – “quotes” & <tags>")
	must(f.MergeCell("Vagas", "B9", "D10"))
	if _, err := f.NewSheet("Notas"); err != nil {
		t.Fatal(err)
	}
	set("Notas", "A1", "title")
	set("Notas", "A2", "Call centre agent")
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readAll(t testing.TB, data []byte, lim Limits, sheet string, opt Options) [][]string {
	t.Helper()
	w, err := Open(bytes.NewReader(data), int64(len(data)), lim)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rows, err := w.Sheet(sheet, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		if rows.Row() != len(out)+1 {
			t.Fatalf("Row() = %d after %d rows", rows.Row(), len(out))
		}
		out = append(out, rows.Cells())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// excelizeRows reads a sheet with excelize's row iterator.
func excelizeRows(t testing.TB, data []byte, sheet string, raw bool) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	it, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer it.Close()
	var out [][]string
	for it.Next() {
		cells, err := it.Columns(excelize.Options{RawCellValue: raw})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, cells)
	}
	if err := it.Error(); err != nil {
		t.Fatal(err)
	}
	return out
}

func equalRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) || (len(a[i]) > 0 && !reflect.DeepEqual(a[i], b[i])) {
			return false
		}
	}
	return true
}

// A workbook excelize writes reads the same with this reader as with
// excelize, raw and as General shows it, its shared strings in memory or
// in a temporary file.
func TestReadAsExcelize(t *testing.T) {
	data := excelizeBook(t)
	spill := DefaultLimits()
	spill.SharedStringsInMemory = 20 // a few strings, then the file
	for _, sheet := range []string{"Vagas", "Notas"} {
		for _, general := range []bool{false, true} {
			want := excelizeRows(t, data, sheet, !general)
			for _, lim := range []Limits{DefaultLimits(), spill} {
				got := readAll(t, data, lim, sheet, Options{General: general})
				if !equalRows(got, want) {
					t.Errorf("sheet %s, General %v, %d bytes of strings in memory:\n got %q\nwant %q", sheet, general, lim.SharedStringsInMemory, got, want)
				}
			}
		}
	}
	w, err := Open(bytes.NewReader(data), int64(len(data)), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got := strings.Join(w.Sheets(), "|"); got != "Vagas|Notas" {
		t.Errorf("Sheets() = %q, want Vagas|Notas", got)
	}
	rows, err := w.Sheet("Vagas", Options{})
	if err != nil {
		t.Fatal(err)
	}
	ef, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer ef.Close()
	if want, _ := ef.GetSheetDimension("Vagas"); rows.Dimension() != want || want == "" {
		t.Errorf("Dimension() = %q, want %q as excelize reads it", rows.Dimension(), want)
	}
	for rows.Next() {
	}
	merged, err := rows.MergedCells()
	if err != nil || len(merged) != 1 || merged[0].String() != "B9:D10" {
		t.Errorf("MergedCells() = %v, %v, want B9:D10", merged, err)
	}
	if _, err := w.Sheet("vagas", Options{}); !errors.Is(err, ErrFormat) {
		t.Errorf("Sheet(vagas) = %v, want no such sheet (names match exactly)", err)
	}
}

// The temporary file of the shared strings is removed by Close.
func TestSharedStringsFileRemoved(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	data := excelizeBook(t)
	lim := DefaultLimits()
	lim.SharedStringsInMemory = 1
	w, err := Open(bytes.NewReader(data), int64(len(data)), lim)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Sheet("Notas", Options{}); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 1 {
		t.Errorf("temporary files while open: %v, want one", files)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 0 {
		t.Errorf("temporary files after Close: %v, want none", files)
	}
}

// What the writer writes excelize reads back: the same text, numbers as
// numeric cells.
func TestWriteReadByExcelize(t *testing.T) {
	long := strings.Repeat("é", MaxCellChars)
	rows := [][]Cell{
		{Text("id"), Text("title"), Text("confidence"), Text("notes")},
		{Text("1"), Text("Team Leader"), Number(0.5), Text("  spaces  ")},
		{Text("2"), Text(""), Number(1e-7), Text("a\x01b _x0041_ <&> \"q\" 'a'\ttab\nline")},
		{Text("3"), Text("Chef"), Number(math.NaN()), Text(long)},
		{},
		{Text(""), Text(""), Text("only the third")},
	}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "anzsco")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.WriteRow(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "anzsco" {
		t.Errorf("sheets = %q, want [anzsco]", got)
	}
	got, err := f.GetRows("anzsco", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"id", "title", "confidence", "notes"},
		{"1", "Team Leader", "0.5", "  spaces  "},
		{"2", "", "0.0000001", "a\x01b _x0041_ <&> \"q\" 'a'\ttab\nline"},
		{"3", "Chef", "NaN", long},
		nil,
		{"", "", "only the third"},
	}
	if !equalRows(got, want) {
		t.Errorf("excelize reads\n%q\nwant\n%q", got, want)
	}
	for cell, typ := range map[string]excelize.CellType{"C2": excelize.CellTypeUnset, "C3": excelize.CellTypeUnset, "C4": excelize.CellTypeInlineString, "B2": excelize.CellTypeInlineString} {
		if got, err := f.GetCellType("anzsco", cell); err != nil || got != typ {
			t.Errorf("type of %s = %v, %v, want %v", cell, got, err, typ)
		}
	}
	if mine := readAll(t, data, DefaultLimits(), "anzsco", Options{}); !equalRows(mine, want) {
		t.Errorf("this reader reads\n%q\nwant\n%q", mine, want)
	}
}

func TestWriterLimits(t *testing.T) {
	if _, err := NewWriter(io.Discard, "a/b"); !errors.Is(err, ErrSheetName) {
		t.Errorf("NewWriter(a/b) = %v, want ErrSheetName", err)
	}
	if _, err := NewWriter(io.Discard, strings.Repeat("x", 32)); !errors.Is(err, ErrSheetName) {
		t.Errorf("NewWriter(32 characters) = %v, want ErrSheetName", err)
	}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "s")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteRow([]Cell{Text("ok")}); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteRow(make([]Cell, MaxColumns+1)); !errors.Is(err, ErrLimit) {
		t.Errorf("a row of %d cells: %v, want ErrLimit", MaxColumns+1, err)
	}
	if err := w.WriteRow([]Cell{Text(strings.Repeat("x", MaxCellChars+1))}); !errors.Is(err, ErrLimit) {
		t.Errorf("a cell over %d characters: %v, want ErrLimit", MaxCellChars, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// The rows written before the error make a whole workbook.
	if got := readAll(t, buf.Bytes(), DefaultLimits(), "s", Options{}); len(got) < 1 || got[0][0] != "ok" {
		t.Errorf("after a failed row the workbook holds %q, want the first row", got)
	}
}

// book builds a workbook from parts by hand: the minimal package around a
// sheet (xl/worksheets/sheet1.xml), with the parts given added or, where
// they share a name, replacing the minimal ones. An empty body drops a
// part.
func book(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	all := map[string]string{
		"[Content_Types].xml":        xmlHeader + contentTypes,
		"_rels/.rels":                xmlHeader + rootRels,
		"xl/workbook.xml":            xmlHeader + strings.Replace(workbookXML, "SHEET", "S", 1),
		"xl/_rels/workbook.xml.rels": xmlHeader + strings.Replace(workbookRels, `</Relationships>`, `<Relationship Id="rId3" Type="`+nsRels+`/sharedStrings" Target="sharedStrings.xml"/></Relationships>`, 1),
		"xl/sharedStrings.xml":       `<sst xmlns="` + nsMain + `"><si><t>zero</t></si><si><r><t>o</t></r><r><rPr><b/></rPr><t xml:space="preserve">ne </t></r><rPh><t>PHONETIC</t></rPh></si></sst>`,
		"xl/worksheets/sheet1.xml":   sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`),
	}
	for k, v := range parts {
		all[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range all {
		if body == "" {
			continue
		}
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(f, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sheetXML(rows string) string {
	return `<worksheet xmlns="` + nsMain + `"><dimension ref="A1:C3"/><sheetData>` + rows + `</sheetData></worksheet>`
}

// Hand-written worksheets: inline strings, cells without references, a
// shared string of rich text runs with a phonetic run, rows left out.
func TestReadHandWritten(t *testing.T) {
	data := book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(
		`<row r="2"><c t="inlineStr"><is><t>in</t></is></c><c t="s"><v>1</v></c><c r="E2" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>` +
			`<row><c r="B3" t="str"><f>A1</f><v>formula text</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="n"><v>1.50</v></c><c r="E3" s="1"/></row>` +
			`<row r="5"><c r="A5" t="s"><v></v></c><c r="B5"><f>1/0</f></c></row>`)})
	got := readAll(t, data, DefaultLimits(), "S", Options{})
	want := [][]string{nil, {"in", "one ", "", "", "ab"}, {"", "formula text", "#N/A", "1.50"}, nil, {"", ""}}
	if !equalRows(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}
	if ex := excelizeRows(t, data, "S", true); !equalRows(ex, want) {
		t.Errorf("excelize reads %q, want %q", ex, want)
	}
}

// Hostile and damaged workbooks give an error that wraps ErrFormat or
// ErrLimit, names the place in one line, and never panics.
func TestReadErrors(t *testing.T) {
	deep := strings.Repeat("<x>", 100) + strings.Repeat("</x>", 100)
	many := strings.Repeat("<si><t>s</t></si>", 11)
	tests := []struct {
		name  string
		data  []byte
		lim   func(*Limits)
		err   error
		place string
	}{
		{"not a zip", []byte("title\nTeam Leader\n"), nil, ErrFormat, "not a valid zip"},
		{"no workbook", book(t, map[string]string{"xl/workbook.xml": ""}), nil, ErrFormat, "no workbook part (xl/workbook.xml)"},
		{"sheet part missing", book(t, map[string]string{"xl/worksheets/sheet1.xml": ""}), nil, ErrFormat, `sheet "S": its worksheet part is missing`},
		{"sheet relationship missing", book(t, map[string]string{"xl/_rels/workbook.xml.rels": xmlHeader + `<Relationships xmlns="` + nsPkgRels + `"/>`}), nil, ErrFormat, `sheet "S": its worksheet part is missing`},
		{"shared string out of range", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="3"><c r="C3" t="s"><v>7</v></c></row>`)}), nil, ErrFormat, `sheet "S": cell C3: not a readable Excel workbook: shared string 7, but the workbook has 2`},
		{"shared string not a number", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="3"><c r="C3" t="s"><v>x</v></c></row>`)}), nil, ErrFormat, `cell C3`},
		{"no shared strings", book(t, map[string]string{"xl/sharedStrings.xml": ""}), nil, ErrFormat, `cell A1: not a readable Excel workbook: shared string 0, but the workbook has 0`},
		{"bad cell reference", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="2"><c r="2B"><v>1</v></c></row>`)}), nil, ErrFormat, `row 2: "2B" is not a cell reference`},
		{"cells out of order", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="2"><c r="C2"><v>1</v></c><c r="A2"><v>1</v></c></row>`)}), nil, ErrFormat, `cell A2 comes after column C`},
		{"rows out of order", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="4"/><row r="2"/>`)}), nil, ErrFormat, `row 2 comes after row 4`},
		{"row past the limit", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="2000000"/>`)}), nil, ErrLimit, `row 2000000: over 1048576 rows`},
		{"column past the limit", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="D1"><v>1</v></c></row>`)}), func(l *Limits) { l.MaxColumns = 3 }, ErrLimit, `cell D1: over 3 columns`},
		{"XML syntax", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1"><v>1</v></x></row>`)}), nil, ErrFormat, `sheet "S"`},
		{"XML cut short", book(t, map[string]string{"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1"><v>1`}), nil, ErrFormat, `sheet "S"`},
		{"deep XML in a sheet", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1">` + deep + `</row>`)}), nil, ErrLimit, `sheet "S": row 1: over a limit: XML nested over 64 elements deep`},
		{"deep XML in the shared strings", book(t, map[string]string{"xl/sharedStrings.xml": `<sst><si>` + deep + `</si></sst>`}), nil, ErrLimit, `xl/sharedStrings.xml: string 0: over a limit: XML nested over 64`},
		{"deep XML in the workbook", book(t, map[string]string{"xl/workbook.xml": `<workbook>` + deep + `</workbook>`}), nil, ErrLimit, `xl/workbook.xml: over a limit: XML nested`},
		{"too many shared strings", book(t, map[string]string{"xl/sharedStrings.xml": `<sst>` + many + `</sst>`}), func(l *Limits) { l.MaxSharedStrings = 10 }, ErrLimit, `xl/sharedStrings.xml: over 10 strings`},
		{"shared string too long", book(t, map[string]string{"xl/sharedStrings.xml": `<sst><si><t>` + strings.Repeat("x", 200) + `</t></si></sst>`}), func(l *Limits) { l.MaxCellBytes = 100 }, ErrLimit, `xl/sharedStrings.xml: string 0: over a limit: a text over 100 bytes`},
		{"token too long", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" x="` + strings.Repeat("x", 300<<10) + `"/></row>`)}), func(l *Limits) { l.MaxCellBytes = 100 }, ErrLimit, `sheet "S": row 1: over a limit: a text or a tag over 128 KiB`},
		{"row too long", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c t="inlineStr"><is><t>xxxxxx</t></is></c><c t="inlineStr"><is><t>xxxxxx</t></is></c></row>`)}), func(l *Limits) { l.MaxRowBytes = 10 }, ErrLimit, `row 1: over 0 MiB of text`},
		{"part declared too large", book(t, nil), func(l *Limits) { l.MaxUnzipped = 100 }, ErrLimit, "the parts unzip to over 0 MiB"},
		{"sheet over the part limit", book(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(strings.Repeat(`<row/>`, 1000))}), func(l *Limits) { l.MaxPart = 4 << 10 }, ErrLimit, `sheet "S": over a limit: xl/worksheets/sheet1.xml unzips to 0 MiB`},
		{"entity", book(t, map[string]string{"xl/worksheets/sheet1.xml": `<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>`}), nil, ErrFormat, `sheet "S"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lim := DefaultLimits()
			if tt.lim != nil {
				tt.lim(&lim)
			}
			err := readEverything(tt.data, lim)
			if err == nil {
				t.Fatalf("no error, want one wrapping %v", tt.err)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("error %q does not wrap %v", err, tt.err)
			}
			if !strings.Contains(err.Error(), tt.place) {
				t.Errorf("error %q, want it to contain %q", err, tt.place)
			}
			if !printable(err.Error()) {
				t.Errorf("error %q is not one printable line", err)
			}
		})
	}
}

// A zip bomb: a part whose header declares a few bytes and that unzips to
// megabytes, and one that declares gigabytes.
func TestZipBomb(t *testing.T) {
	good := book(t, nil)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	body := sheetXML(strings.Repeat(`<row/>`, 1<<20))
	var raw bytes.Buffer
	{
		zw := zip.NewWriter(&raw)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "bomb", Method: zip.Deflate})
		io.WriteString(w, body)
		zw.Close()
	}
	br, _ := zip.NewReader(bytes.NewReader(raw.Bytes()), int64(raw.Len()))
	deflated, _ := br.File[0].OpenRaw()
	deflatedBody, _ := io.ReadAll(deflated)
	for _, declared := range []uint64{100, 1 << 40} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			if f.Name == "xl/worksheets/sheet1.xml" {
				w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: br.File[0].CRC32,
					CompressedSize64: uint64(len(deflatedBody)), UncompressedSize64: declared})
				if err != nil {
					t.Fatal(err)
				}
				w.Write(deflatedBody)
				continue
			}
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
		}
		zw.Close()
		err := readEverything(buf.Bytes(), DefaultLimits())
		if err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("a sheet declaring %d bytes that unzips to %d: %v, want a one-line error", declared, len(body), err)
		}
		t.Log(err)
	}
}

// readEverything opens data and reads every sheet to its end.
func readEverything(data []byte, lim Limits) error {
	w, err := Open(bytes.NewReader(data), int64(len(data)), lim)
	if err != nil {
		return err
	}
	defer w.Close()
	for _, name := range w.Sheets() {
		rows, err := w.Sheet(name, Options{General: true, Dates: true})
		if err != nil {
			return err
		}
		for rows.Next() {
			_ = rows.Cells()
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if _, err := rows.MergedCells(); err != nil {
			return err
		}
	}
	return nil
}

// FuzzRead feeds damaged workbooks to the reader: an error or rows, never
// a panic, and never an error of more than one line.
func FuzzRead(f *testing.F) {
	good := excelizeBook(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(book(f, nil))
	f.Add(book(f, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row><c t="inlineStr"><is><t>in</t></is></c><c r="C1" t="s"><v>1</v></c></row>`)}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	lim := DefaultLimits()
	lim.MaxPart, lim.MaxUnzipped, lim.SharedStringsInMemory = 1<<20, 4<<20, 64
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := readEverything(data, lim); err != nil && !printable(err.Error()) {
			t.Errorf("error not on one printable line: %q", err)
		}
	})
}

// FuzzReadParts feeds damaged XML to the reader inside a well-formed zip,
// where byte changes reach the XML decoder and not only the zip's
// checksums: the worksheet, the shared strings and the workbook.
func FuzzReadParts(f *testing.F) {
	f.Add(sheetXML(`<row r="2"><c t="inlineStr"><is><t>in</t></is></c><c t="s"><v>1</v></c><c r="E2" t="b"><v>1</v></c></row><row><c r="B3"><v>1.5E3</v></c></row>`),
		`<sst><si><t>zero</t></si><si><r><t>o</t></r><r><t>ne _x0041_</t></r><rPh><t>x</t></rPh></si></sst>`,
		`<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	f.Add(sheetXML(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`)+`<mergeCells><mergeCell ref="A1:B2"/></mergeCells>`, `<sst/>`, ``)
	lim := DefaultLimits()
	lim.MaxPart, lim.MaxUnzipped, lim.SharedStringsInMemory = 1<<20, 4<<20, 8
	f.Fuzz(func(t *testing.T, sheet, sst, workbook string) {
		parts := map[string]string{"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst}
		if workbook != "" {
			parts["xl/workbook.xml"] = workbook
		}
		if err := readEverything(book(t, parts), lim); err != nil && !printable(err.Error()) {
			t.Errorf("error not on one printable line: %q", err)
		}
	})
}

// The published ABS workbooks committed with the repository, written by
// Excel, read the same, sheet by sheet, as excelize reads them.
func TestReadABSWorkbooksAsExcelize(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "abs", "workbooks", "*.xlsx"))
	if len(files) == 0 {
		t.Fatal("no workbooks in corpus/abs/workbooks")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		w, err := Open(bytes.NewReader(data), int64(len(data)), DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		ef, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := w.Sheets(), ef.GetSheetList(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: sheets %q, excelize reads %q", file, got, want)
		}
		for _, sheet := range w.Sheets() {
			for _, general := range []bool{false, true} {
				// Trailing empty rows aside: excelize's count of them
				// varies from one File to the next.
				got := trimEmpty(readAll(t, data, DefaultLimits(), sheet, Options{General: general}))
				want := trimEmpty(excelizeRows(t, data, sheet, !general))
				if !equalRows(got, want) {
					t.Errorf("%s sheet %q (General %v): %d rows differ from excelize's %d", file, sheet, general, len(got), len(want))
				}
			}
		}
		ef.Close()
		w.Close()
	}
}

func trimEmpty(rows [][]string) [][]string {
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// printable says whether s is one line of printable characters.
func printable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) < 0
}

// Shared strings past SharedStringsInMemory are held in a temporary file:
// what stays in memory is their offsets, not their text.
func TestSharedStringsMemoryBounded(t *testing.T) {
	const n, size = 100_000, 80 // 8 MB of text
	var sst, sheet strings.Builder
	sst.WriteString(`<sst xmlns="` + nsMain + `">`)
	for i := range n {
		fmt.Fprintf(&sst, "<si><t>%0*d</t></si>", size, i)
	}
	sst.WriteString(`</sst>`)
	for i := range 100 {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c></row>`, i+1, i+1, i*997)
	}
	data := book(t, map[string]string{"xl/sharedStrings.xml": sst.String(), "xl/worksheets/sheet1.xml": sheetXML(sheet.String())})
	retained := func(inMemory int64) uint64 {
		lim := DefaultLimits()
		lim.SharedStringsInMemory = inMemory
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		w, err := Open(bytes.NewReader(data), int64(len(data)), lim)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		rows, err := w.Sheet("S", Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		runtime.GC()
		runtime.ReadMemStats(&after)
		for rows.Next() {
			if want := fmt.Sprintf("%0*d", size, (rows.Row()-1)*997); rows.Cells()[0] != want {
				t.Fatalf("row %d = %q, want %q", rows.Row(), rows.Cells()[0], want)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if after.HeapAlloc < before.HeapAlloc {
			return 0
		}
		return after.HeapAlloc - before.HeapAlloc
	}
	if all := retained(0); all < n*size {
		t.Errorf("all in memory: %d bytes retained, want at least the %d of the text", all, n*size)
	}
	if spilled := retained(1 << 20); spilled > 3<<20 {
		t.Errorf("1 MiB in memory: %d bytes retained, want about 1 MiB and the offsets", spilled)
	}
}
