package asyncwriter

import (
	"io"
	"sync"
	"time"
)

// DefaultLimit is the bytes waiting to be written past which a Write
// waits: about a tenth of a second of access log at 30,000 requests a
// second.
const DefaultLimit = 1 << 20

// Gather is how long the goroutine lets records gather after the first
// before it writes them: long enough that under load one system call
// writes hundreds of records, short enough that a log read as it is
// written stays current.
const Gather = 10 * time.Millisecond

// Writer is an io.Writer that returns as soon as it has copied what it is
// given; a goroutine writes it to the underlying writer, in order.
type Writer struct {
	w     io.Writer
	limit int

	mu      sync.Mutex
	room    sync.Cond // signalled when the waiting bytes are taken
	pending []byte    // written by Write, not yet taken
	spare   []byte    // the buffer given back after a write, for reuse
	closed  bool
	err     error // the first error of the underlying writer

	wake     chan struct{} // a Write has added bytes
	full     chan struct{} // half the limit is waiting: write now
	stop     chan struct{}
	stopOnce sync.Once
	done     chan struct{}
}

// New returns a Writer to w that lets at most limit bytes wait (below 1:
// DefaultLimit). Close it to write what is left and stop its goroutine.
func New(w io.Writer, limit int) *Writer {
	if limit < 1 {
		limit = DefaultLimit
	}
	aw := &Writer{
		w:     w,
		limit: limit,
		wake:  make(chan struct{}, 1),
		full:  make(chan struct{}, 1),
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
	}
	aw.room.L = &aw.mu
	go aw.run()
	return aw
}

// Write copies p to be written. It waits only while the bytes waiting are
// over the limit. After Close it writes p itself. Errors of the underlying
// writer are not reported here (the bytes were accepted earlier) but by
// Close.
func (aw *Writer) Write(p []byte) (int, error) {
	aw.mu.Lock()
	for len(aw.pending) >= aw.limit && !aw.closed {
		aw.room.Wait()
	}
	if aw.closed {
		defer aw.mu.Unlock()
		return aw.w.Write(p)
	}
	aw.pending = append(aw.pending, p...)
	full := len(aw.pending) >= aw.limit/2
	aw.mu.Unlock()
	select {
	case aw.wake <- struct{}{}:
	default: // a wake-up is already on its way
	}
	if full {
		select {
		case aw.full <- struct{}{}:
		default:
		}
	}
	return len(p), nil
}

// run writes what gathers until Close: after the first record it waits
// Gather, or until half the limit is waiting, then writes all that came.
func (aw *Writer) run() {
	defer close(aw.done)
	t := time.NewTimer(Gather)
	t.Stop()
	for {
		select {
		case <-aw.wake:
		case <-aw.stop:
			return
		}
		t.Reset(Gather)
		select {
		case <-t.C:
		case <-aw.full:
			t.Stop()
		case <-aw.stop:
			return // Close writes what is waiting
		}
		aw.flush()
	}
}

// flush writes the bytes waiting, outside the lock, so that Writes go on
// while the system call runs.
func (aw *Writer) flush() {
	aw.mu.Lock()
	b := aw.pending
	aw.pending, aw.spare = aw.spare[:0], nil
	aw.room.Broadcast()
	aw.mu.Unlock()
	if len(b) == 0 {
		return
	}
	_, err := aw.w.Write(b)
	aw.mu.Lock()
	if err != nil && aw.err == nil {
		aw.err = err
	}
	if cap(b) <= 2*aw.limit { // a buffer that grew past that is let go
		aw.spare = b[:0]
	}
	aw.mu.Unlock()
}

// Close writes the bytes still waiting and stops the goroutine; later
// Writes go straight to the underlying writer. It returns the first error
// the underlying writer gave, if any. Close does not close the underlying
// writer.
func (aw *Writer) Close() error {
	aw.stopOnce.Do(func() { close(aw.stop) })
	<-aw.done
	aw.mu.Lock()
	defer aw.mu.Unlock()
	if aw.closed {
		return aw.err
	}
	aw.closed = true
	aw.room.Broadcast()
	if len(aw.pending) > 0 {
		if _, err := aw.w.Write(aw.pending); err != nil && aw.err == nil {
			aw.err = err
		}
		aw.pending = nil
	}
	return aw.err
}
