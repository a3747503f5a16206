package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

type showOptions struct {
	IO    *IOStreams
	Index func() (*index.Index, error)
	Code  string
	JSON  bool
}

func newCmdShow(f *Factory, runF func(*showOptions) error) *cobra.Command {
	opts := &showOptions{IO: f.IO, Index: f.Index}
	cmd := &cobra.Command{
		Use:   "show CODE",
		Short: "Print an occupation's or a group's full record",
		Long: `Show prints the full record of an occupation of the corpus: its titles,
alternative titles, specialisations and everyday titles, description, tasks,
skill level, the qualifications for Australia and New Zealand (and the
experience that may stand in for them), and its correspondences to ISCO-08
and OSCA. A group code (one to four digits: 5411, 254) prints the group:
the groups above it and its occupations. Use --json for the record as
stored in the corpus.

Exit status: 0 found; 1 no occupation has that code; 2 usage error.`,
		Example: `  anzsco show 541111
  anzsco show --json 541112
  anzsco show 5411
  anzsco --scope anzsco show 2544`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeCodes(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = strings.TrimSpace(args[0])
			if opts.Code == "" {
				return usageError("show needs an occupation code, such as 541111")
			}
			return dispatch(opts, runF, showRun)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the record as JSON")
	return cmd
}

func showRun(opts *showOptions) error {
	ix, err := opts.Index()
	if err != nil {
		return err
	}
	o, err := ix.Lookup(opts.Code)
	if errors.Is(err, index.ErrNotFound) {
		if g, ok := ix.Corpus().Group(opts.Code); ok {
			return showGroup(opts, ix.Corpus(), g)
		}
		return &exitError{code: ExitOutside, err: err}
	}
	if err != nil {
		return err
	}
	if opts.JSON {
		return printJSON(opts.IO.Out, o)
	}
	printOccupation(opts.IO.Out, o)
	return nil
}

// showGroup prints a group of the classification.
func showGroup(opts *showOptions, c *corpus.Corpus, g *corpus.GroupInfo) error {
	if opts.JSON {
		return printJSON(opts.IO.Out, g)
	}
	w := opts.IO.Out
	fmt.Fprintf(w, "%s %s\n", g.Code, g.Title)
	fmt.Fprintf(w, "  a %s group of the classification, not one occupation\n", g.Level)
	for _, p := range g.Parents {
		fmt.Fprintf(w, "  %s group: %s %s\n", p.Level, p.Code, p.Title)
	}
	fmt.Fprintf(w, "\n  %s in the corpus:\n", plural(len(g.Occupations), "occupation", "occupations"))
	for _, code := range g.Occupations {
		if o, ok := c.Lookup(code); ok {
			fmt.Fprintf(w, "    %s %s\n", o.Code, o.Title())
		}
	}
	for _, t := range g.Titles {
		for _, lang := range corpus.Languages {
			if len(t.Titles[lang]) > 0 {
				fmt.Fprintf(w, "\n  titles of the group (%s):\n", lang)
				for _, st := range t.Titles[lang] {
					fmt.Fprintf(w, "    - %s (%s)\n", st.Title, st.Source)
				}
			}
		}
	}
	return nil
}

// plural writes n with the singular or plural noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func printOccupation(w io.Writer, o *corpus.Occupation) {
	fmt.Fprintf(w, "%s %s\n", o.Code, o.Title())
	scope := "target: may be returned as the code"
	if o.Scope == corpus.Contrast {
		scope = "contrast: a neighbouring occupation, reported as nearest outside"
	}
	fmt.Fprintf(w, "  scope: %s\n", scope)
	if o.SkillLevel > 0 {
		fmt.Fprintf(w, "  skill level: %d\n", o.SkillLevel)
	}
	for _, g := range o.Hierarchy {
		fmt.Fprintf(w, "  %s group: %s %s\n", g.Level, g.Code, g.Title)
	}
	list := func(label string, items []string) {
		if len(items) > 0 {
			fmt.Fprintf(w, "  %s:\n", label)
			for _, s := range items {
				fmt.Fprintf(w, "    - %s\n", s)
			}
		}
	}
	names := map[string]string{"en": "English", "pt": "Portuguese"}
	for _, lang := range o.Langs() {
		t := o.Text[lang]
		fmt.Fprintf(w, "\n  [%s]\n", names[lang])
		fmt.Fprintf(w, "  title: %s\n", t.Title)
		list("alternative titles", t.AlternativeTitles)
		list("specialisations", t.Specialisations)
		list("everyday titles", t.EverydayTitles)
		var curated, other []corpus.SourcedTitle
		for _, st := range t.SourcedTitles {
			if st.Source == corpus.CuratedSource {
				curated = append(curated, st)
			} else {
				other = append(other, st)
			}
		}
		sourced(w, "curated titles", curated)
		sourced(w, "titles from other classifications", other)
		if t.Description != "" {
			fmt.Fprintf(w, "  description: %s\n", t.Description)
		}
		list("tasks", t.Tasks)
		if q := t.Qualifications; q != nil {
			fmt.Fprintf(w, "  qualifications:\n")
			if q.AU != "" {
				fmt.Fprintf(w, "    Australia: %s\n", q.AU)
			}
			if q.NZ != "" {
				fmt.Fprintf(w, "    New Zealand: %s\n", q.NZ)
			}
			if q.ExperienceYears > 0 {
				fmt.Fprintf(w, "    or at least %g years of relevant experience\n", q.ExperienceYears)
			}
		}
	}
	corr := func(label string, cs []corpus.Correspondence) {
		for _, c := range cs {
			p := ""
			if c.Partial {
				p = " (partial)"
			}
			fmt.Fprintf(w, "  %s: %s %s%s\n", label, c.Code, c.Title, p)
		}
	}
	if len(o.ISCO08)+len(o.OSCA) > 0 {
		fmt.Fprintln(w)
	}
	corr("ISCO-08", o.ISCO08)
	corr("OSCA", o.OSCA)
}

// sourced writes a list of titles with their sources under label.
func sourced(w io.Writer, label string, sts []corpus.SourcedTitle) {
	if len(sts) == 0 {
		return
	}
	fmt.Fprintf(w, "  %s:\n", label)
	for _, st := range sts {
		fmt.Fprintf(w, "    - %s (%s)\n", st.Title, st.Source)
	}
}
