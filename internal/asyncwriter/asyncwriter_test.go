package asyncwriter

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a bytes.Buffer that counts the Write calls it gets.
type lockedBuffer struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	calls int
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.calls++
	return b.buf.Write(p)
}

// TestOrderAndNothingLost writes lines from many goroutines, some limits
// small enough that Writes wait, and checks that every line arrives whole
// and each goroutine's lines in the order it wrote them.
func TestOrderAndNothingLost(t *testing.T) {
	for _, limit := range []int{1, 64, DefaultLimit} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			var out lockedBuffer
			w := New(&out, limit)
			const writers, lines = 8, 500
			var wg sync.WaitGroup
			for g := range writers {
				wg.Go(func() {
					for i := range lines {
						fmt.Fprintf(w, "%d %d\n", g, i)
					}
				})
			}
			wg.Wait()
			if err := w.Close(); err != nil {
				t.Fatalf("Close() = %v, want nil", err)
			}
			next := make([]int, writers)
			got := strings.Split(strings.TrimSuffix(out.buf.String(), "\n"), "\n")
			for _, l := range got {
				var g, i int
				if _, err := fmt.Sscanf(l, "%d %d", &g, &i); err != nil || g < 0 || g >= writers {
					t.Fatalf("line %q is not one that was written", l)
				}
				if i != next[g] {
					t.Fatalf("writer %d: line %d came where line %d should", g, i, next[g])
				}
				next[g]++
			}
			if len(got) != writers*lines {
				t.Errorf("%d lines written, want %d", len(got), writers*lines)
			}
		})
	}
}

// gate is a writer whose writes wait until it is opened.
type gate struct {
	entered chan struct{}
	open    chan struct{}
	out     lockedBuffer
}

func (g *gate) Write(p []byte) (int, error) {
	select {
	case g.entered <- struct{}{}:
	default:
	}
	<-g.open
	return g.out.Write(p)
}

// TestWriteDoesNotWaitForTheWriter: while the underlying writer is stuck,
// Writes under the limit still return, and what they wrote goes out
// together once it moves.
func TestWriteDoesNotWaitForTheWriter(t *testing.T) {
	g := &gate{entered: make(chan struct{}, 1), open: make(chan struct{})}
	w := New(g, 1024)
	w.Write([]byte("first\n"))
	<-g.entered // the goroutine is now stuck writing "first"
	for i := range 10 {
		if n, err := fmt.Fprintf(w, "record %d\n", i); n == 0 || err != nil {
			t.Fatalf("Write = %d, %v while the writer is stuck", n, err)
		}
	}
	close(g.open)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := "first\n"
	for i := range 10 {
		want += fmt.Sprintf("record %d\n", i)
	}
	if got := g.out.buf.String(); got != want {
		t.Errorf("written %q, want %q", got, want)
	}
	if g.out.calls > 3 {
		t.Errorf("%d writes to the underlying writer for 11 records, want the 10 waiting ones gathered in one or two", g.out.calls)
	}
}

type failing struct{ err error }

func (f failing) Write(p []byte) (int, error) { return 0, f.err }

func TestCloseReportsTheWritersError(t *testing.T) {
	want := errors.New("disk full")
	w := New(failing{want}, 0)
	w.Write([]byte("x\n"))
	if err := w.Close(); !errors.Is(err, want) {
		t.Errorf("Close() = %v, want %v", err, want)
	}
	if err := w.Close(); !errors.Is(err, want) {
		t.Errorf("second Close() = %v, want %v", err, want)
	}
}

func TestWriteAfterClose(t *testing.T) {
	var out lockedBuffer
	w := New(&out, 0)
	w.Write([]byte("a\n"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n, err := w.Write([]byte("b\n")); n != 2 || err != nil {
		t.Fatalf("Write after Close = %d, %v; want 2, nil", n, err)
	}
	if got := out.buf.String(); got != "a\nb\n" {
		t.Errorf("written %q, want %q", got, "a\nb\n")
	}
}
