package asyncwriter

import (
	"io"
	"sync"
)

// DefaultLimit is the bytes waiting to be written past which a Write
// waits: about a tenth of a second of access log at 30,000 requests a
// second.
const DefaultLimit = 1 << 20

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
	aw.mu.Unlock()
	select {
	case aw.wake <- struct{}{}:
	default: // a wake-up is already on its way
	}
	return len(p), nil
}

// run writes what is waiting as soon as a Write wakes it, until Close:
// what comes while it writes gathers for the next write, so that under
// load one system call writes hundreds of records. It does not wait for
// records to gather: measured on 'anzsco serve' with distinct titles (64
// connections on 2 quiet cores), letting them gather 10 ms after the
// first took the requests' p99 from about 22 ms to about 28 ms.
func (aw *Writer) run() {
	defer close(aw.done)
	for {
		select {
		case <-aw.wake:
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
