package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the output of the README's console examples with what they print now")

// The README's examples in ```console blocks are run and must print what
// the README shows, byte for byte. A block holds commands, each on a line
// starting with "$ ", followed by its output (standard output, then
// standard error). A command is `anzsco ARGS`, optionally after
// `printf 'TEXT' |`, whose TEXT becomes standard input; a command whose
// input is piped in runs as in a pipeline (standard output not a
// terminal), one without as on a terminal. Only deterministic examples are
// marked console; an example with elided lines ("...") is not.
func TestReadmeExamples(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	var out strings.Builder
	examples := 0
	for i := 0; i < len(lines); i++ {
		out.WriteString(lines[i])
		if lines[i] != "```console\n" {
			continue
		}
		// The block: up to the closing fence.
		end := i + 1
		for end < len(lines) && lines[end] != "```\n" {
			end++
		}
		if end == len(lines) {
			t.Fatalf("README.md line %d: a console block is not closed", i+1)
		}
		block := lines[i+1 : end]
		for j := 0; j < len(block); {
			cmd := block[j]
			if !strings.HasPrefix(cmd, "$ ") {
				t.Fatalf("README.md line %d: a console block line is not a command: %q", i+2+j, cmd)
			}
			k := j + 1
			for k < len(block) && !strings.HasPrefix(block[k], "$ ") {
				k++
			}
			// Blank lines at the end of an output separate it from the
			// next command, and a table's last blank line is not shown.
			want := strings.Join(block[j+1:k], "")
			trimmed := strings.TrimRight(want, "\n")
			sep := want[len(trimmed):]
			got, err := runExample(t, strings.TrimSuffix(cmd[2:], "\n"))
			if err != nil {
				t.Fatalf("README.md line %d: %v", i+2+j, err)
			}
			got = strings.TrimRight(got, "\n")
			examples++
			if got != trimmed && !*updateReadme {
				t.Errorf("README.md line %d: %s\nprints\n%s\nthe README shows\n%s", i+2+j, strings.TrimSpace(cmd), got, trimmed)
			}
			out.WriteString(cmd)
			if got != "" {
				out.WriteString(got + "\n")
			}
			if sep != "" {
				out.WriteString(sep[1:])
			}
			j = k
		}
		out.WriteString(lines[end])
		i = end
	}
	if examples < 4 {
		t.Errorf("%d console examples in the README, want at least 4", examples)
	}
	if *updateReadme && out.String() != string(data) {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("rewrote the README's console examples")
	}
}

// runExample runs one console command line and returns what it printed.
func runExample(t *testing.T, line string) (string, error) {
	stdin, piped := "", false
	if rest, ok := strings.CutPrefix(line, "printf "); ok {
		words, tail, err := shellWords(rest, "|")
		if err != nil || len(words) != 1 {
			return "", fmt.Errorf("want printf 'TEXT' | anzsco ...: %q", line)
		}
		stdin, piped, line = printfText(words[0]), true, tail
	}
	args, _, err := shellWords(line, "")
	if err != nil {
		return "", err
	}
	if len(args) == 0 || args[0] != "anzsco" {
		return "", fmt.Errorf("not an anzsco command: %q", line)
	}
	ios, out, errOut := Test(stdin)
	ios.StdoutTTY = !piped
	f := &Factory{IO: ios}
	defer f.Close()
	run(f, args[1:])
	return out.String() + errOut.String(), nil
}

// shellWords splits s into words as a shell would for quotes '...' and
// "..." and a comment after " #"; with stop set, it ends at an unquoted
// stop and returns the rest after it.
func shellWords(s, stop string) (words []string, rest string, err error) {
	var w strings.Builder
	in := false
	flush := func() {
		if in {
			words = append(words, w.String())
			w.Reset()
			in = false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, "", fmt.Errorf("unclosed quote in %q", s)
			}
			w.WriteString(s[i+1 : i+1+j])
			in = true
			i += j + 1
		case stop != "" && strings.HasPrefix(s[i:], stop):
			flush()
			return words, strings.TrimSpace(s[i+len(stop):]), nil
		case c == '#' && !in:
			flush()
			return words, "", nil
		case c == ' ' || c == '\t':
			flush()
		default:
			w.WriteByte(c)
			in = true
		}
	}
	flush()
	return words, "", nil
}

// printfText interprets the escapes of a printf format without arguments.
func printfText(s string) string {
	return strings.NewReplacer(`\n`, "\n", `\t`, "\t", `\\`, `\`).Replace(s)
}
