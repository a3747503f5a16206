// Package cputime reads the CPU time a process has used, so that
// benchmarks can report work per CPU-second, which depends much less than
// wall time on what else a shared machine runs.
//
// It owns that one reading. It must not be used for decisions the program
// makes at run time: its figures are for measuring only.
package cputime
