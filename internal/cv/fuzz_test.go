package cv

import (
	"context"
	"github.com/anzsco/anzsco/internal/cv/cvtest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fixtureTexts returns the CV fixtures' text, or nil when they are absent.
func fixtureTexts(f *testing.F) []string {
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*.txt"))
	var out []string
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err == nil {
			out = append(out, string(b))
		}
	}
	return out
}

func checkRange(t *testing.T, line string, r Range) {
	t.Helper()
	if r.From < 0 || r.From >= r.To || r.To > len(line) {
		t.Fatalf("FindRange(%q) offsets %d..%d out of the line", line, r.From, r.To)
	}
	if r.Months() < 1 || r.End.Before(r.Start) || testRef.Before(r.End) || r.Start.Year < minYear {
		t.Fatalf("FindRange(%q) = %v..%v (%d months), not a valid range up to %v", line, r.Start, r.End, r.Months(), testRef)
	}
	if r.Start.Month < 1 || r.Start.Month > 12 || r.End.Month < 1 || r.End.Month > 12 {
		t.Fatalf("FindRange(%q) = %v..%v, month out of range", line, r.Start, r.End)
	}
}

func FuzzFindRange(f *testing.F) {
	for _, s := range []string{"Mar 2019 – Present", "March 2019 - Jan 2021", "2017-2019", "jan/2018 - atual",
		"03/2016 a 12/2018", "desde 2020", "2019 – até o momento", "fev. 2015 – dez. 2016", "2015–17",
		"De 01/03/2016 a 31/12/2018", "Jan '18 – Mar '19", "Apr 2022 –", "Ξ2019-2020", "2019 - 2019"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		r, ok := FindRange(line, testRef)
		if ok {
			checkRange(t, line, r)
		}
	})
}

func FuzzFindPositions(f *testing.F) {
	for _, s := range fixtureTexts(f) {
		f.Add(s)
	}
	f.Add("Experience\nTeam Leader, Acme\nMar 2019 – Present\n- Coached agents")
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range FindPositions(text, testRef, nil) {
			if p.Range.Months() < 1 || p.Range.End.Before(p.Range.Start) {
				t.Fatalf("FindPositions: position %q has range %v..%v", p.Title, p.Range.Start, p.Range.End)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(p.Title) || !utf8.ValidString(p.Employer)) {
				t.Fatalf("FindPositions: title %q or employer %q is not valid UTF-8", p.Title, p.Employer)
			}
		}
	})
}

// checkExtract asserts what every extraction must give: a one-line error
// naming the input, or valid UTF-8 text within the bound.
func checkExtract(t *testing.T, data []byte, name string) {
	t.Helper()
	doc, err := Extract(context.Background(), data, name)
	if err != nil {
		if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), name+": ") {
			t.Fatalf("Extract(%s) error %q: want one line naming the file", name, err)
		}
		return
	}
	if !utf8.ValidString(doc.Text) {
		t.Fatalf("Extract(%s) text is not valid UTF-8", name)
	}
	if len(doc.Text) > MaxTextBytes {
		t.Fatalf("Extract(%s) text is %d bytes, over MaxTextBytes", name, len(doc.Text))
	}
}

func FuzzExtractText(f *testing.F) {
	for _, s := range fixtureTexts(f) {
		f.Add([]byte(s))
	}
	f.Add([]byte("Experi\xeancia \x96 atual"))
	f.Add([]byte("\xff\xfeT\x00L\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkExtract(t, data, "cv.txt")
	})
}

// fuzzLimits makes the document reader give up sooner while fuzzing:
// mutated hostile seeds (an object stream claiming more objects, a larger
// cross-reference section) reach the limits, and at the default five
// seconds of CPU each they would leave no time for other inputs.
func fuzzLimits(f *testing.F) {
	saved := DefaultSandboxLimits
	DefaultSandboxLimits.CPU = time.Second
	DefaultSandboxLimits.Wall = 5 * time.Second
	f.Cleanup(func() { DefaultSandboxLimits = saved })
}

func FuzzExtractDOCX(f *testing.F) {
	fuzzLimits(f)
	texts := fixtureTexts(f)
	if len(texts) > 3 {
		texts = texts[:3]
	}
	for _, s := range texts {
		f.Add(makeDOCX(f, s))
	}
	f.Add(makeDOCX(f, "Team Leader\tMar 2019 – Present\n- Coached agents"))
	f.Add(zipFiles(f, map[string]string{"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>`}))
	// Deep nesting and many elements, each past its bound.
	f.Add(cvtest.DeepDOCX(f, maxXMLDepth+1))
	f.Add(cvtest.ManyElementsDOCX(f, 1000))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkExtract(t, data, "cv.docx")
	})
}

func FuzzExtractPDF(f *testing.F) {
	fuzzLimits(f)
	texts := fixtureTexts(f)
	if len(texts) > 2 {
		texts = texts[:2]
	}
	for _, s := range texts {
		f.Add(makePDF(f, s, pdfOptions{}))
	}
	f.Add(cvtest.MinimalPDF(cvtest.PageObjects("BT /F1 12 Tf 72 700 Td [(Team) -250 (Leader)] TJ 0 -14 Td (Mar 2019 \\226 Present) Tj ET"), ""))
	f.Add(cvtest.MinimalPDF(cvtest.PageObjects("BT /F1 12 Tf 72 700 Td (x) Tj ET Q Q"), ""))
	// Hostile structures: a huge cross-reference subsection, an object
	// stream that holds itself, deep nesting, object streams that claim
	// objects they lack or start past their end.
	f.Add(cvtest.HugeXrefPDF(2_000_000_000))
	f.Add(cvtest.SelfStreamPDF())
	f.Add(cvtest.DeepArrayPDF(100_000))
	f.Add(cvtest.ObjStmPDF(1_000_000, 4, "7 0 (x)"))
	f.Add(cvtest.ObjStmPDF(1, 1<<40, "4 0 (x)"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkExtract(t, data, "cv.pdf")
	})
}
