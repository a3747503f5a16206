package abs

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// ESCO names the European classification in the sources of its titles.
// Its reuse notice: "This service uses the ESCO classification of the
// European Commission."
const ESCO = "ESCO v1.1.1"

// Crosswalk maps ISCO-08 unit groups to ANZSCO occupations, from the ABS
// correspondence (ANZSCO 2022 -> ISCO-08, Table 4).
type Crosswalk struct {
	full, partial map[string][]string // ISCO-08 code -> ANZSCO codes
}

// ReadCrosswalk reads the correspondence as CSV with the columns
// anzsco_code, isco08_code and partial ("p" for a partial match).
func ReadCrosswalk(r io.Reader, name string) (*Crosswalk, error) {
	rows, cols, err := readCSV(r, name, "anzsco_code", "isco08_code", "partial")
	if err != nil {
		return nil, err
	}
	cw := &Crosswalk{full: map[string][]string{}, partial: map[string][]string{}}
	for _, row := range rows {
		a, i, p := row[cols[0]], row[cols[1]], row[cols[2]]
		if !occCodeRE.MatchString(a) || len(i) != 4 {
			continue
		}
		if p == "p" {
			cw.partial[i] = append(cw.partial[i], a)
		} else {
			cw.full[i] = append(cw.full[i], a)
		}
	}
	return cw, nil
}

// Targets returns the ANZSCO occupations an ISCO-08 unit group maps to:
// its full matches, or its partial ones when it has none.
func (cw *Crosswalk) Targets(isco string) []string {
	if t := cw.full[isco]; len(t) > 0 {
		return t
	}
	return cw.partial[isco]
}

// readCSV reads a CSV file with a header and returns its rows and the
// positions of the named columns.
func readCSV(r io.Reader, name string, columns ...string) ([][]string, []int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: reading the header: %w", name, err)
	}
	pos := make([]int, len(columns))
	for k, c := range columns {
		pos[k] = -1
		for i, h := range header {
			if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), c) {
				pos[k] = i
			}
		}
		if pos[k] < 0 {
			return nil, nil, fmt.Errorf("%s: no column %q in the header", name, c)
		}
	}
	var rows [][]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, p := range pos {
			if p >= len(rec) {
				line, _ := cr.FieldPos(0)
				return nil, nil, fmt.Errorf("%s: line %d: too few fields", name, line)
			}
		}
		rows = append(rows, rec)
	}
	return rows, pos, nil
}

// AddESCO adds the English titles of ESCO occupations (CSV with the
// columns ISCOGROUPCODE, CODE, PREFERREDLABEL and ALTLABELS, one label a
// line) to c through the crosswalk: to the occupation when the ESCO
// occupation's ISCO-08 group maps to one ANZSCO occupation, to the unit
// group when it maps to several of one unit group; other titles are left
// out. A title the occupation (or group) already has is not repeated. It
// returns the number of titles added at each level.
func AddESCO(c *corpus.Corpus, r io.Reader, name string, cw *Crosswalk) (occupation, unit int, err error) {
	rows, cols, err := readCSV(r, name, "ISCOGROUPCODE", "CODE", "PREFERREDLABEL", "ALTLABELS")
	if err != nil {
		return 0, 0, err
	}
	groups := map[string]*corpus.GroupTitles{}
	have := map[string]bool{} // target code + folded title
	for _, o := range c.Occupations {
		if en := o.Text["en"]; en != nil {
			eachTitleOf(en, func(s string) { have[o.Code+"|"+strings.ToLower(s)] = true })
		}
	}
	for _, row := range rows {
		isco, code := row[cols[0]], row[cols[1]]
		targets := cw.Targets(isco)
		if len(targets) == 0 {
			continue
		}
		target := targets[0]
		if len(targets) > 1 {
			target = commonPrefix(targets, 4)
			if target == "" {
				continue
			}
		}
		labels := append([]string{row[cols[2]]}, strings.Split(row[cols[3]], "\n")...)
		for _, l := range labels {
			l = strings.TrimSpace(l)
			if l == "" || have[target+"|"+strings.ToLower(l)] {
				continue
			}
			have[target+"|"+strings.ToLower(l)] = true
			st := corpus.SourcedTitle{Title: l, Source: fmt.Sprintf("%s %s, ISCO-08 %s", ESCO, code, isco)}
			if len(target) == 6 {
				o, _ := c.Lookup(target)
				if o == nil || o.Text["en"] == nil {
					continue
				}
				o.Text["en"].SourcedTitles = append(o.Text["en"].SourcedTitles, st)
				occupation++
				continue
			}
			g := groups[target]
			if g == nil {
				g = &corpus.GroupTitles{Level: "unit", Code: target, Titles: map[string][]corpus.SourcedTitle{}}
				groups[target] = g
			}
			g.Titles["en"] = append(g.Titles["en"], st)
			unit++
		}
	}
	codes := make([]string, 0, len(groups))
	for code := range groups {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		c.Groups = append(c.Groups, *groups[code])
	}
	return occupation, unit, nil
}

// commonPrefix returns the first n characters that all codes share, or "".
func commonPrefix(codes []string, n int) string {
	p := codes[0][:n]
	for _, c := range codes[1:] {
		if c[:n] != p {
			return ""
		}
	}
	return p
}

func eachTitleOf(t *corpus.Text, fn func(string)) {
	fn(t.Title)
	for _, list := range [][]string{t.AlternativeTitles, t.Specialisations, t.EverydayTitles} {
		for _, s := range list {
			fn(s)
		}
	}
}
