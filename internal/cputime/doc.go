// Package cputime reads the CPU time a process has used, so that
// benchmarks can report work per CPU-second, which depends much less than
// wall time on what else a shared machine runs.
package cputime
