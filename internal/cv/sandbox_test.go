package cv

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/anzsco/anzsco/internal/cv/cvtest"
)

// TestSandboxHostileDocuments checks that documents that exhaust a reader
// (memory from a huge cross-reference section, stack from an object
// stream that holds itself, processor time from an object stream that
// claims two billion objects) stop the reader process at its limit, with
// ErrTooComplex, and leave this process running. The limits are checked
// on the reader's own accounts (exit status, peak memory, CPU time), not
// the clock.
func TestSandboxHostileDocuments(t *testing.T) {
	if _, ok := privateMemory(); !ok {
		t.Skip("the reader's memory limit needs the private memory the system reports (Linux)")
	}
	if os.Getenv("CV_TEST_FRESH") == "" {
		// The peak memory the kernel reports for a reader counts what its
		// parent held when it started it (Linux keeps the high-water mark
		// across exec), and this test process may have built large
		// indexes by now: the cases run from a fresh process of their own.
		fresh := exec.Command(os.Args[0], "-test.run=^TestSandboxHostileDocuments$", "-test.v")
		fresh.Env = append(os.Environ(), "CV_TEST_FRESH=1")
		out, err := fresh.CombinedOutput()
		t.Logf("fresh process:\n%s", out)
		if err != nil {
			t.Fatalf("the cases failed in a fresh process: %v", err)
		}
		return
	}
	lim := DefaultSandboxLimits
	// The processor-time case runs under a limit of one second, not five.
	oneSecond := lim
	oneSecond.CPU = time.Second
	cases := []struct {
		name   string
		format string
		data   []byte
		lim    SandboxLimits
		limit  string
	}{
		{"huge xref subsection", FormatPDF, cvtest.HugeXrefPDF(2_000_000_000), lim, "memory"},
		{"xref table grown step by step", FormatPDF, cvtest.HugeXrefPDF(3_000_000, 6_000_000, 9_000_000), lim, "memory"},
		{"object stream holding itself", FormatPDF, cvtest.SelfStreamPDF(), lim, "stack"},
		{"object stream claiming two billion objects", FormatPDF, cvtest.ObjStmPDF(2_000_000_000, 4, "7 0 (x)"), oneSecond, "cpu"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, run, err := runSandbox(context.Background(), c.format, c.data, c.lim)
			if !errors.Is(err, ErrTooComplex) {
				t.Fatalf("runSandbox = %v, %v; want ErrTooComplex", doc, err)
			}
			if run.Limit != c.limit {
				t.Errorf("stopped by %q (exit %d), want %q; error %v", run.Limit, run.ExitCode, c.limit, err)
			}
			// The reader was held to its memory: its peak resident memory
			// stays within the limit plus what it held when it started
			// (the runtime's own mappings, about 40 MiB, and the program
			// text).
			if run.MaxRSS > lim.Memory+96<<20 {
				t.Errorf("reader peak RSS %d MiB, over the %d MiB limit", run.MaxRSS>>20, lim.Memory>>20)
			}
			// The kernel enforces RLIMIT_CPU on time sampled at clock
			// ticks, while the reported usage is precise; on a busy
			// machine the two part by more than a tick (0.87 s reported
			// at a limit of 1 s has been seen), so the floor only rules
			// out a reader stopped long before its limit.
			if run.CPU > c.lim.CPU+2*time.Second || c.limit == "cpu" && run.CPU < c.lim.CPU/2 {
				t.Errorf("reader used %v of CPU, limit %v", run.CPU, c.lim.CPU)
			}
			t.Logf("%v; exit %d, peak RSS %d MiB, CPU %v", err, run.ExitCode, run.MaxRSS>>20, run.CPU)
		})
	}
}

// TestSandboxLimits checks the limits that no document reaches before the
// others, on a reader made to break them.
func TestSandboxLimits(t *testing.T) {
	cases := []struct {
		format string
		lim    SandboxLimits
		limit  string
		check  func(t *testing.T, run *sandboxRun)
	}{
		{"test-sleep", SandboxLimits{Memory: 64 << 20, CPU: time.Second, Wall: 200 * time.Millisecond, Stack: 1 << 20, Output: 1 << 20}, "time",
			func(t *testing.T, run *sandboxRun) {
				if run.ExitCode != -1 {
					t.Errorf("reader exit status %d, want killed", run.ExitCode)
				}
			}},
		{"test-flood", SandboxLimits{Memory: 64 << 20, CPU: time.Second, Wall: time.Minute, Stack: 1 << 20, Output: 1 << 20}, "output", nil},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			_, run, err := runSandbox(context.Background(), c.format, nil, c.lim)
			if !errors.Is(err, ErrTooComplex) || run.Limit != c.limit {
				t.Fatalf("runSandbox(%s) = %v, stopped by %q; want ErrTooComplex by %q", c.format, err, run.Limit, c.limit)
			}
			if c.check != nil {
				c.check(t, run)
			}
		})
	}
}

// TestSandboxCanceled checks that a canceled request kills its reader and
// says so with the context's error, not as a document problem.
func TestSandboxCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	_, run, err := runSandbox(ctx, "test-sleep", nil, SandboxLimits{Memory: 64 << 20, CPU: time.Second, Wall: time.Minute, Stack: 1 << 20, Output: 1 << 20})
	if !errors.Is(err, context.Canceled) || run.ExitCode != -1 {
		t.Fatalf("runSandbox after cancel = %v (exit %d), want context.Canceled and a killed reader", err, run.ExitCode)
	}
}

// TestExtractTooComplex checks the message Extract gives for a document
// that breaks a limit: one line naming the file.
func TestExtractTooComplex(t *testing.T) {
	for name, data := range map[string][]byte{
		"xref.pdf": cvtest.HugeXrefPDF(2_000_000_000),
		"self.pdf": cvtest.SelfStreamPDF(),
	} {
		_, err := Extract(context.Background(), data, name)
		if !errors.Is(err, ErrTooComplex) || !strings.HasPrefix(err.Error(), name+": this file is too complex to read: ") {
			t.Errorf("Extract(%s) = %v, want %q", name, err, name+": this file is too complex to read: ...")
		}
	}
}

// TestSandboxKeepsErrors checks that the reader's errors come back with
// their kind and message.
func TestSandboxKeepsErrors(t *testing.T) {
	data := makePDF(t, "Team Leader, Acme\nMar 2019 – Present\n", pdfOptions{})
	doc, _, err := runSandbox(context.Background(), FormatPDF, data, DefaultSandboxLimits)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Team Leader") || doc.Pages != 1 || doc.Format != FormatPDF {
		t.Errorf("runSandbox(pdf) = %+v, want the one page with its text", doc)
	}
	_, _, err = runSandbox(context.Background(), FormatDOCX, cvtest.BombDOCX(t, MaxDocumentXML+1), DefaultSandboxLimits)
	_, want := extractDOCX(context.Background(), cvtest.BombDOCX(t, MaxDocumentXML+1))
	if !errors.Is(err, ErrExpands) || err.Error() != want.Error() {
		t.Errorf("runSandbox(bomb) = %v, want %v", err, want)
	}
	_, _, err = runSandbox(context.Background(), FormatPDF, bytes.Repeat([]byte("%PDF-"), 3), DefaultSandboxLimits)
	if !errors.Is(err, ErrCorrupt) {
		t.Errorf("runSandbox(damaged) = %v, want ErrCorrupt", err)
	}
}

// TestDOCXStructureLimits checks the bounds on document.xml's nesting and
// element count, which hold inside the reader as well as out.
func TestDOCXStructureLimits(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"deep", cvtest.DeepDOCX(t, maxXMLDepth+1), "nests elements more than 256 deep"},
		{"many", cvtest.ManyElementsDOCX(t, maxXMLElements+1), "holds more than 1000000 elements"},
	}
	for _, c := range cases {
		_, err := extractDOCX(context.Background(), c.data)
		if !errors.Is(err, ErrTooComplex) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("extractDOCX(%s) = %v, want ErrTooComplex: %s", c.name, err, c.want)
		}
	}
	// At the bounds, a document is read.
	if _, err := extractDOCX(context.Background(), cvtest.DeepDOCX(t, maxXMLDepth-8)); err != nil {
		t.Errorf("extractDOCX(%d deep) = %v, want it read", maxXMLDepth-8, err)
	}
}

// TestSandboxReadersBounded starts more readers at once than there are
// slots: no more than the slots run at the same time, and every one
// finishes.
func TestSandboxReadersBounded(t *testing.T) {
	lim := SandboxLimits{Memory: 64 << 20, CPU: time.Second, Wall: 300 * time.Millisecond, Stack: 1 << 20, Output: 1 << 20}
	readersPeak.Store(0)
	n := cap(readerSlots) + 2
	errs := make(chan error, n)
	for range n {
		go func() {
			_, _, err := runSandbox(context.Background(), "test-sleep", nil, lim)
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; !errors.Is(err, ErrTooComplex) {
			t.Errorf("sleeping reader = %v, want ErrTooComplex (its wall-clock limit)", err)
		}
	}
	if peak := readersPeak.Load(); peak > int64(cap(readerSlots)) {
		t.Errorf("%d readers ran at once, more than the %d slots", peak, cap(readerSlots))
	}
}
