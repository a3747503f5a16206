package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	rtmetrics "runtime/metrics"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch/adgen"
	"github.com/anzsco/anzsco/internal/cputime"
)

var benchTitles = []string{
	"Contact Center Supervisor",
	"Call centre agent",
	"Team Leader - Inbound Contact Centre",
	"Operador de telemarketing receptivo",
	"Senior software engineer",
	"Customer Service Representative (12 month contract) - Sydney CBD",
}

// benchServe measures one GET /v1/classify through the whole handler
// (access log to io.Discard as JSON, metrics, cap, cache) with the real
// default index.
func benchServe(b *testing.B, cacheBytes int) {
	s, err := New(Config{Classifier: defaultIndex(b), CacheBytes: cacheBytes, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	reqs := make([]*http.Request, len(benchTitles))
	for i, t := range benchTitles {
		reqs[i] = httptest.NewRequest("GET", "/v1/classify?q="+url.QueryEscape(t), nil)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Used()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, reqs[i%len(reqs)])
		if rec.Code != 200 {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
	if cpu := cputime.Used() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(b.N), "cpu-µs/req")
	}
}

func BenchmarkServeClassifyCached(b *testing.B)   { benchServe(b, DefaultCacheBytes) }
func BenchmarkServeClassifyUncached(b *testing.B) { benchServe(b, -1) }

// BenchmarkServeClassifyDistinct measures GET /v1/classify with the cache
// on and a distinct ad title in each request (adgen.NewDistinct), as real
// traffic mostly is: the result cache never answers. It reports CPU time
// per request too, which a loaded machine disturbs less than the clock.
func BenchmarkServeClassifyDistinct(b *testing.B) {
	s, err := New(Config{Classifier: defaultIndex(b), CacheBytes: DefaultCacheBytes, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	g := adgen.NewDistinct(3)
	reqs := make([]*http.Request, b.N)
	for i := range reqs {
		reqs[i] = httptest.NewRequest("GET", "/v1/classify?q="+url.QueryEscape(g.Next(0).Title), nil)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Used()
	for _, req := range reqs {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
	if cpu := cputime.Used() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/req")
	}
}

// BenchmarkServeCollection measures one garbage collection of a server
// that has answered 100,000 distinct ad titles, as `anzsco serve` holds
// them: the built-in index restored from its snapshot, the result cache
// at its default budget, and every cache of the index filled. Each
// collection's mark phase is what the requests of a loaded server wait
// behind; it lasts as long as the heap has pointers to follow, which the
// benchmark reports: scan-MB (the heap the collector scans) and objects.
func BenchmarkServeCollection(b *testing.B) {
	ix, err := index.Builtin(corpus.DefaultName)
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Config{Classifier: ix, CacheBytes: DefaultCacheBytes, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	g := adgen.NewDistinct(3)
	for range 100_000 {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/classify?q="+url.QueryEscape(g.Next(0).Title), nil))
		if rec.Code != 200 {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
	runtime.GC()
	b.ResetTimer()
	for range b.N {
		runtime.GC()
	}
	b.StopTimer()
	m := []rtmetrics.Sample{{Name: "/gc/scan/heap:bytes"}, {Name: "/gc/heap/objects:objects"}, {Name: "/gc/heap/live:bytes"}}
	rtmetrics.Read(m)
	b.ReportMetric(float64(m[0].Value.Uint64())/1e6, "scan-MB")
	b.ReportMetric(float64(m[1].Value.Uint64()), "objects")
	b.ReportMetric(float64(m[2].Value.Uint64())/1e6, "live-MB")
	runtime.KeepAlive(s)
}
