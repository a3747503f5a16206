package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestFormatKind(t *testing.T) {
	tests := []struct {
		code string
		want numKind
	}{
		{"General", kindNumber},
		{"0.00", kindNumber},
		{"#,##0.00_);[Red](#,##0.00)", kindNumber},
		{"0%", kindNumber},
		{"0.00E+00", kindNumber},
		{"@", kindNumber},
		{`#,##0 "days"`, kindNumber},
		{`0.0\h`, kindNumber},
		{`0_m`, kindNumber},
		{`*d0`, kindNumber},
		{`[$-409]0.00`, kindNumber},
		{`0;[Red]dd/mm/yyyy`, kindNumber}, // the date is the negative section's
		{"yyyy-mm-dd", kindDate},
		{"d/m/yyyy", kindDate},
		{"DD/MM/YYYY", kindDate},
		{"mmm-yy", kindDate},
		{"mmmm", kindDate},
		{"m", kindDate},
		{"dddd", kindDate},
		{`[$-F800]dddd\,\ mmmm\ dd\,\ yyyy`, kindDate},
		{`[$-409]d-mmm-yy;@`, kindDate},
		{`"Date: "yyyy-mm-dd`, kindDate},
		{"h:mm", kindTime},
		{"mm:ss", kindTime},
		{"mmss.0", kindTime},
		{"h:mm AM/PM", kindTime},
		{`[$-F400]h:mm:ss\ AM/PM`, kindTime},
		{"hh:mm:ss;@", kindTime},
		{"yyyy-mm-dd hh:mm:ss", kindDateTime},
		{"m/d/yy h:mm", kindDateTime},
		{"d/m/yyyy h:mm AM/PM", kindDateTime},
		{"[h]:mm", kindElapsed},
		{"[h]:mm:ss", kindElapsed},
		{"[mm]:ss", kindElapsed},
		{"[ss]", kindElapsed},
		{"[Red][h]:mm", kindElapsed},
		{`"unclosed`, kindNumber},
		{`[unclosed`, kindNumber},
		{`0\`, kindNumber},
	}
	for _, tt := range tests {
		if got := formatKind(tt.code); got != tt.want {
			t.Errorf("formatKind(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
	for id, want := range map[int]numKind{0: kindNumber, 1: kindNumber, 9: kindNumber, 13: kindNumber, 14: kindDate, 17: kindDate,
		18: kindTime, 21: kindTime, 22: kindDateTime, 23: kindNumber, 44: kindNumber, 45: kindTime, 46: kindElapsed, 47: kindTime, 48: kindNumber, 49: kindNumber} {
		if got := builtinKind(id); got != want {
			t.Errorf("builtinKind(%d) = %d, want %d", id, got, want)
		}
	}
}

func TestDateText(t *testing.T) {
	tests := []struct {
		v      string
		k      numKind
		d1904  bool
		want   string
		asDate bool
	}{
		{"45302", kindDate, false, "2024-01-11", true},
		{"45302", kindDateTime, false, "2024-01-11 00:00:00", true},
		{"45302.354166666664", kindDate, false, "2024-01-11 08:30:00", true}, // the time stored is kept
		{"45302.354166666664", kindDateTime, false, "2024-01-11 08:30:00", true},
		{"45302.354166666664", kindTime, false, "08:30:00", true},
		{"0.354166666664", kindTime, false, "08:30:00", true},
		{"0.354166666664", kindDateTime, false, "08:30:00", true}, // day 0 is no day
		{"0", kindDate, false, "", false},
		{"0", kindTime, false, "00:00:00", true},
		{"1.5", kindElapsed, false, "36:00:00", true},
		{"1", kindDate, false, "1900-01-01", true},
		{"59", kindDate, false, "1900-02-28", true},
		{"60", kindDate, false, "1900-02-29", true}, // the day Excel counts that never was
		{"61", kindDate, false, "1900-03-01", true},
		{"36526.9999999", kindDate, false, "2000-01-02", true}, // rounded to the second
		{"2958465", kindDate, false, "9999-12-31", true},
		{"2958465.9999", kindDate, false, "9999-12-31 23:59:51", true},
		{"2958466", kindDate, false, "", false},
		{"-1", kindDate, false, "", false},
		{"-0.5", kindTime, false, "", false},
		{"NaN", kindDate, false, "", false},
		{"1e400", kindDate, false, "", false},
		{"x", kindDate, false, "", false},
		{"0", kindDate, true, "1904-01-01", true},
		{"59", kindDate, true, "1904-02-29", true},
		{"43840", kindDate, true, "2024-01-11", true},
		{"2957003", kindDate, true, "9999-12-31", true},
		{"2957004", kindDate, true, "", false},
	}
	for _, tt := range tests {
		got, ok := dateText(tt.v, tt.k, tt.d1904)
		if got != tt.want || ok != tt.asDate {
			t.Errorf("dateText(%q, %d, 1904 %v) = %q, %v, want %q, %v", tt.v, tt.k, tt.d1904, got, ok, tt.want, tt.asDate)
		}
	}
}

// Serial numbers read as excelize converts them, in both date systems,
// from 1900-01-01 (1904-03-01, where excelize's 1904 dates start to be
// right) to 9999-12-31.
func TestDateTextAsExcelize(t *testing.T) {
	for _, d1904 := range []bool{false, true} {
		first, last := 1.0, float64(lastSerial1900)
		if d1904 {
			first, last = 61, lastSerial1904
		}
		var days []float64 // every day of the first hundred, then every 997th
		for d := first; d < first+100; d++ {
			days = append(days, d)
		}
		for d := first + 100; d <= last; d += 997 {
			days = append(days, d)
		}
		n := 0
		for _, day := range days {
			// A whole day, and the day with a time in whole seconds.
			for _, v := range []float64{day, day + float64(int(day)*7919%86400)/86400} {
				if !d1904 && v >= 60 && v < 61 {
					continue // excelize has no 1900-02-29
				}
				want, err := excelize.ExcelDateToTime(v, d1904)
				if err != nil {
					t.Fatal(err)
				}
				got, ok := dateText(strconv.FormatFloat(v, 'g', -1, 64), kindDateTime, d1904)
				if w := want.Format(time.DateTime); got != w || !ok {
					t.Errorf("serial %v (1904 %v) reads %q, %v; excelize %q", v, d1904, got, ok, w)
				}
				n++
			}
		}
		if n < 5000 {
			t.Errorf("%d serials compared, want thousands", n)
		}
	}
}

// datesBook writes with excelize a workbook of numbers in date and time
// formats, built-in and custom, and in formats that are not dates, with
// the ISO 8601 text each should read as ("#" for a number, as General
// shows it), in the 1900 or 1904 date system. Excelize shows the custom
// formats of isoCols, which are ISO 8601, the same.
func datesBook(t *testing.T, date1904 bool) (data []byte, want [][]string, isoCols []int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	if date1904 {
		must(f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}))
	}
	type format struct {
		id   int
		code string
	}
	formats := []format{
		{code: "yyyy-mm-dd"}, {code: "yyyy-mm-dd hh:mm:ss"}, {code: "hh:mm:ss"}, {code: "[h]:mm:ss"}, // as excelize shows them
		{id: 14}, {id: 22}, {id: 20}, {id: 46}, {code: `[$-C09]dd/mm/yyyy;@`}, {code: `"on "d mmm yyyy`}, // dates and times
		{id: 0}, {id: 2}, {id: 10}, {code: `#,##0 "days"`}, {code: `0.0\h`}, // numbers
	}
	isoCols = []int{0, 1, 2, 3}
	if date1904 {
		isoCols = isoCols[:3] // excelize counts elapsed time from 1899-12-30 in either system
	}
	styles := make([]int, len(formats))
	for i, fm := range formats {
		st := &excelize.Style{NumFmt: fm.id}
		if fm.code != "" {
			st.CustomNumFmt = &fm.code
		}
		s, err := f.NewStyle(st)
		must(err)
		styles[i] = s
	}
	shift := 0.0 // the 1904 system counts 1,462 days fewer
	if date1904 {
		shift = 1462
	}
	values := []struct {
		v    float64
		want []string // as each format of the row
	}{
		{45302, []string{"2024-01-11", "2024-01-11 00:00:00", "00:00:00", fmt.Sprintf("%.f:00:00", (45302-shift)*24),
			"2024-01-11", "2024-01-11 00:00:00", "00:00:00", fmt.Sprintf("%.f:00:00", (45302-shift)*24), "2024-01-11", "2024-01-11",
			"#", "#", "#", "#", "#"}},
		{45302.354166666664, []string{"2024-01-11 08:30:00", "2024-01-11 08:30:00", "08:30:00", fmt.Sprintf("%.f:30:00", (45302-shift)*24+8),
			"2024-01-11 08:30:00", "2024-01-11 08:30:00", "08:30:00", fmt.Sprintf("%.f:30:00", (45302-shift)*24+8), "2024-01-11 08:30:00", "2024-01-11 08:30:00",
			"#", "#", "#", "#", "#"}},
		{36526.999999, []string{"2000-01-02", "2000-01-02 00:00:00", "00:00:00", fmt.Sprintf("%.f:00:00", (36527-shift)*24),
			"2000-01-02", "2000-01-02 00:00:00", "00:00:00", fmt.Sprintf("%.f:00:00", (36527-shift)*24), "2000-01-02", "2000-01-02",
			"#", "#", "#", "#", "#"}},
		{-2.5, []string{"#", "#", "#", "#", "#", "#", "#", "#", "#", "#", "#", "#", "#", "#", "#"}},
	}
	for r, row := range values {
		x := row.v
		if x > 0 {
			x -= shift
		}
		for c := range formats {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			must(f.SetCellFloat("Sheet1", cell, x, -1, 64))
			must(f.SetCellStyle("Sheet1", cell, cell, styles[c]))
		}
		want = append(want, slices.Clone(row.want))
	}
	// Text and a boolean in a date format keep their types.
	must(f.SetCellValue("Sheet1", "A6", "2024-01-11"))
	must(f.SetCellStyle("Sheet1", "A6", "A6", styles[4]))
	must(f.SetCellValue("Sheet1", "B6", true))
	must(f.SetCellStyle("Sheet1", "B6", "B6", styles[4]))
	want = append(want, nil, []string{"2024-01-11", "TRUE"})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), want, isoCols
}

// Numbers in date and time formats read as ISO 8601 with Options.Dates,
// and as excelize shows them where their format is ISO 8601; without it
// they read as they did.
func TestReadDates(t *testing.T) {
	for _, d1904 := range []bool{false, true} {
		data, want, isoCols := datesBook(t, d1904)
		got := readAll(t, data, DefaultLimits(), "Sheet1", Options{General: true, Dates: true})
		raw := excelizeRows(t, data, "Sheet1", true)
		for r := range want {
			for c := range want[r] {
				if want[r][c] == "#" { // a number: as General shows it
					want[r][c] = general(raw[r][c])
				}
			}
		}
		if !equalRows(got, want) {
			t.Errorf("1904 %v: rows\n%q\nwant\n%q", d1904, got, want)
		}
		ex, err := excelizeFile(t, data).GetRows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		for r := range want[:3] { // the rows of dates
			for _, c := range isoCols {
				if c < len(got[r]) && c < len(ex[r]) && got[r][c] != ex[r][c] && (c != 0 || !strings.HasPrefix(got[r][c], ex[r][c]+" ")) {
					t.Errorf("1904 %v: %s reads %q, excelize %q", d1904, CellName(c+1, r+1), got[r][c], ex[r][c])
				}
			}
		}
		// Without Dates, the values stored.
		if plain := readAll(t, data, DefaultLimits(), "Sheet1", Options{}); !equalRows(plain, raw) {
			t.Errorf("1904 %v, without Dates: %q, want the raw values %q", d1904, plain, raw)
		}
	}
}

func excelizeFile(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// stylesPart is a styles part of the custom formats numFmts and the cell
// formats xfs (numFmtIds).
func stylesPart(numFmts map[int]string, xfs ...int) string {
	var b strings.Builder
	b.WriteString(`<styleSheet xmlns="` + nsMain + `"><numFmts>`)
	for id, code := range numFmts {
		fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="%s"/>`, id, code)
	}
	b.WriteString(`</numFmts><cellXfs>`)
	for _, id := range xfs {
		fmt.Fprintf(&b, `<xf numFmtId="%d"/>`, id)
	}
	b.WriteString(`</cellXfs></styleSheet>`)
	return b.String()
}

// Hand-written styles: a cell format past the end of cellXfs, the number
// formats of <dxfs> and <cellStyleXfs> (not cell formats), cellXfs before
// numFmts, the styles part found by its relationship, and none.
func TestReadDatesHandWritten(t *testing.T) {
	row := `<row r="1"><c r="A1" s="0"><v>45302</v></c><c r="B1" s="1"><v>45302</v></c><c r="C1" s="2"><v>45302</v></c>` +
		`<c r="D1" s="9"><v>45302</v></c><c r="E1" s="x"><v>45302</v></c><c r="F1" t="n" s="1"><v>45302.5</v></c><c r="G1" s="1" t="s"><v>0</v></c></row>`
	sheet := sheetXML(row)
	tests := []struct {
		name   string
		styles map[string]string
		want   []string
	}{
		{"no styles part", nil, []string{"45302", "45302", "45302", "45302", "45302", "45302.5", "zero"}},
		{"built-in and custom", map[string]string{"xl/styles.xml": stylesPart(map[int]string{164: "d/m/yyyy"}, 0, 14, 164)},
			[]string{"45302", "2024-01-11", "2024-01-11", "45302", "45302", "2024-01-11 12:00:00", "zero"}},
		{"counts claimed are not trusted", map[string]string{"xl/styles.xml": `<styleSheet><numFmts count="4294967296"/><cellXfs count="99999999999999"><xf/><xf numFmtId="14"/></cellXfs></styleSheet>`},
			[]string{"45302", "2024-01-11", "45302", "45302", "45302", "2024-01-11 12:00:00", "zero"}},
		{"a custom format replaces a built-in one", map[string]string{"xl/styles.xml": stylesPart(map[int]string{14: "0.00"}, 0, 14)},
			[]string{"45302", "45302", "45302", "45302", "45302", "45302.5", "zero"}},
		{"differential and cell style formats are not cell formats", map[string]string{"xl/styles.xml": `<styleSheet>` +
			`<numFmts><numFmt numFmtId="164" formatCode="0.00"/></numFmts>` +
			`<cellStyleXfs><xf numFmtId="14"/><xf numFmtId="14"/></cellStyleXfs>` +
			`<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="21"><alignment/></xf></cellXfs>` +
			`<dxfs><dxf><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>`},
			[]string{"45302", "45302", "00:00:00", "45302", "45302", "45302.5", "zero"}},
		{"cell formats before the number formats", map[string]string{"xl/styles.xml": `<styleSheet><cellXfs><xf/><xf numFmtId="200"/></cellXfs>` +
			`<numFmts><numFmt numFmtId="200" formatCode="[h]:mm"/></numFmts></styleSheet>`},
			[]string{"45302", "1087248:00:00", "45302", "45302", "45302", "1087260:00:00", "zero"}},
		{"styles part named by its relationship", map[string]string{
			"xl/_rels/workbook.xml.rels": xmlHeader + strings.Replace(workbookRels, `Target="styles.xml"`, `Target="theme/s.xml"`, 1) + "",
			"xl/theme/s.xml":             stylesPart(nil, 0, 15),
			"xl/sharedStrings.xml":       "", "xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" s="1"><v>61</v></c></row>`)},
			[]string{"1900-03-01"}},
		{"the 1904 date system", map[string]string{"xl/styles.xml": stylesPart(nil, 0, 14),
			"xl/workbook.xml":          xmlHeader + strings.NewReplacer("SHEET", "S", "<sheets>", `<workbookPr date1904="true"/><sheets>`).Replace(workbookXML),
			"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43840</v></c></row>`)},
			[]string{"1904-01-01", "2024-01-11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := map[string]string{"xl/worksheets/sheet1.xml": sheet}
			for k, v := range tt.styles {
				parts[k] = v
			}
			got := readAll(t, book(t, parts), DefaultLimits(), "S", Options{General: true, Dates: true})
			if len(got) != 1 || strings.Join(got[0], "|") != strings.Join(tt.want, "|") {
				t.Errorf("rows = %q, want %q", got, tt.want)
			}
		})
	}
}

// Hostile and damaged styles parts: an error naming the part that wraps
// ErrFormat or ErrLimit, read only when dates are asked for.
func TestReadStylesErrors(t *testing.T) {
	deep := strings.Repeat("<x>", 100) + strings.Repeat("</x>", 100)
	manyXfs := `<styleSheet><cellXfs>` + strings.Repeat(`<xf numFmtId="14"/>`, 11) + `</cellXfs></styleSheet>`
	manyFmts := `<styleSheet><numFmts>` + strings.Repeat(`<numFmt numFmtId="164" formatCode="d"/>`, 11) // the same id: each counts + `</numFmts></styleSheet>`
	tests := []struct {
		name   string
		styles string
		lim    func(*Limits)
		err    error
		place  string
	}{
		{"deep XML", `<styleSheet><cellXfs>` + deep + `</cellXfs></styleSheet>`, nil, ErrLimit, "xl/styles.xml: over a limit: XML nested over 64 elements deep"},
		{"deep XML at the top", `<styleSheet>` + deep + `</styleSheet>`, nil, ErrLimit, "xl/styles.xml: over a limit: XML nested"},
		{"too many cell formats", manyXfs, func(l *Limits) { l.MaxStyles = 10 }, ErrLimit, "xl/styles.xml: over a limit: over 10 cell formats"},
		{"too many number formats", manyFmts, func(l *Limits) { l.MaxStyles = 10 }, ErrLimit, "xl/styles.xml: over a limit: over 10 number formats"},
		{"a number format id not a number", `<styleSheet><cellXfs><xf/><xf numFmtId="x14"/></cellXfs></styleSheet>`, nil, ErrFormat, `xl/styles.xml: cell format 1: not a readable Excel workbook: numFmtId "x14" is not a number`},
		{"a custom format id not a number", `<styleSheet><numFmts><numFmt numFmtId="-1" formatCode="d"/></numFmts></styleSheet>`, nil, ErrFormat, `xl/styles.xml: number format 0: not a readable Excel workbook: numFmtId "-1"`},
		{"XML syntax", `<styleSheet><cellXfs></numFmts></styleSheet>`, nil, ErrFormat, "xl/styles.xml: not a readable Excel workbook: XML syntax error"},
		{"XML cut short", `<styleSheet><cellXfs><xf numFmtId="14"/>`, nil, ErrFormat, "xl/styles.xml: not a readable Excel workbook: the XML ends inside an element"},
		{"over the part limit", `<styleSheet><cellXfs>` + strings.Repeat(`<xf numFmtId="14"/>`, 1000) + `</cellXfs></styleSheet>`, func(l *Limits) { l.MaxPart = 8 << 10 }, ErrLimit, "xl/styles.xml unzips to 0 MiB, over the limit"},
		{"a format code too long", `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="` + strings.Repeat("d", 300<<10) + `"/></numFmts></styleSheet>`, func(l *Limits) { l.MaxCellBytes = 100 }, ErrLimit, "xl/styles.xml: over a limit: a text or a tag over 128 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lim := DefaultLimits()
			if tt.lim != nil {
				tt.lim(&lim)
			}
			data := book(t, map[string]string{"xl/styles.xml": tt.styles})
			err := readEverything(data, lim)
			if err == nil {
				t.Fatalf("no error, want one wrapping %v", tt.err)
			}
			if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.place) || !printable(err.Error()) {
				t.Errorf("error %q, want one printable line wrapping %v containing %q", err, tt.err, tt.place)
			}
			// Without Dates the styles are not read.
			w, err := Open(bytes.NewReader(data), int64(len(data)), lim)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if _, err := w.Sheet("S", Options{General: true}); err != nil {
				t.Errorf("without Dates: %v, want no error", err)
			}
		})
	}
}

// FuzzReadStyles feeds damaged styles parts, and number format codes, to
// a workbook read with Options.Dates: an error or rows, never a panic, and
// never an error of more than one line.
func FuzzReadStyles(f *testing.F) {
	f.Add(stylesPart(map[int]string{164: "yyyy-mm-dd", 165: "[h]:mm"}, 0, 14, 164, 165, 22), `[$-409]d-mmm-yy;@`)
	f.Add(`<styleSheet><cellXfs><xf numFmtId="x"/></cellXfs></styleSheet>`, `"a\`)
	sheet := sheetXML(`<row r="1"><c r="A1" s="1"><v>45302.5</v></c><c r="B1" s="2"><v>-1</v></c><c r="C1" s="3"><v>1e300</v></c><c r="D1" s="4"><v>0</v></c><c r="E1" s="5"><v>60</v></c></row>`)
	lim := DefaultLimits()
	lim.MaxPart, lim.MaxUnzipped, lim.MaxStyles = 1<<20, 4<<20, 1000
	f.Fuzz(func(t *testing.T, styles, code string) {
		if got := formatKind(code); got > kindElapsed {
			t.Errorf("formatKind(%q) = %d", code, got)
		}
		data := book(t, map[string]string{"xl/styles.xml": styles, "xl/worksheets/sheet1.xml": sheet})
		if err := readEverything(data, lim); err != nil && !printable(err.Error()) {
			t.Errorf("error not on one printable line: %q", err)
		}
	})
}
