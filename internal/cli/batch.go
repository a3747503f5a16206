package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch"
	"github.com/anzsco/anzsco/internal/resultenc"
)

type batchOptions struct {
	IO         *IOStreams
	Classifier func() (index.Classifier, error)

	// Input is a file name, or "-" for standard input.
	Input       string
	Column      string
	TextColumn  string
	IDColumn    string
	InputFormat batch.Format // empty: from the file name, else sniffed
	// Sheet names the worksheet of an XLSX input; empty for the first.
	Sheet string
	// Delimiter separates CSV fields; 0 means found from the header.
	Delimiter rune
	// Encoding is the encoding of a text input; empty for UTF-8.
	Encoding     string
	OutputFormat batch.Format
	// Out is the output file; empty for standard output.
	Out         string
	OutGzip     bool
	KeepColumns bool
	Workers     int
	Shard       batch.Shard
	Progress    bool
	CacheMB     int
	// AllowRowErrors exits 0 when the only problems were bad rows.
	AllowRowErrors bool
}

func newCmdBatch(f *Factory, runF func(*batchOptions) error) *cobra.Command {
	opts := &batchOptions{IO: f.IO, Classifier: func() (index.Classifier, error) {
		ix, err := f.Index()
		if err != nil {
			return nil, err
		}
		return ix, nil
	}}
	var inFormat, outFormat, shard, delimiter string
	cmd := &cobra.Command{
		Use:   "batch [flags] FILE | -",
		Short: "Map a file of job ads (CSV, TSV, JSON Lines, Excel) to ANZSCO codes",
		Long: `Batch maps a file of job ads to ANZSCO occupation codes: one output row per
input row, in input order, with rows classified in parallel and memory that
stays flat however large the file.

Input is CSV (RFC 4180 with a header row), TSV, JSON Lines or an Excel
workbook (.xlsx), chosen by the file's extension (.csv, .tsv, .jsonl or
.ndjson, each optionally .gz; .xlsx) or by --input-format. With "-" standard
input is read, as XLSX when it is a workbook, as JSON Lines when its first
character is "{" and as CSV otherwise. Gzip is read transparently. Of a
workbook, the first sheet is read, or the one --sheet names; its first
non-empty row is the header, and empty rows are skipped.

The fields of CSV are separated by the comma, semicolon or tab that the
header line holds most of (Excel in Brazil and Portugal saves CSV with
semicolons), or by --delimiter. Text is read as UTF-8 unless --encoding
names another: utf-16, windows-1252 (Excel's "CSV" on Windows in the West)
or iso-8859-1. The title
column (--column) is required; --text-column names a description, which
counts for less than the title; --id-column names an id copied to the output
(without it the id is the row number, counting from 1 after the header).

Output is CSV (the default), JSON Lines or XLSX, chosen by --output-format or
by the extension of --out (.csv, .jsonl or .ndjson, .gz for gzip; .xlsx).
CSV and XLSX columns:

` + indentedList(resultenc.Columns, 72) + `

code is empty when the title lies outside the target occupations; score is
that of the best target. With --keep-columns every input column follows,
named in_<column>. A JSON Lines row is the JSON of 'anzsco classify --json'
with "row" and "id" first, and with --keep-columns "in": the input row.

Bad rows never stop the run and are never dropped: a CSV syntax error, a row
with the wrong number of fields, invalid UTF-8, a field over 1 MiB, a line
that is not a JSON object, a missing, null or empty title: each gets an output row
whose error names the line and the problem. An unreadable or truncated input
stops the run once the rows read before it are written.

--out FILE writes a temporary file beside FILE and renames it when the run
is complete; if the run fails, the rows written are kept in FILE.partial.
--shard K/N maps every N-th row starting at row K+1 (K from 0), for N runs
side by side; row numbers and ids stay those of the whole input.

On a terminal, standard error shows a progress line (rows, rows/s, and the
share read and time left when the input size is known; not when the rows
themselves go to the terminal) and then a summary; --progress shows them
when standard error is not a terminal.

Exit status: 0 every row was mapped (rows outside the targets included);
4 some rows had errors, each reported in its output row (0 with
--allow-row-errors); 2 usage error; 3 the run failed (unreadable input,
missing column, write error).`,
		Example: `  anzsco batch ads.csv --column title --text-column description --id-column ad_id > mapped.csv
  anzsco batch ads.jsonl --column title --output-format jsonl > mapped.jsonl
  zcat ads.csv.gz | anzsco batch - --column title --output-format jsonl
  anzsco batch ads.csv.gz --column title --out mapped.csv --keep-columns
  anzsco batch vagas.xlsx --sheet Vagas --column Cargo --out mapeadas.xlsx
  anzsco batch vagas.csv --encoding windows-1252 --column Cargo --id-column Código
  anzsco batch ads.csv --shard 0/4 --out mapped-0.csv    # the first of 4 runs
  anzsco batch - --input-format jsonl --id-column ad_id --output-format jsonl --allow-row-errors  # Hadoop, Spark`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 1:
				opts.Input = args[0]
			case opts.IO.StdinTTY:
				return usageError("batch needs a FILE, or - to read standard input (see 'anzsco batch --help')")
			default:
				opts.Input = "-"
			}
			if strings.TrimSpace(opts.Column) == "" {
				return usageError("--column must name the title column")
			}
			if inFormat != "" {
				f, err := batch.ParseFormat(inFormat)
				if err != nil {
					return usageError("--input-format: %v", err)
				}
				opts.InputFormat = f
			} else if opts.Input != "-" {
				opts.InputFormat, _ = batch.FormatOf(opts.Input)
			}
			if delimiter != "" {
				d, err := parseDelimiter(delimiter)
				if err != nil {
					return usageError("--delimiter: %v", err)
				}
				switch opts.InputFormat {
				case batch.JSONL, batch.XLSX:
					return usageError("--delimiter is for CSV, and %s is read as %s", opts.Input, opts.InputFormat)
				}
				opts.Delimiter, opts.InputFormat = d, batch.CSV
			}
			if _, err := batch.ParseEncoding(opts.Encoding); err != nil {
				return usageError("--encoding: %v", err)
			}
			if opts.Sheet != "" && opts.InputFormat != "" && opts.InputFormat != batch.XLSX {
				return usageError("--sheet is for an Excel workbook, and %s is read as %s", opts.Input, opts.InputFormat)
			}
			var outExt batch.Format
			if opts.Out != "" {
				outExt, opts.OutGzip = batch.FormatOf(opts.Out)
			}
			switch {
			case outFormat != "":
				f, err := batch.ParseFormat(outFormat)
				if err != nil || f == batch.TSV {
					return usageError("--output-format must be csv, jsonl or xlsx, got %q", outFormat)
				}
				opts.OutputFormat = f
			case outExt == batch.TSV:
				return usageError("--out %s: TSV output is not supported: use .csv, .jsonl or .xlsx", opts.Out)
			case outExt != "":
				opts.OutputFormat = outExt
			default:
				opts.OutputFormat = batch.CSV
			}
			if opts.OutputFormat == batch.XLSX {
				switch {
				case opts.OutGzip:
					return usageError("--out %s: a workbook is compressed already: drop the .gz", opts.Out)
				case opts.Out == "" && opts.IO.StdoutTTY:
					return usageError("XLSX output is a binary file: give --out FILE.xlsx")
				}
			}
			if shard != "" {
				s, err := batch.ParseShard(shard)
				if err != nil {
					return usageError("--shard: %v", err)
				}
				opts.Shard = s
			}
			if err := checkWorkers(opts.Workers); err != nil {
				return err
			}
			if err := checkRange("--cache-mb", int64(opts.CacheMB), 0, maxCacheMB, "MiB"); err != nil {
				return err
			}
			return dispatch(opts, runF, batchRun)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Column, "column", "title", "the `NAME` of the column (or JSON field) holding the job title")
	fl.StringVar(&opts.TextColumn, "text-column", "", "the `NAME` of a column holding a job description (optional)")
	fl.StringVar(&opts.IDColumn, "id-column", "", "the `NAME` of a column holding an id to copy to the output (default: the row number)")
	fl.StringVar(&inFormat, "input-format", "", "input `format`: csv, tsv, jsonl or xlsx (default: from the file extension)")
	fl.StringVar(&delimiter, "delimiter", "", "CSV field `separator`: comma, semicolon or tab (default: the one the header line uses)")
	fl.StringVar(&opts.Encoding, "encoding", "", "the input's `encoding`: utf-8, utf-16, windows-1252 or iso-8859-1 (default utf-8)")
	fl.StringVar(&opts.Sheet, "sheet", "", "read the worksheet `NAME` of an Excel workbook (default: the first)")
	fl.StringVar(&outFormat, "output-format", "", "output `format`: csv, jsonl or xlsx (default: from the --out extension, else csv)")
	fl.StringVarP(&opts.Out, "out", "o", "", "write to `FILE` (atomically, by rename) instead of standard output; .gz compresses")
	fl.BoolVar(&opts.KeepColumns, "keep-columns", false, "copy every input column to the output (CSV: after the result, as in_<column>; JSONL: as \"in\")")
	completeValues(cmd, "input-format", "csv", "tsv", "jsonl", "xlsx")
	completeValues(cmd, "output-format", "csv", "jsonl", "xlsx")
	completeValues(cmd, "delimiter", "comma", "semicolon", "tab")
	completeValues(cmd, "encoding", "utf-8", "utf-16", "windows-1252", "iso-8859-1")
	fl.IntVar(&opts.Workers, "workers", 0, "classify `N` rows at once (default: the number of CPUs)")
	fl.StringVar(&shard, "shard", "", "map only shard `K/N`: every N-th row starting at row K+1 (K from 0)")
	fl.BoolVar(&opts.Progress, "progress", false, "show progress and a summary on standard error even when it is not a terminal")
	fl.BoolVar(&opts.AllowRowErrors, "allow-row-errors", false, "exit 0 even when rows had errors (they are still in the output), for Hadoop Streaming and Spark, which fail a task on any other exit status")
	fl.IntVar(&opts.CacheMB, "cache-mb", batch.DefaultCacheBytes>>20, "remember recent results in up to `MiB` of memory, so that a repeated title (with the same description) is not classified again; 0 for none")
	return cmd
}

// parseDelimiter reads --delimiter: the character itself, or its name.
func parseDelimiter(s string) (rune, error) {
	switch strings.ToLower(s) {
	case ",", "comma":
		return ',', nil
	case ";", "semicolon":
		return ';', nil
	case "\t", `\t`, "tab":
		return '\t', nil
	}
	return 0, fmt.Errorf("%q: want comma, semicolon or tab", s)
}

func batchRun(opts *batchOptions) error {
	in, name, size, closeIn, err := openBatchInput(opts)
	if err != nil {
		return err
	}
	defer closeIn()
	// SIGINT and SIGTERM cancel the run, also while the reader skips a
	// record over the limit: the input fails its next read.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	counted := &batch.Counter{R: batch.ContextReader(ctx, in)}
	rd, err := batch.NewReader(counted, batch.ReadOptions{
		Name: name, Format: opts.InputFormat, Title: opts.Column, Text: opts.TextColumn, ID: opts.IDColumn,
		Keep: opts.KeepColumns, Shard: opts.Shard, Sheet: opts.Sheet, Delimiter: opts.Delimiter, Encoding: opts.Encoding,
	})
	if err != nil {
		return err
	}
	if c, ok := rd.(io.Closer); ok {
		defer c.Close()
	}
	c, err := opts.Classifier()
	if err != nil {
		return err
	}
	out, err := openBatchOutput(opts)
	if err != nil {
		return err
	}

	var written atomic.Int64
	// Progress on a terminal, unless the rows themselves scroll past on it;
	// the summary whenever someone watches.
	summary := opts.Progress || opts.IO.StderrTTY
	var meter *batch.Meter
	if opts.Progress || (opts.IO.StderrTTY && (opts.Out != "" || !opts.IO.StdoutTTY)) {
		meter = batch.StartMeter(opts.IO.ErrOut, opts.IO.StderrTTY, size, written.Load, counted.N)
	}
	start := time.Now()
	st, runErr := batch.Run(ctx, rd, c, out, batch.Options{
		Workers: opts.Workers, Format: opts.OutputFormat, Keep: opts.KeepColumns, CacheBytes: int64(opts.CacheMB) << 20, Written: &written,
	})
	if meter != nil {
		meter.Stop()
	}
	if summary {
		fmt.Fprintln(opts.IO.ErrOut, st.Summary(time.Since(start)))
	}
	kept, err := out.Finish(runErr == nil, st.Rows > 0)
	switch {
	case runErr != nil && errors.Is(runErr, context.Canceled):
		runErr = fmt.Errorf("interrupted after %s", batch.Count(st.Rows, "row", "rows"))
	case runErr == nil && err != nil:
		return fmt.Errorf("--out %w", err)
	}
	if runErr != nil {
		if kept != "" {
			runErr = fmt.Errorf("%w; the %s written are in %s", runErr, batch.Count(st.Rows, "row", "rows"), kept)
		}
		return runErr
	}
	if st.Errors > 0 && !opts.AllowRowErrors {
		where := "error column"
		if opts.OutputFormat == batch.JSONL {
			where = `"error" field`
		}
		return &exitError{code: ExitRowErrors, err: fmt.Errorf("%d of %s had errors (see the %s)", st.Errors, batch.Count(st.Rows, "row", "rows"), where)}
	}
	return nil
}

// openBatchInput opens the input and returns its name for messages and
// its size in bytes (-1 when unknown).
func openBatchInput(opts *batchOptions) (io.Reader, string, int64, func(), error) {
	if opts.Input == "-" {
		return opts.IO.In, "stdin", opts.IO.InSize, func() {}, nil
	}
	fh, err := os.Open(opts.Input)
	if err != nil {
		return nil, "", 0, nil, err
	}
	size := int64(-1)
	if fi, err := fh.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	} else if err == nil && fi.IsDir() {
		fh.Close()
		return nil, "", 0, nil, fmt.Errorf("%s is a directory, want a file", opts.Input)
	}
	return fh, opts.Input, size, func() { fh.Close() }, nil
}

// openBatchOutput returns standard output, or a file for --out.
func openBatchOutput(opts *batchOptions) (*batch.Output, error) {
	if opts.Out == "" {
		return batch.StreamOutput(opts.IO.Out), nil
	}
	o, err := batch.CreateOutput(opts.Out, opts.OutGzip)
	if err != nil {
		return nil, fmt.Errorf("--out %w", err)
	}
	return o, nil
}

// indentedList joins items with commas into lines of at most width
// characters, each indented by two spaces, for help text.
func indentedList(items []string, width int) string {
	var b strings.Builder
	line := "  "
	for i, it := range items {
		if i < len(items)-1 {
			it += ","
		}
		if len(line) > 2 && len(line)+1+len(it) > width {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = "  "
		}
		if len(line) > 2 {
			line += " "
		}
		line += it
	}
	b.WriteString(line)
	return b.String()
}
