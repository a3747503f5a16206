//go:build linux || darwin

package cv

import (
	"bufio"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// limitSelf sets the reader's limits: its private writable memory may
// grow by mem bytes (where the system says how much it holds), it may use
// cpu seconds of processor time, and at the soft CPU limit it exits with
// exitCPU (the hard limit, a second later, kills it).
func limitSelf(mem, cpu int64) error {
	if base, ok := privateMemory(); ok {
		lim := uint64(base + mem)
		if err := syscall.Setrlimit(syscall.RLIMIT_DATA, &syscall.Rlimit{Cur: lim, Max: lim}); err != nil {
			return err
		}
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGXCPU)
	go func() {
		<-c
		os.Stderr.WriteString("processor time limit\n")
		os.Exit(exitCPU)
	}()
	return syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: uint64(cpu), Max: uint64(cpu) + 1})
}

// privateMemory returns the private writable memory of this process
// (VmData, which RLIMIT_DATA limits), on systems that report it.
func privateMemory() (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmData:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// usage returns the peak resident memory and the CPU time of a process
// that has ended.
func usage(ps *os.ProcessState) (maxRSS int64, cpu time.Duration) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, ps.UserTime() + ps.SystemTime()
	}
	// Linux and the BSDs give kilobytes, macOS bytes.
	rss := ru.Maxrss << 10
	if runtime.GOOS == "darwin" {
		rss = ru.Maxrss
	}
	return rss, ps.UserTime() + ps.SystemTime()
}
