package cv

import "syscall"

// readerAttr makes the kernel kill a reader whose parent dies (a server
// killed in the middle of a request), so that no reader outlives it.
func readerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
