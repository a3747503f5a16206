package resultenc

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/anzsco/anzsco/index"
)

// Error says why an item could not be classified: a stable code in
// snake_case and a message for people.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Member is one leading member of an object: its name and its value,
// encoded as JSON.
type Member struct {
	Name  string
	Value []byte
}

// String returns a member whose value is the JSON string s.
func String(name, s string) Member { return Member{name, quote(s)} }

// Int returns a member whose value is the number n.
func Int(name string, n int) Member { return Member{name, strconv.AppendInt(nil, int64(n), 10)} }

// Raw returns a member whose value is v, already JSON.
func Raw(name string, v []byte) Member { return Member{name, v} }

// AppendResult appends to buf the object of lead followed by the members of
// result, the JSON of an index.Result (a JSON object with at least its
// input and code).
func AppendResult(buf *bytes.Buffer, result []byte, lead ...Member) {
	writeLead(buf, lead)
	if len(lead) > 0 {
		buf.WriteByte(',')
	}
	result = bytes.TrimSpace(result)
	buf.Write(result[1 : len(result)-1])
	buf.WriteByte('}')
}

// AppendError appends to buf the object of lead followed by the input that
// failed and the error.
func AppendError(buf *bytes.Buffer, input string, e Error, lead ...Member) {
	writeLead(buf, lead)
	if len(lead) > 0 {
		buf.WriteByte(',')
	}
	buf.WriteString(`"input":`)
	buf.Write(quote(input))
	buf.WriteString(`,"code":null,"title":null,"error":{"code":`)
	buf.Write(quote(e.Code))
	buf.WriteString(`,"message":`)
	buf.Write(quote(e.Message))
	buf.WriteString(`}}`)
}

// AppendMembers appends extra members to an object that buf ends with,
// before its closing brace.
func AppendMembers(buf *bytes.Buffer, extra ...Member) {
	if len(extra) == 0 {
		return
	}
	buf.Truncate(buf.Len() - 1)
	for _, m := range extra {
		buf.WriteByte(',')
		buf.Write(quote(m.Name))
		buf.WriteByte(':')
		buf.Write(m.Value)
	}
	buf.WriteByte('}')
}

func writeLead(buf *bytes.Buffer, lead []Member) {
	buf.WriteByte('{')
	for i, m := range lead {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(quote(m.Name))
		buf.WriteByte(':')
		buf.Write(m.Value)
	}
}

func quote(s string) []byte {
	b, _ := json.Marshal(s) // a string always marshals
	return b
}

// Columns are the columns of a row of CSV or TSV output, in order: the
// row's id (the line number for classify -), the result, and the error of
// a row that could not be classified. An outside row leaves code and title
// empty, with confidence the confidence that it lies outside; best_code and
// best_confidence then name the best target it was not coded to. score is
// always the best target's.
var Columns = []string{"id", "input", "code", "title", "confidence", "score",
	"runner_up_code", "runner_up_confidence", "nearest_outside_code", "nearest_outside_title",
	"best_code", "best_confidence", "warnings", "error"}

// Row returns the fields of res's row under Columns.
func Row(id string, res *index.Result) []string {
	var score, ruCode, ruConf, near, nearTitle, best, bestConf string
	if len(res.Matches) > 0 {
		m := res.Matches[0]
		score = Float(m.Score)
		if res.Code == "" {
			best, bestConf = m.Code, Float(m.Confidence)
		}
	}
	if res.Code != "" {
		if ru, ok := res.RunnerUp(); ok {
			ruCode, ruConf = ru.Code, Float(ru.Confidence)
		}
	}
	if res.NearestOutside != nil {
		near, nearTitle = res.NearestOutside.Code, res.NearestOutside.Title
	}
	return []string{id, res.Input, res.Code, res.Title, Float(res.Confidence), score,
		ruCode, ruConf, near, nearTitle, best, bestConf, strings.Join(res.Warnings, "; "), ""}
}

// ErrorRow returns the fields of the row of an input that failed.
func ErrorRow(id, input string, e Error) []string {
	row := make([]string, len(Columns))
	row[0], row[1], row[len(row)-1] = id, input, e.Message
	return row
}

// Float writes a score or a confidence as every surface does: the shortest
// decimal that reads back the same (results are rounded to four places).
func Float(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
