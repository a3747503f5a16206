package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/anzsco/anzsco/index"
)

// blockingClassifier returns a fake whose Classify signals on started and
// waits for release.
func blockingClassifier(t *testing.T) (f *fakeClassifier, started chan string, release chan struct{}) {
	f = newFake(t)
	started = make(chan string, 16)
	release = make(chan struct{})
	echo := f.fn
	f.fn = func(q index.Query) (*index.Result, error) {
		started <- q.Text
		<-release
		return echo(q)
	}
	return f, started, release
}

// TestConcurrencyCap fills the cap with blocked requests and checks that
// the next API request gets 503 with Retry-After while probes still answer.
func TestConcurrencyCap(t *testing.T) {
	f, started, release := blockingClassifier(t)
	s, _ := newTestServer(t, f, Config{MaxInFlight: 2, CacheBytes: -1})
	var wg sync.WaitGroup
	codes := make(chan int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- do(t, s, "GET", "/v1/classify?q=blocked", "", "").StatusCode
		}()
	}
	<-started
	<-started
	resp := do(t, s, "POST", "/v1/classify", jsonCT, `{"text":"one more"}`)
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("request over the cap: status = %d, want 503", resp.StatusCode)
	}
	if ra := resp.Header.Get("Retry-After"); ra != "1" {
		t.Errorf("request over the cap: Retry-After = %q, want 1", ra)
	}
	if code, _ := decodeError(t, resp); code != CodeOverloaded {
		t.Errorf("request over the cap: code = %q, want %q", code, CodeOverloaded)
	}
	for _, probe := range []string{"/healthz", "/readyz", "/metrics"} {
		if got := do(t, s, "GET", probe, "", "").StatusCode; got != 200 {
			t.Errorf("GET %s at the cap = %d, want 200", probe, got)
		}
	}
	close(release)
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != 200 {
			t.Errorf("blocked request: status = %d, want 200", c)
		}
	}
	if got := do(t, s, "GET", "/v1/classify?q=after", "", "").StatusCode; got != 200 {
		t.Errorf("request after the cap freed: status = %d, want 200", got)
	}
	body, _ := io.ReadAll(do(t, s, "GET", "/metrics", "", "").Body)
	if !strings.Contains(string(body), `anzsco_http_rejected_total{reason="overloaded"} 1`) {
		t.Errorf("/metrics does not count the rejected request")
	}
}

// TestPanicRecovery checks that a panicking classifier gives a logged 500
// and the server goes on answering.
func TestPanicRecovery(t *testing.T) {
	f := newFake(t)
	echo := f.fn
	f.fn = func(q index.Query) (*index.Result, error) {
		if q.Text == "boom" {
			var m map[string]int
			m["x"]++ // a nil map write: a real runtime panic
		}
		return echo(q)
	}
	s, logBuf := newTestServer(t, f, Config{MaxInFlight: 1})
	for i := 0; i < 3; i++ { // more than the cap: a panic must free its slot
		resp := do(t, s, "GET", "/v1/classify?q=boom", "", "")
		if resp.StatusCode != 500 {
			t.Fatalf("panic %d: status = %d, want 500", i+1, resp.StatusCode)
		}
		if code, msg := decodeError(t, resp); code != CodeInternal || strings.Contains(msg, "nil map") {
			t.Errorf("panic %d: error %s %q, want internal without the panic text", i+1, code, msg)
		}
	}
	if got := do(t, s, "GET", "/v1/classify?q=fine", "", "").StatusCode; got != 200 {
		t.Errorf("request after the panics: status = %d, want 200", got)
	}
	log := logBuf.String()
	if !strings.Contains(log, `"msg":"panic"`) || !strings.Contains(log, "nil map") || !strings.Contains(log, "goroutine") {
		t.Errorf("the log lacks the panic and its stack:\n%s", log)
	}
	body, _ := io.ReadAll(do(t, s, "GET", "/metrics", "", "").Body)
	if !strings.Contains(string(body), "anzsco_http_panics_total 3") {
		t.Errorf("/metrics does not count 3 panics")
	}
}

// TestHTTPServerConfig checks that the timeouts and limits reach the
// http.Server, from the defaults and from the configuration.
func TestHTTPServerConfig(t *testing.T) {
	f := newFake(t)
	tests := []struct {
		name string
		cfg  Config
		want [4]time.Duration // read header, read, write, idle
	}{
		{"defaults", Config{}, [4]time.Duration{DefaultReadHeaderTimeout, DefaultReadTimeout, DefaultWriteTimeout, DefaultIdleTimeout}},
		{"set", Config{ReadHeaderTimeout: time.Second, ReadTimeout: 2 * time.Second, WriteTimeout: 3 * time.Second, IdleTimeout: 4 * time.Second},
			[4]time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second}},
	}
	for _, tt := range tests {
		s, _ := newTestServer(t, f, tt.cfg)
		hs := s.HTTPServer()
		got := [4]time.Duration{hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout}
		if got != tt.want {
			t.Errorf("%s: timeouts (header, read, write, idle) = %v, want %v", tt.name, got, tt.want)
		}
		if hs.MaxHeaderBytes != maxHeaderBytes || hs.Handler != s {
			t.Errorf("%s: MaxHeaderBytes = %d, handler %T; want %d and the server", tt.name, hs.MaxHeaderBytes, hs.Handler, maxHeaderBytes)
		}
	}
}

// TestSlowHeaders checks that a client that never finishes its headers is
// disconnected by ReadHeaderTimeout.
func TestSlowHeaders(t *testing.T) {
	s, _ := newTestServer(t, newFake(t), Config{ReadHeaderTimeout: 50 * time.Millisecond})
	addr, stop := serveLoopback(t, s)
	defer stop()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n") // and never the blank line
	conn.SetReadDeadline(time.Now().Add(time.Minute))            // only so a broken server cannot hang the test
	data, err := io.ReadAll(conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the server kept a connection with unfinished headers open")
	}
	if strings.Contains(string(data), "200 OK") {
		t.Errorf("the server answered unfinished headers: %q", data)
	}
}

// serveLoopback runs s.Serve on 127.0.0.1:0 and returns its address and a
// function that shuts it down and returns Serve's error.
func serveLoopback(t *testing.T, s *Server) (string, func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	var once sync.Once
	var serr error
	return ln.Addr().String(), func() error {
		once.Do(func() { cancel(); serr = <-done })
		return serr
	}
}

// TestGracefulShutdown cancels Serve's context while a request is in
// flight: the request must finish with its full answer, /readyz and new API
// requests must say the server is shutting down, and Serve must return nil
// only after the request is done.
func TestGracefulShutdown(t *testing.T) {
	f, started, release := blockingClassifier(t)
	s, _ := newTestServer(t, f, Config{CacheBytes: -1})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	serveDone := make(chan error, 1)
	go func() { serveDone <- s.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()

	type answer struct {
		status int
		body   string
		err    error
	}
	inflight := make(chan answer, 1)
	go func() {
		resp, err := http.Get(base + "/v1/classify?q=in+flight")
		if err != nil {
			inflight <- answer{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		inflight <- answer{resp.StatusCode, string(b), err}
	}()
	<-started
	cancel()
	for !s.draining.Load() {
		time.Sleep(time.Millisecond)
	}
	// Draining: probes and API requests that reach the handler say so.
	if resp := do(t, s, "GET", "/readyz", "", ""); resp.StatusCode != 503 {
		t.Errorf("GET /readyz while draining = %d, want 503", resp.StatusCode)
	}
	resp := do(t, s, "GET", "/v1/classify?q=late", "", "")
	if resp.StatusCode != 503 {
		t.Errorf("API request while draining = %d, want 503", resp.StatusCode)
	} else if code, _ := decodeError(t, resp); code != CodeShuttingDown {
		t.Errorf("API request while draining: code %q, want %q", code, CodeShuttingDown)
	}
	select {
	case err := <-serveDone:
		t.Fatalf("Serve returned (%v) with a request in flight", err)
	default:
	}
	close(release)
	a := <-inflight
	if a.err != nil || a.status != 200 || !strings.Contains(a.body, `"input":"in flight"`) {
		t.Errorf("in-flight request = %d %q (%v), want 200 with its result", a.status, a.body, a.err)
	}
	if err := <-serveDone; err != nil {
		t.Errorf("Serve() = %v, want nil after a clean shutdown", err)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Errorf("the listener still accepts connections after Serve returned")
	}
}

// TestShutdownTimeout checks that Serve gives up on a request that outlives
// the shutdown grace and says so.
func TestShutdownTimeout(t *testing.T) {
	f, started, release := blockingClassifier(t)
	defer close(release)
	s, _ := newTestServer(t, f, Config{CacheBytes: -1, ShutdownTimeout: 20 * time.Millisecond})
	addr, stop := serveLoopback(t, s)
	go http.Get("http://" + addr + "/v1/classify?q=stuck")
	<-started
	if err := stop(); err == nil || !strings.Contains(err.Error(), "still running") {
		t.Errorf("Serve() = %v, want an error about requests still running", err)
	}
}

// TestCORS checks the headers for allowed and other origins, and
// preflight requests.
func TestCORS(t *testing.T) {
	tests := []struct {
		name        string
		origins     []string
		method      string
		origin      string
		preflight   bool
		wantStatus  int
		wantAllowed string // Access-Control-Allow-Origin
	}{
		{"no policy", nil, "GET", "https://a.example", false, 200, ""},
		{"allowed", []string{"https://a.example"}, "GET", "https://a.example", false, 200, "https://a.example"},
		{"allowed, case", []string{"https://A.example"}, "GET", "https://a.example", false, 200, "https://a.example"},
		{"other origin", []string{"https://a.example"}, "GET", "https://evil.example", false, 200, ""},
		{"no origin", []string{"https://a.example"}, "GET", "", false, 200, ""},
		{"any", []string{"*"}, "GET", "https://b.example", false, 200, "*"},
		{"preflight allowed", []string{"https://a.example"}, "OPTIONS", "https://a.example", true, 204, "https://a.example"},
		{"preflight other", []string{"https://a.example"}, "OPTIONS", "https://evil.example", true, 204, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, newFake(t), Config{CORSOrigins: tt.origins})
			req, _ := http.NewRequest(tt.method, "/v1/classify?q=agent", nil)
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			if tt.preflight {
				req.Header.Set("Access-Control-Request-Method", "POST")
				req.Header.Set("Access-Control-Request-Headers", "content-type")
			}
			rec := newRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tt.wantAllowed {
				t.Errorf("Access-Control-Allow-Origin = %q, want %q", got, tt.wantAllowed)
			}
			if tt.preflight && tt.wantAllowed != "" {
				if m := rec.Header().Get("Access-Control-Allow-Methods"); !strings.Contains(m, "POST") {
					t.Errorf("Access-Control-Allow-Methods = %q, want POST in it", m)
				}
				if h := rec.Header().Get("Access-Control-Allow-Headers"); !strings.Contains(h, "Content-Type") {
					t.Errorf("Access-Control-Allow-Headers = %q, want Content-Type", h)
				}
			}
			if len(tt.origins) > 0 && !strings.Contains(strings.Join(rec.Header().Values("Vary"), ","), "Origin") {
				t.Errorf("Vary = %q, want Origin", rec.Header().Values("Vary"))
			}
		})
	}
}

// TestBodyReadErrors checks a body that fails half-way.
func TestBodyReadErrors(t *testing.T) {
	s, _ := newTestServer(t, newFake(t), Config{})
	req, _ := http.NewRequest("POST", "/v1/classify", io.MultiReader(strings.NewReader(`{"text":`), errReader{}))
	req.Header.Set("Content-Type", jsonCT)
	rec := newRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 400 {
		t.Errorf("body that fails to read: status = %d, want 400", rec.Code)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }
