package batch

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Meter shows the progress of a run: rows written, rows per second and,
// when the input size is known, the share read, a bar and the time left.
// On a terminal it redraws one line in place several times a second;
// elsewhere (a log file) it writes a line every LogEvery.
type Meter struct {
	w     io.Writer
	tty   bool
	total int64
	rows  func() int64
	read  func() int64
	start time.Time

	stop chan struct{}
	wg   sync.WaitGroup
}

// Redraw intervals of a Meter.
const (
	RedrawEvery = 200 * time.Millisecond
	LogEvery    = 10 * time.Second
)

// StartMeter starts drawing on w. total is the input size in bytes (0 or
// less when unknown, e.g. a pipe); read returns the bytes read so far
// (count compressed bytes for a compressed input) and may be nil; rows
// returns the rows written so far.
func StartMeter(w io.Writer, tty bool, total int64, rows, read func() int64) *Meter {
	m := &Meter{w: w, tty: tty, total: total, rows: rows, read: read, start: time.Now(), stop: make(chan struct{})}
	every := LogEvery
	if tty {
		every = RedrawEvery
	}
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-m.stop:
				if m.tty {
					fmt.Fprint(m.w, "\r\x1b[K")
				}
				return
			case now := <-t.C:
				if m.tty {
					fmt.Fprint(m.w, "\r"+m.Line(now)+"\x1b[K")
				} else {
					fmt.Fprintln(m.w, m.Line(now))
				}
			}
		}
	}()
	return m
}

// Stop stops drawing and, on a terminal, erases the line.
func (m *Meter) Stop() {
	close(m.stop)
	m.wg.Wait()
}

// Line is the progress line at time now.
func (m *Meter) Line(now time.Time) string {
	elapsed := now.Sub(m.start)
	rows := m.rows()
	var b strings.Builder
	eta := ""
	if m.total > 0 && m.read != nil {
		frac := min(float64(m.read())/float64(m.total), 1)
		const width = 20
		full := int(frac * width)
		fmt.Fprintf(&b, "[%s%s] %3.0f%%  ", strings.Repeat("#", full), strings.Repeat(".", width-full), frac*100)
		if frac > 0.001 && frac < 1 && elapsed >= time.Second {
			eta = "  ETA " + time.Duration(float64(elapsed)*(1-frac)/frac).Round(time.Second).String()
		}
	}
	fmt.Fprintf(&b, "%s rows", thousands(int(rows)))
	if s := elapsed.Seconds(); s > 0 {
		fmt.Fprintf(&b, "  %s rows/s", thousands(int(float64(rows)/s)))
	}
	fmt.Fprintf(&b, "  %s%s", elapsed.Round(time.Second), eta)
	return b.String()
}
