package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/cv"
	"github.com/anzsco/anzsco/internal/resultcache"
)

// Defaults for Config. Each is a flag of 'anzsco serve'.
const (
	// DefaultMaxBodyBytes fits a full batch of DefaultMaxBatchItems titles
	// with short descriptions; a longer batch is split by the client.
	DefaultMaxBodyBytes = 4 << 20
	// DefaultMaxCVBytes bounds an uploaded CV file (POST /v1/cv): a
	// PDF or DOCX CV of a few pages is well under 1 MiB; 10 MiB leaves room
	// for embedded images and fonts.
	DefaultMaxCVBytes = cv.DefaultMaxSize
	// DefaultMaxBatchItems bounds one batch request: at about 0.3 ms an
	// uncached title, a full batch takes well under the write timeout.
	DefaultMaxBatchItems = 1000
	// DefaultMaxInFlight caps concurrent API requests. A classification is
	// CPU-bound, so more requests than this only queue inside the process
	// and use memory; past the cap a client is told to retry (503).
	DefaultMaxInFlight = 256
	// DefaultCacheBytes is the memory budget of the result cache.
	DefaultCacheBytes = 32 << 20
	// DefaultReadHeaderTimeout stops a client that sends headers slowly
	// from holding a connection (slowloris).
	DefaultReadHeaderTimeout = 5 * time.Second
	// DefaultReadTimeout bounds reading a whole request, body included.
	DefaultReadTimeout = 30 * time.Second
	// DefaultBodyTimeout bounds receiving the body of an API request,
	// which is read in full before the request takes a place among the
	// MaxInFlight: a client that sends half a body and stalls holds no
	// place that a classification needs. 10 MiB at 8 Mbit/s takes 10 s.
	DefaultBodyTimeout = 20 * time.Second
	// DefaultBodyBudget bounds the memory held by request bodies being
	// received or waiting for their handler: a body holds its
	// Content-Length, or its route's limit when the length is not sent.
	// Past the budget a request is told to retry (503).
	DefaultBodyBudget = 256 << 20
	// DefaultWriteTimeout bounds handling and writing a response, a full
	// batch included.
	DefaultWriteTimeout = 60 * time.Second
	// DefaultIdleTimeout closes keep-alive connections left unused.
	DefaultIdleTimeout = 120 * time.Second
	// DefaultShutdownTimeout is how long a shutdown waits for requests in
	// flight before closing their connections.
	DefaultShutdownTimeout = 30 * time.Second
	// maxHeaderBytes bounds the request headers.
	maxHeaderBytes = 64 << 10
	// retryAfterSeconds is the Retry-After sent with 503.
	retryAfterSeconds = 1
)

// Config configures a Server. Zero values take the defaults above.
type Config struct {
	// Classifier classifies and holds the corpus. Required.
	Classifier index.Classifier
	// Logger receives the access log and errors; nil discards them.
	Logger *slog.Logger

	MaxBodyBytes      int64
	MaxCVBytes        int64 // the largest CV file POST /v1/cv reads
	MaxBatchItems     int
	MaxInFlight       int
	CacheBytes        int // the result cache's budget; below 0 turns the cache off
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	BodyTimeout       time.Duration // receiving an API request's body
	BodyBudget        int64         // bytes of request bodies held at once
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	ShutdownTimeout   time.Duration

	// CORSOrigins are the origins allowed to call the API from a browser
	// ("https://example.org"); "*" allows any origin. Empty: same origin
	// only.
	CORSOrigins []string

	// Routes are API routes added to the built-in ones. They get the same error
	// handling, limits, metrics and access log, and must be documented in
	// openapi.json: the tests check that the document and the routes agree.
	Routes []Route
}

func (c *Config) setDefaults() {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxCVBytes <= 0 {
		c.MaxCVBytes = DefaultMaxCVBytes
	}
	if c.MaxBatchItems <= 0 {
		c.MaxBatchItems = DefaultMaxBatchItems
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = DefaultMaxInFlight
	}
	if c.CacheBytes == 0 {
		c.CacheBytes = DefaultCacheBytes
	}
	def(&c.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	def(&c.ReadTimeout, DefaultReadTimeout)
	def(&c.BodyTimeout, DefaultBodyTimeout)
	if c.BodyBudget <= 0 {
		c.BodyBudget = DefaultBodyBudget
	}
	def(&c.WriteTimeout, DefaultWriteTimeout)
	def(&c.IdleTimeout, DefaultIdleTimeout)
	def(&c.ShutdownTimeout, DefaultShutdownTimeout)
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
}

// Route is one API endpoint.
type Route struct {
	// Method is the HTTP method: GET, POST, ... (GET also answers HEAD).
	Method string
	// Path is a net/http ServeMux path pattern, e.g. "/v1/occupations/{code}";
	// the same string is the path in openapi.json and the route label in
	// the metrics.
	Path string
	// Handler handles the request. It may return an *Error (written as
	// JSON with its status) or any other error (500, logged).
	Handler HandlerFunc
	// Limited routes count against the concurrency cap and are refused
	// (503) while the server shuts down. Health and metrics routes are
	// not, so that they answer under load.
	Limited bool
	// MaxBodyBytes bounds the request body of this route (an upload may
	// need more than JSON); 0 means Config.MaxBodyBytes. A handler that
	// reads past it gets an error wrapping *http.MaxBytesError; returned
	// (wrapped or not), it is answered 413 body_too_large.
	MaxBodyBytes int64
}

// HandlerFunc is an API handler: it writes a response, or returns an error
// for the server to write.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Server is the HTTP API and the web page. It is safe for concurrent use.
type Server struct {
	cfg      Config
	cls      index.Classifier
	log      *slog.Logger
	mux      *http.ServeMux
	routes   []Route
	results  *resultcache.Classifier
	metrics  *metrics
	sem      chan struct{}
	bodies   *byteBudget
	draining atomic.Bool
	cors     corsPolicy
	assets   map[string]asset
}

// New builds a Server from cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Classifier == nil || cfg.Classifier.Corpus() == nil {
		return nil, errors.New("server: no classifier (or it has no corpus)")
	}
	cfg.setDefaults()
	cors, err := newCORSPolicy(cfg.CORSOrigins)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s := &Server{
		cfg:    cfg,
		cls:    cfg.Classifier,
		log:    cfg.Logger,
		mux:    http.NewServeMux(),
		sem:    make(chan struct{}, cfg.MaxInFlight),
		bodies: &byteBudget{left: cfg.BodyBudget},
		cors:   cors,
	}
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("server: reading the embedded web page: %w", err)
	}
	s.results = resultcache.New(cfg.Classifier, int64(cfg.CacheBytes))
	s.metrics = newMetrics(s.results)
	s.routes = append(s.builtinRoutes(), cfg.Routes...)
	if err := s.register(); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	return s, nil
}

// builtinRoutes is the API. Each route is documented in openapi.json.
func (s *Server) builtinRoutes() []Route {
	return []Route{
		{Method: http.MethodGet, Path: "/v1/classify", Handler: s.handleClassifyGet, Limited: true},
		{Method: http.MethodPost, Path: "/v1/classify", Handler: s.handleClassifyPost, Limited: true},
		{Method: http.MethodPost, Path: "/v1/classify/batch", Handler: s.handleBatch, Limited: true},
		{Method: http.MethodGet, Path: "/v1/occupations", Handler: s.handleOccupations, Limited: true},
		{Method: http.MethodGet, Path: "/v1/occupations/{code}", Handler: s.handleOccupation, Limited: true},
		{Method: http.MethodGet, Path: "/v1/groups/{code}", Handler: s.handleGroup, Limited: true},
		CVRoute(s.cls, s.cfg.MaxCVBytes),
		{Method: http.MethodGet, Path: "/healthz", Handler: s.handleHealth},
		{Method: http.MethodGet, Path: "/readyz", Handler: s.handleReady},
		{Method: http.MethodGet, Path: "/metrics", Handler: s.handleMetrics},
		{Method: http.MethodGet, Path: "/openapi.json", Handler: s.handleOpenAPI},
	}
}

// Routes returns the API routes, built-in and added.
func (s *Server) Routes() []Route { return slices.Clone(s.routes) }

// register puts the routes and the page on the mux. Routes are grouped by
// path so that a wrong method gets a JSON 405 with an Allow header.
func (s *Server) register() error {
	byPath := map[string]map[string]Route{}
	var paths []string
	for _, rt := range s.routes {
		if rt.Handler == nil || rt.Method == "" || !strings.HasPrefix(rt.Path, "/") {
			return fmt.Errorf("route %s %q: needs a method, a path starting with / and a handler", rt.Method, rt.Path)
		}
		m := byPath[rt.Path]
		if m == nil {
			m = map[string]Route{}
			byPath[rt.Path] = m
			paths = append(paths, rt.Path)
		}
		if _, dup := m[rt.Method]; dup {
			return fmt.Errorf("route %s %s: defined twice", rt.Method, rt.Path)
		}
		m[rt.Method] = rt
	}
	for _, p := range paths {
		if err := safeHandle(s.mux, p, s.dispatch(byPath[p])); err != nil {
			return err
		}
	}
	s.mux.Handle("/{$}", s.dispatch(map[string]Route{http.MethodGet: {Method: http.MethodGet, Path: "/", Handler: s.handlePage}}))
	s.mux.Handle("/static/", s.dispatch(map[string]Route{http.MethodGet: {Method: http.MethodGet, Path: "/static/", Handler: s.handleStatic}}))
	s.mux.Handle("/", s.dispatch(nil))
	return nil
}

// safeHandle registers a pattern, turning ServeMux's panic on a bad or
// conflicting pattern into an error.
func safeHandle(mux *http.ServeMux, pattern string, h http.Handler) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("route %q: %v", pattern, p)
		}
	}()
	mux.Handle(pattern, h)
	return nil
}

// dispatch picks the route for the request's method, answering OPTIONS
// and wrong methods itself.
func (s *Server) dispatch(methods map[string]Route) http.Handler {
	var allow []string
	for m := range methods {
		allow = append(allow, m)
		if m == http.MethodGet {
			allow = append(allow, http.MethodHead)
		}
	}
	if len(methods) > 0 {
		allow = append(allow, http.MethodOptions)
	}
	slices.Sort(allow)
	allowed := strings.Join(allow, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if methods == nil {
			WriteError(w, Errorf(http.StatusNotFound, CodeNotFound, "no such page or endpoint: %s (the API is described at /openapi.json)", r.URL.Path))
			return
		}
		method := r.Method
		if method == http.MethodHead {
			method = http.MethodGet
		}
		rt, ok := methods[method]
		if !ok {
			w.Header().Set("Allow", allowed)
			if r.Method == http.MethodOptions {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			WriteError(w, Errorf(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s does not accept %s (allowed: %s)", r.URL.Path, r.Method, allowed))
			return
		}
		if rt.Limited {
			if s.draining.Load() {
				s.metrics.rejected.WithLabelValues(CodeShuttingDown).Inc()
				w.Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds))
				w.Header().Set("Connection", "close")
				WriteError(w, Errorf(http.StatusServiceUnavailable, CodeShuttingDown, "the server is shutting down: retry on another instance"))
				return
			}
			if r.Body != nil && r.Body != http.NoBody {
				body, held, err := s.receiveBody(w, r, rt.bodyLimit(s.cfg.MaxBodyBytes))
				if err != nil {
					var e *Error
					if errors.As(err, &e) && e.Code == CodeOverloaded {
						s.metrics.rejected.WithLabelValues(CodeOverloaded).Inc()
						w.Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds))
					}
					WriteError(w, err)
					return
				}
				defer s.bodies.give(held)
				r.Body = body
			}
			select {
			case s.sem <- struct{}{}:
				defer func() { <-s.sem }()
			default:
				s.metrics.rejected.WithLabelValues(CodeOverloaded).Inc()
				w.Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds))
				WriteError(w, Errorf(http.StatusServiceUnavailable, CodeOverloaded, "too many requests in flight (%d, the limit): retry after %d s", s.cfg.MaxInFlight, retryAfterSeconds))
				return
			}
			s.metrics.inFlight.Inc()
			defer s.metrics.inFlight.Dec()
		}
		limit := rt.bodyLimit(s.cfg.MaxBodyBytes)
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		if err := rt.Handler(w, r); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				err = Errorf(http.StatusRequestEntityTooLarge, CodeBodyTooLarge, "the request body is larger than %d bytes (the limit)", mbe.Limit)
			}
			if r.Context().Err() != nil && errors.Is(err, r.Context().Err()) {
				// The client went away (or the server is shutting down):
				// nobody reads an answer, and nothing failed on our side.
				s.log.Info("request abandoned", "method", r.Method, "path", r.URL.Path, "reason", err.Error())
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Status >= 500 {
				s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			}
			WriteError(w, err)
		}
	})
}

// ServeHTTP answers one request: CORS, panic recovery, metrics and the
// access log around the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &statusWriter{ResponseWriter: w}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.metrics.panics.Inc()
			s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			if !rw.wrote {
				WriteError(rw, Errorf(http.StatusInternalServerError, CodeInternal, "internal error: the request could not be completed"))
			}
		}
		d := time.Since(start)
		route := routeLabel(r.Pattern)
		s.metrics.observe(route, methodLabel(r.Method), rw.status(), d)
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("route", route),
			slog.Int("status", rw.status()),
			slog.Int64("bytes", rw.bytes),
			slog.Float64("duration_ms", float64(d.Microseconds())/1000),
			slog.String("remote", r.RemoteAddr),
			slog.String("user_agent", r.UserAgent()),
		)
	}()
	if s.cors.apply(rw, r) {
		return
	}
	s.mux.ServeHTTP(rw, r)
}

// bodyLimit is the route's body limit, or def.
func (rt Route) bodyLimit(def int64) int64 {
	if rt.MaxBodyBytes > 0 {
		return rt.MaxBodyBytes
	}
	return def
}

// receiveBody reads the whole body of an API request, before the request
// takes a place among MaxInFlight, within BodyTimeout, holding its size in
// the body budget; the caller gives the held bytes back when the request
// is done. The body returned replays what was read, then the error that
// ended the reading, if any (a body over limit ends with the
// *http.MaxBytesError that the handler reports as it always has). A
// request whose body does not fit the budget is 503 overloaded; one whose
// body is not received in time is 408.
func (s *Server) receiveBody(w http.ResponseWriter, r *http.Request, limit int64) (io.ReadCloser, int64, error) {
	need := limit
	if r.ContentLength >= 0 && r.ContentLength < limit {
		need = r.ContentLength
	}
	if !s.bodies.take(need) {
		return nil, 0, Errorf(http.StatusServiceUnavailable, CodeOverloaded, "too many request bodies being received (%d MiB, the limit): retry after %d s", s.cfg.BodyBudget>>20, retryAfterSeconds)
	}
	// A ResponseWriter that cannot set deadlines (a test recorder) reads
	// under the server's ReadTimeout alone.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(s.cfg.BodyTimeout))
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(need))
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, limit))
	r.Body.Close()
	if errors.Is(err, os.ErrDeadlineExceeded) {
		s.bodies.give(need)
		w.Header().Set("Connection", "close")
		return nil, 0, Errorf(http.StatusRequestTimeout, CodeBodyTimeout, "the request body was not received within %v", s.cfg.BodyTimeout)
	}
	var rest io.Reader = &buf
	if err != nil {
		rest = io.MultiReader(&buf, errorReader{err})
	}
	return io.NopCloser(rest), need, nil
}

// errorReader fails every read with err.
type errorReader struct{ err error }

func (e errorReader) Read([]byte) (int, error) { return 0, e.err }

// byteBudget is a count of bytes that requests take and give back. It is
// safe for concurrent use.
type byteBudget struct {
	mu   sync.Mutex
	left int64
}

// take takes n bytes if they are left.
func (b *byteBudget) take(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if n > b.left {
		return false
	}
	b.left -= n
	return true
}

func (b *byteBudget) give(n int64) {
	b.mu.Lock()
	b.left += n
	b.mu.Unlock()
}

// saturated says whether the server would refuse a new API request now:
// every place among MaxInFlight is taken, or the body budget is spent.
func (s *Server) saturated() (bool, string) {
	if n := len(s.sem); n >= cap(s.sem) {
		return true, fmt.Sprintf("%d requests in flight, the limit", n)
	}
	s.bodies.mu.Lock()
	left := s.bodies.left
	s.bodies.mu.Unlock()
	if left < s.cfg.MaxBodyBytes {
		return true, fmt.Sprintf("request bodies hold %d of %d MiB", (s.cfg.BodyBudget-left)>>20, s.cfg.BodyBudget>>20)
	}
	return false, ""
}

// routeLabel is the metrics label of a mux pattern: bounded, so a client
// cannot create label values by requesting made-up paths.
func routeLabel(pattern string) string {
	switch pattern {
	case "", "/":
		return "unmatched"
	case "/{$}":
		return "/"
	}
	return pattern
}

func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return m
	}
	return "other"
}

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	code  int
	bytes int64
	wrote bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.code, w.wrote = http.StatusOK, true
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) status() int {
	if !w.wrote {
		return http.StatusOK
	}
	return w.code
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// HTTPServer returns the http.Server that Serve uses, with the timeouts
// and limits of the configuration.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Serve answers requests on ln until ctx is done, then shuts down
// gracefully: it stops accepting connections, reports not ready, refuses
// new API requests on open connections, and waits up to ShutdownTimeout
// for the requests in flight to finish. It returns nil after a clean
// shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := s.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("listening", "addr", ln.Addr().String(), "url", "http://"+ln.Addr().String()+"/")
	select {
	case err := <-errc:
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.log.Info("shutting down", "grace", s.cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
		return fmt.Errorf("shutting down: requests still running after %s: %w", s.cfg.ShutdownTimeout, err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	}
	s.log.Info("stopped")
	return nil
}
