package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
)

func main() {
	limit := flag.Int("max", 80, "the longest a function may be, in lines")
	flag.Parse()
	n, err := run(flag.Args(), *limit)
	if err != nil {
		fmt.Fprintln(os.Stderr, "funclen:", err)
		os.Exit(2)
	}
	if n > 0 {
		os.Exit(1)
	}
}

// run prints each function of the Go files of dirs longer than limit lines
// and returns how many there are.
func run(dirs []string, limit int) (int, error) {
	fset := token.NewFileSet()
	long := 0
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			return long, err
		}
		for _, f := range files {
			file, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				return long, err
			}
			ast.Inspect(file, func(n ast.Node) bool {
				name := "a function literal"
				switch d := n.(type) {
				case *ast.FuncDecl:
					name = d.Name.Name
				case *ast.FuncLit:
				default:
					return true
				}
				from, to := fset.Position(n.Pos()), fset.Position(n.End())
				if lines := to.Line - from.Line + 1; lines > limit {
					fmt.Printf("%s:%d: %s is %d lines\n", f, from.Line, name, lines)
					long++
				}
				return true
			})
		}
	}
	return long, nil
}
