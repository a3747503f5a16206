package oneline

import (
	"fmt"
	"strconv"
	"strings"
)

// String folds every run of white space in s, line breaks included, to
// one space and trims the ends.
func String(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Quoted is String of v as fmt prints it, with anything that does not
// print (bytes of a damaged file quoted in a library's error) escaped as
// in a Go string.
func Quoted(v any) string {
	q := strconv.QuoteToGraphic(String(fmt.Sprint(v)))
	return q[1 : len(q)-1]
}
