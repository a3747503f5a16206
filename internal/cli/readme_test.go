package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README starts with the two commands that run the tool and its tests,
// and then says how to get the binary: with the module path, the command's
// directory and the Go version that go.mod holds, so that none of them can
// drift from what they name.
func TestReadmeGettingIt(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	const first = "# anzsco\n\n```\ngo run ./cmd/anzsco classify \"Contact Center Supervisor\"\ngo test -race ./...\n```\n"
	if !strings.HasPrefix(text, first) {
		t.Errorf("README.md does not start with the two commands:\n%s", first)
	}
	module := regexp.MustCompile(`(?m)^module (\S+)$`).FindStringSubmatch(string(gomod))
	goVersion := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(string(gomod))
	if module == nil || goVersion == nil {
		t.Fatalf("go.mod has no module or go line")
	}
	at := strings.Index(text, "### Getting it")
	if at < 0 || at > 2000 {
		t.Fatalf("README.md has no Getting it section near the top (at %d)", at)
	}
	section := text[at:]
	section = section[:strings.Index(section[1:], "\n#")+1]
	for _, want := range []string{
		"go install " + module[1] + "/cmd/anzsco@latest",
		"go build -o anzsco ./cmd/anzsco",
		"Go " + goVersion[1] + " or later",
		"Chromium is optional",
		module[1] + "/internal/cli.Version=",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the Getting it section lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "cmd", "anzsco", "main.go")); err != nil {
		t.Errorf("the README builds ./cmd/anzsco: %v", err)
	}
}
