package labelled

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/anzsco/anzsco/internal/bom"
	"github.com/anzsco/anzsco/internal/column"
)

// None is the label for inputs outside the target occupations.
const None = "NONE"

// Row is one labelled input.
type Row struct {
	Line        int // line in the source file, for messages
	Title       string
	Description string
	Label       string
	Language    string
	Note        string
}

// Ambiguous reports whether the row is marked as reasonable either way.
func (r Row) Ambiguous() bool { return strings.HasPrefix(strings.TrimSpace(r.Note), "AMBIGUOUS") }

// Columns names the CSV columns to read. Empty names mean the defaults:
// title, label, language and note, and description when the file has such
// a column. A column named explicitly must be in the file; language and
// note are optional.
type Columns struct {
	Title, Description, Label, Language, Note string
}

// Read reads labelled rows from a CSV file with a header row. A UTF-8
// byte order mark is skipped and UTF-16 refused (package bom); columns
// are found by package column's rule, so a name given twice in the
// header is an error. Fields are trimmed; a label is upper-cased, and an
// empty one is None.
func Read(r io.Reader, cols Columns) ([]Row, error) {
	br := bufio.NewReader(r)
	if err := bom.Skip(br, "the file"); err != nil {
		return nil, err
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty file: want a header row")
		}
		return nil, fmt.Errorf("header: %w", csvError(err))
	}
	m, err := NewMapper(header, cols)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		row, err := m.Row(line, rec)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// Mapper turns the records of a labelled file into Rows, by the columns
// of its header: the one rule for which column is which, for Read and for
// readers of untrusted files that impose their own limits.
type Mapper struct {
	header             []string
	label              string
	ti, li, di, gi, ni int
}

// NewMapper finds the columns of cols in header (see Columns for the
// defaults). A header cell that is not text, a missing required column or
// a name given twice is an error.
func NewMapper(header []string, cols Columns) (*Mapper, error) {
	def := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	cols.Title, cols.Label = def(cols.Title, "title"), def(cols.Label, "label")
	cols.Language, cols.Note = def(cols.Language, "language"), def(cols.Note, "note")
	for _, h := range header {
		if err := checkText(h); err != nil {
			return nil, fmt.Errorf("line 1 (header): %w", err)
		}
	}
	m := &Mapper{header: header, label: cols.Label}
	for _, c := range []struct {
		at       *int
		name     string
		required bool
	}{
		{&m.ti, cols.Title, true},
		{&m.li, cols.Label, true},
		{&m.di, def(cols.Description, "description"), cols.Description != ""},
		{&m.gi, cols.Language, false},
		{&m.ni, cols.Note, false},
	} {
		find := column.Optional
		if c.required {
			find = column.Find
		}
		var err error
		if *c.at, err = find(header, c.name); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Row makes the Row of one record, read at line. A field that is not
// text or a label that is no code is an error naming the line.
func (m *Mapper) Row(line int, rec []string) (Row, error) {
	for i, f := range rec {
		if err := checkText(f); err != nil {
			name := fmt.Sprintf("column %d", i+1)
			if i < len(m.header) {
				name = fmt.Sprintf("column %q", m.header[i])
			}
			return Row{}, fmt.Errorf("line %d: %s: %w", line, name, err)
		}
	}
	get := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	row := Row{Line: line, Title: get(m.ti), Description: get(m.di), Label: strings.ToUpper(get(m.li)), Language: get(m.gi), Note: get(m.ni)}
	if row.Label == "" {
		row.Label = None
	}
	if row.Label != None && !codeRE.MatchString(row.Label) {
		return Row{}, fmt.Errorf("line %d: column %q: label %q is not an ANZSCO code (six digits, or a four-digit unit group or three-digit minor group), NONE or empty", line, m.label, get(m.li))
	}
	return row, nil
}

var codeRE = regexp.MustCompile(`^(?:[0-9]{6}|[0-9]{4}|[0-9]{3})$`)

// csvError names the line (and column) of a CSV syntax error.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if pe.StartLine != pe.Line {
			return fmt.Errorf("line %d: a quoted field that starts on this line is not closed properly (line %d, column %d: %w)", pe.StartLine, pe.Line, pe.Column, pe.Err)
		}
		return fmt.Errorf("line %d, column %d: %w", pe.Line, pe.Column, pe.Err)
	}
	return err
}

// checkText refuses fields that are not text: a NUL byte means a binary
// file, invalid UTF-8 a file in another encoding.
func checkText(s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return errors.New("contains a NUL byte: not a text CSV file")
	}
	if !utf8.ValidString(s) {
		return errors.New("not valid UTF-8 (save the file as UTF-8)")
	}
	return nil
}
