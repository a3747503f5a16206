package cv

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	textfold "github.com/anzsco/anzsco/internal/fold"
)

// Month is a calendar month. The zero Month is no month.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month t falls in.
func MonthOf(t time.Time) Month { return Month{t.Year(), t.Month()} }

// IsZero reports whether m is the zero Month.
func (m Month) IsZero() bool { return m.Year == 0 }

// String formats m as YYYY-MM.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month))
}

// serial numbers months consecutively, so that differences count months.
func (m Month) serial() int { return m.Year*12 + int(m.Month) - 1 }

// Before reports whether m is earlier than o.
func (m Month) Before(o Month) bool { return m.serial() < o.serial() }

// Range is a period of work as a CV writes it.
type Range struct {
	Start, End Month
	// Current is true when the range runs to the present ("Present",
	// "atual", "desde 2020"); End is then the reference month.
	Current bool
	// Approximate is true when the start or the end was written as a year
	// without a month and was read as the middle of that year.
	Approximate bool
	// From and To are the byte offsets of the range in the line it was
	// found in.
	From, To int
}

// Months is the number of calendar months the range covers, counting the
// first and the last month.
func (r Range) Months() int { return r.End.serial() - r.Start.serial() + 1 }

// Year-only dates. A CV that writes "2017 – 2019" proves at least 13 months
// (December 2017 to January 2019) and at most 36. Reading a year alone as
// its middle (July for a start, June for an end) counts 24, the difference
// of the years in months, without crediting a year that may not have been
// worked. A range inside one year ("2019 – 2019") counts the middle half of
// it, April to September.
const (
	yearOnlyStart     = time.July
	yearOnlyEnd       = time.June
	sameYearOnlyStart = time.April
	sameYearOnlyEnd   = time.September
)

// maxRangeTries bounds the candidates FindRange tries in one line.
const maxRangeTries = 8

// Years outside [minYear, reference year + 1] are not dates of work.
const minYear = 1950

// fold folds s as the index does (package fold) and returns, for each
// byte offset of the folded text, the byte offset in s (with a final entry
// for len(s)), so that matches on folded text can be cut from s. Before
// folding, invalid UTF-8 becomes a space and the arrows and dashes a date
// range may be written with become '>' and '-'.
func fold(s string) (string, []int) {
	return textfold.WithOffsets(s, rangePunct)
}

func rangePunct(r rune) rune {
	switch r {
	case utf8.RuneError:
		return ' '
	case '→':
		return '>'
	case '‒', '−', '―':
		return '-'
	}
	return r
}

// Date patterns, on folded text.
const (
	monthNames = `(?:jan(?:uary|eiro)?|feb(?:ruary)?|fev(?:ereiro)?|mar(?:ch|co)?|apr(?:il)?|abr(?:il)?|may|mai(?:o)?|jun(?:e|ho)?|jul(?:y|ho)?|aug(?:ust)?|ago(?:sto)?|sep(?:t(?:ember)?)?|set(?:embro)?|oct(?:ober)?|out(?:ubro)?|nov(?:ember|embro)?|dec(?:ember)?|dez(?:embro)?)`
	// "Mar 2019", "March, 2019", "março de 2019", "jan/2018", "fev. 2015",
	// "Mar '19", "jan/18".
	namedDate = `\b` + monthNames + `\.?(?:(?:\s*[/\-.,]\s*|\s+de\s+|\s+of\s+|\s+)\d{4}|\s*/\s*'?\d{2}|\s*'\d{2})\b`
	// "03/2016", "3.2016", "01/03/2016" (day first).
	numericDate = `\b(?:\d{1,2}[/.\-])?\d{1,2}[/.\-](?:19|20)\d{2}\b`
	// "2021-03", ISO 8601; "2011-12" is read so only when a range of such
	// dates needs it, else it is the years 2011 to 2012.
	isoDate  = `\b(?:19[5-9]\d|20\d{2})-(?:0[1-9]|1[0-2])\b`
	yearDate = `\b(?:19[5-9]\d|20\d{2})\b`
	anyDate  = `(?:` + namedDate + `|` + numericDate + `|` + isoDate + `|` + yearDate + `)`
	// "Present", "atual", "até o momento", "to date", "até hoje".
	present = `(?:(?:ate|to|till|until)\s+)?(?:(?:o|a|os|the)\s+)?(?:present(?:e)?|current(?:ly)?|now|today|date|ongoing|atual(?:mente)?|actual(?:mente)?|atualidade|actualidade|hoje|agora|momento|dias\s+(?:de\s+)?hoje|dias\s+atuais|data\s+atual|em\s+andamento|em\s+curso)\b`
	// A separator between two dates.
	rangeSep = `(?:\s*(?:-+>?|~|>)\s*|\s+(?:to|a|ate|until|till|through|thru|ao)\s+)`
)

// dateRE returns the date expressions, compiled on first use: a process
// that reads no CV does not pay for them (nor for the word lists
// endLabelSep reads).
var dateRE = sync.OnceValue(func() *dateRegexps {
	return &dateRegexps{
		// rangeRE: a start date, a separator, an end date, "present" or a
		// two-digit end year ("2015-17").
		rangeRE: regexp.MustCompile(`(?:\b(?:from|de|desde|between|entre)\s+)?(` + anyDate + `)(?:` + endLabelSep() + `|` + rangeSep + `)(` + anyDate + `|` + present + `|\d{2}\b)`),
		// openRE: "desde 2020", "since March 2020", "a partir de 2020", or a
		// start date followed by a dash and nothing else.
		openRE:      regexp.MustCompile(`\b(?:desde|since|from|a\s+partir\s+de|starting)\s+(?:(?:o|a|de|em)\s+)?(` + anyDate + `)`),
		danglingRE:  regexp.MustCompile(`(` + anyDate + `)\s*(?:-+|~)\s*$`),
		namedDateRE: regexp.MustCompile(`^` + monthNames + `\.?(?:\s*[/\-.,]\s*|\s+de\s+|\s+of\s+|\s*'|\s*/\s*'|\s+|)(\d{2,4})$`),
		numDateRE:   regexp.MustCompile(`^(?:(\d{1,2})[/.\-])?(\d{1,2})[/.\-](\d{4})$`),
		isoDateRE:   regexp.MustCompile(`^(\d{4})-(\d{2})$`),
	}
})

type dateRegexps struct {
	rangeRE, openRE, danglingRE, namedDateRE, numDateRE, isoDateRE *regexp.Regexp
}

// endLabelSep matches the label of an end date that stands between the
// dates of a form ("Admissão: 02/2019 – Saída: 11/2022"), from the "end"
// labels of lexicon/labels.txt.
func endLabelSep() string {
	var alts []string
	for label, kind := range lex().labels {
		if kind == "end" {
			alts = append(alts, strings.ReplaceAll(regexp.QuoteMeta(label), " ", `\s+`))
		}
	}
	sort.Slice(alts, func(i, j int) bool {
		return len(alts[i]) > len(alts[j]) || len(alts[i]) == len(alts[j]) && alts[i] < alts[j]
	})
	return `\s*(?:-+\s*)?(?:` + strings.Join(alts, "|") + `)\s*:\s*`
}

var monthByPrefix = map[string]time.Month{
	"jan": time.January, "feb": time.February, "fev": time.February, "mar": time.March,
	"apr": time.April, "abr": time.April, "may": time.May, "mai": time.May,
	"jun": time.June, "jul": time.July, "aug": time.August, "ago": time.August,
	"sep": time.September, "set": time.September, "oct": time.October, "out": time.October,
	"nov": time.November, "dec": time.December, "dez": time.December,
}

// date is one parsed date: a month, or a year alone.
type date struct {
	m        Month
	yearOnly bool
}

// parseDate reads one date matched by anyDate (folded text). ref resolves
// two-digit years.
func parseDate(s string, ref Month) (date, bool) {
	s = strings.TrimSpace(s)
	if m := dateRE().namedDateRE.FindStringSubmatch(s); m != nil {
		mon, ok := monthByPrefix[s[:3]]
		if !ok {
			return date{}, false
		}
		y, err := strconv.Atoi(m[1])
		if err != nil || (len(m[1]) != 2 && len(m[1]) != 4) {
			return date{}, false
		}
		if len(m[1]) == 2 {
			y = expandYear(y, ref)
		}
		return date{m: Month{y, mon}}, true
	}
	if m := dateRE().numDateRE.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		mon := a
		if m[1] != "" {
			// Day first (dd/mm/yyyy), as Brazil, Portugal and Australia
			// write it; a middle number above 12 means mm/dd/yyyy.
			d, _ := strconv.Atoi(m[1])
			if a > 12 && d <= 12 {
				mon = d
			}
		}
		if mon < 1 || mon > 12 {
			return date{}, false
		}
		return date{m: Month{y, time.Month(mon)}}, true
	}
	if m := dateRE().isoDateRE.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mon, _ := strconv.Atoi(m[2])
		if mon < 1 || mon > 12 {
			return date{}, false
		}
		return date{m: Month{y, time.Month(mon)}}, true
	}
	if len(s) == 4 {
		y, err := strconv.Atoi(s)
		if err == nil {
			return date{m: Month{y, time.January}, yearOnly: true}, true
		}
	}
	return date{}, false
}

// expandYear turns a two-digit year into the latest year not after the
// year following ref.
func expandYear(yy int, ref Month) int {
	y := ref.Year/100*100 + yy
	if y > ref.Year+1 {
		y -= 100
	}
	return y
}

// FindRange finds the first date range in line: "Mar 2019 – Present",
// "March 2019 - Jan 2021", "2017-2019", "jan/2018 - atual", "03/2016 a
// 12/2018", "desde 2020", "2019 – até o momento", "fev. 2015 – dez. 2016".
// ref is the month that "present" stands for; ranges that start after it,
// end before they start or fall outside the years 1950 to ref's next year
// are not ranges. An end after ref is cut to ref.
func FindRange(line string, ref Month) (Range, bool) {
	if !strings.ContainsAny(line, "0123456789") {
		return Range{}, false // every date has a year
	}
	folded, offs := fold(line)
	pos := 0
	// A line has few date-like candidates; the bound keeps a long line of
	// numbers from costing quadratic time.
	for tries := 0; pos < len(folded) && tries < maxRangeTries; tries++ {
		r, next, ok := findRangeFrom(folded, pos, ref)
		if next <= pos {
			break
		}
		if ok {
			r.From, r.To = offs[r.From], offs[r.To]
			return r, true
		}
		pos = next
	}
	return Range{}, false
}

// findRangeFrom looks for a range at or after byte pos of folded text. It
// returns the range, the offset to continue from when the candidate it
// found was not a valid range, and whether the range is valid.
func findRangeFrom(s string, pos int, ref Month) (Range, int, bool) {
	type cand struct {
		loc  []int
		kind int
	}
	var best *cand
	for kind, re := range []*regexp.Regexp{dateRE().rangeRE, dateRE().openRE, dateRE().danglingRE} {
		loc := re.FindStringSubmatchIndex(s[pos:])
		if loc == nil {
			continue
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += pos
			}
		}
		if best == nil || loc[0] < best.loc[0] {
			best = &cand{loc, kind}
		}
	}
	if best == nil {
		return Range{}, len(s), false
	}
	loc := best.loc
	next := loc[3] // when this is no range, go on after its first date
	start, ok := parseDate(s[loc[2]:loc[3]], ref)
	if !ok {
		return Range{}, next, false
	}
	var end date
	current := false
	if best.kind == 0 {
		endText := s[loc[4]:loc[5]]
		switch {
		case len(endText) == 2:
			if !start.yearOnly {
				return Range{}, next, false
			}
			yy, _ := strconv.Atoi(endText)
			y := start.m.Year/100*100 + yy
			if y < start.m.Year {
				return Range{}, next, false
			}
			end = date{m: Month{y, time.January}, yearOnly: true}
		default:
			if e, ok := parseDate(endText, ref); ok {
				end = e
			} else {
				current = true
			}
		}
	} else {
		current = true
	}
	r := Range{From: loc[0], To: loc[1], Current: current, Start: start.m}
	if start.yearOnly {
		r.Start.Month = yearOnlyStart
		r.Approximate = true
	}
	if current {
		r.End = ref
	} else {
		r.End = end.m
		if end.yearOnly {
			r.End.Month = yearOnlyEnd
			r.Approximate = true
		}
		if start.yearOnly && end.yearOnly && start.m.Year == end.m.Year {
			r.Start.Month, r.End.Month = sameYearOnlyStart, sameYearOnlyEnd
		}
	}
	if !current && r.End.Before(r.Start) && r.Start.Year == r.End.Year && (start.yearOnly || end.yearOnly) {
		// "Sep 2019 – 2019" or "2019 – Mar 2019": the month that is known.
		if start.yearOnly {
			r.Start = r.End
		} else {
			r.End = r.Start
		}
	}
	if start.yearOnly && current && !r.Start.Before(ref) {
		// "desde 2026" read in March 2026: from January.
		r.Start.Month = time.January
	}
	if r.Start.Year < minYear || r.End.Year < minYear || r.Start.Year > ref.Year+1 || r.End.Year > ref.Year+1 {
		return Range{}, next, false
	}
	if ref.Before(r.Start) {
		return Range{}, next, false
	}
	if ref.Before(r.End) {
		r.End = ref
		r.Current = true
	}
	if r.End.Before(r.Start) {
		return Range{}, next, false
	}
	return r, next, true
}
