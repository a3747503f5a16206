package cli

import (
	"errors"
	"fmt"
)

// Exit codes. They are part of the command-line interface and documented in
// the README.
const (
	// ExitOK: every input was classified to a target occupation.
	ExitOK = 0
	// ExitOutside: at least one input lies outside the target occupations
	// (classify), or no occupation matched (search, show).
	ExitOutside = 1
	// ExitUsage: the command line is wrong (unknown flag, missing argument,
	// empty query).
	ExitUsage = 2
	// ExitError: the run failed (unreadable file, invalid corpus, corrupt
	// index, ...).
	ExitError = 3
	// ExitRowErrors: a batch or eval run finished, but some rows had errors
	// (each has an output row that says what was wrong).
	ExitRowErrors = 4
)

// exitError carries an exit code through cobra's error return.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// usageError makes an error that exits with ExitUsage.
func usageError(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// silentExit exits with code and prints nothing more.
func silentExit(code int) error { return &exitError{code: code} }

// exitCode maps an error returned by a command to the process exit code.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return ExitError
}
