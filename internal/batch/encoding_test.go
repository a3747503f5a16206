package batch

import (
	"bufio"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		in   string
		want rune
	}{
		{"id,title,description\n1,a;b,c\n", ','},
		{"Código;Cargo;Descrição\r\n1;Operador;x,y,z,w\r\n", ';'},
		{"id\ttitle\n1\tA,B,C\n", '\t'},
		{`"Cargo, nível";"Descrição"` + "\n", ';'}, // the comma is quoted
		{"title\nA;B;C\n", ','},                    // one column: the data lines do not count
		{"a,b;c\n", ','},                           // a tie goes to the comma
		{"", ','},
	}
	for _, tt := range tests {
		if got := detectDelimiter(bufio.NewReader(strings.NewReader(tt.in))); got != tt.want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The CSV Excel saves in a Brazilian or Portuguese locale: semicolons,
// Windows-1252, CRLF.
func TestReaderExcelLocales(t *testing.T) {
	const text = "Código;Cargo;Descrição\r\nV1;Operador de Telemarketing;\"Atendimento receptivo; São Paulo\"\r\nV2;Supervisão de Atendimento;\r\n"
	cp1252, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	latin1, _ := charmap.ISO8859_1.NewEncoder().String(text)
	utf16, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String(strings.ReplaceAll(strings.ReplaceAll(text, ";", "\t"), "receptivo\t", "receptivo;"))
	opt := ReadOptions{Name: "vagas.csv", Title: "cargo", Text: "descrição", ID: "código"}
	want := "V1|Operador de Telemarketing|Atendimento receptivo; São Paulo V2|Supervisão de Atendimento|"
	for _, tt := range []struct {
		name, in, enc string
		format        Format
	}{
		{"utf-8", text, "", ""},
		{"windows-1252", cp1252, "windows-1252", CSV},
		{"cp1252, sniffed as CSV", cp1252, "CP1252", ""},
		{"iso-8859-1", latin1, "iso-8859-1", CSV},
		{"utf-16 with tabs, sniffed", utf16, "utf-16", ""},
	} {
		o := opt
		o.Encoding, o.Format = tt.enc, tt.format
		rd, err := NewReader(strings.NewReader(tt.in), o)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		for _, rec := range readRecords(t, rd) {
			if rec.Err != nil {
				t.Errorf("%s: row %d: %v", tt.name, rec.Row, rec.Err)
			}
			got = append(got, rec.ID+"|"+rec.Title+"|"+rec.Description)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: rows %q, want %q", tt.name, strings.Join(got, " "), want)
		}
	}

	// Read as UTF-8, the header names no column "Descrição", and the message says why.
	_, err = NewReader(strings.NewReader(cp1252), opt)
	if want := "(the header is not UTF-8: the file looks like Windows-1252, as Excel saves CSV: give --encoding windows-1252, or convert it to UTF-8)"; err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("Windows-1252 read as UTF-8: error %v, want it to end %q", err, want)
	}
	// With an ASCII header the rows report it.
	o := opt
	o.Text, o.ID = "", ""
	rd, err := NewReader(strings.NewReader("Cargo\r\nSupervis\xe3o de Atendimento\r\n"), o)
	if err != nil {
		t.Fatal(err)
	}
	recs := readRecords(t, rd)
	if want := `line 2, column "Cargo": invalid UTF-8: at byte 9 (the file looks like Windows-1252, as Excel saves CSV: give --encoding windows-1252, or convert it to UTF-8)`; len(recs) != 1 || recs[0].Err == nil || recs[0].Err.Error() != want {
		t.Errorf("a Windows-1252 row read as UTF-8: %+v, want the error %q", recs, want)
	}
	if _, err := NewReader(strings.NewReader(text), ReadOptions{Title: "Cargo", Encoding: "ebcdic"}); err == nil || !strings.Contains(err.Error(), `unknown encoding "ebcdic": want utf-8, utf-16, windows-1252 or iso-8859-1`) {
		t.Errorf("an unknown encoding: error %v", err)
	}
	if _, err := NewReader(strings.NewReader(text), ReadOptions{Name: "x", Title: "Cargo", Delimiter: '|'}); err == nil || err.Error() != `x: delimiter '|': want a comma, a semicolon or a tab` {
		t.Errorf("delimiter '|': error %v", err)
	}
}

func TestLikelyEncoding(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Descri\xe7\xe3o", "windows-1252"},
		{"\x93Call centre\x94 \x96 S\xe3o Paulo", "windows-1252"},
		{"caf\xe9 \x80 5", "windows-1252"}, // the euro sign
		{"A\xffB", ""},
		{"A\x81B", ""}, // undefined in Windows-1252
		{"t\x00i\x00t\x00l\x00e\x00", "utf-16"},
		{"plain", ""},
	}
	for _, tt := range tests {
		if got := likelyEncoding([]byte(tt.in)); got != tt.want {
			t.Errorf("likelyEncoding(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// chunks returns one chunk a Read, and counts the Reads.
type chunks struct {
	parts []string
	reads int
}

func (c *chunks) Read(p []byte) (int, error) {
	c.reads++
	if len(c.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.parts[0])
	c.parts = c.parts[1:]
	return n, nil
}

// Rows piped in one at a time are not held back: the delimiter is told
// from the header line without waiting for more input.
func TestDetectDelimiterReadsOnlyTheHeader(t *testing.T) {
	c := &chunks{parts: []string{"Código;", "Cargo\n", "V1;Operador\n", "V2;Supervisor\n"}}
	if got := detectDelimiter(bufio.NewReader(c)); got != ';' || c.reads != 2 {
		t.Errorf("detectDelimiter = %q after %d reads, want ';' after 2", got, c.reads)
	}
}
