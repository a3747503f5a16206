package batch

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/column"
)

// table is an input of rows under a header row (CSV, TSV, a worksheet):
// the header and where the named columns are in it.
type table struct {
	opt    ReadOptions
	header []string
	// title, text and id are column indexes; -1 when not named.
	title, text, id int
}

// setHeader takes the header row and finds the named columns in it; hint
// is added to the message of a column not found.
func (t *table) setHeader(header []string, hint func() string) error {
	t.title, t.text, t.id = -1, -1, -1
	t.header = make([]string, len(header))
	for i, h := range header {
		t.header[i] = strings.ToValidUTF8(h, "\uFFFD")
		if h != t.header[i] || strings.IndexByte(h, 0) >= 0 {
			// The header is not UTF-8: that, rather than the column
			// names, is the problem to report.
			hint = func() string {
				return " (the header is not UTF-8: " + encodingHint([]byte(strings.Join(header, ","))) + ")"
			}
		}
	}
	for _, c := range []struct {
		name string
		idx  *int
	}{{t.opt.Title, &t.title}, {t.opt.Text, &t.text}, {t.opt.ID, &t.id}} {
		if c.name == "" {
			continue
		}
		i, err := column.Find(t.header, c.name)
		if err != nil {
			return fmt.Errorf("%s: %w%s", t.opt.Name, err, hint())
		}
		*c.idx = i
	}
	return nil
}

// csvReader reads CSV or TSV with a header row. The splitter cuts the
// input into records, and encoding/csv parses each record it is fed.
type csvReader struct {
	table
	format Format
	split  splitter
	feed   feed
	cr     *csv.Reader
	row    int
	// csv counts a line at each end of a piece it is fed: delta turns its
	// line numbers into the input's, set from the line the splitter says
	// the piece starts on (start) at the first record csv reads of it.
	delta, start int
}

func newCSVReader(br *bufio.Reader, comma rune, opt ReadOptions) (*csvReader, error) {
	r := &csvReader{table: table{opt: opt}, format: CSV, split: splitter{br: br}}
	cr := csv.NewReader(&r.feed)
	cr.Comma = comma
	cr.LazyQuotes = false
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	r.cr = cr
	if comma == '\t' {
		r.format = TSV
	}
	switch comma {
	case ',', ';', '\t':
	default:
		return nil, fmt.Errorf("%s: delimiter %q: want a comma, a semicolon or a tab", opt.Name, comma)
	}
	header, err := r.readHeader()
	var pe *csv.ParseError
	switch {
	case err == io.EOF:
		return nil, fmt.Errorf("%s: the input is empty: want a header row naming the columns", opt.Name)
	case errors.As(err, &pe):
		return nil, fmt.Errorf("%s: header, line %d: %v", opt.Name, pe.Line, pe.Err)
	case err != nil:
		return nil, fmt.Errorf("%s: header: %w", opt.Name, describeReadError(err))
	}
	if err := r.setHeader(header, r.hint); err != nil {
		return nil, err
	}
	return r, nil
}

// readHeader returns the first record that is not blank.
func (r *csvReader) readHeader() ([]string, error) {
	for {
		header, err := r.cr.Read()
		if err != io.EOF {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				pe.Line += r.start - pe.StartLine
			}
			r.start = 0
			return header, err
		}
		p, err := r.split.next()
		if err != nil {
			return nil, err
		}
		if p.tooLong {
			return nil, fmt.Errorf("a header longer than %d MiB: is a quote left open?", MaxRecordBytes>>20)
		}
		r.feed.b, r.start = p.raw, p.start
	}
}

// hint suggests the right format when the header looks like another one.
func (r *csvReader) hint() string {
	if len(r.header) == 1 && r.format == CSV && strings.Contains(r.header[0], "\t") {
		return " (the header has tabs: is the input TSV? use --input-format tsv)"
	}
	if len(r.header) == 1 && r.format == TSV && strings.Contains(r.header[0], ",") {
		return " (the header has commas: is the input CSV? use --input-format csv)"
	}
	return ""
}

func (r *table) Columns() []string {
	if !r.opt.Keep {
		return nil
	}
	return r.header
}

func (r *csvReader) Format() Format { return r.format }

func (r *csvReader) Read() (*Record, error) {
	for {
		// csv is fed one record at a time, but may hold more than one
		// when it reads a piece otherwise than the splitter cut it.
		fields, err := r.cr.Read()
		if err == io.EOF {
			p, serr := r.split.next()
			switch {
			case serr == io.EOF:
				return nil, io.EOF
			case serr != nil:
				return nil, fmt.Errorf("%s: after row %d: %w", r.opt.Name, r.row, describeReadError(serr))
			case p.tooLong && p.blank:
				// White space is not a row, however long.
			case p.tooLong:
				if rec := r.next(p.start); rec != nil {
					detail := fmt.Sprintf("%d bytes, over the limit of %d MiB; reading goes on at the next record", p.size, MaxRecordBytes>>20)
					if p.open {
						detail = fmt.Sprintf("a quote opened here is never closed: %d bytes to the end of the input, over the limit of %d MiB", p.size, MaxRecordBytes>>20)
					}
					rec.Err = &RowError{Line: p.start, Kind: ErrRecordTooLong, Detail: detail}
					if r.opt.Keep {
						rec.Columns = make([]string, len(r.header))
					}
					return rec, nil
				}
			default:
				r.feed.b, r.start = p.raw, p.start
			}
			continue
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: after row %d: %w", r.opt.Name, r.row, describeReadError(err))
		}
		line := 0
		if pe != nil {
			line = pe.StartLine
		} else {
			line, _ = r.cr.FieldPos(0)
		}
		if r.start > 0 {
			r.delta, r.start = r.start-line, 0
		}
		line += r.delta
		rec := r.next(line)
		if rec == nil {
			continue
		}
		if pe != nil {
			rec.Err = &RowError{Line: line, Kind: ErrSyntax,
				Detail: fmt.Sprintf("line %d, byte %d: %v", pe.Line+r.delta, pe.Column, pe.Err)}
			if r.opt.Keep {
				rec.Columns = make([]string, len(r.header))
			}
			return rec, nil
		}
		r.fill(rec, fields)
		return rec, nil
	}
}

// next counts a row starting on line and returns its record, or nil when
// the row is outside the shard.
func (r *csvReader) next(line int) *Record {
	r.row++
	if !r.opt.Shard.Has(r.row) {
		return nil
	}
	rec := &Record{Row: r.row, Line: line}
	if r.id < 0 {
		rec.ID = strconv.Itoa(r.row)
	}
	return rec
}

// fill sets rec's fields from a parsed record and reports the first
// problem with it in rec.Err.
func (r *table) fill(rec *Record, fields []string) {
	var bad []bool // fields that cannot be used
	var rerr *RowError
	if len(fields) != len(r.header) {
		rerr = &RowError{Line: rec.Line, Kind: ErrRagged,
			Detail: fmt.Sprintf("%d fields, the header has %d", len(fields), len(r.header))}
	}
	for i, v := range fields {
		name := "field " + strconv.Itoa(i+1)
		if i < len(r.header) {
			name = r.header[i]
		}
		if e := checkField(rec.Line, name, v); e != nil {
			if bad == nil {
				bad = make([]bool, len(fields))
			}
			bad[i] = true
			if rerr == nil {
				rerr = e
			}
		}
	}
	get := func(i int) string {
		if i < 0 || i >= len(fields) || bad != nil && bad[i] {
			return ""
		}
		return fields[i]
	}
	rec.Title = get(r.title)
	rec.Description = get(r.text)
	if r.id >= 0 {
		rec.ID = get(r.id)
	}
	if r.opt.Keep {
		rec.Columns = make([]string, len(r.header))
		for i := range rec.Columns {
			rec.Columns[i] = get(i)
		}
	}
	if rerr == nil && index.Blank(rec.Title) {
		rerr = &RowError{Line: rec.Line, Column: r.header[r.title], Kind: ErrEmptyTitle}
	}
	if rerr != nil {
		rec.Err = rerr
	}
}
