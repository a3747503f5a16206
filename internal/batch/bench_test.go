package batch

import (
	"context"
	"encoding/csv"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch/adgen"
	"github.com/anzsco/anzsco/internal/cputime"
)

var benchIndex struct {
	once sync.Once
	ix   *index.Index
	err  error
}

// defaultIndex is the index of the embedded default corpus, built once.
func defaultIndex(b testing.TB) *index.Index {
	benchIndex.once.Do(func() {
		c, err := corpus.Default()
		if err != nil {
			benchIndex.err = err
			return
		}
		benchIndex.ix, benchIndex.err = index.Build(c)
	})
	if benchIndex.err != nil {
		b.Fatal(benchIndex.err)
	}
	return benchIndex.ix
}

// adsCSV returns n generated ads as CSV, with descriptions of the given
// number of words (none for 0).
func adsCSV(n, words int) string { return genCSV(adgen.New(1), n, words) }

// distinctCSV is adsCSV with every title distinct, as in real ad files.
func distinctCSV(n, words int) string { return genCSV(adgen.NewDistinct(1), n, words) }

func genCSV(g *adgen.Generator, n, words int) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"id", "title", "description"})
	for range n {
		ad := g.Next(words)
		w.Write([]string{ad.ID, ad.Title, ad.Description})
	}
	w.Flush()
	return b.String()
}

// benchBatch runs b.N generated rows through the pipeline and reports
// rows per second.
func benchBatch(b *testing.B, c index.Classifier, words int, opt Options) {
	benchInput(b, c, adsCSV(b.N, words), opt)
}

func benchInput(b *testing.B, c index.Classifier, input string, opt Options) {
	b.ResetTimer()
	start, cpu0 := time.Now(), cputime.Used()
	rd, err := NewReader(strings.NewReader(input), ReadOptions{Title: "title", Text: "description", ID: "id"})
	if err != nil {
		b.Fatal(err)
	}
	st, err := Run(context.Background(), rd, c, io.Discard, opt)
	if err != nil {
		b.Fatal(err)
	}
	if st.Rows != b.N || st.Errors != 0 {
		b.Fatalf("%d rows, %d errors; want %d rows, no error", st.Rows, st.Errors, b.N)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "rows/s")
	if cpu := cputime.Used() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(b.N), "cpu-µs/row")
	}
}

// BenchmarkBatchTitles maps title-only rows with the default index.
func BenchmarkBatchTitles(b *testing.B) {
	ix := defaultIndex(b)
	b.Run("cache", func(b *testing.B) { benchBatch(b, ix, 0, Options{CacheBytes: DefaultCacheBytes}) })
	b.Run("nocache", func(b *testing.B) { benchBatch(b, ix, 0, Options{}) })
}

// BenchmarkBatchDistinct maps distinct title-only rows with the default
// index: no result is seen twice, so the result cache cannot help.
func BenchmarkBatchDistinct(b *testing.B) {
	ix := defaultIndex(b)
	benchInput(b, ix, distinctCSV(b.N, 0), Options{CacheBytes: DefaultCacheBytes})
}

// BenchmarkBatchDescribed maps rows with descriptions of about 150 words
// with the default index.
func BenchmarkBatchDescribed(b *testing.B) {
	ix := defaultIndex(b)
	benchBatch(b, ix, 150, Options{CacheBytes: DefaultCacheBytes})
}

// BenchmarkPipelineOverhead measures the pipeline alone: reading, the
// workers, encoding and reordering, with a classifier that does no work.
func BenchmarkPipelineOverhead(b *testing.B) {
	for _, tt := range []struct {
		name   string
		words  int
		format Format
	}{{"titles-csv", 0, CSV}, {"titles-jsonl", 0, JSONL}, {"described-csv", 150, CSV}} {
		b.Run(tt.name, func(b *testing.B) { benchBatch(b, &fake{}, tt.words, Options{Format: tt.format}) })
	}
}
