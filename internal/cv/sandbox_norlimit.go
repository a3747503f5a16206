//go:build !(linux || darwin)

package cv

import (
	"os"
	"time"
)

// limitSelf sets no system limits here (the rlimit structures differ from
// system to system): memory is bounded by the runtime's soft limit and the
// stack limit, time by the parent's deadline.
func limitSelf(mem, cpu int64) error { return nil }

// usage returns the CPU time of a process that has ended; peak memory is
// not known here.
func usage(ps *os.ProcessState) (maxRSS int64, cpu time.Duration) {
	return 0, ps.UserTime() + ps.SystemTime()
}

// privateMemory is not known here.
func privateMemory() (int64, bool) { return 0, false }
