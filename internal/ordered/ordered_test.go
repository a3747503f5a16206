package ordered

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"
)

// counter returns a read function giving 0, 1, ... n-1, then io.EOF.
func counter(n int) func() (int, error) {
	i := 0
	return func() (int, error) {
		if i == n {
			return 0, io.EOF
		}
		i++
		return i - 1, nil
	}
}

// jitter works slowly on some items, so that later items often finish
// first.
func jitter(_ int, in int) int {
	if rand.IntN(8) == 0 {
		time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
	}
	return in * 2
}

func TestRunKeepsOrder(t *testing.T) {
	const n = 5000
	var got []int
	err := Run(context.Background(), Options{Workers: 4, Window: 16}, counter(n), jitter, func(out int) error {
		got = append(got, out)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d results emitted, want %d", len(got), n)
	}
	for i, out := range got {
		if out != 2*i {
			t.Fatalf("result %d is %d, want %d: out of order", i, out, 2*i)
		}
	}
}

// At most Window items are read and not yet emitted, and every worker's
// number is one of 0..Workers-1.
func TestRunBoundsItemsInFlight(t *testing.T) {
	const window, workers = 8, 3
	var inFlight, most atomic.Int64
	read := counter(2000)
	err := Run(context.Background(), Options{Workers: workers, Window: window}, func() (int, error) {
		in, err := read()
		if err == nil {
			now := inFlight.Add(1)
			for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
			}
		}
		return in, err
	}, func(w, in int) int {
		if w < 0 || w >= workers {
			t.Errorf("worker number %d, want 0..%d", w, workers-1)
		}
		return jitter(w, in)
	}, func(int) error {
		inFlight.Add(-1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if m := most.Load(); m > window || m < 2 {
		t.Errorf("at most %d items in flight, want 2..%d", m, window)
	}
}

// An emit error stops the run: nothing more is emitted or read past the
// window, and Run returns that error.
func TestRunStopsOnEmitError(t *testing.T) {
	failure := errors.New("disk full")
	emitted, reads := 0, 0
	read := counter(100000)
	err := Run(context.Background(), Options{Workers: 4, Window: 32}, func() (int, error) {
		reads++
		return read()
	}, jitter, func(out int) error {
		if out != 2*emitted {
			t.Fatalf("result %d is %d: out of order", emitted, out)
		}
		emitted++
		if emitted == 10 {
			return failure
		}
		return nil
	})
	if !errors.Is(err, failure) || emitted != 10 {
		t.Errorf("after an emit error at the 10th: %d emitted, error %v; want 10, %v", emitted, err, failure)
	}
	if reads > 10+32+1 {
		t.Errorf("%d items read after the emitter failed at the 10th with a window of 32", reads)
	}
}

// A read error ends the run after the items read before it are emitted.
func TestRunReadError(t *testing.T) {
	bad := errors.New("bad input")
	read := counter(50)
	var got []int
	err := Run(context.Background(), Options{Workers: 2}, func() (int, error) {
		in, err := read()
		if in == 20 {
			return 0, bad
		}
		return in, err
	}, jitter, func(out int) error {
		got = append(got, out)
		return nil
	})
	if !errors.Is(err, bad) || len(got) != 20 {
		t.Errorf("read error at item 20: %d emitted, error %v; want 20, %v", len(got), err, bad)
	}
}

// A cancelled context ends the run with its cause; what was emitted is a
// prefix of the results.
func TestRunCancelled(t *testing.T) {
	cause := errors.New("interrupted")
	ctx, cancel := context.WithCancelCause(context.Background())
	var got []int
	err := Run(ctx, Options{Workers: 4, Window: 64}, counter(1_000_000), jitter, func(out int) error {
		got = append(got, out)
		if len(got) == 100 {
			cancel(cause)
		}
		return nil
	})
	if !errors.Is(err, cause) {
		t.Fatalf("error %v, want %v", err, cause)
	}
	if len(got) < 100 || len(got) > 100+64 {
		t.Errorf("%d results emitted after cancelling at the 100th with a window of 64", len(got))
	}
	for i, out := range got {
		if out != 2*i {
			t.Fatalf("result %d is %d: not a prefix", i, out)
		}
	}
}

// CaughtUp is called once every item read so far is emitted, while read
// waits for more: an interactive stream gets each answer. Were it not,
// the test would wait for ever.
func TestRunCaughtUp(t *testing.T) {
	in := make(chan int)
	caught := make(chan int, 1)
	emitted := 0
	done := make(chan error, 1)
	go func() {
		done <- Run(context.Background(), Options{Workers: 4, CaughtUp: func() error {
			caught <- emitted
			return nil
		}}, func() (int, error) {
			v, ok := <-in
			if !ok {
				return 0, io.EOF
			}
			return v, nil
		}, jitter, func(int) error {
			emitted++
			return nil
		})
	}()
	for i := range 20 {
		in <- i
		for n := range caught {
			if n == i+1 {
				break
			}
		}
	}
	close(in)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if emitted != 20 {
		t.Errorf("%d emitted, want 20", emitted)
	}
}

// A CaughtUp error stops the run as an emit error does.
func TestRunCaughtUpError(t *testing.T) {
	failure := errors.New("broken pipe")
	err := Run(context.Background(), Options{Workers: 2, CaughtUp: func() error { return failure }},
		counter(3), jitter, func(int) error { return nil })
	if !errors.Is(err, failure) {
		t.Errorf("error %v, want %v", err, failure)
	}
}

func ExampleRun() {
	words := []string{"one", "two", "three"}
	i := 0
	read := func() (string, error) {
		if i == len(words) {
			return "", io.EOF
		}
		i++
		return words[i-1], nil
	}
	length := func(_ int, w string) string { return fmt.Sprintf("%s %d", w, len(w)) }
	err := Run(context.Background(), Options{Workers: 2}, read, length, func(s string) error {
		fmt.Println(s)
		return nil
	})
	fmt.Println(err)
	// Output:
	// one 3
	// two 3
	// three 5
	// <nil>
}
