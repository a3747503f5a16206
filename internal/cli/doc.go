// Package cli implements the anzsco command line. Commands only parse input
// and print output; ranking lives in package index.
//
// A command is an xOptions, a newCmdX that parses flags and ends in
// dispatch (which hands the options to a test's runF or to xRun), and an
// xRun that reads input and prints output through the IOStreams it is
// given. The
// package owns flags, the choice of output form (a table for a terminal,
// TSV or JSON for a pipe) and exit statuses. It must not rank, read a file
// format itself (the readers live in the packages that own the formats)
// or change the shared Factory after the global flags are parsed.
package cli
