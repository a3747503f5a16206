// Command gensnapshot writes index/snapshots/NAME.snapz, the snapshot of
// each built-in corpus that index.Builtin restores instead of building the
// index at start-up. Run by go generate in package index, after any change
// to a built-in corpus, a lexicon or the analysis (TestSnapshotsCurrent
// says when). The output depends only on those: running it twice writes
// the same bytes.
//
// It runs only when a developer asks (go generate or by hand), never when
// anzsco runs or its tests do, and no package may import it.
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
