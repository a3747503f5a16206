package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

// fakeClassifier answers from a function, over the default corpus, so the
// HTTP layer is tested apart from the ranking.
type fakeClassifier struct {
	c  *corpus.Corpus
	fn func(q index.Query) (*index.Result, error)

	mu    sync.Mutex
	calls []index.Query
}

func (f *fakeClassifier) Classify(q index.Query) (*index.Result, error) {
	f.mu.Lock()
	f.calls = append(f.calls, q)
	f.mu.Unlock()
	return f.fn(q)
}

func (f *fakeClassifier) Corpus() *corpus.Corpus { return f.c }

func (f *fakeClassifier) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

func defaultCorpus(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatalf("corpus.Default() = %v", err)
	}
	return c
}

// echoResult is what the fake classifier answers: a result whose fields
// are derived from the query, so tests can see what reached the classifier.
// Texts starting with "outside" are outside the targets.
func echoResult(c *corpus.Corpus) func(q index.Query) (*index.Result, error) {
	return func(q index.Query) (*index.Result, error) {
		text := strings.TrimSpace(q.Text)
		if text == "" {
			return nil, index.ErrEmptyQuery
		}
		targets := c.Targets()
		top := q.Top
		if top == 0 {
			top = index.DefaultTop
		}
		res := &index.Result{Input: text, Corpus: index.CorpusInfo{Version: c.Version, SHA256: c.SHA256()}}
		for i, code := range targets {
			if i == top {
				break
			}
			o, _ := c.Lookup(code)
			res.Matches = append(res.Matches, index.Match{Code: code, Title: o.Title(), Score: float64(len(targets) - i), Confidence: 0.5})
		}
		if strings.HasPrefix(text, "outside") {
			res.Confidence = 0.9
			for _, o := range c.Occupations {
				if o.Scope == corpus.Contrast {
					res.NearestOutside = &index.Neighbour{Code: o.Code, Title: o.Title(), Score: 1}
					break
				}
			}
		} else {
			res.Code, res.Title, res.Confidence = res.Matches[0].Code, res.Matches[0].Title, 0.8
		}
		if q.Description != "" {
			res.Warnings = []string{"description: " + q.Description}
		}
		if q.Explain {
			res.Explanation = &index.Explanation{Terms: strings.Fields(strings.ToLower(text)), Decision: "echo",
				Candidates: []index.Candidate{{Code: targets[0], Title: "t", Scope: "target", Score: 1, Coverage: 1, Containment: 1,
					Fields: []index.FieldMatch{{Field: "title_en", Terms: strings.Fields(strings.ToLower(text)), Score: 1}}}}}
		}
		return res, nil
	}
}

func newFake(t testing.TB) *fakeClassifier {
	c := defaultCorpus(t)
	return &fakeClassifier{c: c, fn: echoResult(c)}
}

// newTestServer builds a Server with cfg over cls and a buffer for its log.
func newTestServer(t testing.TB, cls index.Classifier, cfg Config) (*Server, *syncBuffer) {
	t.Helper()
	logBuf := &syncBuffer{}
	cfg.Classifier = cls
	cfg.Logger = slog.New(slog.NewJSONHandler(logBuf, nil))
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New() = %v", err)
	}
	return s, logBuf
}

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a log.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// do sends one request to h and returns the response.
func do(t testing.TB, h http.Handler, method, target, contentType, body string) *http.Response {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// decodeError reads an error body and returns its code, failing the test
// when the body is not the JSON error form.
func decodeError(t testing.TB, resp *http.Response) (code, message string) {
	t.Helper()
	var body struct {
		Error *errorDetail `json:"error"`
	}
	data, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(data, &body); err != nil || body.Error == nil {
		t.Fatalf("error body %q: not {\"error\": {...}} (%v)", data, err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("error Content-Type = %q, want application/json", ct)
	}
	if strings.Contains(body.Error.Message, "\n") {
		t.Errorf("error message %q spans lines, want one line", body.Error.Message)
	}
	return body.Error.Code, body.Error.Message
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

// defaultIndex builds the real index of the default corpus once.
func defaultIndex(t testing.TB) *index.Index {
	t.Helper()
	defaultOnce.Do(func() {
		var c *corpus.Corpus
		if c, defaultErr = corpus.Default(); defaultErr == nil {
			defaultIx, defaultErr = index.Build(c)
		}
	})
	if defaultErr != nil {
		t.Fatalf("building the default index: %v", defaultErr)
	}
	return defaultIx
}

var (
	defaultOnce sync.Once
	defaultIx   *index.Index
	defaultErr  error
)
