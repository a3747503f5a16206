package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/corpus/abs"
	"github.com/anzsco/anzsco/internal/atomicfile"
)

func newCmdCorpus(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "corpus",
		Short: "Make corpus files",
		Long: `A corpus file (JSON) holds the occupations the classifier knows, with their
titles and text; use one with the global --corpus flag, or build a
persisted index of it with 'index build'.`,
		Example: `  anzsco corpus import-abs --index-of-titles anzsco-2022-index-of-titles.xlsx \
      --structure anzsco-2022-structure.xlsx --out full.json`,
	}
	cmd.AddCommand(newCmdCorpusImportABS(f, nil))
	return cmd
}

type importABSOptions struct {
	IO        *IOStreams
	Base      func() (*corpus.Corpus, error)
	Titles    string
	Structure string
	Targets   abs.Targets
	NoMerge   bool
	Out       string
}

func newCmdCorpusImportABS(f *Factory, runF func(*importABSOptions) error) *cobra.Command {
	opts := &importABSOptions{IO: f.IO, Base: f.Corpus}
	var targets string
	cmd := &cobra.Command{
		Use:   "import-abs --index-of-titles FILE.xlsx [--structure FILE.xlsx] --out FILE",
		Short: "Make a corpus of the whole ANZSCO from the ABS workbooks",
		Long: `Import-abs reads the ANZSCO 2022 workbooks that the Australian Bureau of
Statistics publishes: the index of titles (principal titles, alternative
titles, specialisations and the titles of "nec" occupations) and, with
--structure, the structure (major, sub-major, minor and unit groups, and
skill levels). It writes a corpus of every occupation they list.

--target-group chooses the occupations that may be returned as a code:
unit group 5411 by default, "all", or a comma list of group codes (1 to 4
digits, or six-digit occupations). The other occupations become contrasts,
named as the nearest outside occupation.

The default corpus (or the global --corpus FILE) is merged in, so its
everyday titles, descriptions, tasks and Portuguese text are kept where the
workbooks have only titles; --no-merge leaves it out. The corpus is checked
as 'anzsco --corpus' would load it, then written beside --out and renamed
into place ("-" writes to standard output).

The workbooks are © Commonwealth of Australia, published under CC BY 4.0.`,
		Example: `  anzsco corpus import-abs --index-of-titles anzsco-2022-index-of-titles.xlsx \
      --structure anzsco-2022-structure.xlsx --out full-5411.json
  anzsco corpus import-abs --index-of-titles anzsco-2022-index-of-titles.xlsx \
      --structure anzsco-2022-structure.xlsx --target-group all --out full.json
  anzsco --corpus full.json classify "Applications Developer"
  anzsco --corpus full.json index build --out full.idx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Titles == "" {
				return usageError("import-abs needs --index-of-titles FILE.xlsx (the ABS ANZSCO index of titles workbook)")
			}
			if opts.Out == "" {
				return usageError("import-abs needs --out FILE (or --out - for standard output)")
			}
			if f.IndexDir != "" {
				return usageError("import-abs merges the default corpus or --corpus FILE, not --index")
			}
			t, err := abs.ParseTargets(targets)
			if err != nil {
				return usageError("--target-group: %v", err)
			}
			opts.Targets = t
			return dispatch(opts, runF, importABSRun)
		},
	}
	cmd.Flags().StringVar(&opts.Titles, "index-of-titles", "", "the ABS index of titles workbook `FILE.xlsx`")
	cmd.Flags().StringVar(&opts.Structure, "structure", "", "the ABS structure workbook `FILE.xlsx` (hierarchy and skill levels)")
	cmd.Flags().StringVar(&targets, "target-group", abs.DefaultTargets, "target `GROUPS`: a unit group such as 5411, a comma list, or all")
	cmd.Flags().BoolVar(&opts.NoMerge, "no-merge", false, "do not merge the text of the default corpus (or --corpus FILE)")
	cmd.Flags().StringVar(&opts.Out, "out", "", "write the corpus to `FILE` (- for standard output)")
	return cmd
}

func importABSRun(opts *importABSOptions) error {
	titles, err := readWorkbook("index of titles", opts.Titles, abs.ReadTitles)
	if err != nil {
		return err
	}
	var occs []abs.Occupation
	if opts.Structure != "" {
		if occs, err = readWorkbook("structure", opts.Structure, abs.ReadStructure); err != nil {
			return err
		}
	}
	bo := abs.Options{Targets: opts.Targets}
	if !opts.NoMerge {
		if bo.Base, err = opts.Base(); err != nil {
			return err
		}
	}
	c, st, err := abs.Build(titles, occs, bo)
	if err != nil {
		return fmt.Errorf("import-abs: %w", err)
	}
	data, err := c.Marshal()
	if err != nil {
		return fmt.Errorf("import-abs: %w", err)
	}
	data = append(data, '\n')
	// Check the bytes as they will be read back.
	if _, err := corpus.Load(bytes.NewReader(data), opts.Out); err != nil {
		return fmt.Errorf("import-abs: the corpus made does not load: %w", err)
	}
	if opts.Out == "-" {
		if _, err := opts.IO.Out.Write(data); err != nil {
			return err
		}
	} else if err := atomicfile.WriteFile(opts.Out, data); err != nil {
		return err
	}
	merged := ""
	if bo.Base != nil {
		merged = fmt.Sprintf("; text of %d occupations from corpus %s", st.Merged+st.BaseOnly, bo.Base.Version)
	}
	structured := ""
	if opts.Structure != "" {
		structured = fmt.Sprintf(", %d with hierarchy and skill level", st.Structured)
	}
	fmt.Fprintf(opts.IO.ErrOut, "imported %d occupations (%d titles)%s: %d targets (%s), %d contrasts%s; wrote %s (corpus %s)\n",
		st.Occupations, st.Titles, structured, st.Targets, targetWords(opts.Targets), st.Occupations-st.Targets, merged, outName(opts.Out), c.Version)
	return nil
}

func targetWords(t abs.Targets) string {
	if t.All() {
		return "all occupations"
	}
	g := t.Groups()
	if len(g) == 1 {
		return "group " + g[0]
	}
	return "groups " + strings.Join(g, ", ")
}

func outName(out string) string {
	if out == "-" {
		return "standard output"
	}
	return out
}

// readWorkbook opens path and reads it with read; what names the workbook
// in errors.
func readWorkbook[T any](what, path string, read func(io.Reader, string) ([]T, error)) ([]T, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", what, path, errors.Unwrap(err))
	}
	defer fh.Close()
	return read(fh, path)
}
