package eval

import (
	"errors"
	"io"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch"
	"github.com/anzsco/anzsco/internal/labelled"
)

// None is the label for inputs outside the target occupations.
const None = labelled.None

// Row is one labelled input.
type Row = labelled.Row

// Columns names the CSV columns to read; see labelled.Columns.
type Columns = labelled.Columns

// ReadCSV reads labelled rows from a CSV file with a header row. It reads
// with batch's reader, so a labelled file has batch's limits (a field of
// batch.MaxFieldBytes, a record of batch.MaxRecordBytes, skipped without
// being held), its delimiter detection and its blank lines, and maps the
// columns by labelled's rule (labelled.Mapper); but a row that cannot be
// read stops the evaluation, with its line and column: an accuracy over
// the rows that happened to be readable would mislead.
func ReadCSV(r io.Reader, cols Columns) ([]Row, error) {
	title := cols.Title
	if title == "" {
		title = "title"
	}
	rd, err := batch.NewReader(r, batch.ReadOptions{Name: "labelled file", Format: batch.CSV, Title: title, Keep: true})
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "labelled file: ")
		msg = strings.Replace(msg, "; or give --encoding utf-16", "", 1) // eval reads UTF-8 only
		if strings.HasPrefix(msg, "the input is empty") {
			return nil, errors.New("empty file: want a header row")
		}
		if strings.HasPrefix(msg, "no column") || strings.HasPrefix(msg, "column") {
			msg = "header: " + msg
		}
		return nil, errors.New(msg)
	}
	header := rd.Columns()
	for _, h := range header {
		if strings.ContainsRune(h, utf8.RuneError) {
			return nil, errors.New("line 1 (header): not valid UTF-8 (save the file as UTF-8)") // the reader marks the bytes it replaced
		}
	}
	m, err := labelled.NewMapper(header, cols)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, errors.New(strings.TrimPrefix(err.Error(), "labelled file: "))
		}
		// A ragged row is read as it is, and an empty title is the
		// classifier's error, counted among the rows that could not be
		// classified.
		if rec.Err != nil && !errors.Is(rec.Err, batch.ErrRagged) && !errors.Is(rec.Err, batch.ErrEmptyTitle) {
			return nil, rec.Err
		}
		row, err := m.Row(rec.Line, rec.Columns)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// OutsideLabels rewrites to None the labels that are codes of occupations
// the corpus does not target: with the default corpus, a file labelled with
// any ANZSCO code is measured as "5411 or outside". It returns how many rows
// each rewritten code had.
func OutsideLabels(rows []Row, c *corpus.Corpus) map[string]int {
	targets := map[string]bool{}
	for _, code := range c.Targets() {
		targets[code] = true
	}
	// A group label (unit or minor group) is kept when the group holds a
	// target occupation.
	isTarget := func(l string) bool {
		if targets[l] {
			return true
		}
		if g, ok := c.Group(l); ok {
			for _, code := range g.Occupations {
				if targets[code] {
					return true
				}
			}
		}
		return false
	}
	out := map[string]int{}
	for i := range rows {
		if l := rows[i].Label; l != None && !isTarget(l) {
			out[l]++
			rows[i].Label = None
		}
	}
	return out
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

// UnitCorrect reports whether the row was coded to its label's unit group:
// the code and the label share their first four digits (an occupation of
// the right unit group, or the unit group itself), or both are NONE.
func (o Outcome) UnitCorrect() bool {
	if o.Err != nil {
		return false
	}
	if o.Got == None || o.Row.Label == None {
		return o.Got == o.Row.Label
	}
	return len(o.Got) >= 4 && len(o.Row.Label) >= 4 && o.Got[:4] == o.Row.Label[:4]
}

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
	Lo         float64 `json:"lo"`
	Hi         float64 `json:"hi"`
	N          int     `json:"n"`
	Confidence float64 `json:"confidence"` // mean confidence
	Accuracy   float64 `json:"accuracy"`
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
	N        int     `json:"n"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
	// UnitCorrect and UnitAccuracy count the rows coded to the right unit
	// group (see Outcome.UnitCorrect).
	UnitCorrect  int                       `json:"unit_correct"`
	UnitAccuracy float64                   `json:"unit_accuracy"`
	PerClass     map[string]*ClassStats    `json:"per_class"`
	PerLanguage  map[string]*ClassStats    `json:"per_language"`
	Confusion    map[string]map[string]int `json:"confusion"`
	ECE          float64                   `json:"ece"`
	Reliability  []Bucket                  `json:"reliability"`
	Coverage     []CoveragePoint           `json:"coverage_curve"`
	Threshold95  *float64                  `json:"threshold_at_95_precision"`
	Coverage95   float64                   `json:"coverage_at_95_precision"`
	Misses       []Outcome                 `json:"-"`
	Errors       int                       `json:"errors"`
	Ambiguous    *Report                   `json:"ambiguous,omitempty"`
}

// Run classifies every row, one after the other. Errors are recorded per
// row, never fatal.
func Run(c index.Classifier, rows []Row) []Outcome {
	return RunWorkers(c, rows, 1)
}

// RunWorkers classifies every row with workers goroutines (GOMAXPROCS when
// workers < 1); c must then be safe for concurrent use, as *index.Index is.
// The outcomes are in the order of rows whatever the number of workers.
func RunWorkers(c index.Classifier, rows []Row, workers int) []Outcome {
	out := make([]Outcome, len(rows))
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > len(rows) {
		workers = len(rows)
	}
	if workers <= 1 {
		for i := range rows {
			out[i] = classify(c, rows[i])
		}
		return out
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = classify(c, rows[i])
			}
		}()
	}
	for i := range rows {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func classify(c index.Classifier, r Row) Outcome {
	o := Outcome{Row: r}
	res, err := c.Classify(index.Query{Text: r.Title, Description: r.Description})
	if err != nil {
		o.Err, o.Got = err, "ERROR"
		return o
	}
	o.Got, o.Confidence = None, res.Confidence
	if res.Code != "" {
		o.Got = res.Code
	}
	return o
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
		if o.UnitCorrect() {
			r.UnitCorrect++
		}
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
		r.UnitAccuracy = float64(r.UnitCorrect) / float64(r.N)
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
