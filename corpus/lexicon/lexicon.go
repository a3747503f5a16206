// Package lexicon holds Portuguese word lists for reading job titles and
// ads, as data files with a small parser:
//
//   - pt-noise.txt: words and phrases of job ads that say nothing about the
//     occupation (contract forms such as CLT and PJ, work mode, PCD, "(m/f)",
//     pay, training programmes, seniority), in named groups;
//   - pt-variants.txt: Brazilian and European words for the same thing
//     ("ônibus" and "autocarro", "equipe" and "equipa"), with European
//     spellings from before the 1990 agreement ("director").
//
// Both files have one entry a line; a line "[group]" starts a group, a
// line starting with '#' is a comment. Entries are compared in folded form
// (Fold: lower case, no accents, single spaces), and a repeated entry is an
// error that names both lines. The package's functions are safe for
// concurrent use.
package lexicon

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrFormat is wrapped by every error about the content of a lexicon file.
var ErrFormat = errors.New("bad lexicon file")

// MaxFileSize bounds the size of a lexicon file.
const MaxFileSize = 1 << 20

// Noise is one entry of the noise list.
type Noise struct {
	Group string // contract, work mode, inclusion...
	Text  string // as written in the file
	Line  int
}

// Variant is a pair of words for the same thing in Brazil and Portugal.
type Variant struct {
	Group  string
	BR, PT string // as written in the file
	Line   int
}

// Fold returns s in lower case without accents and with its spaces
// collapsed.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// line is an entry line with its group.
type line struct {
	n     int
	group string
	text  string
}

// readLines reads the entry lines of a lexicon file.
func readLines(r io.Reader, name string) ([]line, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: %w: larger than %d KiB", name, ErrFormat, MaxFileSize>>10)
	}
	var out []line
	group := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		switch {
		case !utf8.ValidString(text):
			return nil, fmt.Errorf("%s:%d: %w: not UTF-8", name, n, ErrFormat)
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case strings.HasPrefix(text, "["):
			if !strings.HasSuffix(text, "]") || strings.TrimSpace(text[1:len(text)-1]) == "" {
				return nil, fmt.Errorf("%s:%d: %w: a group line is a name in brackets, as [contract]", name, n, ErrFormat)
			}
			group = strings.TrimSpace(text[1 : len(text)-1])
			continue
		case group == "":
			return nil, fmt.Errorf("%s:%d: %w: entry %q before the first [group] line", name, n, ErrFormat, text)
		}
		out = append(out, line{n, group, text})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w: no entries", name, ErrFormat)
	}
	return out, nil
}

// ReadNoise reads a noise list. An entry that folds like an earlier one is
// an error.
func ReadNoise(r io.Reader, name string) ([]Noise, error) {
	lines, err := readLines(r, name)
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	out := make([]Noise, 0, len(lines))
	for _, l := range lines {
		f := Fold(l.text)
		if prev, dup := seen[f]; dup {
			return nil, fmt.Errorf("%s:%d: %w: %q repeats line %d", name, l.n, ErrFormat, l.text, prev)
		}
		seen[f] = l.n
		out = append(out, Noise{Group: l.group, Text: l.text, Line: l.n})
	}
	return out, nil
}

// ReadVariants reads pairs "Brazilian | European". Each form may appear
// once on its side, and the two forms of a pair must differ once folded.
func ReadVariants(r io.Reader, name string) ([]Variant, error) {
	lines, err := readLines(r, name)
	if err != nil {
		return nil, err
	}
	br, pt := map[string]int{}, map[string]int{}
	out := make([]Variant, 0, len(lines))
	for _, l := range lines {
		parts := strings.Split(l.text, "|")
		if len(parts) != 2 || strings.TrimSpace(parts[0]) == "" || strings.TrimSpace(parts[1]) == "" {
			return nil, fmt.Errorf("%s:%d: %w: want \"Brazilian form | European form\"", name, l.n, ErrFormat)
		}
		v := Variant{Group: l.group, BR: strings.TrimSpace(parts[0]), PT: strings.TrimSpace(parts[1]), Line: l.n}
		fb, fp := Fold(v.BR), Fold(v.PT)
		if fb == fp {
			return nil, fmt.Errorf("%s:%d: %w: %q and %q differ only in case or accents", name, l.n, ErrFormat, v.BR, v.PT)
		}
		if prev, dup := br[fb]; dup {
			return nil, fmt.Errorf("%s:%d: %w: the Brazilian form %q repeats line %d", name, l.n, ErrFormat, v.BR, prev)
		}
		if prev, dup := pt[fp]; dup {
			return nil, fmt.Errorf("%s:%d: %w: the European form %q repeats line %d", name, l.n, ErrFormat, v.PT, prev)
		}
		br[fb], pt[fp] = l.n, l.n
		out = append(out, v)
	}
	return out, nil
}

//go:embed pt-noise.txt
var noiseData []byte

//go:embed pt-variants.txt
var variantsData []byte

// PTNoise returns the embedded Portuguese noise list (pt-noise.txt).
func PTNoise() ([]Noise, error) {
	return ReadNoise(bytes.NewReader(noiseData), "pt-noise.txt")
}

// PTVariants returns the embedded Brazilian and European pairs
// (pt-variants.txt).
func PTVariants() ([]Variant, error) {
	return ReadVariants(bytes.NewReader(variantsData), "pt-variants.txt")
}
