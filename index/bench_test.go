package index_test

import (
	"sync"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch/adgen"
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

// benchDescription is a job ad body of about 150 words.
const benchDescription = `We are looking for a friendly and motivated person to join our busy inbound contact centre team in Parramatta.
You will answer calls, emails and live chat enquiries from our customers about their energy accounts, bills, payment plans and moving house,
resolve their questions at the first point of contact where possible, and record every interaction accurately in our CRM system.
You will also process payments over the phone, update customer details, and escalate complex complaints to your team leader.
To be successful you will have excellent communication skills, a genuine passion for customer service, and the ability to navigate
several computer systems at once. Previous call centre or retail experience is an advantage but full training is provided.
We offer a competitive hourly rate plus super, paid training, career progression, a modern office close to the train station,
and a supportive, fun team culture with regular incentives and rewards. Apply now to start your career with us.`

// BenchmarkClassifyDescribed measures Classify of a title with a 150-word
// description, as batch runs it on job ads.
func BenchmarkClassifyDescribed(b *testing.B) {
	ix := defaultIndex(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Classify(index.Query{Text: benchTitles[i%len(benchTitles)], Description: benchDescription}); err != nil {
			b.Fatal(err)
		}
	}
}

var anzscoBench struct {
	once sync.Once
	ix   *index.Index
	err  error
}

// anzscoIndex is the index of the whole ANZSCO, built once.
func anzscoIndex(b testing.TB) *index.Index {
	anzscoBench.once.Do(func() {
		c, err := corpus.Builtin("anzsco")
		if err != nil {
			anzscoBench.err = err
			return
		}
		anzscoBench.ix, anzscoBench.err = index.Build(c)
	})
	if anzscoBench.err != nil {
		b.Fatal(anzscoBench.err)
	}
	return anzscoBench.ix
}

// distinctTitles returns n generated job-ad titles, each distinct (a real
// title with a made-up word), as in real ad files: no cache keyed by the
// whole title helps.
func distinctTitles(n int) []string {
	g := adgen.NewDistinct(1)
	out := make([]string, n)
	for i := range out {
		out[i] = g.Next(0).Title
	}
	return out
}

// BenchmarkClassifyDistinct measures Classify of distinct ad titles on one
// goroutine, with the default corpus and with the whole ANZSCO. Each
// iteration is a title not seen before in the run (up to 200,000).
func BenchmarkClassifyDistinct(b *testing.B) {
	titles := distinctTitles(200000)
	for _, tt := range []struct {
		name string
		ix   func(testing.TB) *index.Index
	}{{"default", defaultIndex}, {"anzsco", anzscoIndex}} {
		b.Run(tt.name, func(b *testing.B) {
			ix := tt.ix(b)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := ix.Classify(index.Query{Text: titles[i%len(titles)]}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "titles/s")
		})
	}
}

// BenchmarkColdAnzsco measures what a process coding against the whole
// ANZSCO does before its first answer: load the corpus, build the index
// and classify one title.
func BenchmarkColdAnzsco(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c, err := corpus.Builtin("anzsco")
		if err != nil {
			b.Fatal(err)
		}
		ix, err := index.Build(c)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Classify(index.Query{Text: "Truck Driver"}); err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}
