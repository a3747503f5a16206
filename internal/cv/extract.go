package cv

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Errors that Extract and Analyze wrap. Each comes with a message that
// names the file and says what to do.
var (
	// ErrTooLarge: the file is over the size limit.
	ErrTooLarge = errors.New("file too large")
	// ErrEncrypted: the PDF or Office file needs a password.
	ErrEncrypted = errors.New("encrypted document")
	// ErrNoTextLayer: a PDF with pages but no text (a scanned image).
	ErrNoTextLayer = errors.New("no text layer")
	// ErrCorrupt: the file claims a format but cannot be read as it.
	ErrCorrupt = errors.New("corrupt file")
	// ErrExpands: a DOCX whose document decompresses past the bound.
	ErrExpands = errors.New("archive expands too far")
	// ErrUnsupported: a format that is not PDF, DOCX or text.
	ErrUnsupported = errors.New("unsupported format")
	// ErrEmpty: no text at all.
	ErrEmpty = errors.New("empty document")
)

// Formats that Extract reads.
const (
	FormatPDF  = "pdf"
	FormatDOCX = "docx"
	FormatText = "text"
)

// Document is the text of a CV.
type Document struct {
	// Format is FormatPDF, FormatDOCX or FormatText.
	Format string
	// Text is the text, one line per paragraph or printed line, with
	// blank lines between blocks. Tabs mark wide horizontal gaps.
	Text string
	// Pages is the number of pages of a PDF, else 0.
	Pages int
	// Warnings report what was repaired or left out.
	Warnings []string
}

// Limits on what extraction produces, so that a small file cannot make it
// run long or use much memory.
const (
	// MaxTextBytes bounds the extracted text; a CV is a few pages.
	MaxTextBytes = 1 << 20
	// MaxDocumentXML bounds word/document.xml once decompressed: a CV's is
	// well under 1 MiB even with tables and styles.
	MaxDocumentXML = 16 << 20
	// MaxPDFPages bounds the pages read from a PDF.
	MaxPDFPages = 50
	// maxPDFOps bounds the content-stream operators interpreted per page.
	maxPDFOps = 2_000_000
)

// Extract sniffs the format of data (PDF by "%PDF-", DOCX by a zip archive
// with word/document.xml, else text) and returns its text. name (a file
// name, for messages and the extension) may be empty. The content decides
// the format; an extension that contradicts it is an error only when the
// content is not text, or when a .pdf or .docx holds something else.
func Extract(ctx context.Context, data []byte, name string) (*Document, error) {
	label := name
	if label == "" {
		label = "input"
	}
	doc, err := extract(ctx, data, name)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	doc.Text = sanitize(doc.Text)
	if strings.TrimSpace(doc.Text) == "" {
		switch doc.Format {
		case FormatPDF:
			return nil, fmt.Errorf("%s: %w: the PDF has %d page(s) but no text (a scanned image?); run it through OCR or send the CV as DOCX or text", label, ErrNoTextLayer, doc.Pages)
		default:
			return nil, fmt.Errorf("%s: %w: no text in the %s", label, ErrEmpty, describe(doc.Format))
		}
	}
	return doc, nil
}

func describe(format string) string {
	switch format {
	case FormatPDF:
		return "PDF"
	case FormatDOCX:
		return "DOCX document"
	}
	return "file"
}

// Magic numbers of the formats Extract recognises or refuses.
var (
	magicPDF = []byte("%PDF-")
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	magicRTF = []byte(`{\rtf`)
)

func extract(ctx context.Context, data []byte, name string) (*Document, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if len(data) == 0 {
		return nil, fmt.Errorf("%w: the file is empty", ErrEmpty)
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case bytes.Contains(head, magicPDF):
		return readDocument(ctx, FormatPDF, data)
	case bytes.HasPrefix(data, magicZip):
		return readDocument(ctx, FormatDOCX, data)
	case bytes.HasPrefix(data, magicOLE):
		return nil, fmt.Errorf("%w: a password-protected Office file or a Word 97-2003 .doc; save it without a password as .docx, PDF or text", ErrEncrypted)
	case bytes.HasPrefix(data, magicRTF):
		return nil, fmt.Errorf("%w: RTF; save the CV as .docx, PDF or text", ErrUnsupported)
	}
	switch ext {
	case ".pdf":
		return nil, fmt.Errorf("%w: not a PDF (it does not start with %%PDF-)", ErrCorrupt)
	case ".docx":
		return nil, fmt.Errorf("%w: not a DOCX (it is not a zip archive)", ErrCorrupt)
	case ".doc":
		return nil, fmt.Errorf("%w: a Word 97-2003 .doc; save it as .docx, PDF or text", ErrUnsupported)
	}
	return extractText(data)
}

// extractText decodes plain text or Markdown: UTF-8 (with or without a
// BOM), UTF-16 with a BOM, and, when the bytes are not valid UTF-8,
// Windows-1252, which Portuguese and English text saved on Windows often is.
func extractText(data []byte) (*Document, error) {
	doc := &Document{Format: FormatText}
	var s string
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		s = decodeUTF16(data[2:], data[0] == 0xfe)
		data = nil
	}
	if data != nil {
		if bytes.IndexByte(data, 0) >= 0 {
			return nil, fmt.Errorf("%w: a binary file, not a PDF, DOCX or text CV", ErrUnsupported)
		}
		if utf8.Valid(data) {
			s = string(data)
		} else {
			s = decodeCP1252(data)
			doc.Warnings = append(doc.Warnings, "the text is not UTF-8: read as Windows-1252")
		}
	}
	if strings.ContainsRune(s, 0) {
		return nil, fmt.Errorf("%w: a binary file, not a PDF, DOCX or text CV", ErrUnsupported)
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	doc.Text, doc.Warnings = capText(s, doc.Warnings)
	return doc, nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}

// cp1252 maps the bytes 0x80-0x9f of Windows-1252; the other bytes are
// Latin-1. Unassigned bytes become U+FFFD.
var cp1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}

func decodeCP1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xa0:
			sb.WriteRune(cp1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// sanitize makes text valid UTF-8 and drops control characters other than
// tab and newline, which fonts without a Unicode map can produce.
func sanitize(s string) string {
	s = strings.ToValidUTF8(s, "\ufffd")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}

// capText cuts s to MaxTextBytes at a line boundary.
func capText(s string, warnings []string) (string, []string) {
	if len(s) <= MaxTextBytes {
		return s, warnings
	}
	cut := strings.LastIndexByte(s[:MaxTextBytes], '\n')
	if cut < 0 {
		cut = MaxTextBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut], append(warnings, fmt.Sprintf("the text is longer than %d KiB: read only the first %d KiB", MaxTextBytes>>10, MaxTextBytes>>10))
}
