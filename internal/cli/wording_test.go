package cli

import (
	"strings"
	"testing"
)

// Messages count in the singular for one, and search's one-line messages
// carry the program's prefix like every other error.
func TestWording(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"one line failed", "Call centre agent\n\n", []string{"classify", "-"}, ExitRowErrors, "", "anzsco: 1 input line could not be classified\n"},
		{"two lines failed", "\n\n", []string{"classify", "-"}, ExitRowErrors, "", "anzsco: 2 input lines could not be classified\n"},
		{"search nothing", "", []string{"search", "zzzz qqqq"}, ExitOutside, "", "anzsco: no occupation matched \"zzzz qqqq\"\n"},
		{"search no shared word", "", []string{"search", "Registered Nurse"}, ExitOutside, "", "anzsco: no occupation matched \"Registered Nurse\"\n"},
		{"search one row", "", []string{"batch", "--progress", "-"}, ExitOK, "", "1 row in 0."},
	}
	for _, tt := range tests {
		stdin := tt.stdin
		if tt.args[0] == "batch" {
			stdin = "title\nCall centre agent\n"
		}
		code, _, errOut := runCLI(t, stdin, tt.args...)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tt.name, code, tt.code, errOut)
		}
		if tt.args[0] == "batch" {
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("%s: stderr = %q, want it to hold %q", tt.name, errOut, tt.stderr)
			}
			continue
		}
		if errOut != tt.stderr {
			t.Errorf("%s: stderr = %q, want %q", tt.name, errOut, tt.stderr)
		}
	}
}
