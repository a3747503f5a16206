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

// docxText turns document.xml into lines of text.
func docxText(ctx context.Context, r io.Reader) (string, error) {
	d := xml.NewDecoder(r)
	var out, para strings.Builder
	inText, fallback, inPPr := 0, 0, 0
	listPara := false
	tokens, depth, elements := 0, 0, 0
	flush := func() {
		line := para.String()
		para.Reset()
		if listPara && strings.TrimSpace(line) != "" {
			line = "• " + strings.TrimLeft(line, " \t")
		}
		listPara = false
		out.WriteString(line)
		out.WriteByte('\n')
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
	return out.String(), nil
}
