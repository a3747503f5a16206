package crosswalk

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

// TestEnglishTitles derives the English titles of the small sources: each
// ESCO preferred label goes to the targets of its ISCO-08 group, never
// pinned by the ABS titles, and alternative labels are left out.
func TestEnglishTitles(t *testing.T) {
	src := smallSources()
	src.ESCOEnglish = append(src.ESCOEnglish,
		ESCOEnglish{URI: "u5", ISCO08: "2222", Preferred: "midwife", Alt: []string{"birth attendant"}},
		ESCOEnglish{URI: "u6", ISCO08: "6121", Preferred: "cattle breeder"},
		ESCOEnglish{URI: "u7", ISCO08: "9999", Preferred: "no such group"},
		ESCOEnglish{URI: "u8", ISCO08: "8332", Preferred: " Truck  driver "})
	got, err := EnglishTitles(src)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteTSV(&b, got); err != nil {
		t.Fatal(err)
	}
	want := `target	text	variant	source
121312	cattle breeder		ESCO 1.1.1 preferred label, ISCO-08 6121; shared with ANZSCO 363211
254111	midwife		ESCO 1.1.1 preferred label, ISCO-08 2222
363211	cattle breeder		ESCO 1.1.1 preferred label, ISCO-08 6121; shared with ANZSCO 121312
7331	fuel tanker driver		ESCO 1.1.1 preferred label, ISCO-08 8332
7331	Truck driver		ESCO 1.1.1 preferred label, ISCO-08 8332
`
	if b.String() != want {
		t.Errorf("EnglishTitles:\n%s\nwant:\n%s", b.String(), want)
	}
	if _, err := EnglishTitles(Sources{}); err == nil {
		t.Error("EnglishTitles(no correspondence) = nil error, want one")
	}
	x := ExtraEnglish(got)
	if len(x) != len(got) || x[0].Lang != "en" || x[0].Target != "121312" || x[0].Source != got[0].Source {
		t.Errorf("ExtraEnglish = %+v, want the titles in English", x)
	}
}

// TestGeneratedEnglishIsCurrent checks that the committed
// data/en-titles.tsv.gz is, byte for byte, what the crosswalks give
// today, and that it reads back. Run go generate in corpus/crosswalk when
// it fails.
func TestGeneratedEnglishIsCurrent(t *testing.T) {
	src, _, _ := derive(t)
	titles, err := EnglishTitles(src)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteGzipTSV(&buf, titles); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), englishGz) {
		t.Errorf("data/en-titles.tsv.gz is out of date (%d bytes, the crosswalks give %d): run go generate ./corpus/crosswalk", len(englishGz), buf.Len())
	}
	embedded, err := English()
	if err != nil {
		t.Fatal(err)
	}
	if len(embedded) != len(titles) || len(embedded) < 3000 {
		t.Errorf("English() holds %d titles, the crosswalks give %d (want several thousand)", len(embedded), len(titles))
	}
	if _, err := gzip.NewReader(bytes.NewReader(englishGz)); err != nil {
		t.Fatal(err)
	}
}
