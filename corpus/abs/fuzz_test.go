package abs_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus/abs"
	"github.com/anzsco/anzsco/corpus/abs/abstest"
)

// FuzzReadTitles feeds damaged workbooks to ReadTitles: it must return
// titles or a one-line error, never panic.
func FuzzReadTitles(f *testing.F) {
	good := titlesBook(f, smallTitles)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("Occupation Code,Description,Category\n541111,Team Leader,Principal Title\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		titles, err := abs.ReadTitles(bytes.NewReader(data), "fuzz.xlsx")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error has more than one line: %q", err)
			}
			return
		}
		for _, ti := range titles {
			if len(ti.Code) != 6 || ti.Text == "" || ti.Category < abs.PrincipalTitle || ti.Category > abs.NecTitle {
				t.Errorf("ReadTitles accepted %+v", ti)
			}
		}
	})
}

// FuzzReadStructure does the same for ReadStructure.
func FuzzReadStructure(f *testing.F) {
	good := structureBook(f, smallOccs)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	if titles, occs, groups := abstest.Synthetic(20, 7); len(titles) > 0 {
		if b, err := abstest.Structure(occs, groups); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		occs, err := abs.ReadStructure(bytes.NewReader(data), "fuzz.xlsx")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error has more than one line: %q", err)
			}
			return
		}
		for _, o := range occs {
			if len(o.Code) != 6 || o.Title == "" || o.SkillLevel < 0 || o.SkillLevel > 5 {
				t.Errorf("ReadStructure accepted %+v", o)
			}
		}
	})
}

// FuzzParseTargets checks that a selection either fails with ErrTargets or
// reads back as itself.
func FuzzParseTargets(f *testing.F) {
	for _, s := range []string{"5411", "all", "ALL", "2613, 5411", "5", "541111", "54111", "", ",", "5411,,2613"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sel, err := abs.ParseTargets(s)
		if err != nil {
			if !errors.Is(err, abs.ErrTargets) || strings.Contains(err.Error(), "\n") {
				t.Errorf("ParseTargets(%q) = %v, want a one-line ErrTargets error", s, err)
			}
			return
		}
		again, err := abs.ParseTargets(sel.String())
		if err != nil || again.String() != sel.String() {
			t.Errorf("ParseTargets(%q).String() = %q, which reads back as %q, %v", s, sel.String(), again.String(), err)
		}
	})
}
