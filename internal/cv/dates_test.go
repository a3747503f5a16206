package cv

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// testRef is the month "present" stands for in every test.
var testRef = Month{2026, time.June}

func TestFindRange(t *testing.T) {
	tests := []struct {
		line       string
		start, end string // "" for no range
		months     int
		current    bool
		approx     bool
		matched    string // the text of the line the range covers
	}{
		{"Mar 2019 – Present", "2019-03", "2026-06", 88, true, false, "Mar 2019 – Present"},
		{"March 2019 - Jan 2021", "2019-03", "2021-01", 23, false, false, "March 2019 - Jan 2021"},
		{"2017-2019", "2017-07", "2019-06", 24, false, true, "2017-2019"},
		{"jan/2018 - atual", "2018-01", "2026-06", 102, true, false, "jan/2018 - atual"},
		{"03/2016 a 12/2018", "2016-03", "2018-12", 34, false, false, "03/2016 a 12/2018"},
		{"desde 2020", "2020-07", "2026-06", 72, true, true, "desde 2020"},
		{"2019 – até o momento", "2019-07", "2026-06", 84, true, true, "2019 – até o momento"},
		{"fev. 2015 – dez. 2016", "2015-02", "2016-12", 23, false, false, "fev. 2015 – dez. 2016"},
		{"Team Leader, Acme (Jun 2020 – Current)", "2020-06", "2026-06", 73, true, false, "Jun 2020 – Current"},
		{"Operador | Empresa X | De 01/03/2016 a 31/12/2018", "2016-03", "2018-12", 34, false, false, "De 01/03/2016 a 31/12/2018"},
		{"março de 2019 até hoje", "2019-03", "2026-06", 88, true, false, "março de 2019 até hoje"},
		{"Since September 2021", "2021-09", "2026-06", 58, true, false, "Since September 2021"},
		{"Sept 2021 to date", "2021-09", "2026-06", 58, true, false, "Sept 2021 to date"},
		{"Jan '18 – Mar '19", "2018-01", "2019-03", 15, false, false, "Jan '18 – Mar '19"},
		{"out/2014 – set/2016", "2014-10", "2016-09", 24, false, false, "out/2014 – set/2016"},
		{"2015–17", "2015-07", "2017-06", 24, false, true, "2015–17"},
		{"2019 - 2019", "2019-04", "2019-09", 6, false, true, "2019 - 2019"},
		{"Sep 2019 – 2019", "2019-09", "2019-09", 1, false, true, "Sep 2019 – 2019"},
		{"Apr 2022 –", "2022-04", "2026-06", 51, true, false, "Apr 2022 –"},
		{"May 2020 - Aug 2020", "2020-05", "2020-08", 4, false, false, "May 2020 - Aug 2020"},
		{"Janeiro de 2010 a Dezembro de 2011", "2010-01", "2011-12", 24, false, false, "Janeiro de 2010 a Dezembro de 2011"},
		{"jan 2024 - presente", "2024-01", "2026-06", 30, true, false, "jan 2024 - presente"},
		{"Outubro 2023 – actual", "2023-10", "2026-06", 33, true, false, "Outubro 2023 – actual"},
		{"2021 – hoje", "2021-07", "2026-06", 60, true, true, "2021 – hoje"},
		{"Feb 2025 – Dec 2027", "2025-02", "2026-06", 17, true, false, "Feb 2025 – Dec 2027"},
		{"2021-03 – 2024-06", "2021-03", "2024-06", 40, false, false, "2021-03 – 2024-06"},
		{"2023-11 - Present", "2023-11", "2026-06", 32, true, false, "2023-11 - Present"},
		{"2011-12", "2011-07", "2012-06", 12, false, true, "2011-12"},
		{"Aug '18 – Present", "2018-08", "2026-06", 95, true, false, "Aug '18 – Present"},
		{"Aug ’18 – Present", "2018-08", "2026-06", 95, true, false, "Aug ’18 – Present"},
		{"Admissão: 02/2019 – Saída: 11/2022", "2019-02", "2022-11", 46, false, false, "02/2019 – Saída: 11/2022"},
		{"Admissão: 02/2019 Saída: atual", "2019-02", "2026-06", 89, true, false, "02/2019 Saída: atual"},
		{"de 2019 a 2022", "2019-07", "2022-06", 36, false, true, "de 2019 a 2022"},
		{"desde 2021", "2021-07", "2026-06", 60, true, true, "desde 2021"},
		{"01/09/2018 – ATUAL Braga, Portugal", "2018-09", "2026-06", 94, true, false, "01/09/2018 – ATUAL"},
		{"04/2021 até o momento", "2021-04", "2026-06", 63, true, false, "04/2021 até o momento"},
		{"[ 01/07/2019 – Current ]", "2019-07", "2026-06", 84, true, false, "01/07/2019 – Current"},
		// Not ranges.
		{"2021-13 – 2022-02", "", "", 0, false, false, ""},
		{"Handled 2000 calls a day", "", "", 0, false, false, ""},
		{"Promoted in March 2019", "", "", 0, false, false, ""},
		{"Phone 0412 345 678", "", "", 0, false, false, ""},
		{"2000-3000 calls per week", "", "", 0, false, false, ""},
		{"Mar 2021 – Jan 2019", "", "", 0, false, false, ""},
		{"Jan 2030 – Present", "", "", 0, false, false, ""},
		{"1920 - 1925", "", "", 0, false, false, ""},
		{"13/2016 - 12/2018", "", "", 0, false, false, ""},
		{"", "", "", 0, false, false, ""},
	}
	for _, tt := range tests {
		r, ok := FindRange(tt.line, testRef)
		if tt.start == "" {
			if ok {
				t.Errorf("FindRange(%q) = %v..%v, want no range", tt.line, r.Start, r.End)
			}
			continue
		}
		if !ok {
			t.Errorf("FindRange(%q) found no range, want %s..%s", tt.line, tt.start, tt.end)
			continue
		}
		got := []any{r.Start.String(), r.End.String(), r.Months(), r.Current, r.Approximate, tt.line[r.From:r.To]}
		want := []any{tt.start, tt.end, tt.months, tt.current, tt.approx, tt.matched}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("FindRange(%q) = start %v end %v months %v current %v approx %v text %q, want %v %v %v %v %v %q",
					tt.line, got[0], got[1], got[2], got[3], got[4], got[5], want[0], want[1], want[2], want[3], want[4], want[5])
				break
			}
		}
	}
}

func TestExpandYear(t *testing.T) {
	tests := []struct {
		yy, want int
	}{{18, 2018}, {26, 2026}, {27, 2027}, {28, 1928}, {99, 1999}, {0, 2000}}
	for _, tt := range tests {
		if got := expandYear(tt.yy, testRef); got != tt.want {
			t.Errorf("expandYear(%d) = %d, want %d", tt.yy, got, tt.want)
		}
	}
}

func TestFoldKeepsOffsets(t *testing.T) {
	for _, s := range []string{"Experiência — até", "ÇÃO\u00a0x", "plain", "a\xffb"} {
		f, offs := fold(s)
		if len(offs) != len(f)+1 {
			t.Fatalf("fold(%q): %d offsets for %d bytes", s, len(offs), len(f))
		}
		if offs[len(f)] != len(s) {
			t.Errorf("fold(%q): last offset %d, want %d", s, offs[len(f)], len(s))
		}
		if strings.ToLower(f) != f {
			t.Errorf("fold(%q) = %q, not lower case", s, f)
		}
	}
}

func TestParseAsOf(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time // zero for an error
	}{
		{"2025-12", time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)},
		{"2025-12-24", time.Date(2025, 12, 24, 0, 0, 0, 0, time.UTC)},
		{"12/2025", time.Time{}},
		{"2025-13", time.Time{}},
		{"soon", time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		got, err := ParseAsOf(tt.in)
		if tt.want.IsZero() {
			if want := fmt.Sprintf("%q is not a date: want YYYY-MM or YYYY-MM-DD", tt.in); err == nil || err.Error() != want {
				t.Errorf("ParseAsOf(%q) error = %v, want %q", tt.in, err, want)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseAsOf(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
	}
}
