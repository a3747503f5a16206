//go:build unix

package cli

import (
	"net"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestServeSignal checks that SIGTERM shuts the server down cleanly. The
// signal is sent once the server listens, after the command has taken over
// SIGTERM, so it never reaches the test process's default handler.
func TestServeSignal(t *testing.T) {
	ios, _, errOut := Test("")
	f := &Factory{IO: ios}
	defer f.Close()
	cmd := newCmdServe(f, func(o *serveOptions) error {
		o.Listening = func(net.Addr) {
			if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
				t.Errorf("sending SIGTERM: %v", err)
			}
		}
		return serveRun(o)
	})
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0"})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("serve after SIGTERM = %v, want a clean shutdown", err)
	}
	if !strings.Contains(errOut.String(), `"msg":"stopped"`) {
		t.Errorf("the log does not say the server stopped:\n%s", errOut)
	}
}
