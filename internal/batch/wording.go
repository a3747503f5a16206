package batch

import (
	"fmt"
	"time"
)

// Count says how many of a thing there are, with thousands separated and
// the noun in the singular for one: "1 row", "0 rows", "12,345 rows".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// Seconds writes a duration in seconds with one decimal: "0.0 s", "62.5 s".
func Seconds(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }
