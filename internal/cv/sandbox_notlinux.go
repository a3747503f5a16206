//go:build !linux

package cv

import (
	"os"
	"syscall"
)

// readerAttr: a reader outlives a parent killed here only until its own
// CPU limit, or until it finds its standard input closed.
func readerAttr() *syscall.SysProcAttr { return nil }

// selfExecutable is the program's own file.
func selfExecutable() (string, error) { return os.Executable() }
