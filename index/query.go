package index

import "fmt"

// MaxTop bounds Query.Top: the number of ranked matches a result lists.
// Past it the matches are noise, and a caller asking for thousands
// (over HTTP, say) would make every answer large.
const MaxTop = 50

// QueryError is what Validate returns: the query field out of its range.
type QueryError struct {
	// Field is the setting that is wrong, named as in the HTTP API:
	// "top" or "min_confidence".
	Field string
	msg   string
}

func (e *QueryError) Error() string { return e.Field + ": " + e.msg }

// Validate checks the query's settings against their limits: Top from 0
// (DefaultTop) to MaxTop, MinConfidence from 0 to 1. It does not look at
// the text: an empty or overlong text is Classify's to report. Front ends
// (the command line, the HTTP server) call it before Classify, which does
// not repeat the check.
func (q Query) Validate() error {
	if q.Top < 0 || q.Top > MaxTop {
		return &QueryError{Field: "top", msg: fmt.Sprintf("%d is not between 0 and %d (0 means the default, %d)", q.Top, MaxTop, DefaultTop)}
	}
	if !(q.MinConfidence >= 0 && q.MinConfidence <= 1) {
		return &QueryError{Field: "min_confidence", msg: fmt.Sprintf("%v is not between 0 and 1", q.MinConfidence)}
	}
	return nil
}

// Blank reports whether s, as a query's Text, leaves nothing to classify:
// the text Classify refuses with ErrEmptyQuery (nothing but spaces,
// control characters and invalid UTF-8 within MaxTitleBytes). Readers of
// many rows use it to report such a row as they read it, with the same
// rule.
func Blank(s string) bool {
	t, _ := sanitize(s, MaxTitleBytes, "")
	return t == ""
}
