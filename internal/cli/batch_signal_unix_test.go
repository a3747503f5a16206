//go:build unix

package cli

import (
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/anzsco/anzsco/internal/batch"
)

// sigtermAfter is standard input of a header and then one endless line; it
// sends the process SIGTERM once it has served more than the limit of a
// record, while the reader is skipping that line.
type sigtermAfter struct {
	t      *testing.T
	header string
	n      int64
	once   sync.Once
}

func (s *sigtermAfter) Read(p []byte) (int, error) {
	if s.header != "" {
		n := copy(p, s.header)
		s.header = s.header[n:]
		return n, nil
	}
	for i := range p {
		p[i] = 'x'
	}
	s.n += int64(len(p))
	if s.n > 2*batch.MaxRecordBytes {
		s.once.Do(func() {
			if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
				s.t.Errorf("sending SIGTERM: %v", err)
			}
		})
	}
	return len(p), nil
}

// SIGTERM stops a batch while it skips an endless line: the run ends as
// interrupted instead of reading for ever.
func TestBatchSIGTERMWhileSkippingEndlessLine(t *testing.T) {
	for _, header := range []string{"title\nCall centre agent\n", "{\"title\":\"Call centre agent\"}\n"} {
		ios, _, _ := Test("")
		ios.In = &sigtermAfter{t: t, header: header}
		code, err := runBatchCmd(t, ios, keywordClassifier{}, "-")
		if code != ExitError || err == nil || !strings.Contains(err.Error(), "interrupted after") {
			t.Errorf("%q then an endless line: exit %d, %v; want %d and interrupted", header, code, err, ExitError)
		}
	}
}
