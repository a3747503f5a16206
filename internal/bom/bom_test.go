package bom

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

const want16 = "standard input is UTF-16 (it starts with a UTF-16 byte order mark): convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8"

func TestSkipAndTrim(t *testing.T) {
	tests := []struct {
		in, rest string
		utf16    bool
	}{
		{"", "", false},
		{"ab", "ab", false},
		{"\ufeff", "", false},
		{"\ufefftitle\n", "title\n", false},
		{"\ufeff\ufeffx", "\ufeffx", false},
		{"\xef\xbbx", "\xef\xbbx", false},
		{"\xff\xfet\x00", "", true},
		{"\xfe\xff\x00t", "", true},
		{"\xff", "\xff", false},
	}
	for _, tt := range tests {
		br := bufio.NewReader(strings.NewReader(tt.in))
		err := Skip(br, "standard input")
		rest, _ := io.ReadAll(br)
		got, terr := Trim([]byte(tt.in), "standard input")
		for _, e := range []error{err, terr} {
			if tt.utf16 {
				if !errors.Is(e, ErrUTF16) || e.Error() != want16 {
					t.Errorf("Skip/Trim(%q) error = %v, want %q", tt.in, e, want16)
				}
				continue
			}
			if e != nil {
				t.Errorf("Skip/Trim(%q) error = %v, want none", tt.in, e)
			}
		}
		if !tt.utf16 && (string(rest) != tt.rest || string(got) != tt.rest) {
			t.Errorf("Skip/Trim(%q) left %q and %q, want %q", tt.in, rest, got, tt.rest)
		}
	}
}

func TestSkipReadError(t *testing.T) {
	broken := errors.New("disk on fire")
	err := Skip(bufio.NewReader(iotest.ErrReader(broken)), "x")
	if !errors.Is(err, broken) || errors.Is(err, ErrUTF16) {
		t.Errorf("Skip(failing reader) = %v, want %v", err, broken)
	}
}
