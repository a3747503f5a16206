//go:build !unix

package cputime

import "time"

// Used is not measured on this system: it returns 0, and benchmarks then
// report wall time only.
func Used() time.Duration { return 0 }
