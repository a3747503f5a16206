package oneline

import (
	"errors"
	"testing"
)

func TestString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"one line", "one line"},
		{"  xml:\n\tline 2:  bad\r\n", "xml: line 2: bad"},
	} {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuoted(t *testing.T) {
	for _, tt := range []struct {
		in   any
		want string
	}{
		{errors.New("zip: not a valid\nzip file"), "zip: not a valid zip file"},
		{"bad byte \x00\xff in sheet", `bad byte \x00\xff in sheet`},
		{"Não é \"xlsx\"", `Não é \"xlsx\"`},
		{42, "42"},
	} {
		if got := Quoted(tt.in); got != tt.want {
			t.Errorf("Quoted(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
