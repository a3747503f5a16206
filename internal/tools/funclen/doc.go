// Command funclen lists the functions longer than a limit (80 lines by
// default, from func to the closing brace, test files included) in the Go
// files of the directories given, and exits 1 when there are any:
//
//	go run ./internal/tools/funclen index index/internal/*
//
// A long function mixes stages that each deserve a name; the index keeps
// every function within the limit.
//
// It is a tool for developers, run by hand: it must not run in the unit
// tests, and no package may import it.
package main
