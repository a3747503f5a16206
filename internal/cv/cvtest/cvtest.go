package cvtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// MinimalPDF writes a PDF with the given objects (numbered from 1, bodies
// without "obj"/"endobj") and a correct cross-reference table. trailer is
// added inside the trailer dictionary after /Size and /Root 1 0 R; the
// text {xref} in it becomes the offset of the cross-reference table.
func MinimalPDF(objects []string, trailer string) []byte {
	var b bytes.Buffer
	offs := writeObjects(&b, "1.4", objects)
	xref := writeXref(&b, offs)
	trailer = strings.ReplaceAll(trailer, "{xref}", fmt.Sprint(xref))
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, trailer, xref)
	return b.Bytes()
}

// writeObjects writes a PDF header of version and objects numbered from
// 1, and returns the offset of each; an empty object is a number left
// free (offset 0), for an object stored in an object stream.
func writeObjects(b *bytes.Buffer, version string, objects []string) []int {
	b.WriteString("%PDF-" + version + "\n")
	offs := make([]int, len(objects))
	for i, o := range objects {
		if o == "" {
			continue
		}
		offs[i] = b.Len()
		fmt.Fprintf(b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	return offs
}

// xrefEntry is an entry of a cross-reference stream of W [1 4 2]: type,
// field 2, field 3.
type xrefEntry struct {
	typ byte
	f2  uint32
	f3  uint16
}

// writeXrefStream writes object num, a cross-reference stream holding
// entries and then its own entry, and the file's end.
func writeXrefStream(b *bytes.Buffer, num int, entries []xrefEntry) {
	xrefOff := b.Len()
	var rows bytes.Buffer
	for _, e := range append(entries, xrefEntry{1, uint32(xrefOff), 0}) {
		rows.Write([]byte{e.typ, byte(e.f2 >> 24), byte(e.f2 >> 16), byte(e.f2 >> 8), byte(e.f2), byte(e.f3 >> 8), byte(e.f3)})
	}
	fmt.Fprintf(b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", num, num+1, rows.Len())
	b.Write(rows.Bytes())
	fmt.Fprintf(b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefOff)
}

// writeXref writes a cross-reference table of the objects at offs and
// returns its offset.
func writeXref(b *bytes.Buffer, offs []int) int {
	xref := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(b, "%010d 00000 n \n", o)
	}
	return xref
}

// PageObjects are a catalog, a page tree and one page whose content is
// stream, in Helvetica: objects 1 to 5 for MinimalPDF.
func PageObjects(stream string) []string {
	return []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
}

// BombDOCX is a DOCX whose document.xml is at least n bytes of one
// repeated paragraph, which deflates to a tiny fraction of that.
func BombDOCX(t testing.TB, n int) []byte {
	t.Helper()
	return docx(t, func(w io.Writer) error {
		io.WriteString(w, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
		// Written in large pieces: byte-sized writes make a big bomb slow
		// under the race detector.
		paras := bytes.Repeat([]byte(`<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>`), 1000)
		for written := 0; written < n; written += len(paras) {
			w.Write(paras)
		}
		_, err := io.WriteString(w, `</w:body></w:document>`)
		return err
	})
}

// HugeXrefPDF is a one-page PDF with a one-entry cross-reference
// subsection at each of starts: a reader that sizes its table by the
// largest object number asks for that many entries (2,000,000,000 entries
// of a few dozen bytes is tens of GiB at once; 3, 6 and 9 million grow the
// table step by step).
func HugeXrefPDF(starts ...int64) []byte {
	objs := PageObjects("BT /F1 12 Tf 72 700 Td (Team Leader) Tj ET")
	var b bytes.Buffer
	offs := writeObjects(&b, "1.4", objs)
	xref := writeXref(&b, offs)
	for _, start := range starts {
		fmt.Fprintf(&b, "%d 1\n%010d 00000 n \n", start, offs[0])
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// SelfStreamPDF is a PDF with a cross-reference stream in which the
// page's content stream (object 4) is said to be stored inside object
// stream 4, itself: resolving it never ends.
func SelfStreamPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
	}
	var b bytes.Buffer
	offs := writeObjects(&b, "1.5", objs)
	entries := []xrefEntry{{0, 0, 65535}}
	for _, o := range offs {
		entries = append(entries, xrefEntry{1, uint32(o), 0})
	}
	entries = append(entries, xrefEntry{2, 4, 0}) // object 4: index 0 of object stream 4
	writeXrefStream(&b, 5, entries)
	return b.Bytes()
}

// DeepArrayPDF is a one-page PDF whose page dictionary holds an array
// nested depth deep: a recursive reader needs a stack frame per level.
func DeepArrayPDF(depth int) []byte {
	objs := PageObjects("BT /F1 12 Tf 72 700 Td (Team Leader) Tj ET")
	objs[2] = strings.TrimSuffix(objs[2], ">>") + "/Deep " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + " >>"
	return MinimalPDF(objs, "")
}

// DeepDOCX is a DOCX whose document.xml nests depth elements.
func DeepDOCX(t testing.TB, depth int) []byte {
	t.Helper()
	return DOCX(t, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Team Leader</w:t></w:r></w:p>`+
		strings.Repeat("<w:sdt>", depth)+strings.Repeat("</w:sdt>", depth)+`</w:body></w:document>`)
}

// ManyElementsDOCX is a DOCX whose document.xml holds n empty paragraphs.
func ManyElementsDOCX(t testing.TB, n int) []byte {
	t.Helper()
	return DOCX(t, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+
		strings.Repeat("<w:p/>", n)+`</w:body></w:document>`)
}

// DOCX is a zip archive holding documentXML as word/document.xml.
func DOCX(t testing.TB, documentXML string) []byte {
	t.Helper()
	return docx(t, func(w io.Writer) error {
		_, err := io.WriteString(w, documentXML)
		return err
	})
}

// docx is a zip archive holding what write writes as word/document.xml.
func docx(t testing.TB, write func(io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	if err := write(w); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ObjStmPDF is a one-page PDF with a cross-reference stream whose page
// content (object 4) is stored in object stream 5, with the given /N,
// /First and stream body: malformed ones claim more objects than they
// hold or point past their end.
func ObjStmPDF(n, first int64, body string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		"",
		fmt.Sprintf("<< /Type /ObjStm /N %d /First %d /Length %d >>\nstream\n%s\nendstream", n, first, len(body), body),
	}
	var b bytes.Buffer
	offs := writeObjects(&b, "1.5", objs)
	entries := []xrefEntry{{0, 0, 65535}}
	for i, o := range offs {
		if i == 3 {
			entries = append(entries, xrefEntry{2, 5, 0}) // object 4: index 0 of object stream 5
			continue
		}
		entries = append(entries, xrefEntry{1, uint32(o), 0})
	}
	writeXrefStream(&b, 6, entries)
	return b.Bytes()
}
