package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/cv"
)

type cvOptions struct {
	IO    *IOStreams
	Index func() (*index.Index, error)
	// Path is the CV file, or "-" for standard input.
	Path    string
	Format  string
	JSON    bool
	AsOf    string
	Now     time.Time
	MinConf float64
	// Explain adds, for each position, the lines its title, employer and
	// dates were read from.
	Explain bool
}

func newCmdCV(f *Factory, runF func(*cvOptions) error) *cobra.Command {
	opts := &cvOptions{IO: f.IO, Index: f.Index}
	cmd := &cobra.Command{
		Use:   "cv [flags] FILE | -",
		Short: "Classify a CV position by position and count months per occupation",
		Long: `Cv reads a CV (PDF, DOCX, plain text or Markdown; the content decides, not
the extension), finds its dated work-experience positions in English or
Portuguese, codes each position from its title and bullet lines, and gives a
verdict: the best-supported target occupation (most months; ties go to the
latest), the months of experience per code (overlapping positions count once
per code) and whether they reach the experience that ANZSCO accepts in place
of formal qualifications (3 years for 541111, 1 year for 541112 in the
default corpus). Months count per code as coded: team-leader months are not
counted as operator months.

"Present", "atual", "até o momento" and the like end at --as-of (default:
today). A year without a month ("2017 – 2019") is read as the middle of that
year and the position is marked approximate.

Output is a table and the verdict on a terminal, TSV when piped, and one JSON
object with --json (fields are added, never renamed). --explain adds, after
the positions, how each was read: the layout, and the lines of the
extracted text that gave its title, employer and dates (on standard error
with --json).

Exit status: 0 the CV shows experience in a target occupation; 1 it shows
none (every position outside, or no dated position found); 2 usage error;
3 the file could not be read (too large, encrypted, scanned without a text
layer, corrupt, not a CV format).`,
		Example: `  anzsco cv resume.pdf
  anzsco cv curriculo.docx --json
  cat cv.txt | anzsco cv -
  anzsco cv --as-of 2025-12 resume.md`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError("cv needs one FILE, or - to read the CV from standard input (see 'anzsco cv --help')")
			}
			opts.Path = args[0]
			if opts.AsOf != "" {
				t, err := cv.ParseAsOf(opts.AsOf)
				if err != nil {
					return usageError("--as-of: %v", err)
				}
				opts.Now = t
			}
			if err := checkQueryFlags(index.DefaultTop, opts.MinConf); err != nil {
				return err
			}
			if err := resolveFormat(&opts.Format, opts.JSON, opts.IO); err != nil {
				return err
			}
			return dispatch(opts, runF, cvRun)
		},
	}
	addFormatFlags(cmd, &opts.JSON, &opts.Format, "print the report as one JSON object")
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "the `DATE` (YYYY-MM or YYYY-MM-DD) that \"Present\" stands for (default: today)")
	cmd.Flags().Float64Var(&opts.MinConf, "min-confidence", 0, "report a position whose confidence is below `P` as outside")
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "show the lines each position's title, employer and dates were read from")
	return cmd
}

func cvRun(opts *cvOptions) error {
	var (
		r    io.Reader
		size int64
		name string
	)
	if opts.Path == "-" {
		r, size, name = opts.IO.In, opts.IO.InSize, "stdin"
	} else {
		f, err := os.Open(opts.Path)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return fmt.Errorf("%s: %v", opts.Path, pe.Err)
			}
			return err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return fmt.Errorf("%s: %v", opts.Path, err)
		}
		if fi.IsDir() {
			return fmt.Errorf("%s: is a directory, not a CV file", opts.Path)
		}
		r, size, name = f, fi.Size(), opts.Path
	}
	ix, err := opts.Index()
	if err != nil {
		return err
	}
	rep, err := cv.Analyze(context.Background(), r, size, name, ix, cv.Options{Now: opts.Now, MinConfidence: opts.MinConf})
	if err != nil {
		return err
	}
	if opts.Format != "json" {
		for _, w := range rep.Warnings {
			fmt.Fprintf(opts.IO.ErrOut, "warning: %s\n", w)
		}
	}
	switch opts.Format {
	case "json":
		data, err := json.Marshal(rep)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(opts.IO.Out, "%s\n", data); err != nil {
			return err
		}
	case "tsv":
		if err := printCVTSV(opts.IO.Out, rep); err != nil {
			return err
		}
	default:
		if err := printCVTable(opts.IO.Out, rep); err != nil {
			return err
		}
	}
	if opts.Explain {
		w := opts.IO.Out
		if opts.Format == "json" {
			w = opts.IO.ErrOut
		} else {
			fmt.Fprintln(w)
		}
		if err := printCVEvidence(w, rep); err != nil {
			return err
		}
	}
	if rep.Code == "" {
		return silentExit(ExitOutside)
	}
	return nil
}

// printCVEvidence writes, for each position, one line saying how it was
// read: "line 12 (title first): title from line 11 (title words 1.00),
// employer from line 12, dates on line 12".
func printCVEvidence(w io.Writer, rep *cv.Report) error {
	for i, p := range rep.Positions {
		ev := p.Evidence
		title := "no title"
		if ev.TitleLine > 0 {
			title = fmt.Sprintf("title from line %d (title score %.2f)", ev.TitleLine, ev.TitleScore)
		}
		employer := "no employer"
		switch {
		case ev.EmployerLine > 0 && ev.SharedEmployer:
			employer = fmt.Sprintf("employer from line %d, over several roles", ev.EmployerLine)
		case ev.EmployerLine > 0:
			employer = fmt.Sprintf("employer from line %d", ev.EmployerLine)
		}
		if _, err := fmt.Fprintf(w, "position %d, %s: %s, %s, dates on line %d\n", i+1, ev.Layout, title, employer, ev.DatesLine); err != nil {
			return err
		}
	}
	return nil
}

func cvEnd(p cv.Position) string {
	if p.Current {
		return "present"
	}
	return p.End
}

func cvMonths(p cv.Position) string {
	if p.Approximate {
		return fmt.Sprintf("~%d", p.Months)
	}
	return fmt.Sprint(p.Months)
}

// printCVTable writes the positions as a table, then the verdict.
func printCVTable(w io.Writer, rep *cv.Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "START\tEND\tMONTHS\tCODE\tCONF\tTITLE\tEMPLOYER")
	for _, p := range rep.Positions {
		code := p.Code
		if code == "" {
			code = "outside"
			if p.NearestOutside != nil {
				code = "outside (" + p.NearestOutside.Code + ")"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Start, cvEnd(p), cvMonths(p), code, fmtConf(p.Confidence), tsvField(p.Title), tsvField(p.Employer))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if rep.Code != "" {
		fmt.Fprintf(w, "Verdict: %s %s (most months in the target occupations)\n", rep.Code, rep.Title)
	} else {
		fmt.Fprintln(w, "Verdict: no position is coded to a target occupation")
	}
	c := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, code := range shownCodes(rep) {
		need, ok := rep.RequiredMonths[code]
		line := fmt.Sprintf("  %s\t%d months", code, rep.MonthsByCode[code])
		if ok {
			met := "not met"
			if rep.ExperienceMeets[code] {
				met = "met"
			}
			line += fmt.Sprintf("\tof the %d that stand in for qualifications: %s", need, met)
		}
		fmt.Fprintln(c, line)
	}
	return c.Flush()
}

// printCVTSV writes the positions, a blank line and the months per code.
func printCVTSV(w io.Writer, rep *cv.Report) error {
	fmt.Fprintln(w, "start\tend\tmonths\tcurrent\tapproximate\tcode\tconfidence\ttitle\temployer\tnearest_outside_code")
	for _, p := range rep.Positions {
		no := ""
		if p.NearestOutside != nil {
			no = p.NearestOutside.Code
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%v\t%v\t%s\t%s\t%s\t%s\t%s\n", p.Start, p.End, p.Months, p.Current, p.Approximate, p.Code, fmtConf(p.Confidence), tsvField(p.Title), tsvField(p.Employer), no)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "code\tmonths\trequired_months\texperience_meets\tverdict")
	for _, code := range shownCodes(rep) {
		req, meets := "", ""
		if n, ok := rep.RequiredMonths[code]; ok {
			req, meets = fmt.Sprint(n), fmt.Sprint(rep.ExperienceMeets[code])
		}
		_, err := fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%v\n", code, rep.MonthsByCode[code], req, meets, code == rep.Code)
		if err != nil {
			return err
		}
	}
	return nil
}

// shownCodes are the target codes the table and TSV list: those the CV
// shows months in and those with an experience requirement. With a corpus
// whose targets are the whole ANZSCO, the others, all at 0 months, are
// left to --json.
func shownCodes(rep *cv.Report) []string {
	var out []string
	for _, code := range slices.Sorted(maps.Keys(rep.MonthsByCode)) {
		if _, required := rep.RequiredMonths[code]; rep.MonthsByCode[code] > 0 || required {
			out = append(out, code)
		}
	}
	return out
}
