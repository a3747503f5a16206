package xlsx

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Cell is a cell to write: text, or a number when Number is set.
type Cell struct {
	Text   string
	Number bool
	Value  float64
}

// Text returns a text cell.
func Text(s string) Cell { return Cell{Text: s} }

// Number returns a numeric cell; a number that is not finite is written
// as its text, since a workbook cannot store it.
func Number(x float64) Cell { return Cell{Number: true, Value: x} }

// Writer writes a workbook of one worksheet, row after row, to an
// io.Writer as it goes: text as inline strings, numbers as numbers. Close
// ends the workbook. It is not safe for concurrent use.
type Writer struct {
	zw  *zip.Writer
	bw  *bufio.Writer
	row int
	err error
}

// ErrSheetName is returned for a sheet name Excel refuses.
var ErrSheetName = errors.New("a sheet name is 1 to 31 characters, none of : \\ / ? * [ ]")

// NewWriter starts a workbook of one worksheet named sheet on w.
func NewWriter(w io.Writer, sheet string) (*Writer, error) {
	if n := utf8.RuneCountInString(sheet); n == 0 || n > 31 || strings.ContainsAny(sheet, ":\\/?*[]") || !utf8.ValidString(sheet) {
		return nil, fmt.Errorf("%w: %q", ErrSheetName, sheet)
	}
	x := &Writer{zw: zip.NewWriter(w)}
	var name strings.Builder
	xml.EscapeText(&name, []byte(sheet))
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"xl/workbook.xml", strings.Replace(workbookXML, "SHEET", name.String(), 1)},
		{"xl/_rels/workbook.xml.rels", workbookRels},
		{"xl/styles.xml", stylesXML},
	}
	for _, p := range parts {
		f, err := x.zw.Create(p.name)
		if err == nil {
			_, err = io.WriteString(f, xmlHeader+p.body)
		}
		if err != nil {
			return nil, err
		}
	}
	f, err := x.zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return nil, err
	}
	x.bw = bufio.NewWriterSize(f, 64<<10)
	x.bw.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `"><sheetData>`)
	return x, nil
}

// WriteRow writes the next row, its first cell in column A; an empty text
// cell is left out. It fails on a row past MaxRows, more than MaxColumns
// cells, or a text over MaxCellChars characters, writing nothing of the
// row; after a write error it fails again.
func (x *Writer) WriteRow(cells []Cell) error {
	if x.err != nil {
		return x.err
	}
	switch {
	case x.row == MaxRows:
		return fmt.Errorf("%w: over %d rows, the most a worksheet holds", ErrLimit, MaxRows)
	case len(cells) > MaxColumns:
		return fmt.Errorf("%w: row %d: %d cells, over the %d columns of a worksheet", ErrLimit, x.row+1, len(cells), MaxColumns)
	}
	for i, c := range cells {
		if !c.Number && len(c.Text) > MaxCellChars && utf8.RuneCountInString(c.Text) > MaxCellChars {
			return fmt.Errorf("%w: cell %s: over %d characters, the most a cell holds", ErrLimit, CellName(i+1, x.row+1), MaxCellChars)
		}
	}
	x.row++
	row := strconv.Itoa(x.row)
	x.bw.WriteString(`<row r="` + row + `">`)
	for i, c := range cells {
		ref := ColumnName(i+1) + row
		if c.Number && !math.IsInf(c.Value, 0) && !math.IsNaN(c.Value) {
			x.bw.WriteString(`<c r="` + ref + `"><v>` + strconv.FormatFloat(c.Value, 'f', -1, 64) + `</v></c>`)
			continue
		}
		s := c.Text
		if c.Number {
			s = strconv.FormatFloat(c.Value, 'g', -1, 64)
		}
		if s == "" {
			continue
		}
		x.bw.WriteString(`<c r="` + ref + `" t="inlineStr"><is><t`)
		if strings.TrimSpace(s) != s {
			x.bw.WriteString(` xml:space="preserve"`)
		}
		x.bw.WriteByte('>')
		xml.EscapeText(x.bw, []byte(escape(s)))
		x.bw.WriteString(`</t></is></c>`)
	}
	if _, err := x.bw.WriteString(`</row>`); err != nil {
		x.err = err
	}
	return x.err
}

// Close ends the worksheet and the workbook; the rows written make a
// whole workbook even after WriteRow failed. It does not close the
// io.Writer.
func (x *Writer) Close() error {
	if x.zw == nil {
		return x.err
	}
	x.bw.WriteString(`</sheetData></worksheet>`)
	err := x.bw.Flush()
	if cerr := x.zw.Close(); err == nil {
		err = cerr
	}
	x.zw = nil
	if x.err == nil {
		x.err = err
	}
	return err
}

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRels    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	ctPrefix  = "application/vnd.openxmlformats-officedocument.spreadsheetml."

	contentTypes = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + ctPrefix + `sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + ctPrefix + `worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + ctPrefix + `styles+xml"/>` +
		`</Types>`
	rootRels = `<Relationships xmlns="` + nsPkgRels + `">` +
		`<Relationship Id="rId1" Type="` + nsRels + `/officeDocument" Target="xl/workbook.xml"/>` +
		`</Relationships>`
	workbookXML = `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRels + `">` +
		`<sheets><sheet name="SHEET" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = `<Relationships xmlns="` + nsPkgRels + `">` +
		`<Relationship Id="rId1" Type="` + nsRels + `/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + nsRels + `/styles" Target="styles.xml"/>` +
		`</Relationships>`
	stylesXML = `<styleSheet xmlns="` + nsMain + `">` +
		`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`</styleSheet>`
)
