package batch

import (
	"bufio"
	"bytes"
	"context"
	"io"
)

// splitter cuts CSV and TSV input into records before encoding/csv parses
// them, so that a record over MaxRecordBytes is skipped to its end and
// becomes one error row instead of ending the run. A record ends at a line
// end outside quotes: the parity of the quotes read tells, since an
// escaped quote is two. Where the parity and encoding/csv disagree (a bare
// quote in an unquoted field, which csv reports and skips to the line's
// end), csv still parses what it is given: the split decides only where
// the limit applies.
type splitter struct {
	br   *bufio.Reader
	buf  []byte
	line int // lines read so far
}

// piece is one record as the splitter found it.
type piece struct {
	raw     []byte // the record with its line end; nil when too long
	start   int    // the line it starts on
	lines   int    // the lines it spans
	size    int    // its length in bytes
	tooLong bool
	open    bool // it ended inside quotes, at the end of the input
	blank   bool // it holds nothing but white space
}

// next returns the next record, or io.EOF after the last. The piece's raw
// bytes are valid until the next call.
func (s *splitter) next() (piece, error) {
	s.buf = s.buf[:0]
	p := piece{start: s.line + 1, blank: true}
	quoted := false
	for {
		chunk, err := s.br.ReadSlice('\n')
		if len(chunk) > 0 {
			if bytes.Count(chunk, quote)%2 == 1 {
				quoted = !quoted
			}
			if p.blank && len(bytes.TrimSpace(chunk)) > 0 {
				p.blank = false
			}
			p.size += len(chunk)
			if !p.tooLong && p.size > MaxRecordBytes {
				p.tooLong, s.buf = true, s.buf[:0]
			}
			if !p.tooLong {
				s.buf = append(s.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == nil:
			s.line++
			p.lines++
			if quoted {
				continue // a line end inside a quoted field
			}
		case err == io.EOF:
			if p.size == 0 {
				return p, io.EOF
			}
			p.open = quoted
			if len(chunk) > 0 {
				s.line++
				p.lines++
			}
		default:
			return p, err
		}
		if !p.tooLong {
			p.raw = s.buf
		}
		return p, nil
	}
}

var quote = []byte{'"'}

// feed serves encoding/csv one record at a time: it reads what it was
// given, then reports the end of input until it is given more.
type feed struct{ b []byte }

func (f *feed) Read(p []byte) (int, error) {
	if len(f.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.b)
	f.b = f.b[n:]
	return n, nil
}

// ContextReader returns a reader of r that fails with ctx's error once ctx
// is done, so that a reader skipping an endless line or record stops at
// the next read when the run is cancelled (by SIGTERM, for the command
// line), not at the line's end.
func ContextReader(ctx context.Context, r io.Reader) io.Reader { return &ctxReader{ctx, r} }

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := context.Cause(c.ctx); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
