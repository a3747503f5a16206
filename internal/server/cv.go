package server

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/cv"
)

// CodeUnreadableDocument: an uploaded CV that cannot be read (encrypted, a
// scan without a text layer, corrupt, a zip bomb, no text, or too complex:
// its reader ran out of memory, CPU time or stack).
const CodeUnreadableDocument = "unreadable_document"

// cvMultipartOverhead is what a multipart body may hold beyond the file:
// boundaries, part headers and small fields.
const cvMultipartOverhead = 64 << 10

// cvRawTypes are the media types accepted as a raw CV body.
var cvRawTypes = map[string]bool{
	"application/pdf": true,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": true,
	"text/plain":               true,
	"text/markdown":            true,
	"application/octet-stream": true,
}

// CVRoute is POST /v1/cv: it reads a CV (PDF, DOCX, text or Markdown) and
// answers with its cv.Report. The file is the "file" field of a
// multipart/form-data body, or the whole body when it is sent as one of
// cvRawTypes (its name then from the "name" parameter). maxBytes bounds the
// file (0 means cv.DefaultMaxSize); the "as_of" parameter (YYYY-MM or
// YYYY-MM-DD) sets the date "Present" stands for. The server serves it
// with its classifier and Config.MaxCVBytes; the route's body limit is the
// file limit plus room for the multipart framing, not Config.MaxBodyBytes.
func CVRoute(c index.Classifier, maxBytes int64) Route {
	if maxBytes <= 0 {
		maxBytes = cv.DefaultMaxSize
	}
	return Route{Method: http.MethodPost, Path: "/v1/cv", Limited: true, MaxBodyBytes: maxBytes + cvMultipartOverhead,
		Handler: func(w http.ResponseWriter, r *http.Request) error {
			return handleCV(w, r, c, maxBytes)
		}}
}

func handleCV(w http.ResponseWriter, r *http.Request, c index.Classifier, maxBytes int64) error {
	opts := cv.Options{MaxSize: maxBytes}
	if s := r.URL.Query().Get("as_of"); s != "" {
		t, err := cv.ParseAsOf(s)
		if err != nil {
			return Errorf(http.StatusBadRequest, CodeInvalidParameter, `parameter "as_of": %v`, err)
		}
		opts.Now = t
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		mt = ""
	}
	var (
		body io.Reader
		size int64 = -1
		name string
	)
	switch {
	case mt == "multipart/form-data":
		r.Body = http.MaxBytesReader(w, r.Body, maxBytes+cvMultipartOverhead)
		mr, err := r.MultipartReader()
		if err != nil {
			return Errorf(http.StatusBadRequest, CodeInvalidParameter, "reading the multipart body: %v", err)
		}
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				return Errorf(http.StatusBadRequest, CodeInvalidParameter, `the multipart body has no "file" field: send the CV as the field "file"`)
			}
			if err != nil {
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					return cvBodyError(err, maxBytes)
				}
				return Errorf(http.StatusBadRequest, CodeInvalidParameter, "reading the multipart body: %v", err)
			}
			if part.FormName() == "file" {
				body, name = part, uploadName(part.FileName())
				break
			}
		}
	case cvRawTypes[mt]:
		r.Body = http.MaxBytesReader(w, r.Body, maxBytes+1)
		body, size, name = r.Body, r.ContentLength, uploadName(r.URL.Query().Get("name"))
	default:
		return Errorf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia,
			"Content-Type %q: send the CV as multipart/form-data (field \"file\") or as the body with its type (application/pdf, a DOCX type, text/plain)", r.Header.Get("Content-Type"))
	}
	rep, err := cv.Analyze(r.Context(), body, size, name, c, opts)
	if err != nil {
		return cvBodyError(err, maxBytes)
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

// cvBodyError maps a failure to read or analyse a CV to its answer.
func cvBodyError(err error, maxBytes int64) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe), errors.Is(err, cv.ErrTooLarge):
		return Errorf(http.StatusRequestEntityTooLarge, CodeBodyTooLarge, "the CV is larger than %d bytes (the limit)", maxBytes)
	case errors.Is(err, cv.ErrUnsupported):
		return Errorf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "%v", err)
	case errors.Is(err, cv.ErrEncrypted), errors.Is(err, cv.ErrNoTextLayer), errors.Is(err, cv.ErrCorrupt),
		errors.Is(err, cv.ErrExpands), errors.Is(err, cv.ErrEmpty), errors.Is(err, cv.ErrTooComplex):
		return Errorf(http.StatusUnprocessableEntity, CodeUnreadableDocument, "%v", err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(http.StatusBadRequest, CodeInvalidParameter, "the request body ends before the end of the file")
	}
	return fmt.Errorf("cv upload: %w", err)
}

// uploadName keeps the base name of an uploaded file, for messages and the
// extension.
func uploadName(s string) string {
	s = path.Base(strings.ReplaceAll(strings.TrimSpace(s), `\`, "/"))
	if s == "." || s == "/" || s == "" {
		return "upload"
	}
	return s
}
