package fold

import (
	"strings"
	"unicode/utf8"
)

// String lowercases s, folds Latin diacritics to their base letters and
// maps typographic punctuation to ASCII, so "Técnico", "TECNICO" and
// "tecnico" are one word. ASCII text without capitals is returned as is.
func String(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		writeRune(&b, r)
	}
	return b.String()
}

// WithOffsets is String that also returns, for each byte of the folded
// text, the byte offset in s of the rune it came from (with a final entry
// for len(s)), so that a match on folded text can be cut from s. Each rune
// is first passed through pre, when it is not nil: the caller's mapping of
// the punctuation it parses (a CV's date ranges), which String leaves.
func WithOffsets(s string, pre func(rune) rune) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		if pre != nil {
			r = pre(r)
		}
		n := b.Len()
		writeRune(&b, r)
		for range b.Len() - n {
			offs = append(offs, i)
		}
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

func writeRune(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
		return
	}
	if f, ok := foldTable[r]; ok {
		b.WriteString(f)
		return
	}
	b.WriteRune(toLower(r))
}

func toLower(r rune) rune { return []rune(strings.ToLower(string(r)))[0] }

var foldTable = func() map[rune]string {
	m := map[rune]string{
		'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
		'ª': "a", 'º': "o", '‘': "'", '’': "'", '“': "\"", '”': "\"",
		'–': "-", '—': "-", '‐': "-", '‑': "-", '•': " ", '·': " ", '\u00a0': " ",
	}
	groups := map[string]string{
		"a": "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "c": "çćĉċčÇĆĈĊČ", "e": "èéêëēĕėęěÈÉÊËĒĔĖĘĚ",
		"i": "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "n": "ñńņňÑŃŅŇ", "o": "òóôõöōŏőÒÓÔÕÖŌŎŐ",
		"u": "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "y": "ýÿŷÝŸŶ", "s": "śŝşšŚŜŞŠ", "z": "źżžŹŻŽ",
		"g": "ĝğġģĜĞĠĢ", "l": "ĺļľŀłĹĻĽĿŁ", "r": "ŕŗřŔŖŘ", "t": "ţťŧŢŤŦ", "d": "ďđĎĐ",
	}
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()
