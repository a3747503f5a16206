package cli

import (
	"runtime"
	"time"
)

// Ranges of the settings, so that no flag can ask for more than a machine
// holds. Each bound says why it has its value.
const (
	// workersPerCPU: classifying is CPU-bound; past a few goroutines per
	// CPU more workers only add memory (each holds a window of rows).
	workersPerCPU = 4
	// maxCacheMB bounds a result cache: 20,000 results take 16 MiB, so
	// 4 GiB holds millions, more than any input repeats.
	maxCacheMB = 4096
	// maxBodyBytes bounds a JSON request body: a full batch of 100,000
	// items with descriptions.
	maxBodyBytes = 256 << 20
	// maxCVBytes bounds a CV upload: the reader holds the file and its
	// text in memory; a CV with images is under 10 MiB.
	maxCVBytes = 100 << 20
	// maxBatchItems bounds a batch request: at 0.3 ms an item, 100,000
	// items take half a minute of one CPU.
	maxBatchItems = 100_000
	// maxInFlight bounds the requests handled at once: each holds a
	// goroutine, its body and its answer.
	maxInFlight = 10_000
	// maxTimeout bounds every timeout: an hour is longer than any request
	// or shutdown should take.
	maxTimeout = time.Hour
)

// maxWorkers is the most workers a command may start: a few per CPU, and
// at least 16 on a small machine.
func maxWorkers() int { return max(16, workersPerCPU*runtime.GOMAXPROCS(0)) }

// checkRange returns a usage error for a flag whose value is outside
// [lo, hi].
func checkRange(flag string, v, lo, hi int64, unit string) error {
	if v < lo || v > hi {
		if unit != "" {
			unit = " " + unit
		}
		return usageError("%s %d: want %d to %d%s", flag, v, lo, hi, unit)
	}
	return nil
}

// checkWorkers checks a --workers flag: 0 means one per CPU.
func checkWorkers(n int) error {
	if n < 0 || n > maxWorkers() {
		return usageError("--workers %d: want 0 (one per CPU) to %d (%d per CPU, at least 16)", n, maxWorkers(), workersPerCPU)
	}
	return nil
}
