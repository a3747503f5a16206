package server

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
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
	for _, probe := range []string{"/healthz", "/metrics"} {
		if got := do(t, s, "GET", probe, "", "").StatusCode; got != 200 {
			t.Errorf("GET %s at the cap = %d, want 200", probe, got)
		}
	}
	// Readiness reflects saturation, so a load balancer sends traffic
	// elsewhere.
	ready := do(t, s, "GET", "/readyz", "", "")
	if code, msg := decodeError(t, ready); ready.StatusCode != 503 || code != CodeOverloaded || !strings.Contains(msg, "2 requests in flight") {
		t.Errorf("GET /readyz at the cap = %d %s %q, want 503 overloaded", ready.StatusCode, code, msg)
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
	if got := do(t, s, "GET", "/readyz", "", "").StatusCode; got != 200 {
		t.Errorf("GET /readyz after the cap freed = %d, want 200", got)
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

// slowBody opens a connection to addr and sends a POST to path that
// promises length bytes of body and sends only the first few: a client
// that stalls half-way.
func slowBody(t *testing.T, addr, path string, length int) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{\"text\":", path, length)
	return conn
}

// TestSlowBodyHoldsNoPlace checks that a client that sends half a body
// and stalls does not hold one of MaxInFlight places: with one place, a
// whole request is answered while the slow one waits, and the slow one
// gets 408 when its body timeout ends.
func TestSlowBodyHoldsNoPlace(t *testing.T) {
	s, _ := newTestServer(t, newFake(t), Config{MaxInFlight: 1, BodyTimeout: 300 * time.Millisecond, CacheBytes: -1})
	addr, stop := serveLoopback(t, s)
	defer stop()
	slow := slowBody(t, addr, "/v1/classify", 100)
	slow2 := slowBody(t, addr, "/v1/classify/batch", 100)
	for i := 0; i < 3; i++ {
		resp, err := http.Post("http://"+addr+"/v1/classify", jsonCT, strings.NewReader(`{"text":"call centre agent"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("whole request beside two stalled ones: status %d, want 200", resp.StatusCode)
		}
	}
	for _, conn := range []net.Conn{slow, slow2} {
		conn.SetReadDeadline(time.Now().Add(time.Minute)) // only so a broken server cannot hang the test
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("stalled request: %v, want a 408 answer", err)
		}
		if code, _ := decodeError(t, resp); resp.StatusCode != http.StatusRequestTimeout || code != CodeBodyTimeout {
			t.Errorf("stalled request = %d %s, want 408 %s", resp.StatusCode, code, CodeBodyTimeout)
		}
	}
}

// TestBodyBudget checks that bodies being received are bounded in memory:
// past the budget a request is 503 overloaded, and /readyz says the
// server is saturated until the budget is free again.
func TestBodyBudget(t *testing.T) {
	s, _ := newTestServer(t, newFake(t), Config{MaxBodyBytes: 512 << 10, BodyBudget: 1 << 20, CacheBytes: -1})
	addr, stop := serveLoopback(t, s)
	defer stop()
	slow := slowBody(t, addr, "/v1/classify", 300<<10)
	slow2 := slowBody(t, addr, "/v1/classify", 300<<10)
	// The stalled bodies hold 600 KiB of the 1 MiB budget once the server
	// reads them, less than a full body is left; wait for that through
	// /readyz.
	for deadline := time.Now().Add(time.Minute); ; {
		resp := do(t, s, "GET", "/readyz", "", "")
		if resp.StatusCode == 503 {
			if code, msg := decodeError(t, resp); code != CodeOverloaded || !strings.Contains(msg, "request bodies hold") {
				t.Errorf("GET /readyz with the budget short = %s %q, want overloaded: request bodies hold ...", code, msg)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("/readyz never reported the body budget short")
		}
		time.Sleep(5 * time.Millisecond)
	}
	big := `{"text":"` + strings.Repeat("a", 500<<10) + `"}`
	resp, err := http.Post("http://"+addr+"/v1/classify", jsonCT, strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := decodeError(t, resp); resp.StatusCode != 503 || code != CodeOverloaded || resp.Header.Get("Retry-After") == "" {
		t.Errorf("body over the budget left = %d %s, want 503 overloaded with Retry-After", resp.StatusCode, code)
	}
	// A small body still fits.
	resp, err = http.Post("http://"+addr+"/v1/classify", jsonCT, strings.NewReader(`{"text":"call centre agent"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("small body beside the stalled one = %d, want 200", resp.StatusCode)
	}
	slow.Close()
	slow2.Close()
	for deadline := time.Now().Add(time.Minute); do(t, s, "GET", "/readyz", "", "").StatusCode != 200; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("/readyz still saturated after the stalled client left")
		}
	}
}

// TestBatchCountedBeforeDecoding checks that a batch of a million empty
// items is refused as too many without decoding them: the memory it
// takes is the body once more (the JSON decoder's buffer), not the items
// (decoded, a million items take over 250 MiB).
func TestBatchCountedBeforeDecoding(t *testing.T) {
	body := `{"items":[` + strings.Repeat(`{},`, 1_000_000) + `{}]}`
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := parseBatchBody([]byte(body), DefaultMaxBatchItems)
	runtime.ReadMemStats(&after)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeTooManyItems {
		t.Fatalf("parseBatchBody(a million items) = %v, want %s", err, CodeTooManyItems)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 2*uint64(len(body)) {
		t.Errorf("refusing a million items allocated %d KiB, want under twice the %d KiB body", alloc>>10, len(body)>>10)
	}
	s, _ := newTestServer(t, newFake(t), Config{MaxBodyBytes: 8 << 20})
	resp := do(t, s, "POST", "/v1/classify/batch", jsonCT, body)
	if code, msg := decodeError(t, resp); resp.StatusCode != 413 || code != CodeTooManyItems || !strings.Contains(msg, "more than 1000 items") {
		t.Errorf("POST a million items = %d %s %q, want 413 %s", resp.StatusCode, code, msg, CodeTooManyItems)
	}
}

func TestCountItems(t *testing.T) {
	for _, tt := range []struct {
		body string
		want int
	}{
		{`{"items":[]}`, 0},
		{`{"top":2,"items":[{"text":"a","x":[1,{"y":[]}]},{},"z"],"explain":true}`, 3},
		{`{"meta":{"items":[1,2,3]},"items":[{}]}`, 1},
		{`{"items":[{},{},{},{},{}]}`, 4}, // stops past the limit of 3
		{`[1,2]`, 0},
		{`{"items":`, 0},
	} {
		if got := countItems([]byte(tt.body), 3); got != tt.want {
			t.Errorf("countItems(%s, 3) = %d, want %d", tt.body, got, tt.want)
		}
	}
}
