package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// complete runs cobra's hidden __complete command, as the shell scripts
// do, and returns the candidates (without the directive line).
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	code, out, errOut := runCLI(t, "", append([]string{"__complete"}, args...)...)
	if code != ExitOK {
		t.Fatalf("__complete %q: exit %d: %s", args, code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], ":") {
		t.Fatalf("__complete %q = %q, want candidates and a directive", args, out)
	}
	return lines[:len(lines)-1]
}

func TestCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want string // the candidates, joined by "|"
	}{
		{[]string{"classify", "--format", ""}, "table|tsv|json"},
		{[]string{"cv", "--format", "t"}, "table|tsv|json"}, // the shell filters fixed values
		{[]string{"batch", "--output-format", ""}, "csv|jsonl|xlsx"},
		{[]string{"batch", "--encoding", ""}, "utf-8|utf-16|windows-1252|iso-8859-1"},
		{[]string{"--scope", ""}, "5411|anzsco"},
		{[]string{"show", "5411"}, "5411\tCall or Contact Centre Workers|541111\tCall or Contact Centre Team Leader|541112\tCall or Contact Centre Operator"},
		{[]string{"--scope", "anzsco", "show", "25441"}, "254411\tNurse Practitioner|254412\tRegistered Nurse (Aged Care)|254413\tRegistered Nurse (Child and Family Health)|254414\tRegistered Nurse (Community Health)|254415\tRegistered Nurse (Critical Care and Emergency)|254416\tRegistered Nurse (Developmental Disability)|254417\tRegistered Nurse (Disability and Rehabilitation)|254418\tRegistered Nurse (Medical)"},
		{[]string{"show", "541111", ""}, ""},
	}
	for _, tt := range tests {
		if got := strings.Join(complete(t, tt.args...), "|"); got != tt.want {
			t.Errorf("complete %q = %q, want %q", tt.args, got, tt.want)
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		code, out, _ := runCLI(t, "", "completion", shell)
		if code != ExitOK || !strings.Contains(out, "__complete") {
			t.Errorf("completion %s: exit %d, %d bytes, want a script that calls __complete", shell, code, len(out))
		}
	}
}

func TestDocs(t *testing.T) {
	dir := t.TempDir()
	man, md := filepath.Join(dir, "man"), filepath.Join(dir, "md")
	for _, args := range [][]string{{"docs", "man", man}, {"docs", "markdown", md}} {
		if code, _, errOut := runCLI(t, "", args...); code != ExitOK || !strings.HasPrefix(errOut, "wrote ") {
			t.Fatalf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
	for _, c := range []struct{ file, want string }{
		{filepath.Join(man, "anzsco.1"), `.TH "ANZSCO" "1"`},
		{filepath.Join(man, "anzsco-batch.1"), `\fB--sheet\fP`},
		{filepath.Join(man, "anzsco-index-build.1"), "anzsco-index-build - Build a persisted index"},
		{filepath.Join(md, "anzsco_batch.md"), "--encoding encoding"},
	} {
		data, err := os.ReadFile(c.file)
		if err != nil {
			t.Errorf("docs: %v", err)
			continue
		}
		if !strings.Contains(string(data), c.want) {
			t.Errorf("%s lacks %q", c.file, c.want)
		}
	}
	if code, _, errOut := runCLI(t, "", "docs", "man", filepath.Join(man, "anzsco.1")); code != ExitError || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "anzsco: ") {
		t.Errorf("docs man into a file: exit %d, stderr %q, want one line of error", code, errOut)
	}
}
