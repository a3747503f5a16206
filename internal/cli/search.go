package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/index"
)

type searchOptions struct {
	IO    *IOStreams
	Index func() (*index.Index, error)
	Query string
	Top   int
	JSON  bool
}

func newCmdSearch(f *Factory, runF func(*searchOptions) error) *cobra.Command {
	opts := &searchOptions{IO: f.IO, Index: f.Index}
	cmd := &cobra.Command{
		Use:   "search [flags] TEXT...",
		Short: "Find occupations whose titles match some words",
		Long: `Search ranks every occupation of the corpus, targets and neighbours alike,
against the words given, and shows the titles that matched with the matching
words marked [like this]. It makes no inside/outside decision: use classify
for that.

Exit status: 0 something matched; 1 nothing matched; 2 usage error.`,
		Example: `  anzsco search "workforce planner"
  anzsco search --json --top 3 telemarketing`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(strings.Join(args, " "))
			if opts.Query == "" {
				return usageError("search needs some words to look for (see 'anzsco search --help')")
			}
			if opts.Top < 1 || opts.Top > 1000 {
				return usageError("--top must be between 1 and 1000, got %d", opts.Top)
			}
			return dispatch(opts, runF, searchRun)
		},
	}
	cmd.Flags().IntVar(&opts.Top, "top", 10, "number of occupations to show")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the hits as a JSON array")
	return cmd
}

func searchRun(opts *searchOptions) error {
	ix, err := opts.Index()
	if err != nil {
		return err
	}
	hits, err := ix.Search(opts.Query, opts.Top)
	if err != nil {
		return err
	}
	if opts.JSON {
		if hits == nil {
			hits = []index.SearchHit{}
		}
		if err := printJSON(opts.IO.Out, hits); err != nil {
			return err
		}
	} else {
		tw := tabwriter.NewWriter(opts.IO.Out, 0, 0, 2, ' ', 0)
		for _, h := range hits {
			fmt.Fprintf(tw, "%s\t%s\t%s\tscore %.3g\n", h.Code, h.Title, h.Scope, h.Score)
			if len(h.Matched) == 0 {
				fmt.Fprintf(tw, "\t  no title: the words are in its description or tasks\t\t\n")
			}
			for i, m := range h.Matched {
				if i == 5 {
					fmt.Fprintf(tw, "\t  ... and %d more\t\t\n", len(h.Matched)-5)
					break
				}
				fmt.Fprintf(tw, "\t  %s\t%s %s\t\n", m.Text, m.Field, m.Lang)
			}
		}
		tw.Flush()
	}
	if len(hits) == 0 {
		fmt.Fprintf(opts.IO.ErrOut, "anzsco: no occupation matched %q\n", opts.Query)
		return silentExit(ExitOutside)
	}
	return nil
}
