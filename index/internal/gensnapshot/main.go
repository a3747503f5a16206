package main

import (
	"fmt"
	"os"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/atomicfile"
)

func main() {
	for _, name := range corpus.BuiltinNames() {
		data, err := index.SnapshotBuiltin(name)
		if err == nil {
			err = atomicfile.WriteFile("snapshots/"+name+".snapz", data)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "gensnapshot:", err)
			os.Exit(1)
		}
	}
}
