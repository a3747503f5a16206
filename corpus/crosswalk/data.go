package crosswalk

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/anzsco/anzsco/corpus/abs"
)

//go:generate go run ./internal/gen -shared ../../../shared/crosswalks -abs ../../../shared/abs -out data/pt-titles.tsv.gz -out-en data/en-titles.tsv.gz

// Attribution is the credit that must accompany the Portuguese titles
// wherever they are shipped or shown.
const Attribution = `Portuguese titles derived from:
- ANZSCO and its correspondence to ISCO-08: © Commonwealth of Australia (Australian Bureau of Statistics), CC BY 4.0.
- ESCO: This service uses the ESCO classification of the European Commission (reuse under Commission Decision 2011/833/EU).
- CBO 2002: Classificação Brasileira de Ocupações, Ministério do Trabalho e Emprego (Brazil), public data.
- CPP 2010: Classificação Portuguesa das Profissões 2010, © INE Portugal (reproduction allowed with attribution, not for commercial purposes).
- ISCO-88 to ISCO-08 correspondence: © International Labour Organization.`

// tsvHeader is the first line of the titles file.
const tsvHeader = "target\ttext\tvariant\tsource"

// MaxTitles bounds the number of lines ReadTSV accepts.
const MaxTitles = 1 << 20

// WriteTSV writes titles as tab-separated lines under a header: target,
// text, variant, source. The lines are written in the order given.
func WriteTSV(w io.Writer, titles []PTTitle) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, tsvHeader)
	for _, t := range titles {
		fields := []string{t.Target, t.Text, t.Variant, t.Source}
		for _, f := range fields {
			if strings.ContainsAny(f, "\t\n\r") {
				return fmt.Errorf("crosswalk: title %q of %s: a field holds a tab or a line break", t.Text, t.Target)
			}
		}
		fmt.Fprintln(bw, strings.Join(fields, "\t"))
	}
	return bw.Flush()
}

// ReadTSV reads titles written by WriteTSV.
func ReadTSV(r io.Reader, name string) ([]PTTitle, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<16)
	var out []PTTitle
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			if line != tsvHeader {
				return nil, fmt.Errorf("%s:1: %w: want the header %q", name, ErrFormat, tsvHeader)
			}
			continue
		}
		if n > MaxTitles {
			return nil, fmt.Errorf("%s:%d: %w: more than %d titles", name, n, ErrFormat, MaxTitles)
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: %w: %d fields, want 4 (target, text, variant, source)", name, n, ErrFormat, len(f))
		}
		t := PTTitle{Target: f[0], Text: f[1], Variant: f[2], Source: f[3]}
		switch {
		case !validTarget(t.Target):
			return nil, fmt.Errorf("%s:%d: %w: target %q is not a 3-, 4- or 6-digit ANZSCO code", name, n, ErrFormat, t.Target)
		case t.Text == "":
			return nil, fmt.Errorf("%s:%d: %w: empty text", name, n, ErrFormat)
		case t.Variant != "" && t.Variant != Brazil && t.Variant != Portugal:
			return nil, fmt.Errorf("%s:%d: %w: variant %q, want pt-BR, pt-PT or nothing", name, n, ErrFormat, t.Variant)
		case t.Source == "":
			return nil, fmt.Errorf("%s:%d: %w: empty source", name, n, ErrFormat)
		}
		out = append(out, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w: no titles", name, ErrFormat)
	}
	return out, nil
}

func validTarget(s string) bool {
	if len(s) != 3 && len(s) != 4 && len(s) != 6 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// WriteGzipTSV writes titles as WriteTSV does, gzipped with no name and no
// time in the header, so the same titles always give the same bytes.
func WriteGzipTSV(w io.Writer, titles []PTTitle) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := WriteTSV(zw, titles); err != nil {
		return err
	}
	return zw.Close()
}

//go:embed data/pt-titles.tsv.gz
var titlesGz []byte

// Titles returns the Portuguese titles derived from the crosswalks, as
// generated into data/pt-titles.tsv.gz, sorted by target. The slice is
// shared: callers must not change it. Titles is safe for concurrent use.
func Titles() ([]PTTitle, error) { return titles() }

var titles = embeddedTitles(titlesGz, "data/pt-titles.tsv.gz")

// embeddedTitles returns a function that reads gz, the embedded file name
// of titles, when it is first called, and then returns what it read.
func embeddedTitles(gz []byte, name string) func() ([]PTTitle, error) {
	return sync.OnceValues(func() ([]PTTitle, error) {
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			return nil, fmt.Errorf("crosswalk: %s: %w", name, err)
		}
		return ReadTSV(zr, name)
	})
}

// ByTarget groups titles by target.
func ByTarget(titles []PTTitle) map[string][]PTTitle {
	m := map[string][]PTTitle{}
	for _, t := range titles {
		m[t.Target] = append(m[t.Target], t)
	}
	return m
}

// Coverage says at which level ANZSCO occupations have Portuguese titles.
type Coverage struct {
	Occupation int      // occupations with a title of their own
	UnitGroup  int      // others whose unit group has a title
	MinorGroup int      // others whose minor group has a title
	Missing    []string // occupations with none of these, sorted
}

// CoverageOf counts, for each occupation code, the most specific level at
// which titles reach it.
func CoverageOf(titles []PTTitle, occupations []string) Coverage {
	has := map[string]bool{}
	for _, t := range titles {
		has[t.Target] = true
	}
	var c Coverage
	for _, o := range occupations {
		switch {
		case len(o) != 6:
			c.Missing = append(c.Missing, o)
		case has[o]:
			c.Occupation++
		case has[o[:4]]:
			c.UnitGroup++
		case has[o[:3]]:
			c.MinorGroup++
		default:
			c.Missing = append(c.Missing, o)
		}
	}
	sort.Strings(c.Missing)
	return c
}

// Extra returns titles in the form the whole-ANZSCO corpus takes them
// (abs.Whole), each source saying its variant of Portuguese.
func Extra(titles []PTTitle) []abs.ExtraTitle {
	out := make([]abs.ExtraTitle, len(titles))
	for i, t := range titles {
		source := t.Source
		if t.Variant != "" {
			source += " (" + t.Variant + ")"
		}
		out[i] = abs.ExtraTitle{Target: t.Target, Lang: "pt", Text: t.Text, Source: source}
	}
	return out
}

// ReadANZSCOTitles reads the English titles of every occupation, by code,
// from the ABS index of titles (package abs reads the workbook): the
// titles an ESCO occupation's English name is matched against.
func ReadANZSCOTitles(r io.Reader, name string) (map[string][]string, error) {
	titles, err := abs.ReadTitles(r, name)
	if err != nil {
		return nil, err
	}
	m := map[string][]string{}
	for _, t := range titles {
		m[t.Code] = append(m[t.Code], t.Text)
	}
	return m, nil
}

// ReadANZSCOTitlesFile is ReadANZSCOTitles on a file.
func ReadANZSCOTitlesFile(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadANZSCOTitles(f, path)
}
