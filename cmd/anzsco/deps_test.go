package main

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/anzsco/anzsco"

// Every package of the binary is initialised when it starts, classify
// included: a library linked for one command costs every process its
// start-up and its size. excelize cost 3 ms and 22,000 allocations at each
// start and 7 MB; internal/xlsx reads and writes workbooks instead, and
// excelize stays in the tests as the cross-check.
func TestBinaryLeavesOutExcelize(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	banned := []string{"github.com/xuri/excelize"}
	from := map[string]string{module + "/cmd/anzsco": ""} // package -> the package that imports it
	queue := []string{module + "/cmd/anzsco"}
	for len(queue) > 0 {
		pkg := queue[0]
		queue = queue[1:]
		dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")))
		p, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		for _, imp := range p.Imports {
			for _, b := range banned {
				if strings.HasPrefix(imp, b) {
					chain := imp
					for q := pkg; q != ""; q = from[q] {
						chain = q + " -> " + chain
					}
					t.Errorf("the binary links %s: %s", b, chain)
				}
			}
			if _, seen := from[imp]; !seen && (imp == module || strings.HasPrefix(imp, module+"/")) {
				from[imp] = pkg
				queue = append(queue, imp)
			}
		}
	}
	if len(from) < 10 {
		t.Fatalf("found %d packages of the module in the binary, want the whole tree", len(from))
	}
}
