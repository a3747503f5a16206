package cli

import (
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/corpus"
)

// Shell completion is cobra's: 'anzsco completion bash|zsh|fish|powershell'
// prints the script. The functions here complete the values of flags and
// the arguments that have a fixed or known set of values.

// completeValues completes the flag of cmd with values, each optionally
// followed by a tab and its description.
func completeValues(cmd *cobra.Command, flag string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// completeCodes completes the codes of the corpus that --index, --corpus
// or --scope names (the default corpus when none does): occupations and
// the groups above them, each with its title.
func completeCodes(f *Factory) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var c *corpus.Corpus
		if f.IndexDir != "" {
			ix, err := f.Index()
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			c = ix.Corpus()
		} else {
			var err error
			if c, err = f.Corpus(); err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
		}
		return codeCompletions(c, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// codeCompletions lists the codes of c that start with prefix, as
// "CODE\tTITLE", in order of code.
func codeCompletions(c *corpus.Corpus, prefix string) []cobra.Completion {
	titles := map[string]string{}
	for i := range c.Occupations {
		o := &c.Occupations[i]
		for _, g := range o.Hierarchy {
			titles[g.Code] = g.Title
		}
		titles[o.Code] = o.Title()
	}
	var out []cobra.Completion
	for code, title := range titles {
		if strings.HasPrefix(code, prefix) {
			out = append(out, cobra.CompletionWithDesc(code, title))
		}
	}
	sort.Strings(out)
	return out
}
