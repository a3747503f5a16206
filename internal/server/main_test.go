package server

import (
	"os"
	"testing"

	"github.com/anzsco/anzsco/internal/cv"
)

// TestMain lets the test binary be the document reader that CV reading
// starts, as the anzsco binary is.
func TestMain(m *testing.M) {
	if code, ok := cv.ReaderMain(); ok {
		os.Exit(code)
	}
	os.Exit(m.Run())
}
