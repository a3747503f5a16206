package cli

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

func newCmdVersion(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "version",
		Short:   "Print the version of anzsco, its index format and the default corpus",
		Example: `  anzsco version --json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := corpus.Default()
			if err != nil {
				return err
			}
			v := map[string]any{
				"version": Version, "go": runtime.Version(), "index_format": index.FormatVersion,
				"default_corpus": index.CorpusInfo{Version: c.Version, SHA256: c.SHA256()},
			}
			if bi, ok := debug.ReadBuildInfo(); ok {
				for _, d := range bi.Deps {
					if d.Path == "github.com/blevesearch/bleve/v2" {
						v["bleve"] = d.Version
					}
				}
			}
			if asJSON {
				data, _ := json.MarshalIndent(v, "", "  ")
				fmt.Fprintf(f.IO.Out, "%s\n", data)
				return nil
			}
			fmt.Fprintf(f.IO.Out, "anzsco %s (%s, index format %d, bleve %v)\ndefault corpus %s sha256 %s\n",
				Version, runtime.Version(), index.FormatVersion, v["bleve"], c.Version, c.SHA256())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}
