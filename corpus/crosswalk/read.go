package crosswalk

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/anzsco/anzsco/internal/bom"
)

// MaxFileSize bounds the size of a source file that the readers accept.
const MaxFileSize = 32 << 20

// ErrFormat is wrapped by every error about the content of a source file.
var ErrFormat = errors.New("bad crosswalk file")

// ISCORow is one row of the ABS correspondence from ANZSCO 2022 to ISCO-08.
type ISCORow struct {
	ANZSCO      string // six-digit occupation code
	ANZSCOTitle string
	ISCO08      string // four-digit unit group code
	// Partial marks a partial match: the ANZSCO occupation is split over
	// several ISCO-08 unit groups (the ABS "p").
	Partial     bool
	ISCO08Title string
}

// ESCOOccupation is one ESCO occupation with its Portuguese labels.
type ESCOOccupation struct {
	URI       string
	ISCO08    string // four-digit unit group
	Code      string // ESCO code, e.g. "8332.1"
	Preferred string
	Alt       []string
	Hidden    []string
}

// ESCOEnglish is one ESCO occupation with its English labels.
type ESCOEnglish struct {
	URI       string
	ISCO08    string
	Preferred string
	Alt       []string
}

// CBOEntry is a CBO 2002 occupation or synonym: the six-digit occupation
// code and a title.
type CBOEntry struct {
	Code  string
	Title string
}

// ISCO88Row is one row of the ILO correspondence from ISCO-88 to ISCO-08.
type ISCO88Row struct {
	ISCO88, ISCO08 string
	Partial        bool
}

// CPPProfession is a CPP 2010 profession. Its code is written as INE
// writes it, "8332.0"; the four digits before the point are its ISCO-08
// unit group.
type CPPProfession struct {
	Code   string
	ISCO08 string
	Title  string
}

// CPPMapping is one row of the ESCO to CPP 2010 mapping.
type CPPMapping struct {
	ESCOURI   string
	ESCOLabel string
	CPPCode   string // "8332.0"
	CPPTitle  string
	Relation  string // skos:exactMatch, skos:broadMatch...
}

var (
	digits4   = regexp.MustCompile(`^[0-9]{4}$`)
	digits6   = regexp.MustCompile(`^[0-9]{6}$`)
	cboCodeRE = regexp.MustCompile(`^([0-9]{4})-?([0-9]{2})$`)
	cppCodeRE = regexp.MustCompile(`^([0-9]{4})\.?([0-9])$`)
	iscoURIRE = regexp.MustCompile(`/isco/C([0-9]{1,4})$`)
)

// readAll reads at most MaxFileSize bytes of r.
func readAll(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: %w: larger than %d MiB", name, ErrFormat, MaxFileSize>>20)
	}
	data, err = bom.Trim(data, "the file")
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", name, ErrFormat, err)
	}
	return data, nil
}

// utf8Text reads r as UTF-8 text and refuses anything else.
func utf8Text(r io.Reader, name string) ([]byte, error) {
	data, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		line := bytes.Count(data[:invalidAt(data)], []byte("\n")) + 1
		return nil, fmt.Errorf("%s:%d: %w: not UTF-8", name, line, ErrFormat)
	}
	return data, nil
}

func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// csvRecords parses comma-separated data into records, each with the line
// it starts on. Records may have any number of fields.
type record struct {
	line   int
	fields []string
}

func csvRecords(data []byte, name string, sep rune) ([]record, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	var out []record
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d: %w: %v", name, pe.StartLine, ErrFormat, pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		out = append(out, record{line, fields})
	}
}

// columns finds the named columns in a header record.
func columns(h record, name string, want ...string) ([]int, error) {
	idx := make([]int, len(want))
	for i, w := range want {
		idx[i] = -1
		for j, f := range h.fields {
			if strings.EqualFold(strings.TrimSpace(f), w) {
				idx[i] = j
				break
			}
		}
		if idx[i] < 0 {
			return nil, fmt.Errorf("%s:%d: %w: no column %q in the header", name, h.line, ErrFormat, w)
		}
	}
	return idx, nil
}

func field(r record, i int) string {
	if i < len(r.fields) {
		return strings.TrimSpace(r.fields[i])
	}
	return ""
}

// readTable reads a UTF-8 file of sep-separated records whose first
// record is a header naming the columns want. It returns the records
// below the header and the index of each wanted column.
func readTable(r io.Reader, name string, sep rune, want ...string) ([]record, []int, error) {
	data, err := utf8Text(r, name)
	if err != nil {
		return nil, nil, err
	}
	recs, err := csvRecords(data, name, sep)
	if err != nil {
		return nil, nil, err
	}
	if len(recs) == 0 {
		return nil, nil, fmt.Errorf("%s: %w: the file is empty", name, ErrFormat)
	}
	col, err := columns(recs[0], name, want...)
	if err != nil {
		return nil, nil, err
	}
	return recs[1:], col, nil
}

// ReadANZSCOToISCO08 reads the ABS correspondence in CSV with the columns
// anzsco_code, anzsco_title, isco08_code, partial, isco08_title.
func ReadANZSCOToISCO08(r io.Reader, name string) ([]ISCORow, error) {
	recs, col, err := readTable(r, name, ',', "anzsco_code", "anzsco_title", "isco08_code", "partial", "isco08_title")
	if err != nil {
		return nil, err
	}
	var rows []ISCORow
	for _, rec := range recs {
		row := ISCORow{
			ANZSCO:      field(rec, col[0]),
			ANZSCOTitle: field(rec, col[1]),
			ISCO08:      field(rec, col[2]),
			ISCO08Title: field(rec, col[4]),
		}
		switch p := field(rec, col[3]); p {
		case "":
		case "p", "P":
			row.Partial = true
		default:
			return nil, fmt.Errorf("%s:%d: %w: partial is %q, want \"p\" or nothing", name, rec.line, ErrFormat, p)
		}
		if !digits6.MatchString(row.ANZSCO) {
			return nil, fmt.Errorf("%s:%d: %w: ANZSCO code %q is not six digits", name, rec.line, ErrFormat, row.ANZSCO)
		}
		if !digits4.MatchString(row.ISCO08) {
			return nil, fmt.Errorf("%s:%d: %w: ISCO-08 code %q is not four digits", name, rec.line, ErrFormat, row.ISCO08)
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: %w: no rows after the header", name, ErrFormat)
	}
	return rows, nil
}

// ReadESCOOccupations reads ESCO occupations in CSV with the columns
// conceptUri, iscoGroup, preferredLabel, altLabels, hiddenLabels and code;
// alternative and hidden labels are one to a line within their field.
func ReadESCOOccupations(r io.Reader, name string) ([]ESCOOccupation, error) {
	recs, col, err := readTable(r, name, ',', "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels", "code")
	if err != nil {
		return nil, err
	}
	var occs []ESCOOccupation
	for _, rec := range recs {
		o := ESCOOccupation{
			URI:       field(rec, col[0]),
			ISCO08:    field(rec, col[1]),
			Preferred: field(rec, col[2]),
			Alt:       lines(field(rec, col[3])),
			Hidden:    lines(field(rec, col[4])),
			Code:      field(rec, col[5]),
		}
		if !digits4.MatchString(o.ISCO08) {
			return nil, fmt.Errorf("%s:%d: %w: iscoGroup %q is not four digits", name, rec.line, ErrFormat, o.ISCO08)
		}
		if o.Preferred == "" {
			return nil, fmt.Errorf("%s:%d: %w: empty preferredLabel", name, rec.line, ErrFormat)
		}
		occs = append(occs, o)
	}
	return occs, nil
}

// ReadESCOEnglish reads ESCO occupations in English in CSV with the
// columns ORIGINURI, ISCOGROUPCODE, PREFERREDLABEL and ALTLABELS.
func ReadESCOEnglish(r io.Reader, name string) ([]ESCOEnglish, error) {
	recs, col, err := readTable(r, name, ',', "ORIGINURI", "ISCOGROUPCODE", "PREFERREDLABEL", "ALTLABELS")
	if err != nil {
		return nil, err
	}
	var occs []ESCOEnglish
	for _, rec := range recs {
		o := ESCOEnglish{URI: field(rec, col[0]), ISCO08: field(rec, col[1]), Preferred: field(rec, col[2]), Alt: lines(field(rec, col[3]))}
		if !digits4.MatchString(o.ISCO08) {
			return nil, fmt.Errorf("%s:%d: %w: ISCOGROUPCODE %q is not four digits", name, rec.line, ErrFormat, o.ISCO08)
		}
		if o.URI == "" || o.Preferred == "" {
			return nil, fmt.Errorf("%s:%d: %w: empty ORIGINURI or PREFERREDLABEL", name, rec.line, ErrFormat)
		}
		occs = append(occs, o)
	}
	return occs, nil
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// tabPairs reads "id<TAB>value" lines.
func tabPairs(r io.Reader, name string) (map[string]string, []string, error) {
	data, err := utf8Text(r, name)
	if err != nil {
		return nil, nil, err
	}
	m := map[string]string{}
	var order []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		id, val, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(id) == "" {
			return nil, nil, fmt.Errorf("%s:%d: %w: want an id, a tab and a value", name, n, ErrFormat)
		}
		id = strings.TrimSpace(id)
		if _, dup := m[id]; dup {
			return nil, nil, fmt.Errorf("%s:%d: %w: id %q appears twice", name, n, ErrFormat, id)
		}
		m[id] = strings.TrimSpace(val)
		order = append(order, id)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, order, nil
}

// ReadESCOGroupNames reads ESCO's Portuguese labels (id, label) and their
// concepts (id, concept URI) and returns the name of every ISCO-08 group
// whose URI ends in its code (".../isco/C8332"), keyed by that code. The
// first label of a group is its name.
func ReadESCOGroupNames(labels io.Reader, labelsName string, concepts io.Reader, conceptsName string) (map[string]string, error) {
	lab, _, err := tabPairs(labels, labelsName)
	if err != nil {
		return nil, err
	}
	con, order, err := tabPairs(concepts, conceptsName)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, id := range order {
		m := iscoURIRE.FindStringSubmatch(con[id])
		if m == nil {
			continue
		}
		l, ok := lab[id]
		if !ok {
			return nil, fmt.Errorf("%s: %w: concept id %q has no label in %s", conceptsName, ErrFormat, id, labelsName)
		}
		if _, seen := names[m[1]]; !seen && l != "" {
			names[m[1]] = l
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: %w: no ISCO-08 group concept", conceptsName, ErrFormat)
	}
	return names, nil
}

// ReadCBO reads a CBO 2002 list of occupations or synonyms: "CODIGO;TITULO"
// lines in ISO-8859-1, as the Ministry publishes them.
func ReadCBO(r io.Reader, name string) ([]CBOEntry, error) {
	raw, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	data, err := charmap.ISO8859_1.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrFormat, err)
	}
	var out []CBOEntry
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	header := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		code, title, ok := strings.Cut(line, ";")
		code, title = strings.TrimSpace(code), strings.TrimSpace(title)
		if !header {
			if !ok || !strings.EqualFold(code, "CODIGO") || !strings.EqualFold(title, "TITULO") {
				return nil, fmt.Errorf("%s:%d: %w: want the header CODIGO;TITULO", name, n, ErrFormat)
			}
			header = true
			continue
		}
		if !ok || title == "" {
			return nil, fmt.Errorf("%s:%d: %w: want CODIGO;TITULO", name, n, ErrFormat)
		}
		m := cboCodeRE.FindStringSubmatch(code)
		if m == nil {
			return nil, fmt.Errorf("%s:%d: %w: CBO code %q is not six digits", name, n, ErrFormat, code)
		}
		out = append(out, CBOEntry{Code: m[1] + m[2], Title: title})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: %w: the file is empty", name, ErrFormat)
	}
	return out, nil
}

// cbo88Tail is the ISCO-88 code that ends a row of the CBO conversion
// table, after a separator (the table's rows are not always split by ";").
var cbo88Tail = regexp.MustCompile(`[;,\s]\s*([0-9]{4})\s*$`)

// ReadCBOToISCO88 reads the Ministry's conversion table from CBO 2002 to
// CBO 94 and ISCO-88 ("CBO2002; Título; CBO94; CIUO88", UTF-8). Some rows
// of the published table lost their separators or their ISCO-88 code; a
// row is read when it starts with a CBO 2002 code and ends with a
// four-digit ISCO-88 code, and is otherwise counted in skipped. A CBO code
// given two different ISCO-88 codes is an error.
func ReadCBOToISCO88(r io.Reader, name string) (links map[string]string, skipped int, err error) {
	data, err := utf8Text(r, name)
	if err != nil {
		return nil, 0, err
	}
	links = map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	header := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.Trim(line, "; ") == "" {
			continue
		}
		first, _, _ := strings.Cut(line, ";")
		first = strings.TrimSpace(first)
		if !header {
			if !strings.EqualFold(first, "CBO2002") {
				return nil, 0, fmt.Errorf("%s:%d: %w: want a header starting CBO2002;", name, n, ErrFormat)
			}
			header = true
			continue
		}
		m := cboCodeRE.FindStringSubmatch(first)
		if m == nil {
			if sp := strings.IndexByte(first, ' '); sp > 0 {
				m = cboCodeRE.FindStringSubmatch(first[:sp])
			}
		}
		if m == nil {
			return nil, 0, fmt.Errorf("%s:%d: %w: the row does not start with a CBO 2002 code (9999-99)", name, n, ErrFormat)
		}
		t := cbo88Tail.FindStringSubmatch(line)
		if t == nil {
			skipped++
			continue
		}
		code := m[1] + m[2]
		if old, ok := links[code]; ok && old != t[1] {
			return nil, 0, fmt.Errorf("%s:%d: %w: CBO %s-%s has ISCO-88 %s and %s", name, n, ErrFormat, m[1], m[2], old, t[1])
		}
		links[code] = t[1]
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", name, err)
	}
	if len(links) == 0 {
		return nil, 0, fmt.Errorf("%s: %w: no CBO 2002 row with an ISCO-88 code", name, ErrFormat)
	}
	return links, skipped, nil
}

// ReadISCO88To08 reads the ILO correspondence table ("Level; CIUO-88
// Título; Código CIUO-88; Código CIUO-08; CIUO-08 parte; CIUO-08 Título",
// ";"-separated, UTF-8). Empty rows are skipped; repeated rows are kept
// once.
func ReadISCO88To08(r io.Reader, name string) ([]ISCO88Row, error) {
	recs, col, err := readTable(r, name, ';', "Código CIUO-88", "Código CIUO-08", "CIUO-08 parte")
	if err != nil {
		return nil, err
	}
	seen := map[ISCO88Row]bool{}
	var rows []ISCO88Row
	for _, rec := range recs {
		c88, c08, p := field(rec, col[0]), field(rec, col[1]), field(rec, col[2])
		if c88 == "" && c08 == "" {
			continue
		}
		if !digits4.MatchString(c88) || !digits4.MatchString(c08) {
			return nil, fmt.Errorf("%s:%d: %w: codes %q and %q are not both four digits", name, rec.line, ErrFormat, c88, c08)
		}
		if p != "" && p != "p" {
			return nil, fmt.Errorf("%s:%d: %w: CIUO-08 parte is %q, want \"p\" or nothing", name, rec.line, ErrFormat, p)
		}
		row := ISCO88Row{ISCO88: c88, ISCO08: c08, Partial: p == "p"}
		if !seen[row] {
			seen[row] = true
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: %w: no rows after the header", name, ErrFormat)
	}
	return rows, nil
}

// ReadCPPProfessions reads CPP 2010 professions in CSV with the columns
// cpp2010_code (five digits), isco08_unit_group and titulo.
func ReadCPPProfessions(r io.Reader, name string) ([]CPPProfession, error) {
	recs, col, err := readTable(r, name, ',', "cpp2010_code", "isco08_unit_group", "titulo")
	if err != nil {
		return nil, err
	}
	var out []CPPProfession
	for _, rec := range recs {
		code, isco, title := field(rec, col[0]), field(rec, col[1]), field(rec, col[2])
		m := cppCodeRE.FindStringSubmatch(code)
		if m == nil {
			return nil, fmt.Errorf("%s:%d: %w: CPP code %q is not five digits", name, rec.line, ErrFormat, code)
		}
		if isco != m[1] {
			return nil, fmt.Errorf("%s:%d: %w: ISCO-08 group %q is not the first four digits of CPP code %s", name, rec.line, ErrFormat, isco, code)
		}
		if title == "" {
			return nil, fmt.Errorf("%s:%d: %w: empty titulo", name, rec.line, ErrFormat)
		}
		out = append(out, CPPProfession{Code: m[1] + "." + m[2], ISCO08: m[1], Title: title})
	}
	return out, nil
}

// ReadCPPMapping reads the ESCO to CPP 2010 mapping: metadata lines, then a
// header starting "Classification 1 URI", then one row per link.
func ReadCPPMapping(r io.Reader, name string) ([]CPPMapping, error) {
	data, err := utf8Text(r, name)
	if err != nil {
		return nil, err
	}
	recs, err := csvRecords(data, name, ',')
	if err != nil {
		return nil, err
	}
	h := -1
	for i, rec := range recs {
		if len(rec.fields) > 0 && strings.TrimSpace(rec.fields[0]) == "Classification 1 URI" {
			h = i
			break
		}
	}
	if h < 0 {
		return nil, fmt.Errorf("%s: %w: no header line starting \"Classification 1 URI\"", name, ErrFormat)
	}
	col, err := columns(recs[h], name, "Classification 1 URI", "Classification 1 PrefLabel", "Classification 2 ID", "Classification 2 PrefLabel", "Mapping relation")
	if err != nil {
		return nil, err
	}
	var out []CPPMapping
	for _, rec := range recs[h+1:] {
		m := CPPMapping{
			ESCOURI:   field(rec, col[0]),
			ESCOLabel: field(rec, col[1]),
			CPPCode:   field(rec, col[2]),
			CPPTitle:  field(rec, col[3]),
			Relation:  field(rec, col[4]),
		}
		cm := cppCodeRE.FindStringSubmatch(m.CPPCode)
		if cm == nil {
			return nil, fmt.Errorf("%s:%d: %w: CPP code %q is not of the form 9999.9", name, rec.line, ErrFormat, m.CPPCode)
		}
		m.CPPCode = cm[1] + "." + cm[2]
		if m.CPPTitle == "" {
			return nil, fmt.Errorf("%s:%d: %w: empty CPP title", name, rec.line, ErrFormat)
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w: no rows after the header", name, ErrFormat)
	}
	return out, nil
}
