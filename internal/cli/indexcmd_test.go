package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexInfoDirLeavesFactory checks that 'index info DIR' opens DIR
// without writing it into the Factory the other commands share.
func TestIndexInfoDirLeavesFactory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "none.idx")
	ios, _, _ := Test("")
	f := &Factory{IO: ios}
	var got *indexInfoOptions
	cmd := newCmdIndexInfo(f, func(o *indexInfoOptions) error { got = o; return nil })
	cmd.SetArgs([]string{dir})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if f.IndexDir != "" {
		t.Errorf("Factory.IndexDir = %q after 'index info DIR', want it unchanged (empty)", f.IndexDir)
	}
	if got.Dir != dir {
		t.Errorf("opts.Dir = %q, want %q", got.Dir, dir)
	}
	if _, err := got.Index(); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("opts.Index() = %v, want an error naming %s (the index opened is DIR's)", err, dir)
	}

	// With --index given as well, DIR must be the same directory.
	f = &Factory{IO: ios, IndexDir: "other.idx"}
	cmd = newCmdIndexInfo(f, func(o *indexInfoOptions) error { return nil })
	cmd.SetArgs([]string{dir})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "give the index directory once") {
		t.Errorf("index info DIR with another --index: error %v", err)
	}
}
