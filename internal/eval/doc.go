// Package eval measures a classifier on labelled titles: accuracy overall,
// per class and per language, the confusion matrix, the misses, the
// reliability of the confidence (expected calibration error) and the
// coverage curve that coding teams plan by.
//
// A label is a target code, or NONE (or empty) for "outside the targets".
// Rows whose note starts with AMBIGUOUS are reasonable either way: they are
// classified and reported apart, and left out of the strict figures.
//
// RunWorkers classifies big files with a pool of goroutines and keeps row
// order; WriteSVG draws the coverage curve and the reliability diagram.
//
// It owns the figures, their text and JSON report (WriteText, WriteJSON)
// and the SVG plot. It must not read flags, print to the terminal itself or
// exit, and it does not read labelled files: package labelled does.
package eval
