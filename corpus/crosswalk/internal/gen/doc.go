// Command gen derives the Portuguese titles of ANZSCO occupations from the
// shared crosswalks and writes them, gzipped, for the crosswalk package to
// embed. Run it with go generate in corpus/crosswalk.
//
// It runs only when a developer asks (go generate or by hand), never when
// anzsco runs or its tests do, and no package may import it.
package main
