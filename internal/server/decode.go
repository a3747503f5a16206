package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/anzsco/anzsco/index"
)

// classifyRequest is the body of POST /v1/classify.
type classifyRequest struct {
	Text          string  `json:"text"`
	Description   string  `json:"description"`
	Top           int     `json:"top"`
	Explain       bool    `json:"explain"`
	MinConfidence float64 `json:"min_confidence"`
}

// batchRequest is the body of POST /v1/classify/batch.
type batchRequest struct {
	Items         []batchItem `json:"items"`
	Top           int         `json:"top"`
	Explain       bool        `json:"explain"`
	MinConfidence float64     `json:"min_confidence"`
}

// batchItem is one input of a batch.
type batchItem struct {
	ID          string `json:"id"`
	Text        string `json:"text"`
	Description string `json:"description"`
}

// readBody reads a JSON request body, which dispatch has already bounded.
// It answers 415 for a body that is declared as something other than JSON
// (a missing Content-Type is taken as JSON) and 413 for one that is too
// large.
func readBody(r *http.Request) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return nil, Errorf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia,
				"Content-Type %q is not JSON: send the body as application/json", ct)
		}
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, Errorf(http.StatusRequestEntityTooLarge, CodeBodyTooLarge,
				"the request body is larger than %d bytes (the limit)", mbe.Limit)
		}
		return nil, Errorf(http.StatusBadRequest, CodeBadJSON, "reading the request body: %v", err)
	}
	return data, nil
}

// decodeJSON decodes exactly one JSON object from data into v. Unknown
// fields, trailing data and type mismatches are errors that name the field
// and the place.
func decodeJSON(data []byte, v any) error {
	bad := func(format string, args ...any) error {
		return Errorf(http.StatusBadRequest, CodeBadJSON, "request body: "+format, args...)
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return bad("empty: send a JSON object")
	}
	if trimmed[0] != '{' {
		return bad("not a JSON object (it starts with %q)", firstRune(trimmed))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return bad("invalid JSON at byte %d: %v", se.Offset, se)
		case errors.As(err, &te):
			return bad("field %q: got a JSON %s, want %s", te.Field, te.Value, jsonType(te.Type.Kind().String()))
		case errors.Is(err, io.ErrUnexpectedEOF):
			return bad("the JSON ends too early")
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			return bad("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
		}
		return bad("%v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return bad("data after the JSON object")
	}
	return nil
}

// jsonType names a Go kind the way a JSON user knows it.
func jsonType(kind string) string {
	switch {
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"):
		return "an integer"
	case strings.HasPrefix(kind, "float"):
		return "a number"
	case kind == "bool":
		return "true or false"
	case kind == "string":
		return "a string"
	case kind == "slice":
		return "an array"
	case kind == "struct", kind == "map":
		return "an object"
	}
	return kind
}

func firstRune(b []byte) string {
	s := string(b)
	for _, r := range s {
		return string(r)
	}
	return ""
}

// options are the query settings shared by single and batch requests.
type options struct {
	Top           int
	Explain       bool
	MinConfidence float64
}

func (o options) check() error {
	if err := o.query("", "").Validate(); err != nil {
		return Errorf(http.StatusBadRequest, CodeInvalidParameter, "%s", err)
	}
	return nil
}

func (o options) query(text, description string) index.Query {
	return index.Query{Text: text, Description: description, Top: o.Top, Explain: o.Explain, MinConfidence: o.MinConfidence}
}

// parseClassifyBody decodes and checks the body of POST /v1/classify.
func parseClassifyBody(data []byte) (index.Query, error) {
	var req classifyRequest
	if err := decodeJSON(data, &req); err != nil {
		return index.Query{}, err
	}
	o := options{Top: req.Top, Explain: req.Explain, MinConfidence: req.MinConfidence}
	if err := o.check(); err != nil {
		return index.Query{}, err
	}
	return o.query(req.Text, req.Description), nil
}

// parseBatchBody decodes and checks the body of POST /v1/classify/batch.
// The items are counted before they are decoded, so that a body of a
// million empty items is refused without a million items in memory.
func parseBatchBody(data []byte, maxItems int) (*batchRequest, error) {
	if n := countItems(data, maxItems); n > maxItems {
		return nil, Errorf(http.StatusRequestEntityTooLarge, CodeTooManyItems, "more than %d items (the limit): split the batch", maxItems)
	}
	var req batchRequest
	if err := decodeJSON(data, &req); err != nil {
		return nil, err
	}
	if len(req.Items) == 0 {
		return nil, Errorf(http.StatusBadRequest, CodeBadJSON, `request body: "items" is missing or empty: send {"items": [{"id": "1", "text": "..."}]}`)
	}
	if len(req.Items) > maxItems {
		return nil, Errorf(http.StatusRequestEntityTooLarge, CodeTooManyItems, "%d items is more than %d (the limit): split the batch", len(req.Items), maxItems)
	}
	o := options{Top: req.Top, Explain: req.Explain, MinConfidence: req.MinConfidence}
	if err := o.check(); err != nil {
		return nil, err
	}
	return &req, nil
}

// countItems counts the elements of the top-level "items" array of a JSON
// object, token by token, without decoding them, and stops past limit.
// It returns 0 when data is not such an object: decodeJSON then says what
// is wrong.
func countItems(data []byte, limit int) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return 0
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return 0
		}
		if key != "items" {
			if skipValue(dec) != nil {
				return 0
			}
			continue
		}
		if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
			return 0
		}
		n := 0
		for dec.More() {
			if n++; n > limit {
				return n
			}
			if skipValue(dec) != nil {
				return 0
			}
		}
		return n
	}
	return 0
}

// skipValue reads one JSON value, of any depth, token by token.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// classifyParams are the query parameters of GET /v1/classify.
var classifyParams = []string{"q", "description", "top", "explain", "min_confidence"}

// parseClassifyQuery reads the query parameters of GET /v1/classify.
// Unknown parameters are errors, so a misspelt one is not silently ignored.
func parseClassifyQuery(v url.Values) (index.Query, error) {
	bad := func(format string, args ...any) error {
		return Errorf(http.StatusBadRequest, CodeInvalidParameter, format, args...)
	}
	var unknown []string
	for k := range v {
		if !slices.Contains(classifyParams, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return index.Query{}, bad("unknown parameter %q (known: %s)", unknown[0], strings.Join(classifyParams, ", "))
	}
	for _, k := range classifyParams {
		if len(v[k]) > 1 {
			return index.Query{}, bad("%s: given %d times, want once", k, len(v[k]))
		}
	}
	var o options
	if s := v.Get("top"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return index.Query{}, bad("top: %q is not an integer", s)
		}
		o.Top = n
	}
	if s := v.Get("explain"); s != "" {
		b, err := parseBool(s)
		if err != nil {
			return index.Query{}, bad("explain: %v", err)
		}
		o.Explain = b
	}
	if s := v.Get("min_confidence"); s != "" {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return index.Query{}, bad("min_confidence: %q is not a number", s)
		}
		o.MinConfidence = x
	}
	if err := o.check(); err != nil {
		return index.Query{}, err
	}
	return o.query(v.Get("q"), v.Get("description")), nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("%q is not one of 1, 0, true, false", s)
}
