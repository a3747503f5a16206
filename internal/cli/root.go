package cli

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/cv"
	"github.com/anzsco/anzsco/internal/oneline"
)

// Factory gives commands their streams and, on first use, the index.
type Factory struct {
	IO *IOStreams
	// IndexDir, CorpusFile and Scope are the global --index, --corpus and
	// --scope flags.
	IndexDir   string
	CorpusFile string
	Scope      string

	once sync.Once
	ix   *index.Index
	err  error
}

// Index opens the index named by --index, or builds one in memory from
// --corpus or the embedded default corpus.
func (f *Factory) Index() (*index.Index, error) {
	f.once.Do(func() {
		// Loading an index allocates tens of megabytes that stay live:
		// collecting while the heap grows from nothing finds no garbage.
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		switch {
		case f.IndexDir != "" && f.CorpusFile != "":
			f.err = usageError("--index and --corpus cannot be used together: an index already holds its corpus")
		case f.IndexDir != "" && f.Scope != "":
			f.err = usageError("--index and --scope cannot be used together: an index already holds its corpus")
		case f.IndexDir != "":
			f.ix, f.err = index.Open(f.IndexDir)
		case f.CorpusFile != "":
			var c *corpus.Corpus
			c, f.err = f.Corpus()
			if f.err == nil {
				f.ix, f.err = index.Build(c)
			}
		default:
			// A built-in corpus: its index is restored from the snapshot
			// built into the binary, not built at every start.
			name := f.Scope
			if name == "" {
				name = corpus.DefaultName
			}
			f.ix, f.err = index.Builtin(name)
			if errors.Is(f.err, corpus.ErrUnknownBuiltin) {
				f.err = usageError("--scope: %v", f.err)
			}
		}
	})
	return f.ix, f.err
}

// Corpus loads the corpus named by --corpus, or the built-in corpus named
// by --scope (the default corpus when neither is given).
func (f *Factory) Corpus() (*corpus.Corpus, error) {
	switch {
	case f.CorpusFile != "" && f.Scope != "":
		return nil, usageError("--corpus and --scope cannot be used together: choose a corpus file or a built-in scope")
	case f.CorpusFile != "":
		return corpus.LoadFile(f.CorpusFile)
	case f.Scope != "":
		c, err := index.BuiltinCorpus(f.Scope)
		if errors.Is(err, corpus.ErrUnknownBuiltin) {
			return nil, usageError("--scope: %v", err)
		}
		return c, err
	}
	return index.BuiltinCorpus(corpus.DefaultName)
}

// Close releases the index, if one was opened.
func (f *Factory) Close() {
	if f.ix != nil {
		f.ix.Close()
	}
}

// scopeHelp lists the built-in corpora for --help.
func scopeHelp() string {
	var parts []string
	for _, name := range corpus.BuiltinNames() {
		parts = append(parts, name+" ("+corpus.BuiltinDescription(name)+")")
	}
	return strings.Join(parts, ", ")
}

// NewRootCmd builds the command tree.
func NewRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "anzsco",
		Short: "Classify job titles and descriptions to ANZSCO occupation codes",
		Long: `anzsco classifies free-text job titles and job descriptions to ANZSCO
occupation codes, with scores and a calibrated confidence.

The default scope is unit group 5411 Call or Contact Centre Workers
(541111 Call or Contact Centre Team Leader, 541112 Call or Contact Centre
Operator), in English and Portuguese, with the neighbouring occupations that
tell what lies outside. --scope anzsco codes against the whole of ANZSCO
2022 instead: every one of its 1,076 occupations, backing off to the unit or
minor group when the words support a group but no one occupation.`,
		Example: `  anzsco classify "Contact Center Supervisor"
  anzsco --scope anzsco classify "Registered Nurse"
  printf 'Truck Driver\nMotorista de caminhão\n' | anzsco --scope anzsco classify -
  anzsco classify --json "Operador de telemarketing receptivo"
  anzsco show 541111
  anzsco index build --out ./anzsco.idx && anzsco --index ./anzsco.idx classify "Call centre agent"`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       currentVersion().String(),
	}
	root.SetVersionTemplate("anzsco {{.Version}}\n")
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetIn(f.IO.In)
	root.PersistentFlags().StringVar(&f.IndexDir, "index", "", "open the persisted index in `DIR` (built with 'anzsco index build')")
	root.PersistentFlags().StringVar(&f.CorpusFile, "corpus", "", "build the index in memory from the corpus `FILE` (JSON) instead of the embedded default")
	root.PersistentFlags().StringVar(&f.Scope, "scope", "", "code against the built-in corpus `NAME`: "+scopeHelp()+"; default "+corpus.DefaultName)
	_ = root.RegisterFlagCompletionFunc("scope", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return corpus.BuiltinNames(), cobra.ShellCompDirectiveNoFileComp
	})
	_ = root.MarkPersistentFlagDirname("index")
	_ = root.MarkPersistentFlagFilename("corpus", "json")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v (see '%s --help')", err, c.CommandPath())
	})

	root.AddCommand(
		newCmdClassify(f, nil),
		newCmdBatch(f, nil),
		newCmdSearch(f, nil),
		newCmdShow(f, nil),
		newCmdServe(f, nil),
		newCmdCV(f, nil),
		newCmdIndex(f),
		newCmdEval(f, nil),
		newCmdCorpus(f),
		newCmdVersion(f),
		newCmdDocs(f),
	)
	return root
}

// Main runs the command line with the process's arguments and streams and
// returns the exit code.
func Main() int {
	if code, ok := cv.ReaderMain(); ok {
		// This process is the reader of one PDF or DOCX for a parent
		// anzsco: see cv.RunSandbox.
		return code
	}
	f := &Factory{IO: System()}
	defer f.Close()
	return run(f, os.Args[1:])
}

// run executes args and prints any error as one line on stderr.
func run(f *Factory, args []string) int {
	// bleve reports the damaged files of an index it skips with the
	// standard logger, in lines of its own; the error that follows says
	// the index is unreadable, on the one line that errors get.
	log.SetOutput(io.Discard)
	root := NewRootCmd(f)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err != nil {
		var ee *exitError
		if !errors.As(err, &ee) && isCobraUsage(err) {
			err = &exitError{code: ExitUsage, err: fmt.Errorf("%v (see '%s --help')", err, cmd.CommandPath())}
		}
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(f.IO.ErrOut, "anzsco: "+oneline.String(msg))
		}
	}
	return exitCode(err)
}

// isCobraUsage recognises the errors cobra makes for a wrong command line.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "invalid argument", "unknown flag", "unknown shorthand"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// dispatch ends every command's RunE once its flags are checked: it hands
// the options to runF, through which tests see what the flags made, or,
// when runF is nil, to the command's own run function.
func dispatch[T any](opts *T, runF, run func(*T) error) error {
	if runF != nil {
		return runF(opts)
	}
	return run(opts)
}
