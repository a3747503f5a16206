// Command genanzsco writes the built-in whole-ANZSCO corpus, corpus/anzsco.json,
// from the ABS workbooks in corpus/abs/workbooks and the Portuguese and
// English titles of package crosswalk. It is run by go generate in
// package corpus; its output is the same bytes for the same workbooks.
//
// It runs only when a developer asks (go generate or by hand), never when
// anzsco runs or its tests do, and no package may import it.
package main
