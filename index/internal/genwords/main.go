package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/anzsco/anzsco/index"
)

func main() {
	lists := []struct {
		out   string
		files []string
	}{
		{"words/en.txt.gz", []string{"/usr/share/dict/british-english", "/usr/share/dict/american-english"}},
		{"words/pt.txt.gz", []string{"/usr/share/dict/portuguese"}},
	}
	for _, l := range lists {
		if err := write(l.out, l.files); err != nil {
			fmt.Fprintln(os.Stderr, "genwords:", err)
			os.Exit(1)
		}
	}
}

func write(out string, files []string) error {
	seen := map[string]bool{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("%w (install Debian's word lists: apt-get install wbritish wamerican wportuguese)", err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := index.Fold(strings.TrimSpace(sc.Text()))
			if len(w) >= 4 && isLetters(w) {
				seen[w] = true
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	words := slices.Sorted(maps.Keys(seen))
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(strings.Join(words, "\n")))
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
