package cv

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"github.com/anzsco/anzsco/internal/cv/cvtest"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// scannedPDF is a page that holds only an image, as a scanner makes it.
func scannedPDF(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 40, 60))
	for y := 0; y < 60; y += 3 {
		for x := 0; x < 40; x++ {
			img.SetGray(x, y, color.Gray{Y: 40})
		}
	}
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, img); err != nil {
		t.Fatal(err)
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, &pngBuf)
	p.ImageOptions("scan", 10, 10, 190, 270, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// lyingBombDOCX is a zip bomb whose header claims a small document.xml: the
// deflated data expands to n bytes whatever the header says.
func lyingBombDOCX(t *testing.T, n int) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	chunk := bytes.Repeat([]byte("<w:p/>"), 4096)
	for written := 0; written < n; written += len(chunk) {
		fw.Write(chunk)
	}
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1000, CRC32: crc32.ChecksumIEEE(nil)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExtractBadInput(t *testing.T) {
	encrypted := cvtest.MinimalPDF(append(cvtest.PageObjects("BT /F1 12 Tf 72 700 Td (Team Leader) Tj ET"),
		"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"+strings.Repeat("6f", 32)+"> /U <"+strings.Repeat("75", 32)+"> >>"),
		"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]")
	unsupportedEncryption := cvtest.MinimalPDF(append(cvtest.PageObjects("BT /F1 12 Tf 72 700 Td (Team Leader) Tj ET"),
		"<< /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /O <"+strings.Repeat("6f", 48)+"> /U <"+strings.Repeat("75", 48)+"> >>"),
		"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]")
	good := makePDF(t, "Team Leader, Acme\nMar 2019 – Present\n", pdfOptions{})
	tests := []struct {
		name    string
		data    []byte
		wantErr error
		wantMsg string
	}{
		{"protected.pdf", makePDF(t, "Team Leader, Acme\nMar 2019 – Present\n", pdfOptions{userPassword: "s3cret"}), ErrEncrypted, "needs a password"},
		{"handmade-encrypt.pdf", encrypted, ErrEncrypted, "needs a password"},
		{"aes256.pdf", unsupportedEncryption, ErrEncrypted, "encrypted"},
		{"scan.pdf", scannedPDF(t), ErrNoTextLayer, "has 1 page(s) but no text"},
		{"truncated.pdf", good[:len(good)/2], ErrCorrupt, "not a readable PDF"},
		{"garbage.pdf", []byte("%PDF-1.7\n\x00\x01\x02 this is not a PDF body"), ErrCorrupt, "not a readable PDF"},
		{"no-magic.pdf", []byte("Team Leader, Acme"), ErrCorrupt, "not a PDF"},
		{"bomb.docx", cvtest.BombDOCX(t, MaxDocumentXML+(1<<20)), ErrExpands, "word/document.xml uncompresses to 17 MiB"},
		{"lying-bomb.docx", lyingBombDOCX(t, MaxDocumentXML+(1<<20)), ErrCorrupt, "does not match its zip header"},
		{"not-zip.docx", []byte("Team Leader, Acme"), ErrCorrupt, "not a DOCX"},
		{"truncated.docx", makeDOCX(t, "Team Leader")[:100], ErrCorrupt, "not a readable DOCX"},
		{"no-document.docx", zipFiles(t, map[string]string{"_rels/.rels": "<x/>"}), ErrCorrupt, "without word/document.xml"},
		{"broken-xml.docx", zipFiles(t, map[string]string{"word/document.xml": "<w:document><w:p>"}), ErrCorrupt, "word/document.xml"},
		{"sheet.xlsx", zipFiles(t, map[string]string{"xl/workbook.xml": "<x/>"}), ErrUnsupported, "spreadsheet"},
		{"legacy.doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...), ErrEncrypted, "password-protected Office file"},
		{"cv.rtf", []byte(`{\rtf1\ansi Team Leader}`), ErrUnsupported, "RTF"},
		{"photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), ErrUnsupported, "binary file"},
		{"empty.txt", nil, ErrEmpty, "empty"},
		{"blank.txt", []byte(" \n\t\n"), ErrEmpty, "no text"},
		{"empty.docx", makeDOCX(t, ""), ErrEmpty, "no text in the DOCX"},
	}
	for _, tt := range tests {
		doc, err := Extract(context.Background(), tt.data, tt.name)
		if err == nil {
			t.Errorf("Extract(%s) = %q, want error %v", tt.name, doc.Text, tt.wantErr)
			continue
		}
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("Extract(%s) error = %v, want %v", tt.name, err, tt.wantErr)
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.wantMsg) || !strings.HasPrefix(msg, tt.name+": ") || strings.Contains(msg, "\n") {
			t.Errorf("Extract(%s) error = %q, want one line starting with the file name and containing %q", tt.name, msg, tt.wantMsg)
		}
	}
}

// TestExtractPDFLoops checks that structures that point back to
// themselves, and content that inflates far past a CV's, end with an error
// or a bounded result.
func TestExtractPDFLoops(t *testing.T) {
	objs := cvtest.PageObjects("BT /F1 12 Tf 72 700 Td (Team Leader) Tj ET")
	selfTree := append([]string{objs[0], "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"}, objs[2:]...)
	loopTree := append([]string{objs[0], "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"}, objs[2:]...)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(bytes.Repeat([]byte("0 0 m "), (maxPageContent/6)+1000))
	zw.Close()
	bomb := append([]string{}, objs...)
	bomb[3] = fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes())
	tests := []struct {
		name     string
		data     []byte
		wantErr  error
		wantText string
	}{
		{"self-kid.pdf", cvtest.MinimalPDF(selfTree, ""), ErrCorrupt, ""},
		{"loop-tree.pdf", cvtest.MinimalPDF(loopTree, ""), nil, "Team Leader"},
		{"prev-loop.pdf", cvtest.MinimalPDF(objs, "/Prev {xref}"), ErrCorrupt, ""},
		{"content-bomb.pdf", cvtest.MinimalPDF(bomb, ""), ErrExpands, ""},
	}
	for _, tt := range tests {
		doc, err := Extract(context.Background(), tt.data, tt.name)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) || strings.Contains(err.Error(), "\n") {
				t.Errorf("Extract(%s) error = %v, want one line wrapping %v", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !strings.Contains(doc.Text, tt.wantText) || doc.Pages > MaxPDFPages {
			t.Errorf("Extract(%s) = %v, %d pages, error %v; want the text %q in at most %d pages", tt.name, doc, doc.Pages, err, tt.wantText, MaxPDFPages)
		}
	}
}

// TestExtractPDFMalformedContent feeds content streams that make the PDF
// library panic or that no CV has; extraction must not panic.
func TestExtractPDFMalformedContent(t *testing.T) {
	for _, stream := range []string{
		"BT /F1 12 Tf 72 700 Td (Team Leader) Tj ET Q Q Q",
		"BT /F1 12 Tf 72 700 Td (unbalanced Tj ET",
		"BT /F1 12 Tf 1 2 3 Tm (x) Tj ET",
		"BT /F9 12 Tf 72 700 Td (Team Leader) Tj ET",
		"BT /F1 12 Tf 72 700 Td [(Team) -300 (Leader)] TJ ] ET",
		"BT /F1 12 Tf 72 700 Td << /A 1 >> Tj ET",
		"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q",
	} {
		data := cvtest.MinimalPDF(cvtest.PageObjects(stream), "")
		doc, err := Extract(context.Background(), data, "odd.pdf")
		if err != nil {
			if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "odd.pdf: ") {
				t.Errorf("Extract(%q) error = %q, want one line naming the file", stream, err)
			}
			continue
		}
		if !utf8.ValidString(doc.Text) {
			t.Errorf("Extract(%q) = %q, not valid UTF-8", stream, doc.Text)
		}
	}
}

func TestExtractPDFHandmade(t *testing.T) {
	data := cvtest.MinimalPDF(cvtest.PageObjects("BT /F1 12 Tf 72 700 Td [(Team) -250 (Leader,) -250 (Acme)] TJ 0 -14 Td (Mar 2019 \\226 Present) Tj ET"), "")
	doc, err := Extract(context.Background(), data, "hand.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := doc.Text, "Team Leader, Acme\nMar 2019 – Present\n"; got != want {
		t.Errorf("Extract(hand.pdf) = %q, want %q", got, want)
	}
}

func TestExtractText(t *testing.T) {
	tests := []struct {
		name, data, want string
		warn             bool
	}{
		{"cv.txt", "Team Leader\r\nAcme\r\n", "Team Leader\nAcme\n", false},
		{"cv.md", "\xef\xbb\xbf# CV\n", "# CV\n", false},
		{"cv.txt", "Experi\xeancia profissional \x96 atual", "Experiência profissional – atual", true},
		{"cv.txt", "\xff\xfeT\x00L\x00\n\x00", "TL\n", false},
		{"cv.txt", "\xfe\xff\x00T\x00L", "TL", false},
		{"cv.txt", "Team\x07 Leader\x1b", "Team Leader", false},
		{"", "%PDF-but not really, just text?", "", false},
	}
	for _, tt := range tests {
		doc, err := Extract(context.Background(), []byte(tt.data), tt.name)
		if tt.want == "" {
			if err == nil {
				t.Errorf("Extract(%q) = %q, want an error", tt.data, doc.Text)
			}
			continue
		}
		if err != nil {
			t.Errorf("Extract(%q): %v", tt.data, err)
			continue
		}
		if doc.Text != tt.want || doc.Format != FormatText || (len(doc.Warnings) > 0) != tt.warn {
			t.Errorf("Extract(%q) = %q, %s, warnings %v; want %q, text, warning %v", tt.data, doc.Text, doc.Format, doc.Warnings, tt.want, tt.warn)
		}
	}
}

// TestExtractSniffsContent checks that the content, not the extension,
// decides the format.
func TestExtractSniffsContent(t *testing.T) {
	text := "Team Leader, Acme\nMar 2019 – Present\n"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"cv.txt", makePDF(t, text, pdfOptions{}), FormatPDF},
		{"cv", makeDOCX(t, text), FormatDOCX},
		{"cv.pdf.docx", makeDOCX(t, text), FormatDOCX},
		{"cv.md", []byte(text), FormatText},
		{"stdin", []byte(text), FormatText},
	}
	for _, tt := range tests {
		doc, err := Extract(context.Background(), tt.data, tt.name)
		if err != nil {
			t.Errorf("Extract(%s): %v", tt.name, err)
			continue
		}
		if doc.Format != tt.want || !strings.Contains(doc.Text, "Mar 2019 – Present") {
			t.Errorf("Extract(%s) = %s %q, want %s with the dates", tt.name, doc.Format, doc.Text, tt.want)
		}
	}
}

func TestAnalyzeSizeLimit(t *testing.T) {
	ix := realIndex(t)
	big := bytes.Repeat([]byte("Team Leader, Acme\n"), 100)
	tests := []struct {
		name    string
		size    int64
		max     int64
		wantMsg string
	}{
		{"known size", int64(len(big)), 1024, "big.txt: file too large: 1.8 KiB, the limit is 1 KiB"},
		{"unknown size", -1, 1024, "big.txt: file too large: more than 1 KiB"},
	}
	for _, tt := range tests {
		_, err := Analyze(context.Background(), bytes.NewReader(big), tt.size, "big.txt", ix, Options{MaxSize: tt.max, Now: testNow})
		if !errors.Is(err, ErrTooLarge) || err.Error() != tt.wantMsg {
			t.Errorf("Analyze(%s) error = %v, want ErrTooLarge: %q", tt.name, err, tt.wantMsg)
		}
	}
	// The default limit: 10 MiB and one byte, size unknown.
	_, err := Analyze(context.Background(), io.LimitReader(zeroReader{}, DefaultMaxSize+1), -1, "huge.pdf", ix, Options{})
	if !errors.Is(err, ErrTooLarge) || err.Error() != "huge.pdf: file too large: more than 10 MiB" {
		t.Errorf("Analyze(10 MiB + 1) error = %v, want %q", err, "huge.pdf: file too large: more than 10 MiB")
	}
	// Exactly at a small limit is accepted.
	cv := []byte("Experience\nTeam Leader, Acme Contact Centre\nMar 2019 – Present\n")
	if _, err := Analyze(context.Background(), bytes.NewReader(cv), int64(len(cv)), "cv.txt", ix, Options{MaxSize: int64(len(cv)), Now: testNow}); err != nil {
		t.Errorf("Analyze(at the limit): %v", err)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestAnalyzeCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := makePDF(t, "Team Leader, Acme\nMar 2019 – Present\n", pdfOptions{})
	_, err := Analyze(ctx, bytes.NewReader(data), -1, "cv.pdf", realIndex(t), Options{Now: testNow})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Analyze(canceled) error = %v, want context.Canceled", err)
	}
}
