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
	def := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	cols.Title, cols.Label = def(cols.Title, "title"), def(cols.Label, "label")
	cols.Language, cols.Note = def(cols.Language, "language"), def(cols.Note, "note")
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
	for _, h := range header {
		if err := checkText(h); err != nil {
			return nil, fmt.Errorf("line 1 (header): %w", err)
		}
	}
	var ti, li, di, gi, ni int
	for _, c := range []struct {
		at       *int
		name     string
		required bool
	}{
		{&ti, cols.Title, true},
		{&li, cols.Label, true},
		{&di, def(cols.Description, "description"), cols.Description != ""},
		{&gi, cols.Language, false},
		{&ni, cols.Note, false},
	} {
		find := column.Optional
		if c.required {
			find = column.Find
		}
		if *c.at, err = find(header, c.name); err != nil {
			return nil, err
		}
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
		for i, f := range rec {
			if err := checkText(f); err != nil {
				name := fmt.Sprintf("column %d", i+1)
				if i < len(header) {
					name = fmt.Sprintf("column %q", header[i])
				}
				return nil, fmt.Errorf("line %d: %s: %w", line, name, err)
			}
		}
		get := func(i int) string {
			if i < 0 || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		row := Row{Line: line, Title: get(ti), Description: get(di), Label: strings.ToUpper(get(li)), Language: get(gi), Note: get(ni)}
		if row.Label == "" {
			row.Label = None
		}
		if row.Label != None && !codeRE.MatchString(row.Label) {
			return nil, fmt.Errorf("line %d: column %q: label %q is not an ANZSCO code (six digits, or a four-digit unit group or three-digit minor group), NONE or empty", line, cols.Label, get(li))
		}
		rows = append(rows, row)
	}
	return rows, nil
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
