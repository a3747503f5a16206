package batch

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/resultenc"
)

// CSVColumns are the columns of a CSV output row, in order. With kept
// columns, each input column follows them, named with KeptPrefix.
var CSVColumns = resultenc.Columns

// KeptPrefix starts the name of each kept input column in CSV output, so
// that an input column called "title" or "code" does not clash with the
// result's.
const KeptPrefix = "in_"

// KeptField is the field of a JSONL output row that holds the kept input
// columns: the input object itself for JSONL input, an object of the
// row's columns for CSV and TSV input.
const KeptField = "in"

// encoder writes one output row per record. Each worker has its own.
type encoder interface {
	// header returns what starts the output (nil for none).
	header() []byte
	// json says whether encode needs the result's JSON, which the result
	// cache keeps with the result, so that the rows that share a result
	// share its encoding.
	json() bool
	// encode appends rec's output row to buf. r is empty when rec.Err is
	// set.
	encode(buf *bytes.Buffer, rec *Record, r result)
}

// result is a classification ready to encode: the Result and, for JSONL
// output, its JSON. Both may be shared with other rows: read-only.
type result struct {
	ok   bool          // false for a row with an error
	code string        // the result's code
	res  *index.Result // the result, for CSV output
	json []byte        // the result's JSON, for JSON Lines output
}

func newEncoder(f Format, keep bool, columns []string) (encoder, error) {
	switch f {
	case CSV, "":
		return newCSVEncoder(keep, columns), nil
	case JSONL:
		return &jsonlEncoder{keep: keep, columns: columns}, nil
	}
	return nil, fmt.Errorf("unknown output format %q: want csv or jsonl", f)
}

type csvEncoder struct {
	keep    bool
	columns []string
	buf     bytes.Buffer
	w       *csv.Writer
	row     []string
}

func newCSVEncoder(keep bool, columns []string) *csvEncoder {
	e := &csvEncoder{keep: keep, columns: columns}
	e.w = csv.NewWriter(&e.buf)
	return e
}

func (e *csvEncoder) header() []byte {
	h := append([]string(nil), CSVColumns...)
	if e.keep {
		for _, c := range e.columns {
			h = append(h, KeptPrefix+c)
		}
	}
	return e.line(h)
}

func (e *csvEncoder) line(fields []string) []byte {
	e.buf.Reset()
	e.w.Write(fields) // writes to a bytes.Buffer: cannot fail
	e.w.Flush()
	return bytes.Clone(e.buf.Bytes())
}

func (e *csvEncoder) json() bool { return false }

func (e *csvEncoder) encode(buf *bytes.Buffer, rec *Record, r result) {
	var row []string
	if !r.ok {
		row = resultenc.ErrorRow(rec.ID, rec.Title, rowError(rec))
	} else {
		row = resultenc.Row(rec.ID, r.res)
	}
	row = append(e.row[:0], row...)
	if e.keep {
		for i := range e.columns {
			v := ""
			if i < len(rec.Columns) {
				v = rec.Columns[i]
			}
			row = append(row, v)
		}
	}
	e.row = row
	buf.Write(e.line(row))
}

type jsonlEncoder struct {
	keep    bool
	columns []string
}

func (e *jsonlEncoder) header() []byte { return nil }

func (e *jsonlEncoder) json() bool { return true }

// encode writes {"row":N,"id":"...", <the result's fields>} or, for a row
// with an error, {"row":N,"id":"...","input":"...","code":null,
// "title":null,"error":{"code":"...","message":"..."}} (see resultenc);
// "in" comes last when columns are kept.
func (e *jsonlEncoder) encode(buf *bytes.Buffer, rec *Record, r result) {
	lead := []resultenc.Member{resultenc.Int("row", rec.Row), resultenc.String("id", rec.ID)}
	if !r.ok {
		resultenc.AppendError(buf, rec.Title, rowError(rec), lead...)
	} else {
		resultenc.AppendResult(buf, r.json, lead...)
	}
	if e.keep {
		var in bytes.Buffer
		switch {
		case rec.Raw != nil:
			in.Write(rec.Raw)
		case rec.Columns != nil:
			in.WriteByte('{')
			for i, c := range e.columns {
				if i > 0 {
					in.WriteByte(',')
				}
				writeJSONString(&in, c)
				in.WriteByte(':')
				v := ""
				if i < len(rec.Columns) {
					v = rec.Columns[i]
				}
				writeJSONString(&in, v)
			}
			in.WriteByte('}')
		default:
			in.WriteString("null")
		}
		resultenc.AppendMembers(buf, resultenc.Raw(KeptField, in.Bytes()))
	}
	buf.WriteString("\n")
}

func writeJSONString(buf *bytes.Buffer, s string) {
	b, _ := json.Marshal(s) // a string always marshals
	buf.Write(b)
}
