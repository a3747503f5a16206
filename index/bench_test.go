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
