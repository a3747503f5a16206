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
