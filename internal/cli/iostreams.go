package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// IOStreams are the streams a command reads and writes. Commands never touch
// os.Stdin, os.Stdout or os.Stderr directly.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// InSize is the size of In when it is a regular file, else -1.
	InSize int64
	// StdoutTTY and StderrTTY say whether the streams are terminals: tables
	// and progress bars for people, TSV and JSON for pipes.
	StdoutTTY bool
	StderrTTY bool
	StdinTTY  bool
}

// System returns the process's standard streams.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, InSize: -1,
		StdoutTTY: isTerminal(os.Stdout), StderrTTY: isTerminal(os.Stderr), StdinTTY: isTerminal(os.Stdin)}
	if fi, err := os.Stdin.Stat(); err == nil && fi.Mode().IsRegular() {
		s.InSize = fi.Size()
	}
	return s
}

// Test returns streams backed by buffers, with no terminals.
func Test(stdin string) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: bytes.NewBufferString(stdin), Out: out, ErrOut: errOut, InSize: -1}, out, errOut
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// printJSON writes v to w as indented JSON and a line break: the form of
// every --json that prints one object or array.
func printJSON(w io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
