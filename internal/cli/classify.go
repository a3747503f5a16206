package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch"
	"github.com/anzsco/anzsco/internal/bom"
	"github.com/anzsco/anzsco/internal/ordered"
	"github.com/anzsco/anzsco/internal/resultenc"
)

type classifyOptions struct {
	IO      *IOStreams
	Index   func() (*index.Index, error)
	Args    []string
	Stdin   bool
	JSON    bool
	Format  string
	Top     int
	Explain bool
	MinConf float64
	Desc    string
}

// maxLineBytes bounds one stdin line; the rest of a longer line is skipped
// (the classifier would cut it to index.MaxTitleBytes anyway).
const maxLineBytes = 1 << 20

func newCmdClassify(f *Factory, runF func(*classifyOptions) error) *cobra.Command {
	opts := &classifyOptions{IO: f.IO, Index: f.Index}
	cmd := &cobra.Command{
		Use:   "classify [flags] TEXT... | -",
		Short: "Code job titles to ANZSCO occupations",
		Long: `Classify codes a job title (or any short text) to the target occupations of
the corpus, with a score and a calibrated confidence per occupation.

The words of TEXT are joined into one query. With "-", each line of standard
input is one query, answered in order (one output line per input line).

The result names the code, or says the input lies outside the targets and
names the nearest outside occupation. Output is a table on a terminal, TSV
when piped, and JSON Lines with --json (the format is documented in the
README and stable: fields are added, never renamed).

Exit status: 0 every input was coded to a target occupation; 1 at least one
input lies outside the targets; 2 usage error; 3 failure; 4 some stdin
lines could not be classified (empty lines), each reported in its own line.`,
		Example: `  anzsco classify "Contact Center Supervisor"
  anzsco classify --json "Operador de telemarketing receptivo"
  printf 'Call centre agent\nTeam Leader - Inbound Contact Centre\n' | anzsco classify --json -
  anzsco classify --explain "Inbound CSR - 12 month contract - Sydney CBD"
  anzsco classify --description "answering inbound calls and emails" "Customer Service Officer"`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("classify needs TEXT or - to read queries from standard input (see 'anzsco classify --help')")
			}
			if len(args) == 1 && args[0] == "-" {
				opts.Stdin = true
			} else {
				opts.Args = args
			}
			if err := checkQueryFlags(opts.Top, opts.MinConf); err != nil {
				return err
			}
			if err := resolveFormat(&opts.Format, opts.JSON, opts.IO); err != nil {
				return err
			}
			return dispatch(opts, runF, classifyRun)
		},
	}
	addFormatFlags(cmd, &opts.JSON, &opts.Format, "print one JSON object per query (JSON Lines)")
	cmd.Flags().IntVar(&opts.Top, "top", index.DefaultTop, "number of ranked matches to report")
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "show how the result was reached: noise stripped, slips corrected, fields and terms matched")
	cmd.Flags().Float64Var(&opts.MinConf, "min-confidence", 0, "leave uncoded a code whose confidence is below `P` (reported as demoted); with --scope anzsco, code its unit or minor group instead when that reaches P")
	cmd.Flags().StringVar(&opts.Desc, "description", "", "a job description to weigh in with the title (counts less than the title)")
	return cmd
}

func classifyRun(opts *classifyOptions) error {
	ix, err := opts.Index()
	if err != nil {
		return err
	}
	query := func(text string) index.Query {
		return index.Query{Text: text, Description: opts.Desc, Top: opts.Top, Explain: opts.Explain, MinConfidence: opts.MinConf}
	}
	var p *resultPrinter
	outside, failed := false, 0
	line := 0
	if opts.Stdin {
		// Output is buffered and flushed whenever every line read so far
		// has been printed: a file streams in large writes, and a person
		// or a program that sends a line and waits gets its answer.
		out := bufio.NewWriterSize(opts.IO.Out, 64<<10)
		p = newResultPrinter(out, opts.Format, opts.Explain)
		err = classifyStream(opts.IO.In, runtime.GOMAXPROCS(0), func(l *streamLine) {
			l.res, l.err = ix.Classify(query(l.text))
			if l.err == nil && opts.Format == "json" {
				// Encoded by the workers, so that the one goroutine
				// that prints in order only copies bytes.
				l.out, l.err = appendJSONResult(nil, l.res, resultenc.Int("line", l.seq+1))
			}
		}, func(l *streamLine) error {
			// Lines come back in input order: the count is the line.
			line++
			p.line = line
			if l.err != nil {
				failed++
				return p.printError(l.text, l.err)
			}
			if l.res.Outside() {
				outside = true
			}
			if l.out != nil {
				_, err := p.w.Write(l.out)
				return err
			}
			return p.print(l.res)
		}, out.Flush)
		if ferr := p.flush(); err == nil {
			err = ferr
		}
		if ferr := out.Flush(); err == nil {
			err = ferr
		}
	} else {
		p = newResultPrinter(opts.IO.Out, opts.Format, opts.Explain)
		var res *index.Result
		res, err = ix.Classify(query(strings.Join(opts.Args, " ")))
		switch {
		case errors.Is(err, index.ErrEmptyQuery):
			return usageError("%v", err)
		case err != nil:
			return err
		}
		outside = res.Outside()
		err = p.print(res)
		if ferr := p.flush(); err == nil {
			err = ferr
		}
	}
	switch {
	case err != nil:
		return err
	case failed > 0:
		return &exitError{code: ExitRowErrors, err: fmt.Errorf("%s could not be classified", batch.Count(failed, "input line", "input lines"))}
	case outside:
		return silentExit(ExitOutside)
	}
	return nil
}

// addFormatFlags adds --json and --format, which outputFormat resolves.
func addFormatFlags(cmd *cobra.Command, asJSON *bool, format *string, jsonUsage string) {
	cmd.Flags().BoolVar(asJSON, "json", false, jsonUsage)
	cmd.Flags().StringVar(format, "format", "", "output `format`: table, tsv or json (default: table on a terminal, tsv otherwise)")
	completeValues(cmd, "format", "table", "tsv", "json")
}

// streamLine is one line of a classified stream: its place and text, and
// what a worker made of it.
type streamLine struct {
	seq  int // from 0
	text string
	res  *index.Result
	err  error
	out  []byte // the line's output, when the worker made it
}

// classifyStream calls work for every line of r, workers lines at once,
// and emit for each in input order, from the calling goroutine; caughtUp
// (when not nil) each time every line read so far has been emitted. At
// most 64 lines per worker are in flight, however long the input. It
// stops at the first error of emit, caughtUp or reading, after emitting
// the lines before it.
func classifyStream(r io.Reader, workers int, work func(*streamLine), emit func(*streamLine) error, caughtUp func() error) error {
	next, seq := lineReader(r), 0
	read := func() (*streamLine, error) {
		text, err := next()
		if err != nil {
			return nil, err
		}
		seq++
		return &streamLine{seq: seq - 1, text: text}, nil
	}
	return ordered.Run(context.Background(), ordered.Options{Workers: workers, CaughtUp: caughtUp}, read,
		func(_ int, l *streamLine) *streamLine {
			work(l)
			return l
		}, emit)
}

// resolveFormat resolves --format and --json in place: table for people on a
// terminal, TSV for pipes, JSON when asked.
func resolveFormat(format *string, asJSON bool, io *IOStreams) error {
	switch *format {
	case "", "table", "tsv", "json":
	default:
		return usageError("--format must be table, tsv or json, got %q", *format)
	}
	switch {
	case asJSON:
		*format = "json"
	case *format == "" && io.StdoutTTY:
		*format = "table"
	case *format == "":
		*format = "tsv"
	}
	return nil
}

// lineReader returns a function that gives the lines of r one by one,
// without their line endings, then io.EOF. Lines longer than maxLineBytes
// are cut. A UTF-8 byte order mark is skipped; UTF-16 input (with its byte
// order mark) is refused. A line cut short by a read error is given before
// the error.
func lineReader(r io.Reader) func() (string, error) {
	var br *bufio.Reader
	var pending error // the error to give once the lines before it are given
	return func() (string, error) {
		if pending != nil {
			return "", pending
		}
		if br == nil {
			br = bufio.NewReaderSize(r, 64<<10)
			// Read as UTF-8, every other byte of UTF-16 is a NUL and each
			// line would be classified as letters apart.
			if err := bom.Skip(br, "standard input"); err != nil {
				pending = err
				if !errors.Is(err, bom.ErrUTF16) {
					pending = fmt.Errorf("reading standard input: %w", err)
				}
				return "", pending
			}
		}
		line, err := readLine(br)
		switch {
		case err == nil:
			return strings.TrimRight(line, "\r"), nil
		case err == io.EOF:
			pending = io.EOF
		default:
			pending = fmt.Errorf("reading standard input: %w", err)
		}
		if len(line) > 0 {
			return strings.TrimRight(line, "\r"), nil
		}
		return "", pending
	}
}

func readLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(b) < maxLineBytes {
			b = append(b, chunk[:min(len(chunk), maxLineBytes-len(b))]...)
		}
		switch err {
		case nil:
			return strings.TrimSuffix(string(b), "\n"), nil
		case bufio.ErrBufferFull:
			continue
		default:
			return string(b), err
		}
	}
}

// resultPrinter writes results as a table, TSV or JSON Lines.
type resultPrinter struct {
	// line is the line of standard input being printed; 0 for the words
	// of the command line.
	line    int
	w       io.Writer
	format  string
	explain bool
	tw      *tabwriter.Writer
	header  bool
}

func newResultPrinter(w io.Writer, format string, explain bool) *resultPrinter {
	p := &resultPrinter{w: w, format: format, explain: explain}
	if format == "table" {
		p.tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	}
	return p
}

func (p *resultPrinter) print(r *index.Result) error {
	switch p.format {
	case "json":
		data, err := appendJSONResult(nil, r, p.lead()...)
		if err != nil {
			return err
		}
		_, err = p.w.Write(data)
		return err
	case "tsv":
		err := p.tsvRow(resultenc.Row(p.id(), r))
		if p.explain && r.Explanation != nil {
			data, _ := json.Marshal(r.Explanation)
			fmt.Fprintf(p.w, "#explain\t%s\n", data)
		}
		return err
	}
	return p.table(r)
}

// appendJSONResult appends the JSON Line of r, lead first, to dst.
func appendJSONResult(dst []byte, r *index.Result, lead ...resultenc.Member) ([]byte, error) {
	// MarshalJSON directly: json.Marshal would check and compact what it
	// writes again.
	data, err := r.MarshalJSON()
	if err != nil {
		return dst, err
	}
	buf := bytes.NewBuffer(dst)
	buf.Grow(len(data) + 16)
	resultenc.AppendResult(buf, data, lead...)
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// lead is what places a JSON object: its line of standard input.
func (p *resultPrinter) lead() []resultenc.Member {
	if p.line == 0 {
		return nil
	}
	return []resultenc.Member{resultenc.Int("line", p.line)}
}

// id is the id column of a TSV row: the line of standard input, 1 for the
// words of the command line.
func (p *resultPrinter) id() string { return strconv.Itoa(max(p.line, 1)) }

// tsvRow writes one row under resultenc.Columns, after the header.
func (p *resultPrinter) tsvRow(fields []string) error {
	if !p.header {
		p.header = true
		fmt.Fprintln(p.w, strings.Join(resultenc.Columns, "\t"))
	}
	for i, f := range fields {
		fields[i] = tsvField(f)
	}
	_, err := fmt.Fprintln(p.w, strings.Join(fields, "\t"))
	return err
}

func (p *resultPrinter) table(r *index.Result) error {
	w := p.tw
	fmt.Fprintf(w, "%s\n", r.Input)
	if r.Code != "" {
		fmt.Fprintf(w, "  code\t%s %s\tconfidence %s\n", r.Code, r.Title, fmtConf(r.Confidence))
	} else if d := r.Demoted; d != nil {
		fmt.Fprintf(w, "  code\tnot coded: best %s %s has confidence %s, below the minimum\t\n", d.Code, d.Title, fmtConf(d.Confidence))
	} else {
		fmt.Fprintf(w, "  code\toutside the target occupations\tconfidence %s\n", fmtConf(r.Confidence))
	}
	for i, m := range r.Matches {
		label := ""
		if i == 0 {
			label = "matches"
		}
		fmt.Fprintf(w, "  %s\t%s %s\tconfidence %s, score %.3g\n", label, m.Code, m.Title, fmtConf(m.Confidence), m.Score)
	}
	if r.NearestOutside != nil {
		fmt.Fprintf(w, "  nearest outside\t%s %s\tscore %.3g\n", r.NearestOutside.Code, r.NearestOutside.Title, r.NearestOutside.Score)
	} else {
		fmt.Fprintf(w, "  nearest outside\tnone matched\t\n")
	}
	if r.Cleaned != "" {
		fmt.Fprintf(w, "  searched as\t%s\t\n", r.Cleaned)
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "  warning\t%s\t\n", warn)
	}
	if ex := r.Explanation; p.explain && ex != nil {
		// The explanation is free text: it goes below the table, unaligned.
		w.Flush()
		out := p.w
		for _, st := range ex.Stripped {
			fmt.Fprintf(out, "  stripped    %q (%s)\n", st.Text, st.Rule)
		}
		for _, c := range ex.Corrected {
			fmt.Fprintf(out, "  corrected   %s -> %s\n", c.From, c.To)
		}
		fmt.Fprintf(out, "  terms       %s\n", strings.Join(ex.Terms, " "))
		if len(ex.Probabilities) > 0 {
			var ps []string
			for _, k := range []string{"in_scope", "top_given_in_scope", index.LevelOccupation, index.LevelUnitGroup, index.LevelMinorGroup} {
				if v, ok := ex.Probabilities[k]; ok {
					ps = append(ps, fmt.Sprintf("P(%s) %.2f", k, v))
				}
			}
			fmt.Fprintf(out, "  model       %s\n", strings.Join(ps, ", "))
		}
		for i, c := range ex.Candidates {
			if i == 4 {
				fmt.Fprintf(out, "  ... %d more candidates (use --json for all)\n", len(ex.Candidates)-4)
				break
			}
			fmt.Fprintf(out, "  candidate   %s %s (%s): score %.3g, coverage %.2f, containment %.2f of %q\n", c.Code, c.Title, c.Scope, c.Score, c.Coverage, c.Containment, c.BestTitle)
			var fields []string
			for _, fm := range c.Fields {
				fields = append(fields, fm.Field+"="+strings.Join(fm.Terms, ","))
			}
			if len(fields) > 0 {
				fmt.Fprintf(out, "              matched %s\n", strings.Join(fields, " "))
			}
		}
		fmt.Fprintf(out, "  decision    %s\n", ex.Decision)
	}
	fmt.Fprintln(w)
	return nil
}

func (p *resultPrinter) printError(input string, err error) error {
	e := resultenc.Error{Code: "classification_failed", Message: err.Error()}
	if errors.Is(err, index.ErrEmptyQuery) {
		e.Code = "empty_text"
	}
	if p.line > 0 {
		e.Message = fmt.Sprintf("line %d: %s", p.line, e.Message)
	}
	switch p.format {
	case "json":
		var buf bytes.Buffer
		resultenc.AppendError(&buf, input, e, p.lead()...)
		buf.WriteByte('\n')
		_, werr := p.w.Write(buf.Bytes())
		return werr
	case "tsv":
		return p.tsvRow(resultenc.ErrorRow(p.id(), input, e))
	}
	fmt.Fprintf(p.tw, "%q\n  error\t%s\t\n\n", input, e.Message)
	return nil
}

func (p *resultPrinter) flush() error {
	if p.tw != nil {
		return p.tw.Flush()
	}
	return nil
}

func fmtConf(c float64) string { return fmt.Sprintf("%.2f", c) }

// tsvField keeps a value on one TSV field.
func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}
