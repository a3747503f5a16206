package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/anzsco/anzsco/internal/resultenc"
)

// Limits on the input. A field over MaxFieldBytes makes its row an error
// row; so does a CSV record or a JSONL line over MaxRecordBytes, which is
// skipped to its end without being held, and reading goes on at the next
// record (for a quote left open, that end is the end of the input). A
// line of nothing but white space is no row, however long.
const (
	// MaxFieldBytes bounds one field. Job ads are a few KiB; the classifier
	// reads at most index.MaxDescriptionBytes of a description anyway.
	MaxFieldBytes = 1 << 20
	// MaxRecordBytes bounds one CSV record or JSONL line, so that a broken
	// file cannot make the reader hold an unbounded amount of it.
	MaxRecordBytes = 16 << 20
)

// The kinds of row error. A Record's Err wraps exactly one of them.
var (
	ErrSyntax        = errors.New("CSV syntax error")
	ErrRagged        = errors.New("wrong number of fields")
	ErrInvalidUTF8   = errors.New("invalid UTF-8")
	ErrFieldTooLong  = errors.New("field too long")
	ErrLineTooLong   = errors.New("line too long")
	ErrRecordTooLong = errors.New("record too long")
	ErrInvalidJSON   = errors.New("invalid JSON")
	ErrMissingField  = errors.New("missing field")
	ErrFieldType     = errors.New("wrong type")
	ErrEmptyTitle    = errors.New("empty title")
	ErrNullTitle     = errors.New("null title")
	ErrClassify      = errors.New("classification failed")
)

// errorCodes are the stable codes of the kinds of row error, as the
// "error" object of JSON output gives them.
var errorCodes = map[error]string{
	ErrSyntax:        "csv_syntax",
	ErrRagged:        "wrong_field_count",
	ErrInvalidUTF8:   "invalid_utf8",
	ErrFieldTooLong:  "field_too_long",
	ErrLineTooLong:   "line_too_long",
	ErrRecordTooLong: "record_too_long",
	ErrInvalidJSON:   "invalid_json",
	ErrMissingField:  "missing_field",
	ErrFieldType:     "wrong_type",
	ErrEmptyTitle:    "empty_title",
	ErrNullTitle:     "null_title",
	ErrClassify:      "classification_failed",
}

// rowError returns the error of a record that could not be classified as
// every surface writes it.
func rowError(rec *Record) resultenc.Error {
	if rec.Err == nil {
		return resultenc.Error{Code: "unknown", Message: "unknown error"}
	}
	e := resultenc.Error{Code: "row_error", Message: rec.Err.Error()}
	var re *RowError
	if errors.As(rec.Err, &re) {
		if c, ok := errorCodes[re.Kind]; ok {
			e.Code = c
		}
	}
	return e
}

// Record is one data row of the input.
type Record struct {
	// Row is the 1-based number of the data row in the whole input: the
	// header and blank lines are not counted, rows with errors are.
	Row int
	// Line is the line of the input where the row starts.
	Line int
	// ID is the value of the id column, or the row number when no id column
	// is named.
	ID string
	// Title and Description are the text to classify. They are empty when
	// the field could not be read.
	Title       string
	Description string
	// Columns holds the row's value for each of the reader's Columns (only
	// when the reader keeps columns). A value that could not be read is
	// empty.
	Columns []string
	// Raw is the JSON object of a JSONL row (only when the reader keeps
	// columns).
	Raw json.RawMessage
	// Err, when set, is a *RowError that says why the row cannot be
	// classified.
	Err error
}

// RowError is a problem with one row. Its message names the line and, when
// there is one, the column.
type RowError struct {
	Line int
	// Column names the field at fault, if one is.
	Column string
	// Kind is one of the ErrX kinds above.
	Kind error
	// Detail says what exactly is wrong.
	Detail string
}

func (e *RowError) Error() string {
	s := "line " + strconv.Itoa(e.Line)
	if e.Column != "" {
		s += ", column " + strconv.Quote(e.Column)
	}
	s += ": " + e.Kind.Error()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

func (e *RowError) Unwrap() error { return e.Kind }

// checkField returns the error of a field value that is too long or not
// UTF-8.
func checkField(line int, column, v string) *RowError {
	if len(v) > MaxFieldBytes {
		return &RowError{Line: line, Column: column, Kind: ErrFieldTooLong,
			Detail: fmt.Sprintf("%d bytes, over the limit of %d (1 MiB)", len(v), MaxFieldBytes)}
	}
	if !utf8.ValidString(v) {
		return &RowError{Line: line, Column: column, Kind: ErrInvalidUTF8,
			Detail: fmt.Sprintf("at byte %d (%s)", invalidAt(v), encodingHint([]byte(v)))}
	}
	return nil
}

// invalidAt returns the 1-based offset of the first invalid UTF-8 byte of s.
func invalidAt(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i + 1
			}
		}
	}
	return 0
}
