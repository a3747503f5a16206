package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// litter fails the test if dir holds anything but want.
func litter(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteFileReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, path); got != "new" {
		t.Errorf("%s = %q, want %q", path, got, "new")
	}
	litter(t, dir, "out.json")
}

func TestAbortKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("half a ro")); err != nil {
		t.Fatal(err)
	}
	f.Abort()
	f.Abort()
	if got := read(t, path); got != "old" {
		t.Errorf("after Abort %s = %q, want the old %q", path, got, "old")
	}
	litter(t, dir, "out.csv")
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	litter(t, dir, "out.csv")
}

func TestFailedCommitKeepsOldAndLeavesNoLitter(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out")
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new"))
	// Something else puts a non-empty directory at path meanwhile: the
	// rename cannot replace it.
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	err = f.Commit()
	if err == nil {
		t.Fatal("Commit over a non-empty directory succeeded")
	}
	if msg := err.Error(); !strings.HasPrefix(msg, path+": ") || strings.Contains(msg, ".tmp") {
		t.Errorf("error = %q, want it to start with %q and not name the temporary file", msg, path+": ")
	}
	litter(t, dir, "out")
	litter(t, path, "inside")
}

func TestCreateErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such", "out.csv")
	_, err := Create(missing)
	if err == nil || !strings.HasPrefix(err.Error(), missing+": ") || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("Create(%q) error = %v, want %q first and no temporary name", missing, err, missing+": ")
	}
	_, err = Create(dir)
	if want := dir + " is a directory, want a file"; err == nil || err.Error() != want {
		t.Errorf("Create(dir) error = %v, want %q", err, want)
	}
	if err := WriteFile(missing, []byte("x")); err == nil {
		t.Errorf("WriteFile(%q) succeeded", missing)
	}
	litter(t, dir)
}

func TestCommitAs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.csv")
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("a,b\n"))
	if err := f.CommitAs(path + ".partial"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, path+".partial"); got != "a,b\n" {
		t.Errorf("partial = %q", got)
	}
	litter(t, dir, "m.csv.partial")
}

func TestIsTemp(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "CURRENT"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !IsTemp(entries[0].Name(), "CURRENT") {
		t.Fatalf("IsTemp does not recognise the file Create made: %v", entries)
	}
	for _, tt := range []struct {
		name, base string
		want       bool
	}{
		{".CURRENT.0123abcd.tmp", "CURRENT", true},
		{"CURRENT", "CURRENT", false},
		{".CURRENT.tmp", "CURRENT", false},
		{".OTHER.01.tmp", "CURRENT", false},
		{".CURRENT.01.json", "CURRENT", false},
	} {
		if got := IsTemp(tt.name, tt.base); got != tt.want {
			t.Errorf("IsTemp(%q, %q) = %v, want %v", tt.name, tt.base, got, tt.want)
		}
	}
}
