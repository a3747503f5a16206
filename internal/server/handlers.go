package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/resultenc"
)

// classify answers q from the result cache or the classifier and returns
// the result's JSON (shared with the cache: read-only) and its code.
func (s *Server) classify(q index.Query) ([]byte, string, error) {
	code, data, err := s.results.ClassifyJSON(q)
	if err != nil {
		return nil, "", err
	}
	s.metrics.classified(code)
	return data, code, nil
}

// classifyError maps a classifier error to the API error; what names the
// field that held the text.
func classifyError(err error, what string) error {
	if errors.Is(err, index.ErrEmptyQuery) {
		return Errorf(http.StatusBadRequest, CodeEmptyText, "%s is empty: give a job title to classify", what)
	}
	return err
}

// answerClassify writes the result of q, the answer to GET and POST
// /v1/classify; what names where the text came from.
func (s *Server) answerClassify(w http.ResponseWriter, q index.Query, what string) error {
	data, _, err := s.classify(q)
	if err != nil {
		return classifyError(err, what)
	}
	writeRaw(w, http.StatusOK, data, newline)
	return nil
}

// handleClassifyGet is GET /v1/classify?q=...
func (s *Server) handleClassifyGet(w http.ResponseWriter, r *http.Request) error {
	q, err := parseClassifyQuery(r.URL.Query())
	if err != nil {
		return err
	}
	return s.answerClassify(w, q, `parameter "q"`)
}

// handleClassifyPost is POST /v1/classify.
func (s *Server) handleClassifyPost(w http.ResponseWriter, r *http.Request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	q, err := parseClassifyBody(body)
	if err != nil {
		return err
	}
	return s.answerClassify(w, q, `field "text"`)
}

// handleBatch is POST /v1/classify/batch: the results in the order of the
// items, each with its id; an item that cannot be classified gets an error
// object in its place and the others are still classified.
func (s *Server) handleBatch(w http.ResponseWriter, r *http.Request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	req, err := parseBatchBody(body, s.cfg.MaxBatchItems)
	if err != nil {
		return err
	}
	o := options{Top: req.Top, Explain: req.Explain, MinConfidence: req.MinConfidence}
	var buf bytes.Buffer
	buf.WriteString(`{"results":[`)
	for i, it := range req.Items {
		if err := r.Context().Err(); err != nil {
			return fmt.Errorf("batch stopped at item %d of %d: %w", i+1, len(req.Items), err)
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		id, err := json.Marshal(it.ID)
		if err != nil {
			return fmt.Errorf("item %d: encoding the id: %w", i+1, err)
		}
		data, _, err := s.classify(o.query(it.Text, it.Description))
		if err != nil {
			var e *Error
			if !errors.As(classifyError(err, fmt.Sprintf("item %d: field \"text\"", i+1)), &e) {
				return fmt.Errorf("item %d: %w", i+1, err)
			}
			resultenc.AppendError(&buf, it.Text, resultenc.Error{Code: e.Code, Message: e.Message}, resultenc.Raw("id", id))
			continue
		}
		resultenc.AppendResult(&buf, data, resultenc.Raw("id", id))
	}
	buf.WriteString("]}\n")
	writeRaw(w, http.StatusOK, buf.Bytes())
	return nil
}

// handleOccupations is GET /v1/occupations: every record of the corpus.
func (s *Server) handleOccupations(w http.ResponseWriter, r *http.Request) error {
	c := s.cls.Corpus()
	list := occupationList{Corpus: newCorpusView(c), Occupations: make([]occupationView, 0, len(c.Occupations))}
	for i := range c.Occupations {
		list.Occupations = append(list.Occupations, newOccupationView(&c.Occupations[i]))
	}
	writeJSON(w, http.StatusOK, list)
	return nil
}

// handleOccupation is GET /v1/occupations/{code}.
func (s *Server) handleOccupation(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	c := s.cls.Corpus()
	o, ok := c.Lookup(code)
	if !ok {
		if g, ok := c.Group(code); ok {
			return Errorf(http.StatusNotFound, CodeNotFound, "%s is a %s group, not an occupation, of corpus %s (GET /v1/groups/%s gives it)", code, g.Level, c.Version, code)
		}
		return Errorf(http.StatusNotFound, CodeNotFound, "no occupation %q in corpus %s (GET /v1/occupations lists them)", code, c.Version)
	}
	writeJSON(w, http.StatusOK, newOccupationView(o))
	return nil
}

// handleGroup is GET /v1/groups/{code}: a major, sub-major, minor or unit
// group of the corpus's occupations, as 'anzsco show CODE' prints it.
func (s *Server) handleGroup(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	c := s.cls.Corpus()
	g, ok := c.Group(code)
	if !ok {
		if _, isOcc := c.Lookup(code); isOcc {
			return Errorf(http.StatusNotFound, CodeNotFound, "%s is an occupation, not a group, of corpus %s (GET /v1/occupations/%s gives it)", code, c.Version, code)
		}
		return Errorf(http.StatusNotFound, CodeNotFound, "no group %q among the occupations of corpus %s", code, c.Version)
	}
	writeJSON(w, http.StatusOK, newGroupView(c, g))
	return nil
}

// handleHealth is GET /healthz: the process is up.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// handleReady is GET /readyz: the index is loaded, the server is not
// shutting down and not saturated (a place is free among MaxInFlight and
// the body budget has room for a full body), so a load balancer may send
// it traffic.
func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) error {
	if s.draining.Load() {
		w.Header().Set("Retry-After", fmt.Sprint(retryAfterSeconds))
		return Errorf(http.StatusServiceUnavailable, CodeShuttingDown, "the server is shutting down")
	}
	if full, why := s.saturated(); full {
		w.Header().Set("Retry-After", fmt.Sprint(retryAfterSeconds))
		return Errorf(http.StatusServiceUnavailable, CodeOverloaded, "the server is saturated: %s", why)
	}
	writeJSON(w, http.StatusOK, struct {
		Status string     `json:"status"`
		Corpus corpusView `json:"corpus"`
	}{"ready", newCorpusView(s.cls.Corpus())})
	return nil
}

// handleMetrics is GET /metrics in the Prometheus text format.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) error {
	s.metrics.http.ServeHTTP(w, r)
	return nil
}
