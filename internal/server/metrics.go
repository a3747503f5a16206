package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/resultcache"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own so
// that two servers in one process (as in tests) never collide.
type metrics struct {
	registry        *prometheus.Registry
	requests        *prometheus.CounterVec
	latency         *prometheus.HistogramVec
	inFlight        prometheus.Gauge
	rejected        *prometheus.CounterVec
	classifications *prometheus.CounterVec
	panics          prometheus.Counter
	http            http.Handler
}

// latencyBuckets span a cached answer (tens of microseconds) to a large
// batch (seconds).
var latencyBuckets = []float64{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

func newMetrics(results *resultcache.Classifier) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "anzsco_http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status code.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "anzsco_http_request_duration_seconds",
			Help:    "Time from reading the request headers to the end of the response, by route pattern and status code.",
			Buckets: latencyBuckets,
		}, []string{"route", "status"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "anzsco_http_requests_in_flight",
			Help: "API requests being handled now (the ones the concurrency cap counts).",
		}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "anzsco_http_rejected_total",
			Help: "API requests turned away with 503, by reason (overloaded, shutting_down).",
		}, []string{"reason"}),
		classifications: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "anzsco_classifications_total",
			Help: `Inputs classified, by the code of the result ("outside" when none).`,
		}, []string{"code"}),
		panics: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "anzsco_http_panics_total",
			Help: "Handler panics recovered and answered with 500.",
		}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.inFlight, m.rejected, m.classifications, m.panics,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if results.Stats().BudgetBytes > 0 {
		m.registry.MustRegister(cacheMetrics(results)...)
	}
	m.http = promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
	return m
}

// observe records one answered request.
func (m *metrics) observe(route, method string, status int, d time.Duration) {
	s := strconv.Itoa(status)
	m.requests.WithLabelValues(route, method, s).Inc()
	m.latency.WithLabelValues(route, s).Observe(d.Seconds())
}

// classified records the code of one classification.
func (m *metrics) classified(code string) {
	if code == "" {
		code = "outside"
	}
	m.classifications.WithLabelValues(code).Inc()
}

// cacheMetrics are the result cache's series, read from its counters when
// /metrics is asked.
func cacheMetrics(results *resultcache.Classifier) []prometheus.Collector {
	lookups := func(outcome string, n func(index.CacheStats) int64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name:        "anzsco_result_cache_lookups_total",
			Help:        "Result cache look-ups, by outcome (hit, miss).",
			ConstLabels: prometheus.Labels{"outcome": outcome},
		}, func() float64 { return float64(n(results.Stats())) })
	}
	return []prometheus.Collector{
		lookups("hit", func(st index.CacheStats) int64 { return st.Hits }),
		lookups("miss", func(st index.CacheStats) int64 { return st.Misses }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "anzsco_result_cache_entries", Help: "Results held in the cache."},
			func() float64 { return float64(results.Stats().Entries) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "anzsco_result_cache_bytes", Help: "Approximate bytes the cached results use."},
			func() float64 { return float64(results.Stats().Bytes) }),
	}
}
