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
