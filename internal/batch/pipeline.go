package batch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/ordered"
	"github.com/anzsco/anzsco/internal/resultcache"
)

// Options say how to run a batch.
type Options struct {
	// Workers is how many rows are classified at once; 0 means GOMAXPROCS.
	Workers int
	// Window bounds the rows in flight (read, not yet written); 0 means
	// 64 per worker, at least 256. Memory grows with it, not with the input.
	Window int
	// Format is the output format: CSV (the default), JSONL or XLSX.
	Format Format
	// Keep writes every input column with each row.
	Keep bool
	// CacheBytes bounds the memory of the results remembered, so that a
	// title (and description) seen again is not classified again; 0
	// remembers none. It is a bound in bytes, not in results: a result's
	// size grows with its title, and a title may be up to 1 MiB.
	CacheBytes int64
	// Written, if set, is incremented for every row written (for a
	// progress meter in another goroutine).
	Written *atomic.Int64
}

// DefaultCacheBytes is the cache budget the command line uses. A result
// of the default corpus is counted as about 900 bytes (its title twice,
// its encoding and a fixed 512 for the rest), so 16 MiB hold some 18,000;
// on synthetic ads with a realistic spread of titles
// (internal/batch/adgen) 20,000 results answer about 60% of a million
// title-only rows, against 41% for 2,000 and 70% for 50,000.
const DefaultCacheBytes = 16 << 20

// Stats count the rows of a run.
type Stats struct {
	Rows    int
	Outside int
	Errors  int
	// Codes counts the rows coded to each target code.
	Codes map[string]int
	// ErrorKinds counts the rows with errors by kind (the ErrX messages).
	ErrorKinds map[string]int
	// Caches describe the caches of the run: the results', when there was
	// one, and the classifier's, when it reports them.
	Caches []index.CacheStats
}

// Summary says in one line what a run did.
func (s Stats) Summary(elapsed time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s in %s", Count(s.Rows, "row", "rows"), Seconds(elapsed))
	if secs := elapsed.Seconds(); secs > 0 {
		fmt.Fprintf(&b, " (%s rows/s)", thousands(int(float64(s.Rows)/secs)))
	}
	b.WriteString(":")
	for _, c := range slices.Sorted(maps.Keys(s.Codes)) {
		fmt.Fprintf(&b, " %s %s,", c, thousands(s.Codes[c]))
	}
	fmt.Fprintf(&b, " outside %s, errors %s", thousands(s.Outside), thousands(s.Errors))
	if len(s.ErrorKinds) > 0 {
		var kinds []string
		for _, k := range slices.Sorted(maps.Keys(s.ErrorKinds)) {
			kinds = append(kinds, fmt.Sprintf("%s %s", thousands(s.ErrorKinds[k]), k))
		}
		b.WriteString(" (" + strings.Join(kinds, ", ") + ")")
	}
	if len(s.Caches) > 0 {
		var rates []string
		for _, c := range s.Caches {
			rates = append(rates, fmt.Sprintf("%s %.0f%% of %s", c.Name, 100*c.HitRate(), thousands(int(c.Hits+c.Misses))))
		}
		b.WriteString("; cache hits: " + strings.Join(rates, ", "))
	}
	return b.String()
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// done is a record's output row on its way to the writer.
type done struct {
	out  []byte
	code string
	kind error // the row error's kind; nil for a classified row
}

// Run classifies every record of rd with c and writes one output row per
// record to w, in input order, with workers classifying in parallel (c must
// be safe for concurrent use, as *index.Index is). At most Options.Window
// rows are held at once, however long the input.
//
// A bad row never stops the run: it gets an output row with its error and
// is counted in Stats.Errors. Run stops early on a fatal read error (after
// writing the rows read before it), on a write error and when ctx is
// cancelled (the output is then a prefix of the full output); it returns
// that error with the Stats of the rows written.
//
// XLSX output is a workbook of the rows of CSV output, written as rows
// come and ended when the run ends, however it ends: the rows written
// before an error make a workbook too.
func Run(ctx context.Context, rd Reader, c index.Classifier, w io.Writer, opt Options) (st Stats, err error) {
	if opt.Format == XLSX {
		xw := newXLSXWriter(w)
		defer func() {
			if cerr := xw.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("writing the workbook: %w", cerr)
			}
		}()
		w, opt.Format = xw, CSV
	}
	return run(ctx, rd, c, w, opt)
}

func run(ctx context.Context, rd Reader, c index.Classifier, w io.Writer, opt Options) (Stats, error) {
	st := Stats{Codes: map[string]int{}, ErrorKinds: map[string]int{}}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := opt.Window
	if window <= 0 {
		window = max(256, 64*workers)
	}
	var columns []string
	if opt.Keep {
		columns = rd.Columns()
	}
	cached := resultcache.New(c, opt.CacheBytes)
	wks := make([]worker, workers)
	for i := range wks {
		enc, err := newEncoder(opt.Format, opt.Keep, columns)
		if err != nil {
			return st, err
		}
		wks[i] = worker{c: cached, enc: enc}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.Write(wks[0].enc.header()); err != nil {
		return st, fmt.Errorf("writing output: %w", err)
	}
	var writeErr error
	err := ordered.Run(ctx, ordered.Options{Workers: workers, Window: window}, rd.Read,
		func(i int, rec *Record) done { return wks[i].do(rec) },
		func(d done) error {
			if _, err := bw.Write(d.out); err != nil {
				writeErr = fmt.Errorf("writing output: %w", err)
				return writeErr
			}
			st.Rows++
			switch {
			case d.kind != nil:
				st.Errors++
				st.ErrorKinds[d.kind.Error()]++
			case d.code == "":
				st.Outside++
			default:
				st.Codes[d.code]++
			}
			if opt.Written != nil {
				opt.Written.Add(1)
			}
			return nil
		})
	st.Caches = cached.CacheStats()
	if writeErr == nil {
		if ferr := bw.Flush(); ferr != nil {
			return st, fmt.Errorf("writing output: %w", ferr)
		}
	}
	return st, err
}

// worker classifies records and encodes their output rows.
type worker struct {
	c   *resultcache.Classifier
	enc encoder
	buf bytes.Buffer
}

func (wk *worker) do(rec *Record) done {
	var r result
	if rec.Err == nil {
		var err error
		if r, err = wk.classify(rec); err != nil {
			rec.Err = &RowError{Line: rec.Line, Kind: ErrClassify, Detail: err.Error()}
		}
	}
	wk.buf.Reset()
	wk.enc.encode(&wk.buf, rec, r)
	d := done{out: bytes.Clone(wk.buf.Bytes())}
	if rec.Err == nil {
		d.code = r.code
	} else {
		var re *RowError
		if errors.As(rec.Err, &re) {
			d.kind = re.Kind
		} else {
			d.kind = ErrClassify
		}
	}
	return d
}

// classify returns the result for rec, ready to encode, from the result
// cache when the same title and description were seen before: then it
// costs neither a classification nor an encoding. A panic in the
// classifier becomes the row's error: one odd row must not end a run of
// millions.
func (wk *worker) classify(rec *Record) (r result, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = result{}, fmt.Errorf("internal error in the classifier: %v", p)
		}
	}()
	q := index.Query{Text: rec.Title, Description: rec.Description}
	if wk.enc.json() {
		r.code, r.json, err = wk.c.ClassifyJSON(q)
	} else {
		r.res, err = wk.c.Classify(q)
		if err == nil && r.res == nil {
			err = errors.New("internal error in the classifier: no result")
		}
		if err == nil {
			r.code = r.res.Code
		}
	}
	if err != nil {
		return result{}, err
	}
	r.ok = true
	return r, nil
}
