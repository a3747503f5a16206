package batch

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// The encodings an input may be in, by the names ParseEncoding takes.
// Excel saves CSV in the ANSI code page of the machine (Windows-1252 in
// Brazil, Portugal and most of the West) unless told "CSV UTF-8", and
// "Unicode Text" in UTF-16 with a byte order mark.
var encodings = []struct {
	names []string
	enc   encoding.Encoding
}{
	{[]string{"utf-8", "utf8"}, nil},
	{[]string{"utf-16", "utf16", "utf-16le"}, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)},
	{[]string{"utf-16be"}, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)},
	{[]string{"windows-1252", "cp1252"}, charmap.Windows1252},
	{[]string{"iso-8859-1", "latin1", "latin-1"}, charmap.ISO8859_1},
}

// ParseEncoding returns the encoding called name (in any case): utf-8,
// utf-16 (little-endian unless a byte order mark says otherwise),
// utf-16be, windows-1252 or iso-8859-1. UTF-8, and the empty name, give
// nil: the input is read as it is.
func ParseEncoding(name string) (encoding.Encoding, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" {
		return nil, nil
	}
	for _, e := range encodings {
		for _, a := range e.names {
			if n == a {
				return e.enc, nil
			}
		}
	}
	return nil, fmt.Errorf("unknown encoding %q: want utf-8, utf-16, windows-1252 or iso-8859-1", name)
}

// likelyEncoding guesses the encoding of text that is not valid UTF-8:
// "utf-16" when every other byte is zero, "windows-1252" when its bytes
// above 127 read as letters and punctuation in that code page (as the
// accented letters of Portuguese do: "Descrição" is "Descri\xe7\xe3o"),
// else "".
func likelyEncoding(b []byte) string {
	if len(b) >= 4 && bytes.Count(b, []byte{0}) >= len(b)/3 {
		return "utf-16"
	}
	high := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			high++
			// ÿ (0xff) is all but unknown in the languages of
			// Windows-1252, and common in binary data.
			d := charmap.Windows1252.DecodeByte(b[i])
			if d == '\u00ff' || d == utf8.RuneError || !unicode.IsLetter(d) && !unicode.IsPunct(d) && !unicode.IsSymbol(d) && d != '\u00a0' {
				return ""
			}
		}
		i += n
	}
	if high == 0 {
		return ""
	}
	return "windows-1252"
}

// encodingHint says what to do about invalid UTF-8 in b.
func encodingHint(b []byte) string {
	switch likelyEncoding(b) {
	case "utf-16":
		return "the file looks like UTF-16: give --encoding utf-16, or convert it to UTF-8"
	case "windows-1252":
		return "the file looks like Windows-1252, as Excel saves CSV: give --encoding windows-1252, or convert it to UTF-8"
	}
	return "convert the file to UTF-8, e.g. with iconv"
}
