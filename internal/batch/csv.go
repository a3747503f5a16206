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

// csvReader reads CSV or TSV with a header row.
type csvReader struct {
	table
	format Format
	cr     *csv.Reader
	row    int
	// end is the input offset of the end of the last record read; the
	// guard beneath stops a record that runs far past it.
	end int64
	err error // sticky fatal error
}

func newCSVReader(br *bufio.Reader, g *guard, comma rune, opt ReadOptions) (*csvReader, error) {
	cr := csv.NewReader(br) // br is a large bufio.Reader: csv reads it directly
	cr.Comma = comma
	cr.LazyQuotes = false
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	r := &csvReader{table: table{opt: opt}, format: CSV, cr: cr}
	g.mark = func() int64 { return r.end }
	if comma == '\t' {
		r.format = TSV
	}
	switch comma {
	case ',', ';', '\t':
	default:
		return nil, fmt.Errorf("%s: delimiter %q: want a comma, a semicolon or a tab", opt.Name, comma)
	}
	header, err := cr.Read()
	r.end = cr.InputOffset()
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
	for r.err == nil {
		fields, err := r.cr.Read()
		r.end = r.cr.InputOffset()
		var pe *csv.ParseError
		switch {
		case err == io.EOF:
			return nil, io.EOF
		case err != nil && !errors.As(err, &pe):
			r.err = fmt.Errorf("%s: after row %d: %w", r.opt.Name, r.row, describeReadError(err))
			return nil, r.err
		}
		r.row++
		if !r.opt.Shard.Has(r.row) {
			continue
		}
		rec := &Record{Row: r.row}
		if r.id < 0 {
			rec.ID = strconv.Itoa(r.row)
		}
		if pe != nil {
			rec.Line = pe.StartLine
			rec.Err = &RowError{Line: pe.StartLine, Kind: ErrSyntax,
				Detail: fmt.Sprintf("line %d, byte %d: %v", pe.Line, pe.Column, pe.Err)}
			if r.opt.Keep {
				rec.Columns = make([]string, len(r.header))
			}
			return rec, nil
		}
		rec.Line, _ = r.cr.FieldPos(0)
		r.fill(rec, fields)
		return rec, nil
	}
	return nil, r.err
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
