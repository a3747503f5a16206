package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/anzsco/anzsco/corpus/abs"
	"github.com/anzsco/anzsco/corpus/crosswalk"
	"github.com/anzsco/anzsco/internal/atomicfile"
)

func main() {
	if err := run("abs/workbooks", "anzsco.json"); err != nil {
		fmt.Fprintln(os.Stderr, "genanzsco:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	titles, err := read(filepath.Join(dir, "anzsco-2022-index-of-titles.xlsx"), abs.ReadTitles)
	if err != nil {
		return err
	}
	structure, err := read(filepath.Join(dir, "anzsco-2022-structure.xlsx"), abs.ReadStructure)
	if err != nil {
		return err
	}
	extra, err := crosswalk.AllExtra()
	if err != nil {
		return err
	}
	c, err := abs.Whole(titles, structure, extra, "Portuguese titles: "+crosswalk.Attribution+"\n"+crosswalk.EnglishAttribution+"\n"+crosswalk.CuratedAttribution)
	if err != nil {
		return err
	}
	data, err := c.Marshal()
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(out, append(data, '\n'))
}

func read[T any](path string, fn func(r io.Reader, name string) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return fn(f, path)
}
