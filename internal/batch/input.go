package batch

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"golang.org/x/text/transform"

	"github.com/anzsco/anzsco/internal/bom"
)

// ReadOptions say how to read an input.
type ReadOptions struct {
	// Name names the input in messages: a file name, or "stdin".
	Name string
	// Format is CSV, TSV, JSONL or XLSX. Empty means XLSX when the input is
	// a zip file, JSONL when its first character (after a byte order mark
	// and white space) is "{", else CSV.
	Format Format
	// Title names the column (CSV, TSV) or field (JSONL) that holds the job
	// title. Required.
	Title string
	// Text names the column that holds a description; empty for none.
	Text string
	// ID names the column that holds the row's id; empty means the row
	// number is the id.
	ID string
	// Keep asks for every column of each row in Record.Columns, and for the
	// JSON object of a JSONL row in Record.Raw.
	Keep bool
	// Shard selects the rows returned; row numbers count every row.
	Shard Shard
	// Sheet names the worksheet of an XLSX input (in any case); empty
	// means the first.
	Sheet string
	// Delimiter separates the fields of CSV: ',', ';' or '\t'. Zero means
	// the one of these found most often outside quotes in the header line
	// (a comma when there is none), so that the CSV Excel saves in
	// Brazilian and Portuguese locales, separated by semicolons, is read
	// as it is. TSV is always separated by tabs.
	Delimiter rune
	// Encoding names the encoding of a text input, as ParseEncoding takes
	// it: utf-8 (the default), utf-16, windows-1252, iso-8859-1.
	Encoding string
}

// Reader reads the records of an input one at a time. It is not safe for
// concurrent use.
type Reader interface {
	// Read returns the next record of the shard, or io.EOF after the last.
	// A row that cannot be read is a record whose Err is set; any error
	// returned is fatal: the input cannot be read further.
	Read() (*Record, error)
	// Columns returns the names of the input's columns when ReadOptions.Keep
	// is set, else nil. For JSONL they are the keys of the first object.
	Columns() []string
	// Format returns the format being read (useful when it was sniffed).
	Format() Format
}

// NewReader reads the header (CSV, TSV, XLSX) and returns a Reader of r's
// records. An Excel workbook is read as XLSX when Format is XLSX or empty,
// and refused with one line of explanation otherwise; the Reader of a
// workbook is an io.Closer. A gzip-compressed r is decompressed, whatever
// its name; a UTF-8
// byte order mark is skipped, and UTF-16 (told by its byte order mark) is
// refused with a message to convert it. It fails when r is empty or unreadable and
// when a named column is not in the header.
func NewReader(r io.Reader, opt ReadOptions) (Reader, error) {
	if opt.Name == "" {
		opt.Name = "input"
	}
	if opt.Title == "" {
		return nil, errors.New("no title column named")
	}
	raw := bufio.NewReaderSize(r, 64<<10)
	var src io.Reader = raw
	magic, err := raw.Peek(len(oleMagic))
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: %w", opt.Name, err)
	}
	switch kind := workbookKind(magic); {
	case kind == "xlsx" && (opt.Format == "" || opt.Format == XLSX):
		return newXLSXReader(raw, opt)
	case kind == "xlsx":
		return nil, fmt.Errorf("%s: %w (name it .xlsx or give --input-format xlsx)", opt.Name, errWorkbookAsText)
	case kind == "xls":
		return nil, fmt.Errorf("%s: this is an Excel 97-2003 workbook (.xls) or an encrypted one: save it as .xlsx or as CSV", opt.Name)
	case opt.Format == XLSX:
		return nil, fmt.Errorf("%s: not an Excel workbook: an .xlsx file is a zip file, and this one is not", opt.Name)
	}
	if bytes.HasPrefix(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", opt.Name, describeReadError(err))
		}
		src = zr
	}
	enc, err := ParseEncoding(opt.Encoding)
	if err != nil {
		return nil, err
	}
	if enc != nil {
		src = transform.NewReader(src, enc.NewDecoder())
	}
	br := bufio.NewReaderSize(src, 64<<10)
	if err := bom.Skip(br, opt.Name+": the input"); errors.Is(err, bom.ErrUTF16) {
		return nil, fmt.Errorf("%w; or give --encoding utf-16", err)
	} else if err != nil {
		return nil, fmt.Errorf("%s: %w", opt.Name, describeReadError(err))
	}
	if opt.Format == "" {
		opt.Format = sniff(br)
	}
	switch opt.Format {
	case CSV:
		comma := opt.Delimiter
		if comma == 0 {
			comma = detectDelimiter(br)
		}
		return newCSVReader(br, comma, opt)
	case TSV:
		return newCSVReader(br, '\t', opt)
	case JSONL:
		return newJSONLReader(br, opt)
	}
	return nil, fmt.Errorf("unknown input format %q", opt.Format)
}

// Delimiters are the field separators of CSV that detectDelimiter tells
// apart, in the order that breaks a tie.
var Delimiters = []rune{',', ';', '\t'}

// detectDelimiter returns the delimiter found most often outside quotes
// in the first line of br (up to its buffer's size), a comma when none is.
// It reads no further than the end of that line, so that rows piped in
// one at a time are not held back.
func detectDelimiter(br *bufio.Reader) rune {
	p, err := br.Peek(1)
	for err == nil && bytes.IndexByte(p, '\n') < 0 && len(p) < br.Size() {
		p, err = br.Peek(len(p) + 1) // one more read, however little it brings
		if err == nil {
			p, _ = br.Peek(br.Buffered())
		}
	}
	counts := make([]int, len(Delimiters))
	quoted := false
scan:
	for _, c := range p {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n' || c == '\r':
			break scan
		default:
			for i, d := range Delimiters {
				if rune(c) == d {
					counts[i]++
				}
			}
		}
	}
	best := 0
	for i := range counts {
		if counts[i] > counts[best] {
			best = i
		}
	}
	return Delimiters[best]
}

// sniff tells JSONL from CSV by the first character that is not white
// space.
func sniff(br *bufio.Reader) Format {
	p, _ := br.Peek(4096)
	p = bytes.TrimLeft(p, " \t\r\n")
	if len(p) > 0 && p[0] == '{' {
		return JSONL
	}
	return CSV
}

// describeReadError turns the errors of a broken gzip stream into words.
func describeReadError(err error) error {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("unexpected end of gzip data: the file is truncated (%w)", err)
	case errors.Is(err, gzip.ErrChecksum):
		return fmt.Errorf("gzip checksum mismatch: the file is corrupt (%w)", err)
	case errors.Is(err, gzip.ErrHeader):
		return fmt.Errorf("invalid gzip data: the file is corrupt or has trailing garbage (%w)", err)
	case errors.As(err, &corrupt):
		return fmt.Errorf("corrupt gzip data: %w", err)
	}
	return err
}

// Counter counts the bytes read through it, for a progress meter. N is safe
// to call from another goroutine.
type Counter struct {
	R io.Reader
	n atomic.Int64
}

func (c *Counter) Read(p []byte) (int, error) {
	n, err := c.R.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// N returns the number of bytes read so far.
func (c *Counter) N() int64 { return c.n.Load() }
