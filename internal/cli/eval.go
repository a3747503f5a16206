package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/atomicfile"
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
			return dispatch(opts, runF, evalRun)
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
		fmt.Fprintf(opts.IO.ErrOut, "note: %s\n", eval.RelabelNote(relabelled, ix.Info().Version))
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
	src := eval.Source{File: name, Corpus: ix.Corpus(), Info: ix.Info()}
	if opts.JSON {
		err = eval.WriteJSON(opts.IO.Out, src, rep, outs, relabelled)
	} else {
		err = eval.WriteText(opts.IO.Out, src, rep, outs, opts.MaxMisses)
	}
	if err != nil {
		return err
	}
	if all := rep.Errors + ambiguousErrors(rep); all > 0 {
		return &exitError{code: ExitRowErrors, err: fmt.Errorf("eval %s: %s could not be classified (see the misses)", name, batch.Count(all, "row", "rows"))}
	}
	return nil
}

func ambiguousErrors(r *eval.Report) int {
	if r.Ambiguous == nil {
		return 0
	}
	return r.Ambiguous.Errors
}

// writePlot writes the SVG beside path and renames it into place.
func writePlot(path string, rep *eval.Report, name string) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return fmt.Errorf("plot %w", err)
	}
	if err := eval.WriteSVG(f, rep, "anzsco eval "+name); err != nil {
		f.Abort()
		return fmt.Errorf("plot %s: %w", path, err)
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("plot %w", err)
	}
	return nil
}
