package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

// Version and Commit name the build. Left empty they are read from the
// build information Go records in the binary: the module version for
// 'go install ...@version', the VCS revision for 'go build' in a checkout.
// A release build sets them with
//
//	-ldflags "-X github.com/anzsco/anzsco/internal/cli.Version=v1.2.0 -X github.com/anzsco/anzsco/internal/cli.Commit=abc1234"
var (
	Version = ""
	Commit  = ""
)

// buildVersion is what a binary knows of its own build.
type buildVersion struct {
	Version  string `json:"version"`
	Commit   string `json:"commit,omitempty"`
	Modified bool   `json:"modified,omitempty"` // built from a checkout with uncommitted changes
	Bleve    string `json:"bleve,omitempty"`
}

// currentVersion is the version of the running binary.
func currentVersion() buildVersion {
	bi, _ := debug.ReadBuildInfo()
	return resolveVersion(bi, Version, Commit)
}

// resolveVersion combines the -ldflags values with the build information
// bi (nil when the binary carries none). A set value wins; a module version
// of "(devel)" (a build outside module mode or without VCS stamping) says
// nothing and gives "dev".
func resolveVersion(bi *debug.BuildInfo, version, commit string) buildVersion {
	v := buildVersion{Version: version, Commit: commit}
	if bi != nil {
		if v.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if commit == "" {
					v.Commit = s.Value
				}
			case "vcs.modified":
				if commit == "" {
					v.Modified = s.Value == "true"
				}
			}
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/blevesearch/bleve/v2" {
				v.Bleve = d.Version
			}
		}
	}
	if v.Version == "" {
		v.Version = "dev"
	}
	return v
}

// String is the version, then the commit in short form and whether the
// checkout was modified: "v1.2.0 (commit 1f4566a0c2d1, modified)".
func (v buildVersion) String() string {
	s := v.Version
	if v.Commit != "" {
		c := v.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		s += " (commit " + c
		if v.Modified {
			s += ", modified"
		}
		s += ")"
	}
	return s
}

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
			bv := currentVersion()
			if asJSON {
				v := struct {
					buildVersion
					Go            string           `json:"go"`
					IndexFormat   int              `json:"index_format"`
					DefaultCorpus index.CorpusInfo `json:"default_corpus"`
				}{bv, runtime.Version(), index.FormatVersion, index.CorpusInfo{Version: c.Version, SHA256: c.SHA256()}}
				return printJSON(f.IO.Out, v)
			}
			fmt.Fprintf(f.IO.Out, "anzsco %s\n%s, index format %d, bleve %s\ndefault corpus %s sha256 %s\n",
				bv, runtime.Version(), index.FormatVersion, orUnknown(bv.Bleve), c.Version, c.SHA256())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
