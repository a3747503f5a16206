package crosswalk

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/corpus/abs"
)

//go:embed data/curated-titles.txt
var curatedData []byte

// CuratedAttribution is the credit of the curated titles.
const CuratedAttribution = `Curated titles: everyday titles of job ads that the ABS index of titles lacks, each given the occupation or group of ANZSCO 2022 (© Commonwealth of Australia, Australian Bureau of Statistics, CC BY 4.0) that its definitions name, with the reason (corpus/crosswalk/data/curated-titles.txt).`

// CuratedTitle is one line of data/curated-titles.txt: a title, its
// language, the occupation (six digits), unit group (four) or minor
// group (three) it names, and why.
type CuratedTitle struct {
	Target, Lang, Text, Reason string
}

// ReadCurated reads curated titles: lines of four tab-separated fields,
// target, language, title and reason; '#' starts a comment line.
func ReadCurated(r io.Reader, name string) ([]CuratedTitle, error) {
	var out []CuratedTitle
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 tab-separated fields (target, language, title, reason), got %d", name, n, len(f))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
			if f[i] == "" {
				return nil, fmt.Errorf("%s:%d: field %d is empty", name, n, i+1)
			}
		}
		if l := len(f[0]); (l != 3 && l != 4 && l != 6) || strings.Trim(f[0], "0123456789") != "" {
			return nil, fmt.Errorf("%s:%d: target %q is not an occupation, unit or minor group code", name, n, f[0])
		}
		if !slices.Contains(corpus.Languages, f[1]) {
			return nil, fmt.Errorf("%s:%d: unknown language %q", name, n, f[1])
		}
		out = append(out, CuratedTitle{Target: f[0], Lang: f[1], Text: f[2], Reason: f[3]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// CuratedTitles returns the embedded curated titles
// (data/curated-titles.txt).
func CuratedTitles() ([]CuratedTitle, error) {
	return ReadCurated(bytes.NewReader(curatedData), "data/curated-titles.txt")
}

// Curated returns the embedded curated titles as titles of the
// whole-ANZSCO corpus (abs.Whole), each with the source
// corpus.CuratedSource.
func Curated() ([]abs.ExtraTitle, error) {
	ts, err := CuratedTitles()
	if err != nil {
		return nil, err
	}
	out := make([]abs.ExtraTitle, len(ts))
	for i, t := range ts {
		out[i] = abs.ExtraTitle{Target: t.Target, Lang: t.Lang, Text: t.Text, Source: corpus.CuratedSource}
	}
	return out, nil
}

// AllExtra returns every title the whole-ANZSCO corpus takes beyond the
// ABS workbooks: the Portuguese titles (Titles, Extra), the English ones
// of ESCO (English, ExtraEnglish) and the curated titles (Curated).
func AllExtra() ([]abs.ExtraTitle, error) {
	pt, err := Titles()
	if err != nil {
		return nil, err
	}
	en, err := English()
	if err != nil {
		return nil, err
	}
	cur, err := Curated()
	if err != nil {
		return nil, err
	}
	return slices.Concat(Extra(pt), ExtraEnglish(en), cur), nil
}
