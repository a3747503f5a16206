package batch

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestMeterLine(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name        string
		total, read int64
		rows        int64
		elapsed     time.Duration
		want        string
	}{
		{"size unknown", 0, 500, 12345, 2 * time.Second, "12,345 rows  6,172 rows/s  2s"},
		{"a quarter read", 1000, 250, 30000, 10 * time.Second, "[#####...............]  25%  30,000 rows  3,000 rows/s  10s  ETA 30s"},
		{"all read", 1000, 1000, 7, 3 * time.Second, "[####################] 100%  7 rows  2 rows/s  3s"},
		{"read past the size", 1000, 1500, 7, 3 * time.Second, "[####################] 100%  7 rows  2 rows/s  3s"},
		{"at the start", 1000, 0, 0, 0, "[....................]   0%  0 rows  0s"},
	}
	for _, tt := range tests {
		m := &Meter{total: tt.total, start: t0,
			rows: func() int64 { return tt.rows }, read: func() int64 { return tt.read }}
		if got := m.Line(t0.Add(tt.elapsed)); got != tt.want {
			t.Errorf("%s: Line = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the meter's goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestMeterTerminalErasesItsLine(t *testing.T) {
	var out syncBuffer
	m := StartMeter(&out, true, 100, func() int64 { return 5 }, func() int64 { return 50 })
	for !strings.Contains(out.String(), "5 rows") {
		time.Sleep(RedrawEvery / 4)
	}
	m.Stop()
	got := out.String()
	if !strings.HasPrefix(got, "\r[##########..........]  50%  5 rows") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("terminal output = %q, want redraws of the line, then the line erased", got)
	}
	if strings.Contains(got, "\n") {
		t.Errorf("terminal output = %q has a newline, want redraws in place", got)
	}
}
