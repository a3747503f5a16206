package crosswalk

import (
	"bytes"
	"compress/gzip"
	"testing"
)

// BenchmarkLoadTitles measures what Titles costs on first use: unzipping
// and parsing the embedded data.
func BenchmarkLoadTitles(b *testing.B) {
	for b.Loop() {
		zr, err := gzip.NewReader(bytes.NewReader(titlesGz))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ReadTSV(zr, "data/pt-titles.tsv.gz"); err != nil {
			b.Fatal(err)
		}
	}
}
