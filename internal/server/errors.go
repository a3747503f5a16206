package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Error codes: the "code" member of every error body. They are part of the
// API contract (see openapi.json) and are never renamed.
const (
	CodeBadJSON          = "bad_json"
	CodeEmptyText        = "empty_text"
	CodeInvalidParameter = "invalid_parameter"
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
	CodeBodyTooLarge     = "body_too_large"
	CodeTooManyItems     = "too_many_items"
	CodeUnsupportedMedia = "unsupported_media_type"
	CodeOverloaded       = "overloaded"
	CodeShuttingDown     = "shutting_down"
	CodeBodyTimeout      = "body_timeout"
	CodeInternal         = "internal"
)

// Error is an error with the HTTP status and API code it is reported with.
// A handler returns one for anything the client can act on; any other error
// is reported as 500 internal and logged.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message) }

// Errorf makes an *Error.
func Errorf(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// errorBody is the JSON form of every error: {"error": {"code", "message"}}.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// WriteError writes err as the JSON error body with its status. An error
// that is not an *Error is written as 500 internal, without its text, which
// may hold details meant for the log only.
func WriteError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Status: http.StatusInternalServerError, Code: CodeInternal, Message: "internal error: the request could not be completed"}
	}
	writeJSON(w, e.Status, errorBody{errorDetail{Code: e.Code, Message: e.Message}})
}

// writeJSON writes v as JSON with status. Values written here are built by
// this package and always encode; a failure is a bug, reported as 500.
func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		data = []byte(`{"error":{"code":"internal","message":"internal error: the response could not be encoded"}}`)
	}
	writeRaw(w, status, append(data, '\n'))
}

// writeRaw writes an encoded JSON document (ending in a newline), given in
// pieces, as it is.
func writeRaw(w http.ResponseWriter, status int, data ...[]byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	for _, d := range data {
		w.Write(d)
	}
}

// newline ends a JSON body.
var newline = []byte("\n")
