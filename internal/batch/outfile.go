package batch

import (
	"compress/gzip"
	"fmt"
	"io"

	"github.com/anzsco/anzsco/internal/atomicfile"
)

// Output is where the rows of a run go: a stream (standard output), or a
// file written beside its path and renamed into place when the run is
// complete, so that a file at the path is always a whole run's output.
type Output struct {
	io.Writer
	file *atomicfile.File // nil for a stream
	gz   *gzip.Writer
}

// StreamOutput returns an Output that writes to w.
func StreamOutput(w io.Writer) *Output { return &Output{Writer: w} }

// CreateOutput returns an Output that writes a temporary file beside path
// (package atomicfile), gzipped when gz is set, for Finish to rename.
func CreateOutput(path string, gz bool) (*Output, error) {
	file, err := atomicfile.Create(path)
	if err != nil {
		return nil, err
	}
	o := &Output{Writer: file, file: file}
	if gz {
		o.gz = gzip.NewWriter(file)
		o.Writer = o.gz
	}
	return o, nil
}

// Finish completes a file output; a stream has nothing to finish. When the
// run was complete (ok) the file is renamed to its path; otherwise the rows
// written, if any, are kept in the path with ".partial" added (returned)
// and an empty file is removed.
func (o *Output) Finish(ok, rows bool) (kept string, err error) {
	if o.file == nil {
		return "", nil
	}
	if o.gz != nil {
		err = o.gz.Close()
	}
	switch {
	case ok && err == nil:
		return "", o.file.Commit()
	case rows:
		kept = o.file.Path() + ".partial"
		if o.file.CommitAs(kept) != nil {
			kept = ""
		}
	default:
		o.file.Abort()
	}
	if err != nil {
		return kept, fmt.Errorf("%s: %w", o.file.Path(), err)
	}
	return kept, nil
}
