package cv

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ErrTooComplex: reading the document needed more memory, CPU time, stack
// or output than any CV does, so the reader was stopped.
var ErrTooComplex = errors.New("this file is too complex to read")

// SandboxArg, as the first argument of the program, makes it the document
// reader: RunSandbox then reads one document on standard input and writes
// its text on standard output. The anzsco binary and the test binaries of
// the packages that read CVs hand that argument to RunSandbox.
const SandboxArg = "__extract"

// SandboxLimits bound one reading of a PDF or DOCX.
type SandboxLimits struct {
	// Memory is the private writable memory the reader may map beyond
	// what the runtime holds when it starts (RLIMIT_DATA on Linux: unlike
	// RLIMIT_AS it does not count the address space the Go runtime
	// reserves without using, over 1 GiB).
	Memory int64
	// CPU is the processor time the reader may use (RLIMIT_CPU, in whole
	// seconds, at least one).
	CPU time.Duration
	// Wall is the time after which the reader is killed, however little
	// CPU it used (a machine under load, a reader that blocks).
	Wall time.Duration
	// Stack bounds the stack of each goroutine of the reader, so that a
	// structure nested without end fails at once instead of filling
	// memory with stack.
	Stack int
	// Output bounds the bytes read back from the reader.
	Output int64
}

// DefaultSandboxLimits are the limits Extract reads PDF and DOCX files
// under. A three-page CV takes about 25 MiB and 20 ms of CPU time.
var DefaultSandboxLimits = SandboxLimits{
	Memory: 256 << 20,
	CPU:    5 * time.Second,
	Wall:   20 * time.Second,
	Stack:  16 << 20,
	Output: 16 << 20,
}

// readerEnv is set in the environment of a reader process.
const readerEnv = "ANZSCO_DOCUMENT_READER"

// exitCPU is the reader's exit status when it runs out of CPU time
// (SIGXCPU at the soft limit; SIGKILL follows a second later at the hard
// limit).
const exitCPU = 3

// inSandbox is true in the reader process: there Extract reads PDF and
// DOCX itself.
var inSandbox bool

// sandboxReply is what the reader writes: the document, or an error with
// the name of its sentinel.
type sandboxReply struct {
	Doc   *Document `json:"doc,omitempty"`
	Kind  string    `json:"kind,omitempty"`
	Error string    `json:"error,omitempty"`
}

// sentinels are the errors a reply may name.
var sentinels = []error{ErrTooLarge, ErrEncrypted, ErrNoTextLayer, ErrCorrupt, ErrExpands, ErrUnsupported, ErrEmpty, ErrTooComplex}

// replyError is an error that the reader reported: its message, wrapping
// the sentinel it named.
type replyError struct {
	kind error
	msg  string
}

func (e *replyError) Error() string { return e.msg }
func (e *replyError) Unwrap() error { return e.kind }

// sandboxRun reports how a reader process ended, for tests and messages.
type sandboxRun struct {
	// Limit names the limit that stopped the reader: "memory", "cpu",
	// "stack", "time", "output", or "" when it ended by itself.
	Limit string
	// ExitCode is the reader's exit status, -1 when a signal ended it.
	ExitCode int
	// MaxRSS is the peak resident memory of the reader, in bytes.
	MaxRSS int64
	// CPU is the reader's user and system time.
	CPU time.Duration
}

// readDocument reads a PDF or DOCX: in a reader process under
// DefaultSandboxLimits, or here when this is the reader.
func readDocument(ctx context.Context, format string, data []byte) (*Document, error) {
	if inSandbox {
		return readInProcess(ctx, format, data)
	}
	doc, _, err := runSandbox(ctx, format, data, DefaultSandboxLimits)
	return doc, err
}

// readInProcess reads a PDF or DOCX in this process, without limits on
// memory or CPU time.
func readInProcess(ctx context.Context, format string, data []byte) (*Document, error) {
	if format == FormatPDF {
		return extractPDF(ctx, data)
	}
	return extractDOCX(ctx, data)
}

var executable = sync.OnceValues(selfExecutable)

// readerSlots bounds the readers running at once, so that many uploads
// at the same moment cannot multiply the memory limit past what the
// machine holds: at most max(2, GOMAXPROCS) readers of 256 MiB each. A
// document waits for a slot as long as its context allows.
var readerSlots = make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))

// readersRunning and readersPeak count the readers running and the most
// that ran at once, for tests.
var readersRunning, readersPeak atomic.Int64

// runSandbox starts this program as the reader of data, under lim, and
// returns the document it read. A reader stopped by a limit is
// ErrTooComplex; ctx ending kills it and returns ctx's error.
func runSandbox(ctx context.Context, format string, data []byte, lim SandboxLimits) (*Document, *sandboxRun, error) {
	if os.Getenv(readerEnv) != "" {
		// This is a reader process that did not take the reader's path
		// (a program that does not hand SandboxArg to RunSandbox): it must
		// not start readers of its own, without end.
		return nil, &sandboxRun{ExitCode: -1}, fmt.Errorf("starting the document reader: this program does not run as one (it must hand %q to cv.RunSandbox)", SandboxArg)
	}
	exe, err := executable()
	if err != nil {
		return nil, &sandboxRun{ExitCode: -1}, fmt.Errorf("starting the document reader: %w", err)
	}
	select {
	case readerSlots <- struct{}{}:
		defer func() { <-readerSlots }()
	case <-ctx.Done():
		return nil, &sandboxRun{ExitCode: -1}, ctx.Err()
	}
	for n := readersRunning.Add(1); ; {
		if peak := readersPeak.Load(); n <= peak || readersPeak.CompareAndSwap(peak, n) {
			break
		}
	}
	defer readersRunning.Add(-1)
	wctx, cancel := context.WithTimeout(ctx, lim.Wall)
	defer cancel()
	cpuSecs := max(1, int64((lim.CPU+time.Second-1)/time.Second))
	cmd := exec.CommandContext(wctx, exe, SandboxArg, format,
		strconv.FormatInt(lim.Memory, 10), strconv.FormatInt(cpuSecs, 10), strconv.Itoa(lim.Stack))
	cmd.Stdin = bytes.NewReader(data)
	stdout := &cappedBuffer{max: lim.Output}
	stderr := &cappedBuffer{max: 4 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	// One thread of work, and only the first line of a fatal error.
	cmd.Env = []string{"GOMAXPROCS=1", "GOTRACEBACK=none", readerEnv + "=1"}
	cmd.WaitDelay = time.Second
	cmd.SysProcAttr = readerAttr()
	err = cmd.Run()
	run := &sandboxRun{ExitCode: -1}
	if ps := cmd.ProcessState; ps != nil {
		run.ExitCode = ps.ExitCode()
		run.MaxRSS, run.CPU = usage(ps)
	}
	if ctx.Err() != nil {
		return nil, run, ctx.Err()
	}
	msg := strings.TrimSpace(stderr.String())
	switch {
	case wctx.Err() != nil:
		run.Limit = "time"
		return nil, run, fmt.Errorf("%w: reading it took more than %v", ErrTooComplex, lim.Wall)
	case stdout.over:
		run.Limit = "output"
		return nil, run, fmt.Errorf("%w: it gives more than %s of text", ErrTooComplex, mib(lim.Output))
	case strings.Contains(msg, "out of memory") || strings.Contains(msg, "cannot allocate memory") ||
		strings.Contains(msg, "failed to allocate"): // the last from the race detector's runtime
		run.Limit = "memory"
		return nil, run, fmt.Errorf("%w: reading it needs more than %s of memory", ErrTooComplex, mib(lim.Memory))
	case strings.Contains(msg, "stack exceeds") || strings.Contains(msg, "stack overflow"):
		run.Limit = "stack"
		return nil, run, fmt.Errorf("%w: its structure is nested too deep", ErrTooComplex)
	case run.ExitCode == exitCPU || run.ExitCode == -1 && run.CPU >= time.Duration(cpuSecs)*time.Second:
		run.Limit = "cpu"
		return nil, run, fmt.Errorf("%w: reading it needs more than %v of processor time", ErrTooComplex, time.Duration(cpuSecs)*time.Second)
	case err != nil:
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return nil, run, fmt.Errorf("starting the document reader: %w", err)
		}
		if line, _, _ := strings.Cut(msg, "\n"); line != "" {
			return nil, run, fmt.Errorf("%w: the reader stopped (%s)", ErrTooComplex, oneLine(line))
		}
		return nil, run, fmt.Errorf("%w: the reader stopped (%v)", ErrTooComplex, err)
	}
	var reply sandboxReply
	if err := json.Unmarshal(stdout.Bytes(), &reply); err != nil {
		return nil, run, fmt.Errorf("the document reader answered badly: %v", err)
	}
	if reply.Error != "" {
		for _, s := range sentinels {
			if s.Error() == reply.Kind {
				return nil, run, &replyError{kind: s, msg: reply.Error}
			}
		}
		return nil, run, fmt.Errorf("%w: %s", ErrCorrupt, reply.Error)
	}
	if reply.Doc == nil {
		return nil, run, errors.New("the document reader answered nothing")
	}
	return reply.Doc, run, nil
}

// cappedBuffer keeps the first max bytes written to it and notes whether
// more came; it never fails a write, so the writer is not stopped half-way
// by a broken pipe. (The buffer is a field, not embedded: an embedded
// bytes.Buffer's ReadFrom would let io.Copy bypass the cap.)
type cappedBuffer struct {
	buf  bytes.Buffer
	max  int64
	over bool
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	room := b.max - int64(b.buf.Len())
	if int64(len(p)) > room {
		b.over = true
		if room > 0 {
			b.buf.Write(p[:room])
		}
		return len(p), nil
	}
	return b.buf.Write(p)
}

func (b *cappedBuffer) Bytes() []byte  { return b.buf.Bytes() }
func (b *cappedBuffer) String() string { return b.buf.String() }

// ReaderMain runs this process as the document reader when it was started
// as one (its first argument is SandboxArg) and returns the exit status
// with true; otherwise it returns false. A program that reads CVs, and the
// test binary of a package that does, calls it first thing.
func ReaderMain() (int, bool) {
	if len(os.Args) > 1 && os.Args[1] == SandboxArg {
		return RunSandbox(os.Args[2:], os.Stdin, os.Stdout, os.Stderr), true
	}
	return 0, false
}

// RunSandbox is the document reader: args are what follows SandboxArg
// (the format, then the memory limit in bytes, the CPU limit in seconds
// and the stack limit in bytes). It sets those limits on itself before it
// reads anything, reads one document from stdin, and writes the JSON of
// the Document, or of the error, to stdout. It returns the exit status: 0
// when a reply was written, 2 for a wrong command line.
func RunSandbox(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) != 4 || args[0] != FormatPDF && args[0] != FormatDOCX {
		fmt.Fprintf(stderr, "usage: %s pdf|docx MEMORY CPU-SECONDS STACK\n", SandboxArg)
		return 2
	}
	mem, err1 := strconv.ParseInt(args[1], 10, 64)
	cpu, err2 := strconv.ParseInt(args[2], 10, 64)
	stack, err3 := strconv.Atoi(args[3])
	if err := errors.Join(err1, err2, err3); err != nil || mem <= 0 || cpu <= 0 || stack <= 0 {
		fmt.Fprintf(stderr, "%s: bad limits %q\n", SandboxArg, args[1:])
		return 2
	}
	if err := limitSelf(mem, cpu); err != nil {
		fmt.Fprintf(stderr, "%s: setting limits: %v\n", SandboxArg, err)
		return 1
	}
	debug.SetMaxStack(stack)
	debug.SetMemoryLimit(mem)
	inSandbox = true
	data, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintf(stderr, "%s: reading: %v\n", SandboxArg, err)
		return 1
	}
	var reply sandboxReply
	doc, err := readInProcess(context.Background(), args[0], data)
	if err != nil {
		reply.Error = err.Error()
		for _, s := range sentinels {
			if errors.Is(err, s) {
				reply.Kind = s.Error()
				break
			}
		}
	} else {
		reply.Doc = doc
	}
	if err := json.NewEncoder(stdout).Encode(reply); err != nil {
		fmt.Fprintf(stderr, "%s: writing: %v\n", SandboxArg, err)
		return 1
	}
	return 0
}
