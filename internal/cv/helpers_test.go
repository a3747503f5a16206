package cv

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// Test documents are made from the text fixtures: the same CV as text,
// DOCX and PDF, so that every format is checked against one expectation.

// makeDOCX writes text as a minimal DOCX: one w:p per line, tabs as w:tab;
// lines that start with a bullet marker become list paragraphs (w:numPr),
// as Word writes them, without the marker.
func makeDOCX(t testing.TB, text string) []byte { return makeDOCXWith(t, text, false) }

// makeDOCXSidebar writes text as a DOCX laid out with a table of one row:
// the blocks under the sidebar headings (to the next blank line) in the
// first cell, the rest in the second, as many CV templates do.
func makeDOCXSidebar(t testing.TB, text string, headings []string) []byte {
	t.Helper()
	isHeading := map[string]bool{}
	for _, h := range headings {
		isHeading[h] = true
	}
	var side, main strings.Builder
	inSide := false
	for _, ln := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if isHeading[strings.TrimSpace(ln)] {
			inSide = true
		}
		if inSide {
			docxParagraph(&side, ln)
		} else {
			docxParagraph(&main, ln)
		}
		if strings.TrimSpace(ln) == "" {
			inSide = false
		}
	}
	body := `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr><w:tc>` + side.String() + `</w:tc><w:tc>` + main.String() + `</w:tc></w:tr></w:tbl>`
	return docxWithBody(t, body)
}

// makeDOCXWith is makeDOCX; with table, runs of lines that hold a tab
// become a table (w:tbl) of two columns, as CVs set dates beside titles
// and Europass sets labels beside values: "A<TAB>B" starts a row, a line
// that starts with a tab adds a paragraph to the row's second cell.
func makeDOCXWith(t testing.TB, text string, table bool) []byte {
	t.Helper()
	var body strings.Builder
	var left, right []string
	inTable := false
	cell := func(paras []string) {
		body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>`)
		if len(paras) == 0 {
			paras = []string{""}
		}
		for _, p := range paras {
			docxParagraph(&body, p)
		}
		body.WriteString("</w:tc>")
	}
	endRow := func() {
		if left == nil && right == nil {
			return
		}
		body.WriteString("<w:tr>")
		cell(left)
		cell(right)
		body.WriteString("</w:tr>")
		left, right = nil, nil
	}
	for _, ln := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if table && strings.Contains(ln, "\t") {
			if !inTable {
				body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>`)
				inTable = true
			}
			l, r, _ := strings.Cut(ln, "\t")
			r = strings.TrimLeft(r, "\t")
			if strings.TrimSpace(l) == "" && (left != nil || right != nil) {
				right = append(right, r)
				continue
			}
			endRow()
			left, right = []string{l}, []string{r}
			continue
		}
		if inTable {
			endRow()
			body.WriteString("</w:tbl>")
			inTable = false
		}
		docxParagraph(&body, ln)
	}
	if inTable {
		endRow()
		body.WriteString("</w:tbl>")
	}
	return docxWithBody(t, body.String())
}

// docxWithBody wraps the content of w:body in a minimal DOCX.
func docxWithBody(t testing.TB, body string) []byte {
	t.Helper()
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
		body + `<w:sectPr/></w:body></w:document>`
	return zipFiles(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   doc,
	})
}

// docxParagraph writes one line as a w:p.
func docxParagraph(body *strings.Builder, ln string) {
	body.WriteString("<w:p>")
	if m := bulletPrefix.FindString(ln); m != "" && (strings.HasPrefix(m, "-") || strings.HasPrefix(m, "•")) {
		body.WriteString(`<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>`)
		ln = ln[len(m):]
	}
	for i, seg := range strings.Split(ln, "\t") {
		if i > 0 {
			body.WriteString("<w:r><w:tab/></w:r>")
		}
		if seg == "" {
			continue
		}
		// Split each line over two runs, as Word does at a change of
		// formatting.
		cut := len(seg) / 2
		for cut > 0 && cut < len(seg) && !utf8RuneStart(seg[cut]) {
			cut--
		}
		for _, run := range []string{seg[:cut], seg[cut:]} {
			if run == "" {
				continue
			}
			body.WriteString(`<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">`)
			xml.EscapeText(body, []byte(run))
			body.WriteString("</w:t></w:r>")
		}
	}
	body.WriteString("</w:p>")
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// zipFiles writes a zip archive, deflated, in name order.
func zipFiles(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		body, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range files {
		switch name {
		case "[Content_Types].xml", "_rels/.rels", "word/document.xml":
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pdfOptions vary how makePDF lays out a CV.
type pdfOptions struct {
	// userPassword, when set, encrypts the PDF with it.
	userPassword string
	// repeat writes the text this many times (for multi-page CVs).
	repeat int
	// layout is "" (one column, the text after a tab right-aligned, as
	// CVs place dates), "labels" (the text after a tab in a second column
	// at 70 mm, as Europass sets values beside labels), "columns" (the
	// same at 58 mm: dates in a left column) or "sidebar" (the blocks
	// under the sidebar headings in a narrow left column, the rest in a
	// main column, each set with its own font and line spacing).
	layout  string
	sidebar []string
}

// makePDF typesets text with fpdf's core Helvetica, one printed line per
// line of text, a blank line as vertical space and, after a tab, the rest
// of the line right-aligned, as CVs place their dates. The core fonts are
// Windows-1252: UTF-8 is translated with fpdf's UnicodeTranslator.
func makePDF(t testing.TB, text string, o pdfOptions) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	if o.userPassword != "" {
		p.SetProtection(fpdf.CnProtectPrint, o.userPassword, "owner-"+o.userPassword)
	}
	tr := p.UnicodeTranslatorFromDescriptor("cp1252")
	p.SetMargins(18, 15, 18)
	p.SetAutoPageBreak(true, 15)
	p.AddPage()
	const lineH = 5.0
	if o.layout == "sidebar" {
		return sidebarPDF(t, p, tr, text, o.sidebar)
	}
	repeat := max(o.repeat, 1)
	for k := 0; k < repeat; k++ {
		for _, ln := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
			if strings.TrimSpace(ln) == "" {
				p.Ln(lineH)
				continue
			}
			style := ""
			if isCaps(ln) {
				style = "B"
			}
			p.SetFont("Helvetica", style, 10)
			left, right, hasTab := strings.Cut(ln, "\t")
			if hasTab && (o.layout == "labels" || o.layout == "columns") {
				col := 70.0
				if o.layout == "columns" {
					col = 58
				}
				y := p.GetY()
				if strings.TrimSpace(left) != "" {
					p.SetXY(18, y)
					p.CellFormat(col-20, lineH, tr(left), "", 0, "L", false, 0, "")
				}
				p.SetXY(col, y)
				p.MultiCell(210-18-col, lineH, tr(strings.TrimLeft(right, "\t")), "", "L", false)
				continue
			}
			if hasTab {
				w := p.GetStringWidth(tr(right))
				p.CellFormat(0, lineH, tr(left), "", 0, "L", false, 0, "")
				p.SetX(210 - 18 - w)
				p.CellFormat(w, lineH, tr(right), "", 1, "R", false, 0, "")
				continue
			}
			p.MultiCell(0, lineH, tr(ln), "", "L", false)
		}
		if k+1 < repeat {
			p.Ln(lineH)
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sidebarPDF sets the blocks under the sidebar headings (to the next blank
// line) in a left column at 9 points and the rest in a main column at 10
// points, each column from the top of the page: the two columns are
// separate text objects whose baselines rarely meet.
func sidebarPDF(t testing.TB, p *fpdf.Fpdf, tr func(string) string, text string, headings []string) []byte {
	t.Helper()
	isHeading := map[string]bool{}
	for _, h := range headings {
		isHeading[h] = true
	}
	const top = 15.0
	side := struct{ x, w, size, lineH, y float64 }{12, 52, 9, 4.3, top}
	main := struct{ x, w, size, lineH, y float64 }{72, 124, 10, 5, top}
	inSide := false
	for _, ln := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if isHeading[strings.TrimSpace(ln)] {
			inSide = true
		}
		col := &main
		if inSide {
			col = &side
		}
		if strings.TrimSpace(ln) == "" {
			col.y += col.lineH
			inSide = false
			continue
		}
		style := ""
		if isCaps(ln) || isHeading[strings.TrimSpace(ln)] {
			style = "B"
		}
		p.SetFont("Helvetica", style, col.size)
		p.SetXY(col.x, col.y)
		p.MultiCell(col.w, col.lineH, tr(ln), "", "L", false)
		col.y = p.GetY()
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func isCaps(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}
