package abs

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/internal/oneline"
	"github.com/anzsco/anzsco/internal/xlsx"
)

// MaxFileSize bounds the size of a workbook that the readers accept. The
// published workbooks are about 200 KiB.
const MaxFileSize = 32 << 20

// maxUnzipped bounds the unpacked size of a workbook and of one of its XML
// parts, so a small zip cannot expand into gigabytes: the published
// workbooks unpack to about 2 MiB, their largest sheet to 1 MiB. The sizes
// in the zip directory are checked before anything is unpacked, and the
// zip reader refuses a part that unpacks to more than its header says.
const (
	maxUnzipped    = 64 << 20
	maxUnzippedXML = 32 << 20
)

// limits are the bounds on reading a workbook: the sizes above, Excel's
// rows and columns, and a cell of at most four times Excel's 32,767
// characters (in UTF-8 bytes).
var limits = xlsx.Limits{
	MaxUnzipped: maxUnzipped, MaxPart: maxUnzippedXML, MaxDepth: 64,
	MaxRows: xlsx.MaxRows, MaxColumns: xlsx.MaxColumns,
	MaxCellBytes: 4 * xlsx.MaxCellChars, MaxRowBytes: 4 << 20,
	MaxSharedStrings: maxSheetCells, MaxStyles: 1 << 16, // styles are not read: no dates are wanted
}

// maxSheetRows and maxSheetCells bound the table read from one sheet: the
// published index of titles has about 20,000 rows of 4 cells. A sheet
// whose dimension claims more is refused before it is read, and reading
// stops at the bound whatever the dimension said.
const (
	maxSheetRows  = 200_000
	maxSheetCells = 2_000_000
)

// headerSearchRows is how many rows at the top of a sheet are searched for
// its header row; the published sheets have theirs in rows 6 to 10.
const headerSearchRows = 30

// Sheet names of the published workbooks.
const (
	TitlesSheet       = "Table 2" // index of titles, by occupation code
	TitlesSheetByName = "Table 1" // the same list, by title
	StructureSheet    = "Table 5" // major groups down to occupations
)

// Column headings of the published workbooks.
const (
	colCode        = "Occupation Code"
	colDescription = "Description"
	colCategory    = "Category"
	colMajor       = "Major Group"
	colSubMajor    = "Sub-Major Group"
	colMinor       = "Minor Group"
	colUnit        = "Unit Group"
	colOccupation  = "Occupation"
	colSkill       = "Skill Level"
)

// ErrLayout is wrapped by errors about a workbook that is not laid out as
// the published one (a missing sheet, header or column).
var ErrLayout = errors.New("unexpected workbook layout")

// Category is the kind of a title in the index of titles.
type Category int

// The categories of the index of titles.
const (
	PrincipalTitle Category = iota + 1
	AlternativeTitle
	Specialisation
	NecTitle // a title listed under a "not elsewhere classified" occupation
)

var categoryNames = []struct {
	c    Category
	name string
}{
	{PrincipalTitle, "Principal Title"},
	{AlternativeTitle, "Alternative Title"},
	{Specialisation, "Specialisation"},
	{NecTitle, "Occupation in nec category"},
}

// String returns the category as the workbook spells it.
func (c Category) String() string {
	for _, n := range categoryNames {
		if n.c == c {
			return n.name
		}
	}
	return fmt.Sprintf("Category(%d)", int(c))
}

func parseCategory(s string) (Category, bool) {
	for _, n := range categoryNames {
		if strings.EqualFold(s, n.name) {
			return n.c, true
		}
	}
	return 0, false
}

// Title is one row of the index of titles.
type Title struct {
	Code     string
	Text     string
	Category Category
	Row      int // row in the sheet, from 1
}

// Occupation is one occupation of the structure workbook.
type Occupation struct {
	Code  string
	Title string
	// SkillLevel is the Australian skill level, 1 (highest) to 5, or 0 when
	// the workbook gives none.
	SkillLevel int
	// Hierarchy holds the major, sub-major, minor and unit groups above the
	// occupation, in that order.
	Hierarchy []corpus.Group
	Row       int // row in the sheet, from 1
}

// ReadTitles reads the index of titles workbook from r. name is used in
// error messages (a file path).
func ReadTitles(r io.Reader, name string) (titles []Title, err error) {
	where := "index of titles " + name
	rows, h, where, err := openTable(r, where, colCode, TitlesSheet, TitlesSheetByName)
	if err != nil {
		return nil, err
	}
	cols, err := h.columns(where, colCode, colDescription, colCategory)
	if err != nil {
		return nil, err
	}
	ci, di, ki := cols[0], cols[1], cols[2]
	principal := map[string]int{}
	for i := h.last + 1; i < len(rows); i++ {
		row, n := rows[i], i+1
		code, text, cat := cell(row, ci), cell(row, di), cell(row, ki)
		if code == "" && text == "" && cat == "" {
			continue
		}
		if !startsWithDigit(code) && text == "" && cat == "" {
			continue // a note or the copyright lines below the table
		}
		at := func(col int) string { return fmt.Sprintf("%s row %d column %s", where, n, colName(col)) }
		code = normaliseCode(code)
		if !occCodeRE.MatchString(code) {
			return nil, fmt.Errorf("%s (%s): %q is not a six-digit ANZSCO code", at(ci), colCode, code)
		}
		if text == "" {
			return nil, fmt.Errorf("%s (%s): empty title for occupation %s", at(di), colDescription, code)
		}
		c, ok := parseCategory(cat)
		if !ok {
			return nil, fmt.Errorf("%s (%s): unknown category %q (want one of %s)", at(ki), colCategory, cat, categoryList())
		}
		if c == PrincipalTitle {
			if prev, dup := principal[code]; dup {
				return nil, fmt.Errorf("%s (%s): occupation %s has a second principal title (the first is in row %d)", at(ki), colCategory, code, prev)
			}
			principal[code] = n
		}
		titles = append(titles, Title{Code: code, Text: text, Category: c, Row: n})
	}
	if len(titles) == 0 {
		return nil, fmt.Errorf("%s: %w: no titles below the header row (row %d)", where, ErrLayout, h.last+1)
	}
	for _, t := range titles {
		if _, ok := principal[t.Code]; !ok {
			return nil, fmt.Errorf("%s row %d: occupation %s has no principal title", where, t.Row, t.Code)
		}
	}
	return titles, nil
}

// ReadStructure reads the structure workbook from r. name is used in error
// messages (a file path).
func ReadStructure(r io.Reader, name string) (occs []Occupation, err error) {
	where := "structure " + name
	rows, h, where, err := openTable(r, where, colMajor, StructureSheet)
	if err != nil {
		return nil, err
	}
	cols, err := h.columns(where, colMajor, colSubMajor, colMinor, colUnit, colOccupation, colSkill)
	if err != nil {
		return nil, err
	}
	levels := []struct {
		name, heading string
		digits, col   int
	}{
		{"major", colMajor, 1, cols[0]}, {"sub-major", colSubMajor, 2, cols[1]},
		{"minor", colMinor, 3, cols[2]}, {"unit", colUnit, 4, cols[3]},
	}
	occCol, skillCol := cols[4], cols[5]
	path := make([]corpus.Group, len(levels)) // the groups above the current row
	seen := map[string]int{}
	for i := h.last + 1; i < len(rows); i++ {
		row, n := rows[i], i+1
		at := func(col int, heading string) string {
			return fmt.Sprintf("%s row %d column %s (%s)", where, n, colName(col), heading)
		}
		// The first filled cell of a row says what the row is: a group
		// code in its level's column, or an occupation code.
		first := -1
		for j, c := range row {
			if c != "" {
				first = j
				break
			}
		}
		if first < 0 {
			continue
		}
		raw := row[first]
		if !startsWithDigit(raw) && cell(row, first+1) == "" {
			continue // a note or the copyright lines below the table
		}
		code := normaliseCode(raw)
		if first == occCol {
			if !occCodeRE.MatchString(code) {
				return nil, fmt.Errorf("%s: %q is not a six-digit ANZSCO code", at(occCol, colOccupation), raw)
			}
			title := cell(row, occCol+1)
			if title == "" {
				return nil, fmt.Errorf("%s: occupation %s has no title", at(occCol+1, colOccupation), code)
			}
			unit := path[len(path)-1]
			if unit.Code == "" || !strings.HasPrefix(code, unit.Code) {
				return nil, fmt.Errorf("%s: occupation %s is not in the unit group above it (%q)", at(occCol, colOccupation), code, unit.Code)
			}
			if prev, dup := seen[code]; dup {
				return nil, fmt.Errorf("%s: occupation %s is listed twice (also row %d)", at(occCol, colOccupation), code, prev)
			}
			seen[code] = n
			skill, err := parseSkill(cell(row, skillCol))
			if err != nil {
				return nil, fmt.Errorf("%s: %v", at(skillCol, colSkill), err)
			}
			occs = append(occs, Occupation{Code: code, Title: title, SkillLevel: skill,
				Hierarchy: append([]corpus.Group(nil), path...), Row: n})
			continue
		}
		k := -1
		for j, l := range levels {
			if l.col == first {
				k = j
			}
		}
		if k < 0 {
			return nil, fmt.Errorf("%s row %d column %s: %w: %q is not under any of the columns %s", where, n, colName(first), ErrLayout, raw,
				quoteList([]string{colMajor, colSubMajor, colMinor, colUnit, colOccupation}))
		}
		l := levels[k]
		if len(code) != l.digits || !allDigits(code) {
			return nil, fmt.Errorf("%s: %q is not a %d-digit %s group code", at(l.col, l.heading), raw, l.digits, l.name)
		}
		if k > 0 && (path[k-1].Code == "" || !strings.HasPrefix(code, path[k-1].Code)) {
			return nil, fmt.Errorf("%s: %s group %s is not in the %s group above it (%q)", at(l.col, l.heading), l.name, code, levels[k-1].name, path[k-1].Code)
		}
		title := cell(row, l.col+1)
		if title == "" {
			return nil, fmt.Errorf("%s: %s group %s has no title", at(l.col+1, l.heading), l.name, code)
		}
		path[k] = corpus.Group{Level: l.name, Code: code, Title: title}
		for j := k + 1; j < len(path); j++ {
			path[j] = corpus.Group{}
		}
	}
	if len(occs) == 0 {
		return nil, fmt.Errorf("%s: %w: no occupations in column %s (%s) below the header rows", where, ErrLayout, colName(occCol), colOccupation)
	}
	return occs, nil
}

var occCodeRE = regexp.MustCompile(`^[0-9]{6}$`)

// openTable opens the workbook in r and reads its table (readTable); the
// workbook is closed when it returns.
func openTable(r io.Reader, where, first string, sheets ...string) (rows [][]string, h *header, at string, err error) {
	f, err := openWorkbook(r, where)
	if err != nil {
		return nil, nil, where, err
	}
	defer f.Close()
	return readTable(f, where, first, sheets...)
}

// openWorkbook reads a whole workbook into memory and opens it.
func openWorkbook(r io.Reader, where string) (*xlsx.Workbook, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: larger than %d MiB; the published workbook is well under 1 MiB", where, MaxFileSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: the file is empty", where)
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, fmt.Errorf("%s: not an Excel workbook (.xlsx): it does not start as a zip archive does", where)
	}
	if err := checkUnzipped(data, where); err != nil {
		return nil, err
	}
	f, err := xlsx.Open(bytes.NewReader(data), int64(len(data)), limits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	return f, nil
}

// checkUnzipped refuses a workbook whose zip directory says it unpacks to
// more than maxUnzipped, or one of its XML parts to more than
// maxUnzippedXML, before any part is unpacked.
func checkUnzipped(data []byte, where string) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%s: not a readable Excel workbook (.xlsx): %s", where, oneline.String(err.Error()))
	}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > maxUnzippedXML {
			return fmt.Errorf("%s: part %q unpacks to %d MiB, over the limit of %d MiB (the published workbooks unpack to about 2 MiB)", where, f.Name, f.UncompressedSize64>>20, maxUnzippedXML>>20)
		}
		if total += f.UncompressedSize64; total > maxUnzipped {
			return fmt.Errorf("%s: the workbook unpacks to more than %d MiB, the limit (the published workbooks unpack to about 2 MiB)", where, maxUnzipped>>20)
		}
	}
	return nil
}

// readTable picks the first of sheets that f has, reads it and finds its
// header row, the one whose first heading is first. It returns the rows,
// the header and where, extended with the sheet, for later messages.
func readTable(f *xlsx.Workbook, where, first string, sheets ...string) ([][]string, *header, string, error) {
	sheet, err := pickSheet(f, where, sheets...)
	if err != nil {
		return nil, nil, where, err
	}
	rows, err := readSheet(f, sheet)
	if err != nil {
		return nil, nil, where, fmt.Errorf("%s: %w", where, err)
	}
	where = fmt.Sprintf("%s: sheet %q", where, sheet)
	h, err := findHeader(rows, where, first)
	return rows, h, where, err
}

// pickSheet returns the first of names that the workbook has.
func pickSheet(f *xlsx.Workbook, where string, names ...string) (string, error) {
	have := f.Sheets()
	for _, want := range names {
		for _, s := range have {
			if s == want {
				return s, nil
			}
		}
	}
	return "", fmt.Errorf("%s: %w: no sheet %q (the workbook has: %s)", where, ErrLayout, names[0], quoteList(have))
}

// readSheet returns the raw cell values of every row of sheet, cleaned of
// surplus white space; empty rows are kept so that indexes match row
// numbers. Its errors name the sheet.
func readSheet(f *xlsx.Workbook, sheet string) ([][]string, error) {
	it, err := f.Sheet(sheet, xlsx.Options{})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	if dim := it.Dimension(); dim != "" {
		if rows, cells, ok := dimensionSize(dim); ok && (rows > maxSheetRows || cells > maxSheetCells) {
			return nil, fmt.Errorf("sheet %q: its dimension %s is %d rows and %d cells, over the limits of %d rows and %d cells", sheet, dim, rows, cells, maxSheetRows, maxSheetCells)
		}
	}
	var rows [][]string
	total := 0
	for it.Next() {
		if len(rows) == maxSheetRows {
			return nil, fmt.Errorf("sheet %q: more than %d rows, the limit", sheet, maxSheetRows)
		}
		cells := it.Cells()
		if total += len(cells); total > maxSheetCells {
			return nil, fmt.Errorf("sheet %q: row %d: more than %d cells, the limit", sheet, len(rows)+1, maxSheetCells)
		}
		for i, c := range cells {
			cells[i] = clean(c)
		}
		rows = append(rows, cells)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	return rows, nil
}

// dimensionSize returns the rows and cells of a range such as "A1:H20000".
func dimensionSize(ref string) (rows, cells int, ok bool) {
	from, to, found := strings.Cut(ref, ":")
	if !found {
		return 1, 1, true
	}
	c1, r1, err1 := xlsx.ParseCell(from)
	c2, r2, err2 := xlsx.ParseCell(to)
	if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 {
		return 0, 0, false
	}
	rows = r2 - r1 + 1
	return rows, rows * (c2 - c1 + 1), true
}

// header is the header row (or rows) of a sheet.
type header struct {
	rows [][]string
	at   map[string]int // heading (folded) to column
	row  map[string]int // heading (folded) to row, from 1
	last int            // index of the last header row
}

// findHeader finds the row holding first among the top rows of the sheet
// and gathers the headings of that row and of the header rows below it (the
// structure spreads its headings over several rows); the header ends at the
// first row whose first cell holds a code.
func findHeader(rows [][]string, where, first string) (*header, error) {
	start := -1
	for i := 0; i < len(rows) && i < headerSearchRows; i++ {
		for _, c := range rows[i] {
			if strings.EqualFold(c, first) {
				start = i
				break
			}
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		return nil, fmt.Errorf("%s: %w: no header row with column %q in the first %d rows", where, ErrLayout, first, headerSearchRows)
	}
	h := &header{at: map[string]int{}, row: map[string]int{}, last: start}
	for i := start; i < len(rows) && i < start+headerSearchRows; i++ {
		if i > start && rowHasCode(rows[i]) {
			break
		}
		for col, c := range rows[i] {
			k := strings.ToLower(c)
			if _, dup := h.at[k]; c != "" && !dup {
				h.at[k], h.row[k] = col, i+1
			}
		}
		h.last = i
		h.rows = append(h.rows, rows[i])
	}
	return h, nil
}

func rowHasCode(row []string) bool {
	for _, c := range row {
		if c != "" {
			return startsWithDigit(c)
		}
	}
	return false
}

// columns returns the column of each heading, or an error naming the first
// heading that is missing.
func (h *header) columns(where string, headings ...string) ([]int, error) {
	out := make([]int, len(headings))
	for i, name := range headings {
		col, ok := h.at[strings.ToLower(name)]
		if !ok {
			var seen []string
			for _, r := range h.rows {
				for _, c := range r {
					if c != "" {
						seen = append(seen, c)
					}
				}
			}
			rows := fmt.Sprintf("row %d holds", h.last+1)
			if len(h.rows) > 1 {
				rows = fmt.Sprintf("rows %d-%d hold", h.last+2-len(h.rows), h.last+1)
			}
			return nil, fmt.Errorf("%s: %w: no column %q in the header (%s: %s)", where, ErrLayout, name, rows, quoteList(seen))
		}
		out[i] = col
	}
	return out, nil
}

func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

// clean folds runs of white space (no-break spaces and line breaks
// included) into one space and repairs invalid UTF-8.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return strings.Join(strings.Fields(s), " ")
}

// normaliseCode turns a code stored as a number ("541111", "541111.0") into
// its digits.
func normaliseCode(s string) string {
	if i := strings.IndexByte(s, '.'); i > 0 && strings.Trim(s[i+1:], "0") == "" && allDigits(s[:i]) {
		return s[:i]
	}
	return s
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var skillRE = regexp.MustCompile(`^([1-5])(?:\.0+)?(?:\s*Aus\s*,\s*[1-5]\s*NZ)?$`)

// parseSkill reads a skill level: "3", or "4 Aus,3 NZ" (the Australian
// level is kept). An empty cell gives 0.
func parseSkill(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	m := skillRE.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("skill level %q is not 1 to 5 (or \"4 Aus,3 NZ\")", s)
	}
	n, _ := strconv.Atoi(m[1])
	return n, nil
}

func colName(i int) string { return xlsx.ColumnName(i + 1) }

func categoryList() string {
	var names []string
	for _, n := range categoryNames {
		names = append(names, n.name)
	}
	return quoteList(names)
}

func quoteList(items []string) string {
	const max = 12
	var q []string
	for i, s := range items {
		if i == max {
			q = append(q, fmt.Sprintf("and %d more", len(items)-max))
			break
		}
		q = append(q, strconv.Quote(s))
	}
	if len(q) == 0 {
		return "nothing"
	}
	return strings.Join(q, ", ")
}
