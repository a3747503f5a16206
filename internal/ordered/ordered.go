// Package ordered runs a function over a stream of items on several
// goroutines and hands the results on in the order the items came, with a
// fixed number of items in flight however long the stream. It is the
// pipeline of `anzsco batch` and of `anzsco classify -`.
//
// It owns the goroutines, the window and the reordering. It must not know
// what the items are, nor read or write anything itself: its caller's
// functions do.
package ordered

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
)

// Options tune Run.
type Options struct {
	// Workers is the number of goroutines running work (at least 1).
	Workers int
	// Window is the most items read and not yet emitted; 0 means 64 per
	// worker. Items are read only as earlier ones are emitted, so memory
	// stays bounded however long the input.
	Window int
	// CaughtUp, when not nil, is called each time every item read so far
	// has been emitted: where a stream's buffered output is flushed, so
	// that a program that sends a line and waits for its answer gets it.
	CaughtUp func() error
}

// Run calls read until it returns io.EOF or another error, runs work on
// each item on Options.Workers goroutines (work's first argument is the
// number of the goroutine running it, from 0, for state of its own), and
// calls emit with each result, on the calling goroutine, in the order read
// returned the items.
//
// Once ctx is done, or emit or CaughtUp has returned an error, Run reads
// no more items and emits no more results: what was emitted is the results
// of a prefix of the input. Run returns the first error of emit or
// CaughtUp, else read's error (other than io.EOF), else ctx's cause, else
// nil; it returns after its goroutines have ended.
func Run[In, Out any](ctx context.Context, opt Options, read func() (In, error), work func(worker int, in In) Out, emit func(Out) error) error {
	workers := max(1, opt.Workers)
	window := opt.Window
	if window <= 0 {
		window = 64 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		in  In
	}
	jobs := make(chan job, window)
	results := make(chan slot[Out], window)
	// tokens holds one token per item in flight: the reader takes one
	// before it reads an item, the emitter gives it back once the item is
	// emitted, so the ring below never holds more than window items.
	tokens := make(chan struct{}, window)

	var handed atomic.Int64 // items handed to the workers
	var readErr error
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		defer close(jobs)
		for seq := 0; ; seq++ {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			in, err := read()
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
			// Counted before it is handed over, so that the emitter never
			// takes itself to be caught up while an item is on its way.
			handed.Store(int64(seq + 1))
			jobs <- job{seq: seq, in: in}
		}
	}()

	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			for j := range jobs {
				if ctx.Err() != nil {
					results <- slot[Out]{seq: j.seq, full: true, skipped: true}
					continue
				}
				results <- slot[Out]{seq: j.seq, full: true, out: work(i, j.in)}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var emitErr error
	fail := func(err error) {
		if emitErr == nil && err != nil {
			emitErr = err
			cancel()
		}
	}
	stopped := false // a skipped item was reached: emit nothing more
	ring := make([]slot[Out], window)
	next := 0
	for s := range results {
		ring[s.seq%window] = s
		for ring[next%window].full {
			s := ring[next%window]
			ring[next%window] = slot[Out]{}
			next++
			stopped = stopped || s.skipped
			if !stopped && emitErr == nil {
				fail(emit(s.out))
			}
			<-tokens
		}
		if !stopped && emitErr == nil && opt.CaughtUp != nil && int64(next) == handed.Load() {
			fail(opt.CaughtUp())
		}
	}
	<-readerDone
	switch {
	case emitErr != nil:
		return emitErr
	case readErr != nil:
		return readErr
	}
	return context.Cause(ctx)
}

// slot is a result on its way to the emitter; seq is its place in the
// input, full marks a slot of the ring that holds one.
type slot[Out any] struct {
	seq     int
	out     Out
	full    bool
	skipped bool // ctx was done before the item was worked on
}
