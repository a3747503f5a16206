package cli

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

func TestNewCmdServe(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		want     serveOptions
		wantCode int // exit code of a usage error; 0 for success
	}{
		{name: "defaults", args: nil, want: serveOptions{Addr: "127.0.0.1:8080", MaxBodyBytes: 4 << 20, MaxCVBytes: 10 << 20, MaxBatchItems: 1000, MaxInFlight: 256, CacheMB: 32,
			ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second, BodyTimeout: 20 * time.Second, WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute, ShutdownTimeout: 30 * time.Second}},
		{name: "all flags", args: []string{"--addr", ":9000", "--cors-origin", "https://a.example", "--cors-origin", "*", "--max-body", "1024", "--max-cv", "2048",
			"--max-batch", "10", "--max-inflight", "8", "--cache-mb", "0", "--read-header-timeout", "1s", "--read-timeout", "2s",
			"--body-timeout", "6s", "--write-timeout", "3s", "--idle-timeout", "4s", "--shutdown-timeout", "5s"},
			want: serveOptions{Addr: ":9000", CORSOrigins: []string{"https://a.example", "*"}, MaxBodyBytes: 1024, MaxCVBytes: 2048, MaxBatchItems: 10, MaxInFlight: 8,
				ReadHeaderTimeout: time.Second, ReadTimeout: 2 * time.Second, BodyTimeout: 6 * time.Second, WriteTimeout: 3 * time.Second, IdleTimeout: 4 * time.Second, ShutdownTimeout: 5 * time.Second}},
		{name: "addr without port", args: []string{"--addr", "localhost"}, wantCode: ExitUsage},
		{name: "zero inflight", args: []string{"--max-inflight", "0"}, wantCode: ExitUsage},
		{name: "negative cache", args: []string{"--cache-mb", "-1"}, wantCode: ExitUsage},
		{name: "zero batch", args: []string{"--max-batch", "0"}, wantCode: ExitUsage},
		{name: "zero cv limit", args: []string{"--max-cv", "0"}, wantCode: ExitUsage},
		{name: "cv limit not a number", args: []string{"--max-cv", "10MiB"}, wantCode: ExitUsage},
		{name: "zero timeout", args: []string{"--write-timeout", "0s"}, wantCode: ExitUsage},
		{name: "huge inflight", args: []string{"--max-inflight", "10000000"}, wantCode: ExitUsage},
		{name: "huge cache", args: []string{"--cache-mb", "100000"}, wantCode: ExitUsage},
		{name: "huge body", args: []string{"--max-body", "1099511627776"}, wantCode: ExitUsage},
		{name: "huge cv limit", args: []string{"--max-cv", "1073741824"}, wantCode: ExitUsage},
		{name: "huge batch", args: []string{"--max-batch", "1000000000"}, wantCode: ExitUsage},
		{name: "day-long timeout", args: []string{"--read-timeout", "24h"}, wantCode: ExitUsage},
		{name: "bad duration", args: []string{"--idle-timeout", "soon"}, wantCode: ExitUsage},
		{name: "argument", args: []string{"extra"}, wantCode: ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _ := Test("")
			f := &Factory{IO: ios}
			var got *serveOptions
			cmd := newCmdServe(f, func(o *serveOptions) error { got = o; return nil })
			root := NewRootCmd(f)
			for _, c := range root.Commands() {
				if c.Name() == "serve" {
					root.RemoveCommand(c)
				}
			}
			root.AddCommand(cmd)
			root.SetArgs(append([]string{"serve"}, tt.args...))
			_, err := root.ExecuteC()
			if tt.wantCode != 0 {
				if code := exitCode(normalise(err)); code != tt.wantCode {
					t.Fatalf("serve %v: exit code %d (%v), want %d", tt.args, code, err, tt.wantCode)
				}
				return
			}
			if err != nil || got == nil {
				t.Fatalf("serve %v = %v, want the options", tt.args, err)
			}
			g := *got
			g.IO, g.Index = nil, nil
			if !equalServeOptions(g, tt.want) {
				t.Errorf("serve %v = %+v, want %+v", tt.args, g, tt.want)
			}
		})
	}
}

// normalise turns cobra's own usage errors into exit errors as run does.
func normalise(err error) error {
	if err != nil && isCobraUsage(err) {
		return usageError("%v", err)
	}
	return err
}

func equalServeOptions(a, b serveOptions) bool {
	return a.Addr == b.Addr && strings.Join(a.CORSOrigins, ",") == strings.Join(b.CORSOrigins, ",") &&
		a.MaxBodyBytes == b.MaxBodyBytes && a.MaxCVBytes == b.MaxCVBytes && a.MaxBatchItems == b.MaxBatchItems && a.MaxInFlight == b.MaxInFlight &&
		a.CacheMB == b.CacheMB && a.ReadHeaderTimeout == b.ReadHeaderTimeout && a.ReadTimeout == b.ReadTimeout &&
		a.WriteTimeout == b.WriteTimeout && a.IdleTimeout == b.IdleTimeout && a.ShutdownTimeout == b.ShutdownTimeout
}

// TestServeRun starts the server on a free loopback port, asks it to
// classify, stops it, and checks the log and the clean exit.
func TestServeRun(t *testing.T) {
	ios, _, errOut := Test("")
	f := &Factory{IO: ios}
	defer f.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type answer struct {
		status int
		body   string
	}
	answers := make(chan answer, 1)
	var opts *serveOptions
	cmd := newCmdServe(f, func(o *serveOptions) error {
		opts = o
		o.Context = ctx
		o.Listening = func(addr net.Addr) {
			go func() {
				defer cancel()
				resp, err := http.Get("http://" + addr.String() + "/v1/classify?q=Contact+Center+Supervisor")
				if err != nil {
					answers <- answer{0, err.Error()}
					return
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				answers <- answer{resp.StatusCode, string(b)}
			}()
		}
		return serveRun(o)
	})
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0"})
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("serve = %v, want a clean shutdown\nlog:\n%s", err, errOut)
	}
	a := <-answers
	var res index.Result
	if a.status != 200 || json.Unmarshal([]byte(a.body), &res) != nil || res.Input != "Contact Center Supervisor" {
		t.Errorf("GET /v1/classify = %d %s, want 200 with the result", a.status, a.body)
	}
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	if res.Corpus.Version != c.Version {
		t.Errorf("result corpus = %q, want the default %q", res.Corpus.Version, c.Version)
	}
	log := errOut.String()
	for _, want := range []string{`"msg":"listening"`, `"msg":"request"`, `"route":"/v1/classify"`, `"msg":"stopped"`} {
		if !strings.Contains(log, want) {
			t.Errorf("the log has no %s:\n%s", want, log)
		}
	}
	if opts == nil || opts.Addr != "127.0.0.1:0" {
		t.Errorf("options = %+v", opts)
	}
}

// TestServeRunErrors checks the failures that stop the command before it
// serves.
func TestServeRunErrors(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantMsg  string
	}{
		{"address taken", []string{"serve", "--addr", busy.Addr().String()}, ExitError, "listening on " + busy.Addr().String()},
		{"bad origin", []string{"serve", "--addr", "127.0.0.1:0", "--cors-origin", "example.org"}, ExitUsage, "--cors-origin"},
		{"no index", []string{"--index", "/nonexistent/anzsco.idx", "serve", "--addr", "127.0.0.1:0"}, ExitError, "anzsco.idx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, errOut := Test("")
			f := &Factory{IO: ios}
			defer f.Close()
			code := run(f, tt.args)
			if code != tt.wantCode || !strings.Contains(errOut.String(), tt.wantMsg) {
				t.Errorf("anzsco %v = exit %d, stderr %q; want exit %d and %q", tt.args, code, errOut, tt.wantCode, tt.wantMsg)
			}
			if lines := strings.Count(strings.TrimSpace(errOut.String()), "\n"); lines != 0 {
				t.Errorf("anzsco %v: stderr has %d lines, want one:\n%s", tt.args, lines+1, errOut)
			}
		})
	}
}
