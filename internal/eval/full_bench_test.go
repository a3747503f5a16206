package eval_test

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/cputime"
)

// The full-scale benchmarks run on the built-in whole ANZSCO (corpus
// "anzsco"): all 1,076 occupations, every one a target, with their
// Portuguese titles and group titles.
var (
	fullOnce   sync.Once
	fullCorpus *corpus.Corpus
	fullErr    error
)

func loadFull(tb testing.TB) (*corpus.Corpus, string) {
	tb.Helper()
	fullOnce.Do(func() { fullCorpus, fullErr = corpus.Builtin("anzsco") })
	if fullErr != nil {
		tb.Fatal(fullErr)
	}
	return fullCorpus, "built-in corpus anzsco"
}

// fullQueries are the English titles of the corpus (principal, alternative,
// specialisation), each also with the noise of a job ad around it, so the
// queries hit every occupation.
func fullQueries(c *corpus.Corpus) []string {
	var out []string
	noise := []string{"%s", "Senior %s - Sydney CBD", "%s (12 month contract)", "Trainee %s | $70k + super"}
	k := 0
	for _, o := range c.Occupations {
		en := o.Text["en"]
		if en == nil {
			continue
		}
		for _, t := range append(append([]string{en.Title}, en.AlternativeTitles...), en.Specialisations...) {
			out = append(out, fmt.Sprintf(noise[k%len(noise)], t))
			k++
		}
	}
	return out
}

// BenchmarkFullBuild measures building the full-ANZSCO index in memory and
// on disk, and reports its size: bleve documents and bytes on disk.
func BenchmarkFullBuild(b *testing.B) {
	c, from := loadFull(b)
	b.Logf("corpus: %s, %d occupations", from, len(c.Occupations))
	b.Run("memory", func(b *testing.B) {
		b.ReportAllocs()
		var docs uint64
		cpu0, n := cputime.Used(), 0
		for b.Loop() {
			n++
			ix, err := index.Build(c)
			if err != nil {
				b.Fatal(err)
			}
			if docs, err = ix.DocCount(); err != nil {
				b.Fatal(err)
			}
			ix.Close()
		}
		reportCPU(b, n, cputime.Used()-cpu0)
		b.ReportMetric(float64(docs), "docs")
		b.ReportMetric(float64(len(c.Occupations)), "occupations")
	})
	b.Run("disk", func(b *testing.B) {
		b.ReportAllocs()
		dir := filepath.Join(b.TempDir(), "full.idx")
		cpu0, n := cputime.Used(), 0
		for b.Loop() {
			n++
			if err := index.Write(c, dir, "benchmark"); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, n, cputime.Used()-cpu0)
		b.ReportMetric(float64(dirSize(b, dir)), "disk-bytes")
	})
}

// reportCPU reports the CPU time per operation, when it is known.
func reportCPU(b *testing.B, n int, cpu time.Duration) {
	if cpu > 0 && n > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/op")
	}
}

func dirSize(tb testing.TB, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err == nil {
			n += fi.Size()
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// BenchmarkFullClassify measures Classify on the full-ANZSCO index, one
// title at a time on one goroutine (run with -cpu 1 for the one-core
// figure), and reports titles per second.
func BenchmarkFullClassify(b *testing.B) {
	c, from := loadFull(b)
	ix, err := index.Build(c)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	qs := fullQueries(c)
	b.Logf("corpus: %s, %d occupations, %d distinct queries", from, len(c.Occupations), len(qs))
	b.ReportAllocs()
	i := 0
	cpu0 := cputime.Used()
	for b.Loop() {
		if _, err := ix.Classify(index.Query{Text: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
		i++
	}
	reportThroughput(b, i, cputime.Used()-cpu0, "titles")
}

// reportThroughput reports n items per second of wall time and, when the
// process's CPU time is known, per second of CPU time: on a busy machine
// the second is the one-core figure.
func reportThroughput(b *testing.B, n int, cpu time.Duration, unit string) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), unit+"/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), unit+"/cpu-s")
	}
}

// TestFullIndex checks the full-scale index the benchmarks measure: every
// occupation's principal title is coded to it (or, for a title that two
// occupations share, to one that lists it).
func TestFullIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the full-ANZSCO index")
	}
	c, from := loadFull(t)
	ix, err := index.Build(c)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	owners := map[string]map[string]bool{}
	for _, o := range c.Occupations {
		for _, tx := range o.Text {
			for _, s := range append(append([]string{tx.Title}, tx.AlternativeTitles...), tx.Specialisations...) {
				if owners[s] == nil {
					owners[s] = map[string]bool{}
				}
				owners[s][o.Code] = true
			}
		}
	}
	wrong := 0
	for _, o := range c.Occupations {
		title := o.Text["en"].Title
		res, err := ix.Classify(index.Query{Text: title})
		if err != nil {
			t.Fatalf("Classify(%q) = %v", title, err)
		}
		if !owners[title][res.Code] {
			wrong++
			if wrong <= 10 {
				t.Logf("Classify(%q) = %s %q, want %s", title, res.Code, res.Title, o.Code)
			}
		}
	}
	share := float64(wrong) / float64(len(c.Occupations))
	t.Logf("%s: %d of %d principal titles coded elsewhere (%.1f%%)", from, wrong, len(c.Occupations), 100*share)
	// A principal title is the classification's own name for the
	// occupation: nearly all must come back to it.
	if share > 0.02 {
		t.Errorf("%d of %d principal titles (%.1f%%) are not coded to their occupation, want at most 2%%", wrong, len(c.Occupations), 100*share)
	}
}
