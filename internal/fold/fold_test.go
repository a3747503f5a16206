package fold

import (
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"team leader", "team leader"},
		{"Técnico", "tecnico"},
		{"TÉCNICO DE SEGURANÇA", "tecnico de seguranca"},
		{"Straße", "strasse"},
		{"Œuvre Æsir Øst", "oeuvre aesir ost"},
		{"1º ciclo, 2ª fase", "1o ciclo, 2a fase"},
		{"Manager – Sales — “Key” ‘accounts’", "manager - sales - \"key\" 'accounts'"},
		{"a\u00a0b•c·d", "a b c d"},
		{"Łódź İzmir", "lodz izmir"},
		{"ΚΑΛΗ", "καλη"},
		{"\xff", "\ufffd"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWithOffsets(t *testing.T) {
	for _, s := range []string{"", "abc", "Straße 2019–2021", "Gerente → 2020", "ÉÇ\xffx"} {
		got, offs := WithOffsets(s, nil)
		if want := String(s); got != want {
			t.Errorf("WithOffsets(%q) = %q, want String's %q", s, got, want)
		}
		if len(offs) != len(got)+1 || offs[len(got)] != len(s) {
			t.Fatalf("WithOffsets(%q) gave %d offsets for %d bytes", s, len(offs), len(got))
		}
		// Every folded byte points at the start of the rune it came from.
		for i, o := range offs[:len(got)] {
			if !utf8.RuneStart(s[o]) || (i > 0 && o < offs[i-1]) {
				t.Errorf("WithOffsets(%q): offset %d of byte %d is not a rune start in order", s, o, i)
			}
		}
	}
	got, offs := WithOffsets("ß→x", func(r rune) rune {
		if r == '→' {
			return '>'
		}
		return r
	})
	if got != "ss>x" || len(offs) != 5 || offs[0] != 0 || offs[1] != 0 || offs[2] != 2 || offs[3] != 5 || offs[4] != 6 {
		t.Errorf("WithOffsets(ß→x, pre) = %q, %v, want \"ss>x\", [0 0 2 5 6]", got, offs)
	}
}
