package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Limits the server is started with, so that the requests that break them
// cost little to send.
const (
	maxBody  = 64 << 10
	maxBatch = 50
)

func main() {
	bin := flag.String("anzsco", "anzsco", "the anzsco `binary` to run")
	duration := flag.Duration("duration", 10*time.Minute, "how long to send requests")
	maxRequests := flag.Int64("max-requests", 5_000_000, "stop after `N` requests")
	clients := flag.Int("clients", 8, "requests in flight at once")
	sample := flag.Duration("sample", 10*time.Second, "how often to sample the server's RSS")
	seed := flag.Uint64("seed", 1, "seed of the request mix")
	flag.Parse()
	os.Exit(soak(*bin, *duration, *maxRequests, *clients, *sample, *seed, flag.Args()))
}

func soak(bin string, duration time.Duration, maxRequests int64, clients int, sample time.Duration, seed uint64, extra []string) int {
	srv, err := startServer(bin, extra)
	if err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		return 1
	}
	defer srv.kill()
	fmt.Printf("soak: %s against anzsco serve (pid %d) at %s, %d clients, max body %d B, max batch %d\n",
		duration, srv.cmd.Process.Pid, srv.base, clients, maxBody, maxBatch)

	st := &stats{invalid: map[string]map[int]int{}}
	rss := &rssSampler{pid: srv.cmd.Process.Pid}
	rss.sample()
	stopSampling := make(chan struct{})
	var sampling sync.WaitGroup
	sampling.Add(1)
	go func() {
		defer sampling.Done()
		t := time.NewTicker(sample)
		defer t.Stop()
		for {
			select {
			case <-stopSampling:
				return
			case <-t.C:
				rss.sample()
			}
		}
	}()

	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	go func() {
		select {
		case <-srv.exited:
			cancel()
		case <-ctx.Done():
		}
	}()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	start := time.Now()
	var sent atomic.Int64
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, uint64(c)))
			for ctx.Err() == nil && sent.Add(1) <= maxRequests {
				req := nextRequest(rng)
				st.record(req, do(ctx, client, srv.base, req))
			}
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	rss.sample()
	close(stopSampling)
	sampling.Wait()

	died := false
	select {
	case <-srv.exited:
		died = true
	default:
	}
	shutdown := srv.stop(45 * time.Second)
	return report(st, rss, srv, elapsed, died, shutdown)
}

// server is the anzsco serve process.
type server struct {
	cmd    *exec.Cmd
	base   string
	exited chan struct{}
	err    error // the process's exit, once exited is closed

	mu     sync.Mutex
	levels map[string]int
	errors []string // the first log records at level ERROR
	stray  []string // the first lines that are not JSON log records
}

func startServer(bin string, extra []string) (*server, error) {
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--max-body", strconv.Itoa(maxBody), "--max-batch", strconv.Itoa(maxBatch)}, extra...)
	cmd := exec.Command(bin, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", bin, err)
	}
	s := &server{cmd: cmd, exited: make(chan struct{}), levels: map[string]int{}}
	addr := make(chan string, 1)
	go s.readLog(stderr, addr)
	go func() {
		s.err = cmd.Wait()
		close(s.exited)
	}()
	select {
	case a := <-addr:
		host, _, err := net.SplitHostPort(a)
		if err != nil || !net.ParseIP(host).IsLoopback() {
			s.kill()
			return nil, fmt.Errorf("the server listens on %q, not on the loopback interface", a)
		}
		s.base = "http://" + a
		return s, nil
	case <-s.exited:
		return nil, fmt.Errorf("the server exited before listening: %v; log: %s", s.err, strings.Join(s.stray, " | "))
	case <-time.After(60 * time.Second):
		s.kill()
		return nil, errors.New("the server did not listen within 60 s")
	}
}

// readLog reads the server's JSON log: it sends the listening address, then
// counts the records by level and keeps the first errors.
func (s *server) readLog(r io.Reader, addr chan<- string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var rec struct {
			Level string `json:"level"`
			Msg   string `json:"msg"`
			Addr  string `json:"addr"`
		}
		line := sc.Text()
		s.mu.Lock()
		if err := json.Unmarshal([]byte(line), &rec); err != nil || rec.Level == "" {
			if len(s.stray) < 5 {
				s.stray = append(s.stray, line)
			}
			s.levels["(not a log record)"]++
			s.mu.Unlock()
			continue
		}
		s.levels[rec.Level]++
		if rec.Level == "ERROR" && len(s.errors) < 5 {
			s.errors = append(s.errors, line)
		}
		s.mu.Unlock()
		if rec.Msg == "listening" && rec.Addr != "" {
			select {
			case addr <- rec.Addr:
			default:
			}
		}
	}
	io.Copy(io.Discard, r)
}

// stop sends SIGTERM and waits for the server to exit.
func (s *server) stop(grace time.Duration) string {
	select {
	case <-s.exited:
		return fmt.Sprintf("had already exited: %v", s.err)
	default:
	}
	start := time.Now()
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
		if s.err != nil {
			return fmt.Sprintf("exited after SIGTERM with %v", s.err)
		}
		return fmt.Sprintf("clean: exit 0 %s after SIGTERM", time.Since(start).Round(time.Millisecond))
	case <-time.After(grace):
		s.kill()
		return fmt.Sprintf("did not exit within %s of SIGTERM; killed", grace)
	}
}

func (s *server) kill() {
	select {
	case <-s.exited:
	default:
		s.cmd.Process.Kill()
	}
}

// request is one request of the mix. want is the status it must get; for
// a valid request it is 200.
type request struct {
	kind   string
	valid  bool
	method string
	path   string
	ctype  string
	body   []byte
	want   int
	// items is the number of results a valid batch must answer with.
	items int
}

var titles = []string{
	"Contact Center Supervisor", "Call centre agent", "Inbound CSR - 12 month contract - Sydney CBD",
	"Operador de telemarketing receptivo", "Software Engineer", "Call Centre Manager", "Telemarketer",
	"Warehouse Team Leader", "Supervisora de Central de Atendimento - São Paulo", "Customer Service Officer",
	"Team Leader - Inbound Contact Centre", "Atendente de SAC", "Helpdesk Operator", "Outbound Sales Agent",
	"Cal Centre Opertor", "Workforce Planner", "Debt Collector", "Switchboard Operator", "Chef", "Nurse",
	"Técnico de apoio ao cliente (contact center)", "Customer Contact Team Lead $$$ WFH", "Call Centre \xff Agent",
}

var descriptions = []string{
	"", "", "answering inbound calls and emails in our contact centre",
	"leading a team of 12 agents, coaching, rostering and quality checks",
	"atendimento ao cliente por telefone e chat", "writing Go services and reviewing code",
}

// nextRequest picks a request of the mix: about 80% valid. Titles get a
// random number now and then, so that the server's result cache does not
// answer everything.
func nextRequest(rng *rand.Rand) request {
	title := titles[rng.IntN(len(titles))]
	if rng.IntN(3) == 0 {
		title = fmt.Sprintf("%s %d", title, rng.IntN(1_000_000))
	}
	desc := descriptions[rng.IntN(len(descriptions))]
	js := func(v any) []byte { b, _ := json.Marshal(v); return b }
	const jsonCT = "application/json"
	switch n := rng.IntN(100); {
	case n < 30:
		q := url.Values{"q": {title}}
		if rng.IntN(4) == 0 {
			q.Set("top", strconv.Itoa(1+rng.IntN(5)))
			q.Set("explain", "1")
		}
		return request{kind: "GET /v1/classify", valid: true, method: "GET", path: "/v1/classify?" + q.Encode(), want: 200}
	case n < 55:
		return request{kind: "POST /v1/classify", valid: true, method: "POST", path: "/v1/classify", ctype: jsonCT,
			body: js(map[string]any{"text": title, "description": desc, "explain": rng.IntN(5) == 0}), want: 200}
	case n < 65:
		k := 1 + rng.IntN(maxBatch)
		items := make([]map[string]string, k)
		for i := range items {
			items[i] = map[string]string{"id": strconv.Itoa(i), "text": titles[rng.IntN(len(titles))] + " " + strconv.Itoa(rng.IntN(1000))}
		}
		return request{kind: "POST /v1/classify/batch", valid: true, method: "POST", path: "/v1/classify/batch", ctype: jsonCT,
			body: js(map[string]any{"items": items}), want: 200, items: k}
	case n < 70:
		return request{kind: "GET /v1/occupations/{code}", valid: true, method: "GET", path: "/v1/occupations/" + []string{"541111", "541112", "149211"}[rng.IntN(3)], want: 200}
	case n < 72:
		return request{kind: "GET /v1/occupations", valid: true, method: "GET", path: "/v1/occupations", want: 200}
	case n < 75:
		return request{kind: "GET /healthz", valid: true, method: "GET", path: []string{"/healthz", "/readyz"}[rng.IntN(2)], want: 200}
	case n < 77:
		return request{kind: "GET /", valid: true, method: "GET", path: "/", want: 200}
	case n < 79:
		return request{kind: "GET /metrics", valid: true, method: "GET", path: "/metrics", want: 200}
	}
	// Invalid requests, each with the status the API documents.
	bad := []request{
		{kind: "bad JSON", body: []byte(`{"text":`), want: 400},
		{kind: "binary body", body: randomBytes(rng, 1+rng.IntN(2048)), want: 400},
		{kind: "body too large", body: js(map[string]string{"text": strings.Repeat("call centre agent ", maxBody/18+1)}), want: 413},
		{kind: "empty text", body: []byte(`{"text":"  "}`), want: 400},
		{kind: "unknown field", body: []byte(`{"txt":"agent"}`), want: 400},
		{kind: "wrong type", body: []byte(`{"text":"agent","top":"3"}`), want: 400},
		{kind: "top out of range", path: "/v1/classify?q=agent&top=999", method: "GET", want: 400},
		{kind: "text/plain body", ctype: "text/plain", body: []byte(`{"text":"agent"}`), want: 415},
		{kind: "wrong method", method: "DELETE", path: "/v1/classify", want: 405},
		{kind: "unknown route", method: "GET", path: "/v1/clasify?q=agent", want: 404},
		{kind: "unknown occupation", method: "GET", path: "/v1/occupations/999999", want: 404},
		{kind: "batch too many items", path: "/v1/classify/batch", body: js(map[string]any{"items": slices.Repeat([]map[string]string{{"text": "agent"}}, maxBatch+1)}), want: 413},
		{kind: "batch not a list", path: "/v1/classify/batch", body: []byte(`{"items":"agent"}`), want: 400},
	}
	r := bad[rng.IntN(len(bad))]
	if r.method == "" {
		r.method = "POST"
	}
	if r.path == "" {
		r.path = "/v1/classify"
	}
	if r.ctype == "" && r.body != nil {
		r.ctype = jsonCT
	}
	return r
}

func randomBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	if b[0] == '{' || b[0] == '[' {
		b[0] = 0
	}
	return b
}

// outcome is what came back for one request.
type outcome struct {
	status  int
	err     error // transport error, or a body of the wrong shape
	latency time.Duration
}

func do(ctx context.Context, c *http.Client, base string, r request) outcome {
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, base+r.path, body)
	if err != nil {
		return outcome{err: err}
	}
	if r.ctype != "" {
		req.Header.Set("Content-Type", r.ctype)
	}
	start := time.Now()
	resp, err := c.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return outcome{status: -1} // the run ended while the request was in flight
		}
		return outcome{err: err}
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil && ctx.Err() != nil {
		return outcome{status: -1} // the run ended while the body was being read
	}
	o := outcome{status: resp.StatusCode, latency: time.Since(start), err: err}
	if o.err == nil && r.valid && resp.StatusCode == 200 {
		o.err = checkBody(r, data)
	}
	return o
}

// checkBody checks the shape of a valid request's answer.
func checkBody(r request, data []byte) error {
	switch r.kind {
	case "GET /v1/classify", "POST /v1/classify":
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			return fmt.Errorf("classify: body is not a JSON object: %v", err)
		}
		for _, k := range []string{"input", "code", "confidence", "matches", "corpus"} {
			if _, ok := m[k]; !ok {
				return fmt.Errorf("classify: no %q in %.200s", k, data)
			}
		}
	case "POST /v1/classify/batch":
		var b struct {
			Results []map[string]json.RawMessage `json:"results"`
		}
		if err := json.Unmarshal(data, &b); err != nil {
			return fmt.Errorf("batch: body is not JSON: %v", err)
		}
		if len(b.Results) != r.items {
			return fmt.Errorf("batch: %d results for %d items", len(b.Results), r.items)
		}
		for i, res := range b.Results {
			if _, ok := res["code"]; !ok {
				return fmt.Errorf("batch: result %d has no code: %v", i, res)
			}
			if id, _ := strconv.Unquote(string(res["id"])); id != strconv.Itoa(i) {
				return fmt.Errorf("batch: result %d has id %s", i, res["id"])
			}
		}
	}
	return nil
}

// stats are the outcomes of a run. Safe for concurrent use.
type stats struct {
	mu         sync.Mutex
	sent       int
	valid      int
	validErrs  int
	firstErrs  []string
	latencies  []time.Duration
	invalid    map[string]map[int]int // kind -> status -> count
	want       map[string]int
	unexpected int
	cut        int // requests in flight when the run ended
}

func (s *stats) record(r request, o outcome) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if o.status == -1 {
		s.cut++
		return
	}
	s.sent++
	if r.valid {
		s.valid++
		if o.err != nil || o.status != r.want {
			s.validErrs++
			if len(s.firstErrs) < 5 {
				s.firstErrs = append(s.firstErrs, fmt.Sprintf("%s %s: status %d, %v", r.method, r.path, o.status, o.err))
			}
			return
		}
		if len(s.latencies) < 2_000_000 {
			s.latencies = append(s.latencies, o.latency)
		}
		return
	}
	if s.want == nil {
		s.want = map[string]int{}
	}
	s.want[r.kind] = r.want
	if s.invalid[r.kind] == nil {
		s.invalid[r.kind] = map[int]int{}
	}
	status := o.status
	if o.err != nil {
		status = 0
	}
	s.invalid[r.kind][status]++
	if status != r.want {
		s.unexpected++
		if len(s.firstErrs) < 5 {
			s.firstErrs = append(s.firstErrs, fmt.Sprintf("%s (%s %s): status %d, want %d, %v", r.kind, r.method, r.path, status, r.want, o.err))
		}
	}
}

// rssSampler records the server's resident memory.
type rssSampler struct {
	pid     int
	mu      sync.Mutex
	samples []int64 // KiB
}

func (r *rssSampler) sample() {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", r.pid))
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil {
					r.mu.Lock()
					r.samples = append(r.samples, kb)
					r.mu.Unlock()
				}
			}
		}
	}
}

func mib(kb int64) string { return fmt.Sprintf("%.1f MiB", float64(kb)/1024) }

func report(st *stats, rss *rssSampler, srv *server, elapsed time.Duration, died bool, shutdown string) int {
	st.mu.Lock()
	defer st.mu.Unlock()
	fail := false
	fmt.Printf("requests sent: %d in %s (%.0f/s); %d cut short by the end of the run\n", st.sent, elapsed.Round(time.Second), float64(st.sent)/elapsed.Seconds(), st.cut)
	p50, p99 := percentile(st.latencies, 50), percentile(st.latencies, 99)
	fmt.Printf("valid requests: %d, errors: %d (latency p50 %s, p99 %s)\n", st.valid, st.validErrs, p50, p99)
	if st.validErrs > 0 {
		fail = true
	}
	fmt.Printf("invalid requests: %d, with an unexpected status: %d\n", st.sent-st.valid, st.unexpected)
	if st.unexpected > 0 {
		fail = true
	}
	kinds := slices.Sorted(maps.Keys(st.invalid))
	fmt.Println("  | invalid request | want | statuses |")
	fmt.Println("  |---|---|---|")
	for _, k := range kinds {
		var parts []string
		codes := make([]int, 0, len(st.invalid[k]))
		for c := range st.invalid[k] {
			codes = append(codes, c)
		}
		sort.Ints(codes)
		for _, c := range codes {
			parts = append(parts, fmt.Sprintf("%d × %d", st.invalid[k][c], c))
		}
		fmt.Printf("  | %s | %d | %s |\n", k, st.want[k], strings.Join(parts, ", "))
	}
	for _, e := range st.firstErrs {
		fmt.Println("  error:", e)
	}

	rss.mu.Lock()
	s := rss.samples
	rss.mu.Unlock()
	if len(s) > 0 {
		mid := s[len(s)/2]
		fmt.Printf("RSS: first %s, last %s, max %s (%d samples); second half of the run: %s to %s (%+.1f%%)\n",
			mib(s[0]), mib(s[len(s)-1]), mib(slices.Max(s)), len(s), mib(mid), mib(s[len(s)-1]), 100*float64(s[len(s)-1]-mid)/float64(mid))
		var series []string
		for _, kb := range s {
			series = append(series, fmt.Sprintf("%.0f", float64(kb)/1024))
		}
		fmt.Printf("RSS samples (MiB): %s\n", strings.Join(series, " "))
	}
	srv.mu.Lock()
	var lv []string
	for l, n := range srv.levels {
		lv = append(lv, fmt.Sprintf("%s %d", l, n))
	}
	sort.Strings(lv)
	fmt.Printf("server log: %s\n", strings.Join(lv, ", "))
	for _, e := range srv.errors {
		fmt.Println("  log error:", e)
	}
	if srv.levels["ERROR"] > 0 {
		fail = true
	}
	srv.mu.Unlock()
	if died {
		fmt.Println("the server died during the run")
		fail = true
	}
	fmt.Printf("shutdown: %s\n", shutdown)
	if !strings.HasPrefix(shutdown, "clean") {
		fail = true
	}
	if fail {
		fmt.Println("result: FAIL")
		return 1
	}
	fmt.Println("result: ok")
	return 0
}

func percentile(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[(len(s)-1)*p/100].Round(10 * time.Microsecond)
}
