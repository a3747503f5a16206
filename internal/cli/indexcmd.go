package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

func newCmdIndex(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "index",
		Short: "Build and inspect persisted indexes",
		Long: `An index built once with 'index build' opens faster than building one from
a corpus at every start, and can be shared by many processes. Use it with
the global --index flag.`,
		Example: `  anzsco index build --out ./anzsco.idx
  anzsco index build --corpus my-corpus.json --out ./mine.idx
  anzsco --index ./anzsco.idx index info
  anzsco --index ./anzsco.idx classify "Contact Centre Consultant"`,
	}
	cmd.AddCommand(newCmdIndexBuild(f, nil), newCmdIndexInfo(f, nil))
	return cmd
}

type indexBuildOptions struct {
	IO     *IOStreams
	Corpus func() (*corpus.Corpus, error)
	Out    string
}

func newCmdIndexBuild(f *Factory, runF func(*indexBuildOptions) error) *cobra.Command {
	opts := &indexBuildOptions{IO: f.IO, Corpus: f.Corpus}
	cmd := &cobra.Command{
		Use:   "build --out DIR",
		Short: "Build a persisted index from the default corpus or --corpus FILE",
		Long: `Build writes an index of the corpus (the embedded default, or the global
--corpus FILE) to DIR. It builds beside DIR and renames the result into
place, so an interrupted build never leaves a half-written index, and an
index already at DIR keeps working until the new one replaces it.`,
		Example: `  anzsco index build --out ./anzsco.idx
  anzsco --corpus full-anzsco.json index build --out ./full.idx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Out == "" {
				return usageError("index build needs --out DIR")
			}
			if f.IndexDir != "" {
				return usageError("index build takes --corpus FILE (or the default corpus), not --index")
			}
			return dispatch(opts, runF, indexBuildRun)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", "write the index to `DIR`")
	return cmd
}

func indexBuildRun(opts *indexBuildOptions) error {
	start := time.Now()
	c, err := opts.Corpus()
	if err != nil {
		return err
	}
	if err := index.Write(c, opts.Out, "anzsco "+currentVersion().String()); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "built %s: corpus %s (%d occupations) in %s\n", opts.Out, c.Version, len(c.Occupations), time.Since(start).Round(time.Millisecond))
	return nil
}

type indexInfoOptions struct {
	IO    *IOStreams
	Index func() (*index.Index, error)
	Dir   string
	JSON  bool
}

func newCmdIndexInfo(f *Factory, runF func(*indexInfoOptions) error) *cobra.Command {
	opts := &indexInfoOptions{IO: f.IO, Index: f.Index}
	cmd := &cobra.Command{
		Use:   "info [DIR]",
		Short: "Describe an index: format, corpus version and SHA-256, documents",
		Example: `  anzsco index info ./anzsco.idx
  anzsco --index ./anzsco.idx index info --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = f.IndexDir
			if len(args) == 1 {
				if f.IndexDir != "" && f.IndexDir != args[0] {
					return usageError("give the index directory once: as DIR or as --index")
				}
				// DIR stands for --index in this command only: the
				// shared Factory is left as the flags made it.
				at := &Factory{IO: f.IO, IndexDir: args[0], CorpusFile: f.CorpusFile, Scope: f.Scope}
				opts.Dir, opts.Index = args[0], at.Index
			}
			return dispatch(opts, runF, indexInfoRun)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print as JSON")
	return cmd
}

// maxListedTargets is how many target codes index info prints in its text
// form; a larger corpus gets a count.
const maxListedTargets = 20

func indexInfoRun(opts *indexInfoOptions) error {
	ix, err := opts.Index()
	if err != nil {
		return err
	}
	info := struct {
		Dir         string            `json:"dir"`
		Format      int               `json:"format"`
		Analyzers   []string          `json:"analyzers"`
		Corpus      index.CorpusInfo  `json:"corpus"`
		Name        string            `json:"name"`
		Occupations int               `json:"occupations"`
		Targets     []string          `json:"targets"`
		Documents   uint64            `json:"documents"`
		Manifest    *index.Manifest   `json:"manifest,omitempty"`
		Languages   map[string]string `json:"-"`
	}{Dir: opts.Dir, Format: index.FormatVersion, Analyzers: []string{index.TermsAnalyzer},
		Corpus: ix.Info(), Name: ix.Corpus().Name, Occupations: len(ix.Corpus().Occupations), Targets: ix.Corpus().Targets()}
	if info.Dir == "" {
		info.Dir = "(in memory)"
	} else if m, err := index.ReadManifest(opts.Dir); err == nil {
		info.Manifest = m
	}
	if info.Documents, err = ix.DocCount(); err != nil {
		return err
	}
	if opts.JSON {
		return printJSON(opts.IO.Out, info)
	}
	w := opts.IO.Out
	fmt.Fprintf(w, "index:       %s\n", info.Dir)
	fmt.Fprintf(w, "format:      %d (analyzers %v)\n", info.Format, info.Analyzers)
	fmt.Fprintf(w, "corpus:      %s (%s)\n", info.Corpus.Version, info.Name)
	fmt.Fprintf(w, "sha256:      %s\n", info.Corpus.SHA256)
	if len(info.Targets) <= maxListedTargets {
		fmt.Fprintf(w, "occupations: %d, targets %s\n", info.Occupations, strings.Join(info.Targets, " "))
	} else {
		fmt.Fprintf(w, "occupations: %d, of which %d targets (--json lists them)\n", info.Occupations, len(info.Targets))
	}
	fmt.Fprintf(w, "documents:   %d\n", info.Documents)
	if info.Manifest != nil {
		fmt.Fprintf(w, "built:       %s by %s\n", info.Manifest.Built.Format(time.RFC3339), info.Manifest.Tool)
	}
	return nil
}
