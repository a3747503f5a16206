package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/anzsco/anzsco/index"
)

// columnLookahead bounds how many lines a JSONL reader that keeps columns
// reads ahead to find the first object, whose keys name the columns.
const columnLookahead = 1000

// jsonlReader reads JSON Lines: one object per line. Blank lines are
// skipped and not counted as rows.
type jsonlReader struct {
	opt  ReadOptions
	br   *bufio.Reader
	line int
	row  int
	buf  []byte
	// columns are the keys of the first object; found says whether the
	// search for it is over.
	columns []string
	found   bool
	// pending holds the records read while looking for the columns.
	pending []*Record
	err     error // sticky: io.EOF or a fatal error
}

func newJSONLReader(br *bufio.Reader, opt ReadOptions) (*jsonlReader, error) {
	r := &jsonlReader{opt: opt, br: br, found: !opt.Keep}
	for n := 0; !r.found && n < columnLookahead; n++ {
		rec, err := r.next()
		if err != nil {
			r.err = err
			break
		}
		if rec != nil {
			r.pending = append(r.pending, rec)
		}
	}
	r.found = true
	return r, nil
}

func (r *jsonlReader) Columns() []string {
	if !r.opt.Keep {
		return nil
	}
	return r.columns
}

func (r *jsonlReader) Format() Format { return JSONL }

func (r *jsonlReader) Read() (*Record, error) {
	if len(r.pending) > 0 {
		rec := r.pending[0]
		r.pending[0] = nil
		r.pending = r.pending[1:]
		return rec, nil
	}
	for r.err == nil {
		rec, err := r.next()
		if err != nil {
			r.err = err
			break
		}
		if rec != nil {
			return rec, nil
		}
	}
	return nil, r.err
}

// next reads one line and returns its record, or nil for a blank line or
// a row outside the shard.
func (r *jsonlReader) next() (*Record, error) {
	line, tooLong, blank, err := r.readLine()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, fmt.Errorf("%s: line %d, after row %d: %w", r.opt.Name, r.line+1, r.row, describeReadError(err))
	}
	line = bytes.TrimSpace(line)
	if blank {
		return nil, nil // white space is not a row, however long
	}
	r.row++
	in := r.opt.Shard.Has(r.row)
	if !in && r.found {
		return nil, nil
	}
	rec := &Record{Row: r.row, Line: r.line}
	if r.opt.ID == "" {
		rec.ID = strconv.Itoa(r.row)
	}
	if err := r.parse(rec, line, tooLong); err != nil {
		rec.Err = err
	}
	if !in {
		return nil, nil
	}
	return rec, nil
}

// readLine returns the next line, without its end. A line longer than
// MaxRecordBytes is skipped to its end and reported as too long, unless it
// is blank: nothing but white space.
func (r *jsonlReader) readLine() (line []byte, tooLong, blank bool, err error) {
	r.buf = r.buf[:0]
	blank = true
	for {
		chunk, err := r.br.ReadSlice('\n')
		if blank && len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if !tooLong {
			if len(r.buf)+len(chunk) > MaxRecordBytes {
				tooLong = true
				r.buf = r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			r.line++
			return r.buf, tooLong, blank, nil
		case io.EOF:
			if len(r.buf) == 0 && !tooLong {
				return nil, false, false, io.EOF
			}
			r.line++
			return r.buf, tooLong, blank, nil
		default:
			return nil, false, false, err
		}
	}
}

// parse fills rec from one line and returns the first problem with it.
func (r *jsonlReader) parse(rec *Record, line []byte, tooLong bool) *RowError {
	rowErr := func(column string, kind error, detail string) *RowError {
		return &RowError{Line: rec.Line, Column: column, Kind: kind, Detail: detail}
	}
	switch {
	case tooLong:
		return rowErr("", ErrLineTooLong, fmt.Sprintf("over the limit of %d MiB", MaxRecordBytes>>20))
	case !utf8.Valid(line):
		return rowErr("", ErrInvalidUTF8, fmt.Sprintf("at byte %d (%s)", invalidAt(string(line)), encodingHint(line)))
	case line[0] != '{':
		return rowErr("", ErrInvalidJSON, "want one object per line")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return rowErr("", ErrInvalidJSON, fmt.Sprintf("%v (at byte %d)", se, se.Offset))
		}
		return rowErr("", ErrInvalidJSON, err.Error())
	}
	if !r.found {
		r.columns, r.found = objectKeys(line), true
	}
	var long []string
	for k, v := range obj {
		if len(v) > MaxFieldBytes {
			long = append(long, k)
		}
	}
	sort.Strings(long)
	if r.opt.Keep && len(long) == 0 {
		rec.Raw = bytes.Clone(line)
	}
	// text returns the string value of field name, whether the object
	// has the field, and what is wrong with its value. A null is present:
	// it is not the same mistake as a field left out.
	text := func(name string) (string, bool, *RowError) {
		v, ok := obj[name]
		if !ok {
			return "", false, nil
		}
		if string(v) == "null" {
			return "", true, nil
		}
		if len(v) > MaxFieldBytes {
			return "", true, nil // reported below
		}
		switch v[0] {
		case '"':
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return "", true, rowErr(name, ErrInvalidJSON, err.Error())
			}
			return s, true, nil
		case '{':
			return "", true, rowErr(name, ErrFieldType, "an object, want a string")
		case '[':
			return "", true, rowErr(name, ErrFieldType, "an array, want a string")
		}
		return string(v), true, nil // a number or a boolean, as written
	}
	if r.opt.Keep {
		rec.Columns = make([]string, len(r.columns))
		for i, c := range r.columns {
			v := obj[c]
			switch {
			case len(v) == 0 || len(v) > MaxFieldBytes || string(v) == "null":
			case v[0] == '"':
				json.Unmarshal(v, &rec.Columns[i]) // a valid JSON string
			default:
				rec.Columns[i] = string(v) // a number, a boolean, an object or an array, as written
			}
		}
	}
	var first *RowError
	keep := func(e *RowError) {
		if first == nil && e != nil {
			first = e
		}
	}
	if len(long) > 0 {
		keep(rowErr(long[0], ErrFieldTooLong, fmt.Sprintf("%d bytes, over the limit of %d (1 MiB)", len(obj[long[0]]), MaxFieldBytes)))
	}
	// need is text for a field the options require: one left out is
	// ErrMissingField, a null one the error null and msg. It reports
	// whether the field has a value.
	need := func(name string, null error, msg string) (string, bool) {
		s, ok, e := text(name)
		keep(e)
		switch {
		case !ok:
			keep(rowErr(name, ErrMissingField, "no such field in the object"))
		case string(obj[name]) == "null":
			keep(rowErr(name, null, msg))
		default:
			return s, true
		}
		return s, false
	}
	var ok bool
	if rec.Title, ok = need(r.opt.Title, ErrNullTitle, ""); ok && index.Blank(rec.Title) {
		keep(rowErr(r.opt.Title, ErrEmptyTitle, ""))
	}
	if r.opt.Text != "" {
		var e *RowError
		rec.Description, _, e = text(r.opt.Text)
		keep(e)
	}
	if r.opt.ID != "" {
		rec.ID, _ = need(r.opt.ID, ErrFieldType, "null, want a string or a number")
	}
	return first
}

// objectKeys returns the keys of a valid JSON object in the order they are
// written, each once.
func objectKeys(obj []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if _, err := dec.Token(); err != nil {
		return nil
	}
	var keys []string
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			break
		}
		k, _ := t.(string)
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			break
		}
	}
	return keys
}
