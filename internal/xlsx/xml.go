package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/anzsco/anzsco/internal/oneline"
)

// errTokenTooLong is returned through the XML decoder when one token (a
// run of text, a tag with its attributes) grows over its bound.
var errTokenTooLong = errors.New("token too long")

// guard is the reader beneath an XML decoder: it counts the bytes read and
// refuses to read on once more than max have been read since the end of
// the last token (start), since the decoder holds a whole token in memory.
type guard struct {
	r     io.Reader
	n     int64
	start int64
	max   int64
}

func (g *guard) Read(p []byte) (int, error) {
	if g.n-g.start > g.max {
		return 0, errTokenTooLong
	}
	n, err := g.r.Read(p)
	g.n += int64(n)
	return n, err
}

// part is one XML part of the workbook being decoded token by token, with
// the bounds on its size, nesting and tokens.
type part struct {
	rc       io.ReadCloser
	lr       *io.LimitedReader
	d        *xml.Decoder
	g        *guard
	depth    int
	open     []string // names of the elements open, for matching their ends
	maxDepth int
	maxPart  int64
	maxToken int64
}

// openPart opens f for decoding. Its declared size was checked when the
// workbook was opened; lr bounds what it really unzips to.
func (w *Workbook) openPart(f *zip.File) (*part, error) {
	if f.UncompressedSize64 > uint64(w.lim.MaxPart) {
		return nil, fmt.Errorf("%w: %s unzips to %d MiB, over the limit of %d MiB", ErrLimit, partName(f), f.UncompressedSize64>>20, w.lim.MaxPart>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %s", ErrFormat, partName(f), oneline.Quoted(err))
	}
	p := &part{rc: rc, lr: &io.LimitedReader{R: rc, N: w.lim.MaxPart + 1},
		maxDepth: w.lim.MaxDepth, maxPart: w.lim.MaxPart, maxToken: int64(max(w.lim.MaxCellBytes, 64<<10)) + 64<<10}
	p.g = &guard{r: p.lr, max: p.maxToken}
	p.d = xml.NewDecoder(p.g)
	return p, nil
}

func (p *part) Close() error { return p.rc.Close() }

// token returns the next token, io.EOF at the end of the part, or an error
// that says what is wrong (without the part's name: the caller adds the
// place). Text tokens are valid until the next call.
func (p *part) token() (xml.Token, error) {
	t, err := p.d.RawToken()
	p.g.start = p.d.InputOffset()
	if err != nil {
		switch {
		case err == io.EOF && p.depth > 0:
			return nil, fmt.Errorf("%w: the XML ends inside an element", ErrFormat)
		case err == io.EOF:
			return nil, io.EOF
		case p.lr.N <= 0:
			return nil, fmt.Errorf("%w: unzips to more than %d MiB, the limit", ErrLimit, p.maxPart>>20)
		case errors.Is(err, errTokenTooLong):
			return nil, fmt.Errorf("%w: a text or a tag over %d KiB", ErrLimit, p.maxToken>>10)
		case errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum):
			return nil, fmt.Errorf("%w: does not match its zip header (a damaged file or a zip bomb)", ErrFormat)
		}
		return nil, fmt.Errorf("%w: %s", ErrFormat, oneline.Quoted(err))
	}
	switch t := t.(type) {
	case xml.StartElement:
		if p.depth++; p.depth > p.maxDepth {
			return nil, fmt.Errorf("%w: XML nested over %d elements deep", ErrLimit, p.maxDepth)
		}
		p.open = append(p.open, t.Name.Local)
	case xml.EndElement:
		// RawToken does not match ends to starts (Token would, at the
		// cost of namespace maps for every element).
		if p.depth == 0 || p.open[p.depth-1] != t.Name.Local {
			return nil, fmt.Errorf("%w: XML syntax error: element </%s> closes nothing open", ErrFormat, t.Name.Local)
		}
		p.depth--
		p.open = p.open[:p.depth]
	}
	return t, nil
}

// text reads the text of the element just started up to its end,
// refusing more than max bytes; child elements are skipped with their
// text.
func (p *part) text(max int) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		t, err := p.token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			if depth > 0 {
				continue
			}
			if b.Len()+len(t) > max {
				return "", fmt.Errorf("%w: a text over %d bytes", ErrLimit, max)
			}
			b.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

// skip reads up to the end of the element just started.
func (p *part) skip() error {
	depth := 0
	for {
		t, err := p.token()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// richText reads the text of a string item (<si> or <is>) just started:
// its <t>, or the <t> of each of its runs <r>, joined; phonetic runs
// (<rPh>) are not text.
func (p *part) richText(max int) (string, error) {
	var b strings.Builder
	for {
		t, err := p.token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				s, err := p.text(max - b.Len())
				if err != nil {
					return "", err
				}
				b.WriteString(s)
			case "r":
				continue // its <t> is read above, its <rPr> skipped below
			default:
				if err := p.skip(); err != nil {
					return "", err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "r" {
				continue
			}
			return unescape(b.String()), nil
		}
	}
}

// attr returns the value of the attribute local of t ("" when absent).
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// unescape decodes the escapes _xHHHH_ by which a workbook stores
// characters XML cannot hold (the control characters); _x005F_ is a
// literal underscore, so _x005F_x0008_ is the text "_x0008_".
func unescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || len(s) < i+7 {
			break
		}
		if s[i+6] != '_' || !isHex(s[i+2:i+6]) {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		v, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
		r := rune(v)
		if !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		s = s[i+7:]
	}
	b.WriteString(s)
	return b.String()
}

// escape is the inverse of unescape for the writer: the control
// characters XML 1.0 cannot hold become _xHHHH_, and a literal _xHHHH_
// keeps its underscore as _x005F_.
func escape(s string) string {
	need := strings.Contains(s, "_x")
	for i := 0; i < len(s) && !need; i++ {
		need = s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r'
	}
	if !need {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			fmt.Fprintf(&b, "_x%04X_", c)
		case c == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' && isHex(s[i+2:i+6]):
			b.WriteString("_x005F_")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// partName is the name of a part for a message: on one line, what does
// not print escaped, since a damaged zip may name a part anything.
func partName(f *zip.File) string { return oneline.Quoted(f.Name) }
