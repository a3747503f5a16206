package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newCmdDocs writes the reference of every command, from the same help
// text that --help prints.
func newCmdDocs(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "Write man pages or Markdown for every command",
		Args:  cobra.NoArgs,
	}
	gen := func(use, short string, write func(root *cobra.Command, dir string) error) *cobra.Command {
		return &cobra.Command{
			Use:   use + " DIR",
			Short: short,
			Args:  cobra.ExactArgs(1),
			RunE: func(c *cobra.Command, args []string) error {
				dir := args[0]
				if err := os.MkdirAll(dir, 0o777); err != nil {
					return err
				}
				root := c.Root()
				root.DisableAutoGenTag = true // no date: the same binary writes the same pages
				if err := write(root, dir); err != nil {
					return fmt.Errorf("docs %s %s: %w", use, dir, err)
				}
				n, _ := filepath.Glob(filepath.Join(dir, "anzsco*"))
				fmt.Fprintf(f.IO.ErrOut, "wrote %d pages to %s\n", len(n), dir)
				return nil
			},
		}
	}
	cmd.AddCommand(
		gen("man", "Write a man page for each command to DIR (section 1)", func(root *cobra.Command, dir string) error {
			return doc.GenManTree(root, &doc.GenManHeader{Title: "ANZSCO", Section: "1", Source: "anzsco " + currentVersion().Version, Manual: "anzsco manual"}, dir)
		}),
		gen("markdown", "Write a Markdown page for each command to DIR", doc.GenMarkdownTree),
	)
	cmd.Commands()[0].Example = "  anzsco docs man ./man && man ./man/anzsco-batch.1"
	return cmd
}
