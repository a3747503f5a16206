package batch

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestOutputFinish checks where a file output's rows end up: at the path
// when the run was complete, in PATH.partial when it was not, nowhere
// when no row was written.
func TestOutputFinish(t *testing.T) {
	tests := []struct {
		name     string
		ok, rows bool
		gz       bool
		wantFile string // the file that holds the rows; "" for none
		wantKept bool
	}{
		{"complete", true, true, false, "out.csv", false},
		{"complete gzipped", true, true, true, "out.csv", false},
		{"stopped after rows", false, true, false, "out.csv.partial", true},
		{"stopped before any row", false, false, false, "", false},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		path := filepath.Join(dir, "out.csv")
		o, err := CreateOutput(path, tt.gz)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(o, "id,code\n")
		kept, err := o.Finish(tt.ok, tt.rows)
		if err != nil {
			t.Fatalf("%s: Finish: %v", tt.name, err)
		}
		if (kept != "") != tt.wantKept || (tt.wantKept && kept != filepath.Join(dir, tt.wantFile)) {
			t.Errorf("%s: kept %q, want %q", tt.name, kept, tt.wantFile)
		}
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if tt.wantFile == "" {
			if len(names) != 0 {
				t.Errorf("%s: files %q left, want none", tt.name, names)
			}
			continue
		}
		if len(names) != 1 || names[0] != tt.wantFile {
			t.Errorf("%s: files %q, want only %s", tt.name, names, tt.wantFile)
			continue
		}
		f, _ := os.Open(filepath.Join(dir, tt.wantFile))
		var r io.Reader = f
		if tt.gz {
			if r, err = gzip.NewReader(f); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
		}
		if b, _ := io.ReadAll(r); string(b) != "id,code\n" {
			t.Errorf("%s: file holds %q, want the row written", tt.name, b)
		}
		f.Close()
	}
}
