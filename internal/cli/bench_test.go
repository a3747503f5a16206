package cli

import (
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch/adgen"
	"github.com/anzsco/anzsco/internal/cputime"
)

var benchIndexes sync.Map // corpus name -> *index.Index

func benchIndex(b *testing.B, name string) *index.Index {
	if ix, ok := benchIndexes.Load(name); ok {
		return ix.(*index.Index)
	}
	c, err := corpus.Builtin(name)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := index.Build(c)
	if err != nil {
		b.Fatal(err)
	}
	benchIndexes.Store(name, ix)
	return ix
}

// BenchmarkClassifyStream measures 'classify --json -' on distinct ad
// titles (b.N of them, each unseen before), the whole stream path: reading,
// cleaning, analysis, search, ranking, JSON and output. Run with -cpu 1 for
// one core, -cpu 2 for two.
func BenchmarkClassifyStream(b *testing.B) {
	for _, name := range []string{corpus.DefaultName, "anzsco"} {
		b.Run(name, func(b *testing.B) {
			ix := benchIndex(b, name)
			g := adgen.NewDistinct(7)
			var in strings.Builder
			for range b.N {
				in.WriteString(g.Next(0).Title)
				in.WriteByte('\n')
			}
			ios, _, _ := Test(in.String())
			ios.Out = io.Discard
			opts := &classifyOptions{IO: ios, Index: func() (*index.Index, error) { return ix, nil }, Stdin: true, Format: "json", Top: index.DefaultTop}
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cputime.Used()
			// Exit statuses for titles outside the targets are expected.
			if err := classifyRun(opts); err != nil {
				if _, ok := err.(*exitError); !ok {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "titles/s")
			// CPU time, garbage collection included, depends much less on
			// what else the machine runs than the wall clock does.
			if cpu := cputime.Used() - cpu0; cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/title")
			}
		})
	}
}
