package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// A numKind says how a number format shows a number, as far as this
// package cares: as a number (General, or any format that is not a date
// or time), a date, a date and time, a time of day, or elapsed time.
type numKind uint8

const (
	kindNumber numKind = iota
	kindDate
	kindDateTime
	kindTime
	kindElapsed
)

// builtinKind is the kind of the built-in number formats that are dates
// and times; every other built-in format shows a number.
//
//	14 mm-dd-yy   15 d-mmm-yy   16 d-mmm      17 mmm-yy
//	18 h:mm AM/PM 19 h:mm:ss AM/PM 20 h:mm    21 h:mm:ss
//	22 m/d/yy h:mm 45 mm:ss     46 [h]:mm:ss  47 mmss.0
func builtinKind(id int) numKind {
	switch {
	case id >= 14 && id <= 17:
		return kindDate
	case id >= 18 && id <= 21, id == 45, id == 47:
		return kindTime
	case id == 22:
		return kindDateTime
	case id == 46:
		return kindElapsed
	}
	return kindNumber
}

// formatKind classifies a number format code by the date and time tokens
// of its first section (the one for positive numbers): d and y (and m
// not next to h or s) are a date; h, s, m next to them and AM/PM a time;
// [h], [m] and [s] elapsed time. Quoted text, characters escaped with a
// backslash, those after _ (a space as wide) and * (a fill), and other
// bracketed text (colours, conditions, locales) are not tokens. Letters
// match in either case, as in Excel.
func formatKind(code string) numKind {
	var toks []byte // the date and time tokens in order: d, y, m, h, s
	elapsed := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case ';':
			i = len(code)
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				i = len(code)
				break
			}
			in := strings.ToLower(code[i+1 : i+1+j])
			if in != "" && strings.Trim(in, in[:1]) == "" && strings.Contains("hms", in[:1]) {
				elapsed = true
				toks = append(toks, in[0])
			}
			i += j + 1
		default:
			l := c | 0x20
			switch {
			case l == 'd' || l == 'y' || l == 'm' || l == 'h' || l == 's':
				if len(toks) == 0 || toks[len(toks)-1] != l || (i > 0 && code[i-1]|0x20 != l) {
					toks = append(toks, l)
				}
			case l == 'a' && (hasPrefixFold(code[i:], "am/pm") || hasPrefixFold(code[i:], "a/p")):
				toks = append(toks, 'h')
				if hasPrefixFold(code[i:], "am/pm") {
					i += 4
				} else {
					i += 2
				}
			}
		}
	}
	date, clock := false, false
	for i, t := range toks {
		switch t {
		case 'd', 'y':
			date = true
		case 'h', 's':
			clock = true
		case 'm':
			// m is minutes after an hour or before a second, else a month.
			if (i > 0 && toks[i-1] == 'h') || (i+1 < len(toks) && toks[i+1] == 's') {
				clock = true
			} else {
				date = true
			}
		}
	}
	switch {
	case elapsed:
		return kindElapsed
	case date && clock:
		return kindDateTime
	case date:
		return kindDate
	case clock:
		return kindTime
	}
	return kindNumber
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// styles is what the reader keeps of the styles part: the kind of number
// format of each cell format (cellXfs), by the index a cell's s names.
type styles struct {
	kinds []numKind
	dates bool // some cell format is a date or time
}

// kind returns the kind of the cell format named by s, a cell's style
// attribute: kindNumber for none, or one the styles do not hold.
func (st *styles) kind(s string) numKind {
	if st == nil || !st.dates || s == "" {
		return kindNumber
	}
	i, err := strconv.Atoi(s)
	if err != nil || i < 0 || i >= len(st.kinds) {
		return kindNumber
	}
	return st.kinds[i]
}

// readStyles reads the styles part f: the custom number formats
// (<numFmts>) and the number format of each cell format (<cellXfs>). The
// differential formats (<dxfs>) and cell styles are skipped whole.
func (w *Workbook) readStyles(f *zip.File) (*styles, error) {
	p, err := w.openPart(f)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	custom := map[int]numKind{}
	var ids []int // numFmtId of each cell format, in order
	nfmts := 0
	for {
		t, err := p.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", partName(f), err)
		}
		s, ok := t.(xml.StartElement)
		if !ok || p.depth != 2 {
			continue // the styleSheet, or an end
		}
		switch s.Name.Local {
		case "numFmts":
			err = p.children(func(e xml.StartElement) error {
				if e.Name.Local != "numFmt" {
					return nil
				}
				if nfmts == w.lim.MaxStyles {
					return fmt.Errorf("%w: over %d number formats", ErrLimit, w.lim.MaxStyles)
				}
				id, err := numFmtID(e)
				if err != nil {
					return fmt.Errorf("number format %d: %w", nfmts, err)
				}
				nfmts++
				custom[id] = formatKind(attr(e, "formatCode"))
				return nil
			})
		case "cellXfs":
			err = p.children(func(e xml.StartElement) error {
				if e.Name.Local != "xf" {
					return nil
				}
				if len(ids) == w.lim.MaxStyles {
					return fmt.Errorf("%w: over %d cell formats", ErrLimit, w.lim.MaxStyles)
				}
				id, err := numFmtID(e)
				if err != nil {
					return fmt.Errorf("cell format %d: %w", len(ids), err)
				}
				ids = append(ids, id)
				return nil
			})
		default:
			err = p.skip()
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", partName(f), err)
		}
	}
	st := &styles{kinds: make([]numKind, len(ids))}
	for i, id := range ids {
		k, ok := custom[id]
		if !ok {
			k = builtinKind(id)
		}
		st.kinds[i] = k
		st.dates = st.dates || k != kindNumber
	}
	return st, nil
}

// numFmtID reads the numFmtId of a <numFmt> or <xf>: 0 (General) when
// it has none.
func numFmtID(e xml.StartElement) (int, error) {
	v := attr(e, "numFmtId")
	if v == "" {
		return 0, nil
	}
	id, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || id < 0 {
		return 0, fmt.Errorf("%w: numFmtId %q is not a number", ErrFormat, v)
	}
	return id, nil
}

// children calls fn for each child element of the element just started,
// then skips the child, up to the end of the element.
func (p *part) children(fn func(xml.StartElement) error) error {
	for {
		t, err := p.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
			if err := p.skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// Date systems: the serial number of 9999-12-31, the last day Excel
// shows, in each.
const (
	lastSerial1900 = 2958465
	lastSerial1904 = 2957003
)

// dateText shows the number v, a cell's stored value, as its number
// format of kind k does, in ISO 8601: "2024-01-12" for a date,
// "2024-01-12 08:30:00" for a date and time (or a date with a time of day
// stored), "08:30:00" for a time of day, "36:00:00" for elapsed time (the
// hours counted on past 24). Times are rounded to the second. ok is false
// for a number no date shows (negative, past 9999-12-31, not a number):
// it stays a number.
//
// In the 1900 date system serial 1 is 1900-01-01 and serial 60 the
// 1900-02-29 that Excel counts (after Lotus 1-2-3) though the day never
// was, so serials from 61 are a day less than their count since
// 1899-12-31. Serial 0 is no day: a number under 1 with a time reads as
// its time alone. In the 1904 system serial 0 is 1904-01-01.
func dateText(v string, k numKind, date1904 bool) (string, bool) {
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	last := float64(lastSerial1900)
	if date1904 {
		last = lastSerial1904
	}
	if err != nil || math.IsNaN(x) || x < 0 || x >= last+1 {
		return "", false
	}
	secs := int64(math.Round(x * 86400))
	days, clock := secs/86400, secs%86400
	switch k {
	case kindElapsed:
		return string(appendClock(nil, secs)), true
	case kindTime:
		return string(appendClock(nil, clock)), true
	}
	withTime := k == kindDateTime || clock != 0
	var y, m, d int
	switch {
	case date1904:
		y, m, d = civil(days + daysTo1904)
	case days == 0:
		if !withTime {
			return "", false
		}
		return string(appendClock(nil, clock)), true
	case days == 60:
		y, m, d = 1900, 2, 29
	case days < 60:
		y, m, d = civil(days + daysTo1900 - 1)
	default:
		y, m, d = civil(days + daysTo1900 - 2)
	}
	if days > int64(last) {
		return "", false
	}
	b := make([]byte, 0, len("2006-01-02 15:04:05"))
	b = append(appendDigits(b, int64(y), 4), '-')
	b = append(appendDigits(b, int64(m), 2), '-')
	b = appendDigits(b, int64(d), 2)
	if withTime {
		b = appendClock(append(b, ' '), clock)
	}
	return string(b), true
}

// appendClock appends secs seconds as hh:mm:ss, the hours counted on past
// 24.
func appendClock(b []byte, secs int64) []byte {
	b = append(appendDigits(b, secs/3600, 2), ':')
	b = append(appendDigits(b, secs/60%60, 2), ':')
	return appendDigits(b, secs%60, 2)
}

// appendDigits appends n, not negative, in at least width digits.
func appendDigits(b []byte, n int64, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for ; n > 0 || width > 0; width-- {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, buf[i:]...)
}

// Days from 1970-01-01 to 1900-01-01 and to 1904-01-01.
const (
	daysTo1900 = -25567
	daysTo1904 = -24107
)

// civil returns the date of day n counted from 1970-01-01.
func civil(n int64) (y, m, d int) {
	y, mon, d := time.Unix(n*86400, 0).UTC().Date()
	return y, int(mon), d
}
