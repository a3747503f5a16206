package crosswalk

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

//go:embed data/corrections.txt
var correctionsData []byte

// Kinds of correction, the first word of a line of data/corrections.txt.
const (
	// FixCBO sends a CBO 2002 family (4110) or occupation (4110-10)
	// straight to ISCO-08 groups, in place of the Ministry's ISCO-88 link.
	FixCBO = "cbo"
	// FixISCO88 sends an ISCO-88 group to ISCO-08 groups, in place of
	// those the ILO table and the nearest-code rule give it.
	FixISCO88 = "isco88"
	// FixMain names the ANZSCO occupations that hold the bulk of an
	// ISCO-08 group whose ABS rows are all partial; the group's labels go
	// to them only.
	FixMain = "main"
)

// Fix is one correction: the codes a source code goes to instead, and why.
type Fix struct {
	To     []string
	Reason string
}

// Corrections holds the corrections to the public tables: each table is
// followed as published except where a line of data/corrections.txt says
// it is plainly wrong for a whole group, and the titles it changes say so
// in their provenance ("(corrected: ...)").
type Corrections struct {
	CBO    map[string]Fix // CBO family (4 digits) or occupation (6 digits) → ISCO-08
	ISCO88 map[string]Fix // ISCO-88 unit group → ISCO-08
	Main   map[string]Fix // ISCO-08 unit group → its main ANZSCO occupations
}

var (
	cboKeyRE = regexp.MustCompile(`^\d{4}(-\d{2})?$`)
	fixLine  = regexp.MustCompile(`^(\S+)\s+(\S+)\s+→\s+([0-9 ]+):\s*(\S.*)$`)
)

// ReadCorrections reads corrections, one a line:
//
//	KIND CODE → CODE...: reason
//
// KIND is cbo (a CBO 2002 family or occupation, written 4110 or 4110-10, to
// ISCO-08 unit groups), isco88 (an ISCO-88 unit group to ISCO-08 unit
// groups) or main (an ISCO-08 unit group to the ANZSCO occupations that
// hold the bulk of it). The reason, which provenance repeats, is required.
// '#' starts a comment line and blank lines are skipped; a code corrected
// twice is an error.
func ReadCorrections(r io.Reader, name string) (*Corrections, error) {
	data, err := utf8Text(r, name)
	if err != nil {
		return nil, err
	}
	c := &Corrections{CBO: map[string]Fix{}, ISCO88: map[string]Fix{}, Main: map[string]Fix{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := fixLine.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("%s:%d: %w: want KIND CODE → CODE...: reason", name, n, ErrFormat)
		}
		kind, from, to := m[1], m[2], strings.Fields(m[3])
		var table map[string]Fix
		toLen := 4
		switch kind {
		case FixCBO:
			if !cboKeyRE.MatchString(from) {
				return nil, fmt.Errorf("%s:%d: %w: CBO code %q, want a family (4110) or an occupation (4110-10)", name, n, ErrFormat, from)
			}
			from, table = strings.ReplaceAll(from, "-", ""), c.CBO
		case FixISCO88, FixMain:
			if !digits4.MatchString(from) {
				return nil, fmt.Errorf("%s:%d: %w: %s code %q, want four digits", name, n, ErrFormat, kind, from)
			}
			table = c.ISCO88
			if kind == FixMain {
				table, toLen = c.Main, 6
			}
		default:
			return nil, fmt.Errorf("%s:%d: %w: kind %q, want cbo, isco88 or main", name, n, ErrFormat, kind)
		}
		for _, code := range to {
			if len(code) != toLen {
				return nil, fmt.Errorf("%s:%d: %w: %q, want %d digits", name, n, ErrFormat, code, toLen)
			}
		}
		if _, dup := table[from]; dup {
			return nil, fmt.Errorf("%s:%d: %w: %s %s is corrected twice", name, n, ErrFormat, kind, m[2])
		}
		table[from] = Fix{To: to, Reason: m[4]}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// DefaultCorrections returns the embedded corrections
// (data/corrections.txt).
func DefaultCorrections() (*Corrections, error) {
	return ReadCorrections(bytes.NewReader(correctionsData), "data/corrections.txt")
}

// checkMain reports a main correction that names an occupation the ABS
// table does not give the group, or a group with a full row: the
// correction is only for groups whose rows are all partial.
func (c *Corrections) checkMain(rows []ISCORow) error {
	if c == nil {
		return nil
	}
	all, full := correspondence(rows, func(r ISCORow) (string, string, bool) { return r.ISCO08, r.ANZSCO, r.Partial })
	for g, fix := range c.Main {
		if len(full[g]) > 0 {
			return fmt.Errorf("crosswalk: correction main %s: the group has full rows", g)
		}
		for _, o := range fix.To {
			if !slices.Contains(all[g], o) {
				return fmt.Errorf("crosswalk: correction main %s: ANZSCO %s is not one of its occupations", g, o)
			}
		}
	}
	return nil
}
