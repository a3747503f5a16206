// Package eval measures a classifier on labelled titles: accuracy overall,
// per class and per language, the confusion matrix, the misses, the
// reliability of the confidence (expected calibration error) and the
// coverage curve that coding teams plan by.
//
// A label is a target code, or NONE (or empty) for "outside the targets".
// Rows whose note starts with AMBIGUOUS are reasonable either way: they are
// classified and reported apart, and left out of the strict figures.
package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/anzsco/anzsco/index"
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

// Columns names the CSV columns to read. Empty names mean the defaults.
type Columns struct {
	Title, Description, Label, Language, Note string
}

// ReadCSV reads labelled rows from a CSV file with a header row.
func ReadCSV(r io.Reader, cols Columns) ([]Row, error) {
	def := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	cols.Title, cols.Label = def(cols.Title, "title"), def(cols.Label, "label")
	cols.Language, cols.Note = def(cols.Language, "language"), def(cols.Note, "note")
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty file: want a header row")
		}
		return nil, fmt.Errorf("header: %w", err)
	}
	idx := map[string]int{}
	for i, h := range header {
		idx[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	need := func(name string) (int, error) {
		i, ok := idx[name]
		if !ok {
			return 0, fmt.Errorf("header: no column %q (columns: %s)", name, strings.Join(header, ", "))
		}
		return i, nil
	}
	ti, err := need(cols.Title)
	if err != nil {
		return nil, err
	}
	li, err := need(cols.Label)
	if err != nil {
		return nil, err
	}
	opt := func(name string) int {
		if i, ok := idx[name]; ok {
			return i
		}
		return -1
	}
	di, gi, ni := -1, opt(cols.Language), opt(cols.Note)
	if cols.Description != "" {
		if di, err = need(cols.Description); err != nil {
			return nil, err
		}
	}
	var rows []Row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
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
		rows = append(rows, row)
	}
	return rows, nil
}

// Outcome is one classified row.
type Outcome struct {
	Row        Row
	Got        string // code, or NONE
	Confidence float64
	Err        error
}

// Correct reports whether the row was coded to its label.
func (o Outcome) Correct() bool { return o.Err == nil && o.Got == o.Row.Label }

// ClassStats are the figures of one class.
type ClassStats struct {
	N         int     `json:"n"`
	Correct   int     `json:"correct"`
	Predicted int     `json:"predicted"`
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
}

// Bucket is one row of the reliability table.
type Bucket struct {
	Lo, Hi     float64
	N          int
	Confidence float64 // mean confidence
	Accuracy   float64
}

// CoveragePoint is the share of rows coded automatically (confidence at or
// above the threshold) and the precision among them.
type CoveragePoint struct {
	Threshold float64 `json:"threshold"`
	Coverage  float64 `json:"coverage"`
	Precision float64 `json:"precision"`
}

// Report holds the figures for a set of outcomes.
type Report struct {
	N           int                       `json:"n"`
	Correct     int                       `json:"correct"`
	Accuracy    float64                   `json:"accuracy"`
	PerClass    map[string]*ClassStats    `json:"per_class"`
	PerLanguage map[string]*ClassStats    `json:"per_language"`
	Confusion   map[string]map[string]int `json:"confusion"`
	ECE         float64                   `json:"ece"`
	Reliability []Bucket                  `json:"reliability"`
	Coverage    []CoveragePoint           `json:"coverage_curve"`
	Threshold95 *float64                  `json:"threshold_at_95_precision"`
	Coverage95  float64                   `json:"coverage_at_95_precision"`
	Misses      []Outcome                 `json:"-"`
	Errors      int                       `json:"errors"`
	Ambiguous   *Report                   `json:"ambiguous,omitempty"`
}

// Run classifies every row. Errors are recorded per row, never fatal.
func Run(c index.Classifier, rows []Row) []Outcome {
	out := make([]Outcome, len(rows))
	for i, r := range rows {
		out[i].Row = r
		res, err := c.Classify(index.Query{Text: r.Title, Description: r.Description})
		if err != nil {
			out[i].Err, out[i].Got = err, "ERROR"
			continue
		}
		out[i].Got, out[i].Confidence = None, res.Confidence
		if res.Code != "" {
			out[i].Got = res.Code
		}
	}
	return out
}

// Summarise computes the report of the strict (non-ambiguous) outcomes and,
// apart, of the ambiguous ones.
func Summarise(outs []Outcome) *Report {
	var strict, amb []Outcome
	for _, o := range outs {
		if o.Row.Ambiguous() {
			amb = append(amb, o)
		} else {
			strict = append(strict, o)
		}
	}
	r := summarise(strict)
	if len(amb) > 0 {
		r.Ambiguous = summarise(amb)
	}
	return r
}

func summarise(outs []Outcome) *Report {
	r := &Report{PerClass: map[string]*ClassStats{}, PerLanguage: map[string]*ClassStats{}, Confusion: map[string]map[string]int{}}
	class := func(m map[string]*ClassStats, k string) *ClassStats {
		if m[k] == nil {
			m[k] = &ClassStats{}
		}
		return m[k]
	}
	for _, o := range outs {
		r.N++
		if o.Err != nil {
			r.Errors++
		}
		cs := class(r.PerClass, o.Row.Label)
		cs.N++
		if o.Got != "ERROR" {
			class(r.PerClass, o.Got).Predicted++
		}
		lang := o.Row.Language
		if lang == "" {
			lang = "unknown"
		}
		ls := class(r.PerLanguage, lang)
		ls.N++
		if r.Confusion[o.Row.Label] == nil {
			r.Confusion[o.Row.Label] = map[string]int{}
		}
		r.Confusion[o.Row.Label][o.Got]++
		if o.Correct() {
			r.Correct++
			cs.Correct++
			ls.Correct++
		} else {
			r.Misses = append(r.Misses, o)
		}
	}
	if r.N > 0 {
		r.Accuracy = float64(r.Correct) / float64(r.N)
	}
	for _, m := range []map[string]*ClassStats{r.PerClass, r.PerLanguage} {
		for _, cs := range m {
			if cs.N > 0 {
				cs.Recall = float64(cs.Correct) / float64(cs.N)
			}
			if cs.Predicted > 0 {
				cs.Precision = float64(cs.Correct) / float64(cs.Predicted)
			}
		}
	}
	r.Reliability, r.ECE = reliability(outs, 10)
	r.Coverage, r.Threshold95, r.Coverage95 = coverage(outs)
	return r
}

// reliability buckets outcomes by confidence and returns the buckets and
// the expected calibration error: the mean, weighted by bucket size, of
// |accuracy - mean confidence|.
func reliability(outs []Outcome, n int) ([]Bucket, float64) {
	b := make([]Bucket, n)
	sumC := make([]float64, n)
	sumA := make([]float64, n)
	total := 0
	for i := range b {
		b[i].Lo, b[i].Hi = float64(i)/float64(n), float64(i+1)/float64(n)
	}
	for _, o := range outs {
		if o.Err != nil {
			continue
		}
		k := int(o.Confidence * float64(n))
		if k >= n {
			k = n - 1
		}
		if k < 0 {
			k = 0
		}
		b[k].N++
		sumC[k] += o.Confidence
		if o.Correct() {
			sumA[k]++
		}
		total++
	}
	ece := 0.0
	for i := range b {
		if b[i].N == 0 {
			continue
		}
		b[i].Confidence = sumC[i] / float64(b[i].N)
		b[i].Accuracy = sumA[i] / float64(b[i].N)
		ece += float64(b[i].N) / float64(total) * math.Abs(b[i].Accuracy-b[i].Confidence)
	}
	return b, ece
}

// coverage computes the coverage curve at thresholds 0, 0.05, ..., 1 and
// the lowest threshold at which precision reaches 95%.
func coverage(outs []Outcome) ([]CoveragePoint, *float64, float64) {
	var ok []Outcome
	for _, o := range outs {
		if o.Err == nil {
			ok = append(ok, o)
		}
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i].Confidence > ok[j].Confidence })
	var pts []CoveragePoint
	var th95 *float64
	cov95 := 0.0
	for k := 0; k <= 20; k++ {
		t := float64(k) / 20
		n, c := 0, 0
		for _, o := range ok {
			if o.Confidence >= t {
				n++
				if o.Correct() {
					c++
				}
			}
		}
		p := CoveragePoint{Threshold: t}
		if len(ok) > 0 {
			p.Coverage = float64(n) / float64(len(ok))
		}
		if n > 0 {
			p.Precision = float64(c) / float64(n)
		}
		pts = append(pts, p)
		if th95 == nil && n > 0 && p.Precision >= 0.95 {
			tt := t
			th95, cov95 = &tt, p.Coverage
		}
	}
	return pts, th95, cov95
}
