package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is a temporary file beside the path it will replace.
type File struct {
	f    *os.File
	path string
	done bool
}

// Create opens a new, empty temporary file in path's directory. Its
// permissions are those os.Create gives (0666 less the umask). Nothing is
// at path until Commit.
func Create(path string) (*File, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory, want a file", path)
	}
	dir, base := filepath.Split(path)
	for range 10 {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, wrap(path, err)
		}
		return &File{f: f, path: path}, nil
	}
	return nil, fmt.Errorf("%s: cannot make a temporary file beside it", path)
}

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.f.Write(p) }

// Path returns the path the file will have once committed.
func (f *File) Path() string { return f.path }

// Commit flushes the file to disk and renames it to its path, replacing
// what was there. On error the temporary file is removed and the old file
// is left as it was.
func (f *File) Commit() error { return f.CommitAs(f.path) }

// CommitAs is Commit to another path, for keeping what was written under
// a name that says it is incomplete. Errors name path.
func (f *File) CommitAs(path string) error {
	if f.done {
		return fmt.Errorf("%s: already closed", path)
	}
	f.done = true
	err := f.f.Sync()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.f.Name(), path)
	}
	if err != nil {
		os.Remove(f.f.Name())
		return wrap(path, err)
	}
	SyncDir(filepath.Dir(path))
	return nil
}

// Abort closes and removes the temporary file; the old file, if any, is
// left as it was. It does nothing after Commit or Abort.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.f.Close()
	os.Remove(f.f.Name())
}

// WriteFile replaces path with data: Create, Write, Commit.
func WriteFile(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return wrap(path, err)
	}
	return f.Commit()
}

// IsTemp reports whether name (a base name) is one of the temporary files
// Create makes for a file named base, left behind by a writer that was
// killed.
func IsTemp(name, base string) bool {
	prefix := "." + base + "."
	return len(name) > len(prefix)+len(".tmp") && name[:len(prefix)] == prefix && filepath.Ext(name) == ".tmp"
}

// SyncDir flushes a directory's entries, where the system allows it.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// wrap says "path: cause", dropping the temporary name an *os.PathError
// or *os.LinkError carries.
func wrap(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("%s: %w", path, err)
}
