package cv

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// wordML is the namespace of WordprocessingML elements.
const wordML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// markupCompat is the namespace of mc:AlternateContent, whose mc:Fallback
// repeats the text of mc:Choice for older readers.
const markupCompat = "http://schemas.openxmlformats.org/markup-compatibility/2006"

// Bounds on the XML of word/document.xml. Word nests a table cell's
// paragraph about a dozen elements deep and writes a few hundred thousand
// elements for a long document; the decoder keeps a name per open element.
const (
	maxXMLDepth    = 256
	maxXMLElements = 1_000_000
)

// extractDOCX reads the main document part of a DOCX: one line per w:p,
// w:t text, w:tab as a tab, w:br and w:cr as line breaks. Paragraphs in a
// numbered or bulleted list (w:numPr, or a List style) start with "• " so
// that the position finder sees them as bullet lines.
func extractDOCX(ctx context.Context, data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a readable DOCX: %v", ErrCorrupt, err)
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			part = f
			break
		}
	}
	if part == nil {
		for _, f := range zr.File {
			switch f.Name {
			case "content.xml":
				return nil, fmt.Errorf("%w: an OpenDocument file; save the CV as .docx, PDF or text", ErrUnsupported)
			case "xl/workbook.xml", "ppt/presentation.xml":
				return nil, fmt.Errorf("%w: a spreadsheet or presentation, not a DOCX", ErrUnsupported)
			}
		}
		return nil, fmt.Errorf("%w: a zip archive without word/document.xml, not a DOCX", ErrCorrupt)
	}
	if part.UncompressedSize64 > MaxDocumentXML {
		return nil, fmt.Errorf("%w: word/document.xml uncompresses to %d MiB, more than the %d MiB allowed", ErrExpands, part.UncompressedSize64>>20, MaxDocumentXML>>20)
	}
	rc, err := part.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: word/document.xml: %v", ErrCorrupt, err)
	}
	defer rc.Close()
	// The size in the zip header is the writer's claim: read no more than
	// the bound whatever it says.
	lr := &io.LimitedReader{R: rc, N: MaxDocumentXML + 1}
	text, err := docxText(ctx, lr)
	if lr.N <= 0 {
		return nil, fmt.Errorf("%w: word/document.xml uncompresses to more than the %d MiB allowed", ErrExpands, MaxDocumentXML>>20)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrTooComplex) {
			return nil, err
		}
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) {
			return nil, fmt.Errorf("%w: word/document.xml does not match its zip header (a zip bomb or a damaged file)", ErrCorrupt)
		}
		return nil, fmt.Errorf("%w: word/document.xml: %v", ErrCorrupt, err)
	}
	doc := &Document{Format: FormatDOCX}
	doc.Text, doc.Warnings = capText(text, nil)
	return doc, nil
}

// tableRow is a table row being read: its cells, each a list of lines.
type tableRow struct {
	cells [][]string
	cell  []string
}

// lines writes the row as lines: the first lines of every cell side by
// side, separated by tabs, then the second lines, and so on, as a row
// reads ("01/06/2020 – Present<TAB>Team Leader", then "<TAB>Northwind").
// A row where two or more cells hold several lines is a page laid out
// with a table (a sidebar beside the main text): its cells are written
// one after the other.
func (r *tableRow) lines() []string {
	n, long := 0, 0
	for _, c := range r.cells {
		n = max(n, len(c))
		if nonBlank(c) > 1 {
			long++
		}
	}
	if long >= 2 {
		var out []string
		for _, c := range r.cells {
			for _, l := range c {
				if strings.TrimSpace(l) != "" {
					out = append(out, l)
				}
			}
			out = append(out, "")
		}
		return out
	}
	out := make([]string, 0, n)
	for k := 0; k < n; k++ {
		var b strings.Builder
		for i, c := range r.cells {
			if i > 0 {
				b.WriteByte('\t')
			}
			if k < len(c) {
				b.WriteString(strings.ReplaceAll(c[k], "\n", " "))
			}
		}
		if strings.TrimSpace(b.String()) != "" {
			out = append(out, strings.TrimRight(b.String(), "\t"))
		}
	}
	return out
}

func nonBlank(lines []string) int {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// maxTableDepth bounds nested tables; deeper rows are read as paragraphs
// of the cell around them.
const maxTableDepth = 8

// docxText turns document.xml into lines of text. A table row becomes
// lines whose cells are separated by tabs (see tableRow.lines).
func docxText(ctx context.Context, r io.Reader) (string, error) {
	d := xml.NewDecoder(r)
	var out, para strings.Builder
	inText, fallback, inPPr := 0, 0, 0
	listPara := false
	tokens, depth, elements := 0, 0, 0
	var rows []*tableRow // the open rows, outermost first
	trDepth := 0
	emit := func(line string) {
		if n := len(rows); n > 0 {
			rows[n-1].cell = append(rows[n-1].cell, line)
			return
		}
		out.WriteString(line)
		out.WriteByte('\n')
	}
	flush := func() {
		line := para.String()
		para.Reset()
		if listPara && strings.TrimSpace(line) != "" {
			line = "• " + strings.TrimLeft(line, " \t")
		}
		listPara = false
		emit(line)
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		if tokens++; tokens%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return "", err
			}
			if out.Len() > MaxTextBytes {
				break
			}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return "", fmt.Errorf("%w: word/document.xml nests elements more than %d deep", ErrTooComplex, maxXMLDepth)
			}
			if elements++; elements > maxXMLElements {
				return "", fmt.Errorf("%w: word/document.xml holds more than %d elements", ErrTooComplex, maxXMLElements)
			}
			if t.Name.Space == markupCompat && t.Name.Local == "Fallback" {
				fallback++
				continue
			}
			if fallback > 0 || t.Name.Space != wordML {
				continue
			}
			switch t.Name.Local {
			case "tr":
				if trDepth++; trDepth <= maxTableDepth {
					rows = append(rows, &tableRow{})
				}
			case "t":
				inText++
			case "tab":
				if inPPr == 0 {
					para.WriteByte('\t')
				}
			case "br", "cr":
				para.WriteByte('\n')
			case "noBreakHyphen":
				para.WriteByte('-')
			case "pPr":
				inPPr++
			case "numPr":
				if inPPr > 0 {
					listPara = true
				}
			case "pStyle":
				if inPPr > 0 {
					for _, a := range t.Attr {
						if a.Name.Local == "val" && strings.HasPrefix(strings.ToLower(a.Value), "list") {
							listPara = true
						}
					}
				}
			}
		case xml.EndElement:
			depth--
			if t.Name.Space == markupCompat && t.Name.Local == "Fallback" {
				fallback--
				continue
			}
			if fallback > 0 || t.Name.Space != wordML {
				continue
			}
			switch t.Name.Local {
			case "tc":
				if n := len(rows); n > 0 {
					rows[n-1].cells = append(rows[n-1].cells, rows[n-1].cell)
					rows[n-1].cell = nil
				}
			case "tr":
				trDepth--
				if n := len(rows); n > 0 && trDepth < maxTableDepth {
					row := rows[n-1]
					rows = rows[:n-1]
					for _, l := range row.lines() {
						emit(l)
					}
				}
			case "t":
				inText--
			case "pPr":
				inPPr--
			case "p":
				flush()
			}
		case xml.CharData:
			if inText > 0 && fallback == 0 {
				para.Write(t)
			}
		}
	}
	if para.Len() > 0 {
		flush()
	}
	for len(rows) > 0 {
		// A row left open by a truncated document.
		row := rows[len(rows)-1]
		rows = rows[:len(rows)-1]
		row.cells = append(row.cells, row.cell)
		for _, l := range row.lines() {
			emit(l)
		}
	}
	return out.String(), nil
}
