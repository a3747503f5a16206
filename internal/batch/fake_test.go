package batch

import (
	"context"
	"errors"
	"hash/fnv"
	"math"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

// fake is an index.Classifier whose answer follows from the text:
// "leader" codes 541111, "operator" 541112, anything else lies outside;
// "boom" fails, "panic" panics and "not-a-number" has a confidence of NaN. A description adds 0.1 to the
// confidence. With jitter it yields to other goroutines a number of times
// that depends on the text, so that workers finish out of order.
type fake struct {
	jitter bool
	calls  atomic.Int64
}

var errBoom = errors.New("boom")

func (f *fake) Classify(q index.Query) (*index.Result, error) {
	f.calls.Add(1)
	t := strings.ToLower(q.Text)
	if f.jitter {
		h := fnv.New32a()
		h.Write([]byte(t))
		for range h.Sum32() % 64 {
			runtime.Gosched()
		}
	}
	switch {
	case strings.TrimSpace(t) == "":
		return nil, index.ErrEmptyQuery
	case strings.Contains(t, "boom"):
		return nil, errBoom
	case strings.Contains(t, "panic"):
		panic("fake classifier panics on " + q.Text)
	}
	res := &index.Result{
		Input: q.Text,
		Matches: []index.Match{
			{Code: "541111", Title: "Call or Contact Centre Team Leader", Score: 2.5, Confidence: 0.5},
			{Code: "541112", Title: "Call or Contact Centre Operator", Score: 1.25, Confidence: 0.25},
		},
		NearestOutside: &index.Neighbour{Code: "639311", Title: "Telemarketer", Score: 0.5},
		Confidence:     0.5,
	}
	if q.Description != "" {
		res.Confidence += 0.1
	}
	if strings.Contains(t, "not-a-number") {
		res.Confidence = math.NaN() // JSON cannot encode it
	}
	switch {
	case strings.Contains(t, "leader"):
		res.Code, res.Title = "541111", "Call or Contact Centre Team Leader"
	case strings.Contains(t, "operator"):
		res.Code, res.Title = "541112", "Call or Contact Centre Operator"
		res.Matches[0], res.Matches[1] = res.Matches[1], res.Matches[0]
	}
	return res, nil
}

func (f *fake) Corpus() *corpus.Corpus { return nil }

// fakeCode is the code the fake gives a title.
func fakeCode(title string) string {
	t := strings.ToLower(title)
	switch {
	case strings.Contains(t, "leader"):
		return "541111"
	case strings.Contains(t, "operator"):
		return "541112"
	}
	return ""
}

// runBatch reads input and runs it through c; it returns the output.
func runBatch(t testing.TB, input string, ropt ReadOptions, opt Options, c index.Classifier) (string, Stats, error) {
	t.Helper()
	if ropt.Title == "" {
		ropt.Title = "title"
	}
	rd, err := NewReader(strings.NewReader(input), ropt)
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var out strings.Builder
	st, err := Run(context.Background(), rd, c, &out, opt)
	return out.String(), st, err
}
