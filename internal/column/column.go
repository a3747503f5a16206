package column

import (
	"fmt"
	"strconv"
	"strings"
)

// Find returns the index of the column of header called name.
func Find(header []string, name string) (int, error) {
	i, err := Optional(header, name)
	if err == nil && i < 0 {
		return -1, fmt.Errorf("no column %q in the header (columns: %s)", name, List(header))
	}
	return i, err
}

// Optional is Find for a column that may be absent: -1 and no error when
// no column is called name.
func Optional(header []string, name string) (int, error) {
	found := func(eq func(string) bool) []int {
		var at []int
		for i, h := range header {
			if eq(h) {
				at = append(at, i)
			}
		}
		return at
	}
	at := found(func(h string) bool { return h == name })
	if len(at) == 0 {
		at = found(func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(name)) })
	}
	switch len(at) {
	case 0:
		return -1, nil
	case 1:
		return at[0], nil
	}
	return -1, fmt.Errorf("column %q appears %d times in the header (columns: %s)", name, len(at), List(header))
}

// List quotes names for a message, the first 30 of them.
func List(names []string) string {
	q := make([]string, len(names))
	for i, h := range names {
		q[i] = strconv.Quote(h)
	}
	const max = 30
	if len(q) > max {
		return strings.Join(q[:max], ", ") + fmt.Sprintf(" and %d more", len(q)-max)
	}
	return strings.Join(q, ", ")
}
