package server

import (
	"os"
	"testing"

	"github.com/anzsco/anzsco/internal/cv"
)

// TestMain lets the test binary be the document reader that CV reading
// starts, as the anzsco binary is.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == cv.SandboxArg {
		os.Exit(cv.RunSandbox(os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
