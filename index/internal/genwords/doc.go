// Command genwords writes the word lists the speller uses to know a real
// word from a typing slip: index/words/en.txt.gz from Debian's wbritish and
// wamerican (public domain) and index/words/pt.txt.gz from Debian's
// wportuguese (GPL-2+, LGPL-2.1+ or MPL-1.1; used here under MPL-1.1).
// Words are folded as the index folds them, kept when they have four or
// more ASCII letters, sorted and written one a line. Run by go generate in
// package index with those packages installed:
//
//	apt-get install wbritish wamerican wportuguese
//
// It runs only when a developer asks (go generate or by hand), never when
// anzsco runs or its tests do, and no package may import it.
package main
