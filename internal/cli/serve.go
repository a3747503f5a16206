package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/asyncwriter"
	"github.com/anzsco/anzsco/internal/server"
)

type serveOptions struct {
	IO    *IOStreams
	Index func() (*index.Index, error)

	Addr              string
	CORSOrigins       []string
	MaxBodyBytes      int64
	MaxCVBytes        int64
	MaxBatchItems     int
	MaxInFlight       int
	CacheMB           int
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	BodyTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	ShutdownTimeout   time.Duration

	// Context ends the server; nil means until SIGINT or SIGTERM.
	Context context.Context
	// Listening, when set, is called with the address once the server
	// accepts connections.
	Listening func(addr net.Addr)
}

func newCmdServe(f *Factory, runF func(*serveOptions) error) *cobra.Command {
	opts := &serveOptions{IO: f.IO, Index: f.Index}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the classification API and the web page over HTTP",
		Long: `Serve answers the HTTP API (described at /openapi.json) and serves a web
page at / where a recruiter can type a job title and see its code as they
type, paste many titles and download the results as CSV, or upload a CV to
see its positions coded and the experience per code.

  GET  /v1/classify?q=TITLE    POST /v1/classify {"text": "..."}
  POST /v1/classify/batch      {"items": [{"id": "1", "text": "..."}]}
  POST /v1/cv                  a CV (PDF, DOCX, text) as the multipart field "file"
  GET  /v1/occupations[/CODE]  GET /v1/groups/CODE (a unit, minor... group)
  GET  /healthz /readyz /metrics /openapi.json

The access log is written to stderr as JSON, one record per request.
SIGINT or SIGTERM stops accepting connections and lets requests in flight
finish (up to --shutdown-timeout) before exiting.

Exit status: 0 after a clean shutdown; 2 usage error; 3 failure (the address
is taken, the index cannot be opened, requests outlived the shutdown).`,
		Example: `  anzsco serve
  anzsco serve --addr 127.0.0.1:9000 --cors-origin https://jobs.example.org
  anzsco --index ./anzsco.idx serve --addr :8080 --max-inflight 128
  curl 'http://127.0.0.1:8080/v1/classify?q=Contact+Center+Supervisor'
  curl -F file=@cv.pdf http://127.0.0.1:8080/v1/cv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			return dispatch(opts, runF, serveRun)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (\":8080\" for every interface; port 0 picks a free one)")
	fl.StringArrayVar(&opts.CORSOrigins, "cors-origin", nil, "let pages from `ORIGIN` (https://host[:port], or *) call the API; repeatable")
	fl.Int64Var(&opts.MaxBodyBytes, "max-body", server.DefaultMaxBodyBytes, "largest JSON request body in `BYTES` (413 past it; CV uploads have --max-cv)")
	fl.Int64Var(&opts.MaxCVBytes, "max-cv", server.DefaultMaxCVBytes, "largest CV file in `BYTES` uploaded to /v1/cv (413 past it)")
	fl.IntVar(&opts.MaxBatchItems, "max-batch", server.DefaultMaxBatchItems, "most `ITEMS` in one batch request (413 past it)")
	fl.IntVar(&opts.MaxInFlight, "max-inflight", server.DefaultMaxInFlight, "most API requests handled at once (503 with Retry-After past it)")
	fl.IntVar(&opts.CacheMB, "cache-mb", server.DefaultCacheBytes>>20, "memory for cached results in `MiB` (0 turns the cache off)")
	fl.DurationVar(&opts.ReadHeaderTimeout, "read-header-timeout", server.DefaultReadHeaderTimeout, "time a client has to send the request headers")
	fl.DurationVar(&opts.ReadTimeout, "read-timeout", server.DefaultReadTimeout, "time a client has to send the whole request")
	fl.DurationVar(&opts.BodyTimeout, "body-timeout", server.DefaultBodyTimeout, "time a client has to send an API request's body, which is read before the request takes a place among --max-inflight (408 past it)")
	fl.DurationVar(&opts.WriteTimeout, "write-timeout", server.DefaultWriteTimeout, "time to handle a request and write the response")
	fl.DurationVar(&opts.IdleTimeout, "idle-timeout", server.DefaultIdleTimeout, "time an idle keep-alive connection is kept open")
	fl.DurationVar(&opts.ShutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout, "time requests in flight get to finish on SIGINT or SIGTERM")
	return cmd
}

// check reports the flag values that cannot work.
func (o *serveOptions) check() error {
	if _, _, err := net.SplitHostPort(o.Addr); err != nil {
		return usageError("--addr %q: want HOST:PORT, e.g. 127.0.0.1:8080", o.Addr)
	}
	for _, c := range []struct {
		name    string
		v       int64
		min     int64
		max     int64
		unitMax string
	}{
		{"--max-body", o.MaxBodyBytes, 1, maxBodyBytes, "bytes"},
		{"--max-cv", o.MaxCVBytes, 1, maxCVBytes, "bytes"},
		{"--max-batch", int64(o.MaxBatchItems), 1, maxBatchItems, "items"},
		{"--max-inflight", int64(o.MaxInFlight), 1, maxInFlight, "requests"},
		{"--cache-mb", int64(o.CacheMB), 0, maxCacheMB, "MiB"},
	} {
		if err := checkRange(c.name, c.v, c.min, c.max, c.unitMax); err != nil {
			return err
		}
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{
		{"--read-header-timeout", o.ReadHeaderTimeout}, {"--read-timeout", o.ReadTimeout}, {"--body-timeout", o.BodyTimeout},
		{"--write-timeout", o.WriteTimeout}, {"--idle-timeout", o.IdleTimeout}, {"--shutdown-timeout", o.ShutdownTimeout},
	} {
		if d.v <= 0 || d.v > maxTimeout {
			return usageError("%s %s: want a positive duration up to %s, e.g. 30s", d.name, d.v, maxTimeout)
		}
	}
	return nil
}

func serveRun(opts *serveOptions) error {
	ix, err := opts.Index()
	if err != nil {
		return err
	}
	cacheBytes := opts.CacheMB << 20
	if opts.CacheMB == 0 {
		cacheBytes = -1
	}
	// The access log is a record per request: through asyncwriter a
	// request copies it to memory instead of making a system call under
	// the handler's lock, which every other request then waits for.
	logOut := asyncwriter.New(opts.IO.ErrOut, 0)
	defer logOut.Close()
	srv, err := server.New(server.Config{
		Classifier:        ix,
		Logger:            slog.New(slog.NewJSONHandler(logOut, nil)),
		MaxBodyBytes:      opts.MaxBodyBytes,
		MaxCVBytes:        opts.MaxCVBytes,
		MaxBatchItems:     opts.MaxBatchItems,
		MaxInFlight:       opts.MaxInFlight,
		CacheBytes:        cacheBytes,
		ReadHeaderTimeout: opts.ReadHeaderTimeout,
		ReadTimeout:       opts.ReadTimeout,
		BodyTimeout:       opts.BodyTimeout,
		WriteTimeout:      opts.WriteTimeout,
		IdleTimeout:       opts.IdleTimeout,
		ShutdownTimeout:   opts.ShutdownTimeout,
		CORSOrigins:       opts.CORSOrigins,
	})
	if err != nil {
		if errors.Is(err, server.ErrBadOrigin) {
			return usageError("--cors-origin: %v", err)
		}
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", opts.Addr, err)
	}
	ctx := opts.Context
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	if opts.Listening != nil {
		opts.Listening(ln.Addr())
	}
	return srv.Serve(ctx, ln)
}
