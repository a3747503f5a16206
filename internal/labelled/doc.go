// Package labelled reads files of labelled inputs: a CSV file whose rows
// give a title (and optionally a description, a language and a note) and
// the code it should get, or NONE for "outside the targets". It is the one
// reader of such files, for the evaluation (package eval) and for the
// index's own ranking tests, and so it must not import the index: it
// knows the file's format and the shape of a label, nothing about
// classifying.
//
// A label is a six-digit occupation, a four-digit unit group, a
// three-digit minor group, NONE or empty (NONE). Rows whose note starts
// with AMBIGUOUS are reasonable either way (Row.Ambiguous).
package labelled
