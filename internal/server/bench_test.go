package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

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
