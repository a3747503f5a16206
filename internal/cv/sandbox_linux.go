package cv

import "syscall"

// readerAttr makes the kernel kill a reader whose parent dies (a server
// killed in the middle of a request), so that no reader outlives it.
func readerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// selfExecutable is the program's own image: /proc/self/exe runs the
// binary this process runs even if the file at its path has since been
// replaced by another version (an upgrade under a running server).
func selfExecutable() (string, error) { return "/proc/self/exe", nil }
