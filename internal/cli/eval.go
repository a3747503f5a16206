package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch"
	"github.com/anzsco/anzsco/internal/eval"
)

// maxEvalBytes bounds a labelled file: about two million rows of titles
// with descriptions.
const maxEvalBytes = 512 << 20

type evalOptions struct {
	IO        *IOStreams
	Index     func() (*index.Index, error)
	File      string
	Columns   eval.Columns
	JSON      bool
	Plot      string
	Workers   int
	MaxMisses int
}

func newCmdEval(f *Factory, runF func(*evalOptions) error) *cobra.Command {
	opts := &evalOptions{IO: f.IO, Index: f.Index}
	cmd := &cobra.Command{
		Use:   "eval [flags] LABELLED.csv | -",
		Short: "Measure the classifier on labelled titles",
		Long: `Eval classifies every row of a labelled CSV file and reports how well the
classifier did: accuracy overall and per class, the confusion matrix, the
misses, a reliability table (confidence buckets against observed accuracy)
with the expected calibration error (ECE), and the coverage curve: the share
of rows coded automatically at each confidence threshold, and the threshold
at which precision reaches 95%.

The file has a header row. The title and label columns are required; a
description column is used when present; language and note columns are
optional. A label is a six-digit code, a unit group (four digits) or minor
group (three digits), or NONE (or empty) for "outside the targets"; the
report adds the unit-group accuracy when a label or a result is a group.
A code of an occupation the corpus does not target also counts as
outside, and is reported on standard error. Rows whose note starts with
AMBIGUOUS are reasonable either way: they are reported apart and left out
of the figures. "-" reads standard input.

The figures are information, not a verdict: the exit status is 0 when the
file was read and classified, 4 when some rows could not be classified
(empty titles), 2 for a usage error and 3 for an unreadable file, with one
line naming the file and line.`,
		Example: `  anzsco eval testdata/labelled/titles.csv
  anzsco eval --json testdata/labelled/titles.csv | jq .accuracy
  anzsco eval --plot eval.svg --text-column body --label-column code ads.csv
  anzsco --corpus full.json eval --label-column anzsco coded.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if err := checkWorkers(opts.Workers); err != nil {
				return err
			}
			if opts.MaxMisses < 0 {
				return usageError("--max-misses must be 0 (all) or more, got %d", opts.MaxMisses)
			}
			for _, c := range []struct{ flag, v string }{{"title-column", opts.Columns.Title}, {"label-column", opts.Columns.Label}} {
				if cmd.Flags().Changed(c.flag) && strings.TrimSpace(c.v) == "" {
					return usageError("--%s needs a column name", c.flag)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return evalRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Columns.Title, "title-column", "title", "the CSV column holding the job title")
	cmd.Flags().StringVar(&opts.Columns.Description, "text-column", "", "the CSV column holding a description (default: description, when present)")
	cmd.Flags().StringVar(&opts.Columns.Label, "label-column", "label", "the CSV column holding the expected code, or NONE")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the report as one JSON object")
	cmd.Flags().StringVar(&opts.Plot, "plot", "", "draw the coverage and reliability curves to `FILE.svg`")
	cmd.Flags().IntVar(&opts.Workers, "workers", 0, "classify with `N` goroutines (0: one per CPU)")
	cmd.Flags().IntVar(&opts.MaxMisses, "max-misses", 0, "list at most `N` misses in the text report (0: all)")
	return cmd
}

// errTooBig is returned by the reader of an oversized labelled file.
var errTooBig = fmt.Errorf("larger than %d MiB", maxEvalBytes>>20)

type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

func evalRun(opts *evalOptions) error {
	name := opts.File
	var in io.Reader = opts.IO.In
	if opts.File == "-" {
		name = "standard input"
	} else {
		fh, err := os.Open(opts.File)
		if err != nil {
			return fmt.Errorf("eval %s: %w", opts.File, errors.Unwrap(err))
		}
		defer fh.Close()
		in = fh
	}
	rows, err := eval.ReadCSV(&capReader{r: in, left: maxEvalBytes}, opts.Columns)
	if err != nil {
		if errors.Is(err, errTooBig) {
			err = errTooBig
		}
		return fmt.Errorf("eval %s: %w", name, err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("eval %s: no labelled rows below the header", name)
	}
	ix, err := opts.Index()
	if err != nil {
		return err
	}
	relabelled := eval.OutsideLabels(rows, ix.Corpus())
	if len(relabelled) > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "note: %s\n", relabelNote(relabelled, ix.Info().Version))
	}
	start := time.Now()
	outs := eval.RunWorkers(ix, rows, opts.Workers)
	elapsed := time.Since(start)
	rep := eval.Summarise(outs)
	fmt.Fprintf(opts.IO.ErrOut, "classified %s in %s (%.0f rows/s)\n", batch.Count(len(rows), "row", "rows"), batch.Seconds(elapsed), float64(len(rows))/elapsed.Seconds())

	if opts.Plot != "" {
		if err := writePlot(opts.Plot, rep, name); err != nil {
			return err
		}
	}
	if opts.JSON {
		err = writeEvalJSON(opts.IO.Out, name, ix.Info(), rep, outs, relabelled)
	} else {
		err = writeEvalText(opts.IO.Out, name, ix, rep, outs, opts.MaxMisses)
	}
	if err != nil {
		return err
	}
	if all := rep.Errors + ambiguousErrors(rep); all > 0 {
		return &exitError{code: ExitRowErrors, err: fmt.Errorf("eval %s: %s could not be classified (see the misses)", name, batch.Count(all, "row", "rows"))}
	}
	return nil
}

// hasGroupCodes reports whether a label or a result is a group's code.
func hasGroupCodes(outs []eval.Outcome) bool {
	for _, o := range outs {
		for _, c := range []string{o.Row.Label, o.Got} {
			if c != eval.None && c != "ERROR" && len(c) < 6 {
				return true
			}
		}
	}
	return false
}

func ambiguousErrors(r *eval.Report) int {
	if r.Ambiguous == nil {
		return 0
	}
	return r.Ambiguous.Errors
}

func relabelNote(m map[string]int, version string) string {
	codes := make([]string, 0, len(m))
	n := 0
	for c, k := range m {
		codes = append(codes, c)
		n += k
	}
	sort.Strings(codes)
	var parts []string
	for i, c := range codes {
		if i == 8 {
			parts = append(parts, fmt.Sprintf("and %d more codes", len(codes)-8))
			break
		}
		parts = append(parts, fmt.Sprintf("%s ×%d", c, m[c]))
	}
	are := "are"
	if n == 1 {
		are = "is"
	}
	return fmt.Sprintf("%s %s labelled with codes that corpus %s does not target (%s); they count as outside (NONE)",
		batch.Count(n, "row", "rows"), are, version, strings.Join(parts, ", "))
}

// writePlot writes the SVG beside path and renames it into place.
func writePlot(path string, rep *eval.Report, name string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("plot %s: %w", path, errors.Unwrap(err))
	}
	defer os.Remove(tmp.Name())
	if err := eval.WriteSVG(tmp, rep, "anzsco eval "+name); err != nil {
		tmp.Close()
		return fmt.Errorf("plot %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("plot %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("plot %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("plot %s: %w", path, errors.Unwrap(err))
	}
	return nil
}

// classOrder sorts codes, then NONE, then ERROR.
func classOrder(keys []string) []string {
	rank := func(k string) int {
		switch k {
		case eval.None:
			return 1
		case "ERROR":
			return 2
		}
		return 0
	}
	sort.Slice(keys, func(i, j int) bool {
		if ri, rj := rank(keys[i]), rank(keys[j]); ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
	return keys
}

func writeEvalText(w io.Writer, name string, ix *index.Index, rep *eval.Report, outs []eval.Outcome, maxMisses int) error {
	info := ix.Info()
	titles := func(code string) string {
		if o, ok := ix.Corpus().Lookup(code); ok {
			return o.Title()
		}
		if g, ok := ix.Corpus().Group(code); ok {
			return g.Title
		}
		switch code {
		case eval.None:
			return "outside the targets"
		case "ERROR":
			return "could not be classified"
		}
		return ""
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("anzsco eval %s: %s, corpus %s (%s)\n", name, batch.Count(len(outs), "row", "rows"), info.Version, batch.Count(len(ix.Corpus().Targets()), "target", "targets"))
	p("\nAccuracy: %d/%d = %.3f", rep.Correct, rep.N, rep.Accuracy)
	if hasGroupCodes(outs) {
		p(", unit group %d/%d = %.3f", rep.UnitCorrect, rep.N, rep.UnitAccuracy)
	}
	if rep.Ambiguous != nil {
		p(" (%s reported apart)", batch.Count(rep.Ambiguous.N, "ambiguous row", "ambiguous rows"))
	}
	if rep.Errors > 0 {
		p("; %s could not be classified", batch.Count(rep.Errors, "row", "rows"))
	}
	p("\n\nPer class\tn\tcorrect\trecall\tpredicted\tprecision\n")
	var classes []string
	for c := range rep.PerClass {
		classes = append(classes, c)
	}
	for _, c := range classOrder(classes) {
		cs := rep.PerClass[c]
		if cs.N == 0 && cs.Predicted == 0 {
			continue
		}
		p("%s %s\t%d\t%d\t%s\t%d\t%s\n", c, titles(c), cs.N, cs.Correct, ratio(cs.Correct, cs.N), cs.Predicted, ratio(cs.Correct, cs.Predicted))
	}
	if len(rep.PerLanguage) > 1 {
		p("\nPer language\tn\tcorrect\taccuracy\n")
		var langs []string
		for l := range rep.PerLanguage {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			cs := rep.PerLanguage[l]
			p("%s\t%d\t%d\t%s\n", l, cs.N, cs.Correct, ratio(cs.Correct, cs.N))
		}
	}

	// Confusion matrix: a row per label, a column per answer.
	set := map[string]bool{}
	for l, row := range rep.Confusion {
		set[l] = true
		for g := range row {
			set[g] = true
		}
	}
	var cols []string
	for c := range set {
		cols = append(cols, c)
	}
	cols = classOrder(cols)
	p("\nConfusion (rows: label, columns: classified as)\n")
	p("label \\ got\t%s\n", strings.Join(cols, "\t"))
	for _, l := range cols {
		row, ok := rep.Confusion[l]
		if !ok {
			continue
		}
		cells := []string{l}
		for _, c := range cols {
			if n := row[c]; n > 0 {
				cells = append(cells, fmt.Sprint(n))
			} else {
				cells = append(cells, ".")
			}
		}
		p("%s\n", strings.Join(cells, "\t"))
	}

	p("\nMisses (%d)\n", len(rep.Misses))
	if len(rep.Misses) > 0 {
		p("line\tlabel\tgot\tconfidence\ttitle\n")
		for i, m := range rep.Misses {
			if maxMisses > 0 && i == maxMisses {
				p("... and %d more (--max-misses 0 lists all)\n", len(rep.Misses)-maxMisses)
				break
			}
			p("%d\t%s\t%s\t%s\t%s\n", m.Row.Line, m.Row.Label, m.Got, confText(m), oneLine(m.Row.Title))
		}
	}

	p("\nReliability (confidence buckets against observed accuracy)\n")
	p("confidence\tn\tmean confidence\taccuracy\tgap\n")
	for _, b := range rep.Reliability {
		if b.N == 0 {
			p("%.1f-%.1f\t0\t-\t-\t-\n", b.Lo, b.Hi)
			continue
		}
		p("%.1f-%.1f\t%d\t%.3f\t%.3f\t%+.3f\n", b.Lo, b.Hi, b.N, b.Confidence, b.Accuracy, b.Accuracy-b.Confidence)
	}
	p("Expected calibration error (ECE): %.3f\n", rep.ECE)

	p("\nCoverage curve (rows coded automatically at each confidence threshold)\n")
	p("threshold\tcoverage\tprecision\n")
	for _, c := range rep.Coverage {
		prec := "-"
		if c.Coverage > 0 {
			prec = fmt.Sprintf("%.3f", c.Precision)
		}
		p("%.2f\t%.3f\t%s\n", c.Threshold, c.Coverage, prec)
	}
	if rep.Threshold95 != nil {
		p("Precision reaches 95%% at threshold %.2f, where %.1f%% of rows are coded automatically.\n", *rep.Threshold95, 100*rep.Coverage95)
	} else {
		p("Precision does not reach 95%% at any threshold.\n")
	}

	if a := rep.Ambiguous; a != nil {
		p("\nAmbiguous rows (%d, reported apart): %d agree with the suggested label\n", a.N, a.Correct)
		p("line\tlabel\tgot\tconfidence\ttitle\n")
		for _, o := range outs {
			if o.Row.Ambiguous() {
				p("%d\t%s\t%s\t%s\t%s\n", o.Row.Line, o.Row.Label, o.Got, confText(o), oneLine(o.Row.Title))
			}
		}
	}
	return tw.Flush()
}

func ratio(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

func confText(o eval.Outcome) string {
	if o.Err != nil {
		return "error: " + oneLine(o.Err.Error())
	}
	return fmt.Sprintf("%.2f", o.Confidence)
}

// evalRowJSON is one miss or ambiguous row in the JSON report.
type evalRowJSON struct {
	Line        int     `json:"line"`
	Title       string  `json:"title"`
	Description string  `json:"description,omitempty"`
	Label       string  `json:"label"`
	Got         string  `json:"got"`
	Confidence  float64 `json:"confidence"`
	Language    string  `json:"language,omitempty"`
	Note        string  `json:"note,omitempty"`
	Error       string  `json:"error,omitempty"`
}

func rowJSON(o eval.Outcome) evalRowJSON {
	r := evalRowJSON{Line: o.Row.Line, Title: o.Row.Title, Description: o.Row.Description, Label: o.Row.Label,
		Got: o.Got, Confidence: o.Confidence, Language: o.Row.Language, Note: o.Row.Note}
	if o.Err != nil {
		r.Error = o.Err.Error()
	}
	return r
}

type evalAmbiguousJSON struct {
	*eval.Report
	Rows []evalRowJSON `json:"rows"`
}

type evalJSON struct {
	File   string           `json:"file"`
	Corpus index.CorpusInfo `json:"corpus"`
	*eval.Report
	Misses     []evalRowJSON      `json:"misses"`
	Ambiguous  *evalAmbiguousJSON `json:"ambiguous,omitempty"`
	Relabelled map[string]int     `json:"relabelled_outside,omitempty"`
}

func writeEvalJSON(w io.Writer, name string, info index.CorpusInfo, rep *eval.Report, outs []eval.Outcome, relabelled map[string]int) error {
	out := evalJSON{File: name, Corpus: info, Report: rep, Misses: []evalRowJSON{}, Relabelled: relabelled}
	for _, m := range rep.Misses {
		out.Misses = append(out.Misses, rowJSON(m))
	}
	if rep.Ambiguous != nil {
		out.Ambiguous = &evalAmbiguousJSON{Report: rep.Ambiguous, Rows: []evalRowJSON{}}
		for _, o := range outs {
			if o.Row.Ambiguous() {
				out.Ambiguous.Rows = append(out.Ambiguous.Rows, rowJSON(o))
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
