package cv

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// threePagePDF typesets the English fixtures' experience, repeated until
// the PDF has exactly three pages.
func threePagePDF(b *testing.B) []byte {
	b.Helper()
	var parts []string
	for _, name := range []string{"en-team-leader", "en-call-centre-manager", "en-supervisor-tabs", "en-workforce-planner"} {
		text, err := os.ReadFile(filepath.Join(fixtureDir, name+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(text))
	}
	cv := strings.Join(parts, "\n")
	for repeat := 1; repeat < 10; repeat++ {
		data := makePDF(b, cv, pdfOptions{repeat: repeat})
		doc, err := Extract(context.Background(), data, "cv.pdf")
		if err != nil {
			b.Fatal(err)
		}
		if doc.Pages == 3 {
			return data
		}
		if doc.Pages > 3 {
			break
		}
	}
	b.Fatal("could not lay out a three-page CV")
	return nil
}

// BenchmarkCVPDF3Pages measures Analyze on a three-page PDF CV: reading,
// text extraction, position finding and classifying every position with
// the default index.
func BenchmarkCVPDF3Pages(b *testing.B) {
	ix := realIndex(b)
	data := threePagePDF(b)
	rep, err := Analyze(context.Background(), bytes.NewReader(data), int64(len(data)), "cv.pdf", ix, Options{Now: testNow})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Analyze(context.Background(), bytes.NewReader(data), int64(len(data)), "cv.pdf", ix, Options{Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rep.Positions)), "positions")
}

// twoPagePDF is a two-page CV in two columns: a sidebar of contact,
// skills and languages beside the experience of the LinkedIn fixture
// and of three others, set as separate text objects.
func twoPagePDF(b *testing.B) []byte {
	b.Helper()
	var parts []string
	for _, name := range []string{"en-linkedin-pdf-team-leader", "en-title-employer-city", "en-iso-workforce-planner", "en-employer-pipe-place"} {
		text, err := os.ReadFile(filepath.Join(fixtureDir, name+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(text))
	}
	data := makePDF(b, strings.Join(parts, "\n"), pdfOptions{layout: "sidebar", sidebar: []string{"Contact", "Top Skills", "Languages"}})
	doc, err := Extract(context.Background(), data, "cv.pdf")
	if err != nil {
		b.Fatal(err)
	}
	if doc.Pages != 2 {
		b.Fatalf("the CV has %d pages, want 2", doc.Pages)
	}
	return data
}

// BenchmarkCVPDF2Pages measures Analyze on a two-page PDF CV in two
// columns, the common case: reading, text extraction with the columns
// rebuilt, position finding and classifying every position with the
// default index. Target: at most 100 ms.
func BenchmarkCVPDF2Pages(b *testing.B) {
	ix := realIndex(b)
	data := twoPagePDF(b)
	rep, err := Analyze(context.Background(), bytes.NewReader(data), int64(len(data)), "cv.pdf", ix, Options{Now: testNow})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Analyze(context.Background(), bytes.NewReader(data), int64(len(data)), "cv.pdf", ix, Options{Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rep.Positions)), "positions")
}

// BenchmarkExtractPDF3Pages measures the text extraction alone.
func BenchmarkExtractPDF3Pages(b *testing.B) {
	data := threePagePDF(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Extract(context.Background(), data, "cv.pdf"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractPDF3PagesInProcess measures the same extraction without
// the reader process: the difference is the cost of the sandbox.
func BenchmarkExtractPDF3PagesInProcess(b *testing.B) {
	data := threePagePDF(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := readInProcess(context.Background(), FormatPDF, data); err != nil {
			b.Fatal(err)
		}
	}
}
