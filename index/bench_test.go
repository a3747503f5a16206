package index_test

import (
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

var benchTitles = []string{
	"Contact Center Supervisor", "Call centre agent", "Inbound CSR - 12 month contract - Sydney CBD",
	"Operador de telemarketing receptivo", "Software Engineer", "Call Centre Manager", "Telemarketer",
	"Warehouse Team Leader", "Supervisora de Central de Atendimento - São Paulo", "Customer Service Officer",
}

// BenchmarkClassifyShortTitle measures Classify of short titles on one
// goroutine (run with -cpu 1 for the one-core figure).
func BenchmarkClassifyShortTitle(b *testing.B) {
	ix := defaultIndex(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Classify(index.Query{Text: benchTitles[i%len(benchTitles)]}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClassifyParallel measures throughput with every core busy.
func BenchmarkClassifyParallel(b *testing.B) {
	ix := defaultIndex(b)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := ix.Classify(index.Query{Text: benchTitles[i%len(benchTitles)]}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkBuildDefault measures building the default index in memory,
// which every process without --index does at start-up.
func BenchmarkBuildDefault(b *testing.B) {
	c, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ix, err := index.Build(c)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}
