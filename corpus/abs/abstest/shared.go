package abstest

import (
	"os"
	"path/filepath"
	"runtime"

	"github.com/anzsco/anzsco/corpus/abs"
)

// The published workbooks, as the ABS names them.
const (
	TitlesFile    = "anzsco-2022-index-of-titles.xlsx"
	StructureFile = "anzsco-2022-structure.xlsx"
)

// Committed returns the directory of the workbooks committed with the
// repository (corpus/abs/workbooks), from which the built-in whole-ANZSCO
// corpus is generated.
func Committed() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	return filepath.Join(filepath.Dir(file), "..", "workbooks")
}

// FindShared returns the directory shared/abs beside the repository that
// holds the published workbooks, or "" when there is none.
func FindShared() string { return FindSharedDir("abs", TitlesFile) }

// FindSharedDir returns the directory shared/sub beside the repository,
// found by walking up from the working directory to a shared/sub that
// holds file, or "" when there is none.
func FindSharedDir(sub, file string) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", sub)
		if _, err := os.Stat(filepath.Join(p, file)); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// ReadShared reads the two published workbooks in dir.
func ReadShared(dir string) ([]abs.Title, []abs.Occupation, error) {
	read := func(name string, fn func(f *os.File) error) error {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		defer f.Close()
		return fn(f)
	}
	var titles []abs.Title
	var occs []abs.Occupation
	err := read(TitlesFile, func(f *os.File) (err error) {
		titles, err = abs.ReadTitles(f, f.Name())
		return err
	})
	if err == nil {
		err = read(StructureFile, func(f *os.File) (err error) {
			occs, err = abs.ReadStructure(f, f.Name())
			return err
		})
	}
	return titles, occs, err
}
