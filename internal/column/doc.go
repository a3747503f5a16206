// Package column owns the one rule for finding a named column in the
// header row of a table (CSV, TSV, a worksheet, a labelled file): an exact
// match, else the one column equal to the name ignoring case and
// surrounding space. A name that matches two columns is an error, never a
// silent choice of one of them.
//
// It must not read files or know what the columns mean.
package column
