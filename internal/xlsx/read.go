package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/anzsco/anzsco/internal/oneline"
)

// ErrFormat is wrapped by the errors about a file that is not a readable
// workbook: not a zip archive, a part missing, XML that does not parse.
var ErrFormat = errors.New("not a readable Excel workbook")

// ErrLimit is wrapped by the errors about a workbook over one of the
// Limits.
var ErrLimit = errors.New("over a limit")

// Limits bound what reading a workbook may cost. Every field must be set;
// DefaultLimits returns Excel's own bounds and sizes that suit a workbook
// of some hundreds of MiB.
type Limits struct {
	// MaxUnzipped bounds the sizes the zip directory declares for all the
	// parts together, checked before anything is unzipped.
	MaxUnzipped int64
	// MaxPart bounds one part that is read (the workbook, its
	// relationships, the shared strings, a worksheet): its declared size is
	// checked before it is unzipped, and reading stops at the bound
	// whatever the zip declared.
	MaxPart int64
	// MaxDepth bounds the nesting of XML elements.
	MaxDepth int
	// MaxRows and MaxColumns bound the row and column numbers of a cell.
	MaxRows, MaxColumns int
	// MaxCellBytes bounds the text of one cell or shared string, and
	// MaxRowBytes the text of one row.
	MaxCellBytes, MaxRowBytes int
	// MaxSharedStrings bounds the count of shared strings.
	MaxSharedStrings int
	// MaxStyles bounds the count of cell formats, and that of custom
	// number formats, in the styles part (read for Options.Dates only).
	MaxStyles int
	// SharedStringsInMemory is the bytes of shared strings held in memory;
	// beyond it they go to a temporary file, read back a cell at a time.
	// Zero holds them all in memory (MaxPart bounds them).
	SharedStringsInMemory int64
}

// DefaultLimits returns Excel's bounds on rows, columns and cells, and
// sizes that suit a workbook of a few hundred MiB.
func DefaultLimits() Limits {
	return Limits{
		MaxUnzipped: 2 << 30, MaxPart: 2 << 30, MaxDepth: 64,
		MaxRows: MaxRows, MaxColumns: MaxColumns,
		MaxCellBytes: 4 * MaxCellChars, MaxRowBytes: 16 << 20,
		MaxSharedStrings: 8 << 20, SharedStringsInMemory: 16 << 20,
		MaxStyles: maxStyles,
	}
}

// maxStyles is the default bound on cell formats: Excel makes at most
// 64,000, and one costs the reader a few bytes, so other writers are
// allowed 16 times that.
const maxStyles = 1 << 20

// Relationship types, matched by their last path element so that the
// transitional and the strict namespaces both match.
const (
	relOfficeDocument = "officeDocument"
	relWorksheet      = "worksheet"
	relSharedStrings  = "sharedStrings"
	relStyles         = "styles"
)

// Workbook is an opened workbook: its sheet names are read, its
// worksheets are read one at a time through Sheet. It is not safe for
// concurrent use.
type Workbook struct {
	lim    Limits
	parts  map[string]*zip.File // by lower-case name, without a leading slash
	sheets []sheetRef
	sst    *sharedStrings
	sstErr error
	sstRef string // the shared strings part, "" when there is none
	loaded bool

	date1904  bool    // the workbook counts dates from 1904 (workbookPr date1904)
	stylesRef string  // the styles part, "" when there is none
	st        *styles // read with the first sheet read with Options.Dates
	stErr     error
	stLoaded  bool
}

type sheetRef struct {
	name, part string // part is "" when the relationship is missing
}

// Open reads the zip directory of the workbook in r (size bytes), checks
// the declared sizes against lim, and reads the list of sheets. Close
// releases what reading the shared strings may have put in a temporary
// file.
func Open(r io.ReaderAt, size int64, lim Limits) (*Workbook, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrFormat, oneline.Quoted(err))
	}
	w := &Workbook{lim: lim, parts: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		if total += f.UncompressedSize64; f.UncompressedSize64 > uint64(lim.MaxUnzipped) || total > uint64(lim.MaxUnzipped) {
			return nil, fmt.Errorf("%w: the parts unzip to over %d MiB (%s declares %d MiB)", ErrLimit, lim.MaxUnzipped>>20, partName(f), f.UncompressedSize64>>20)
		}
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))
		if _, dup := w.parts[name]; !dup {
			w.parts[name] = f
		}
	}
	book := "xl/workbook.xml"
	rels, err := w.rels("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if r.kind == relOfficeDocument {
			book = r.target
			break
		}
	}
	if w.parts[strings.ToLower(book)] == nil {
		return nil, fmt.Errorf("%w: no workbook part (%s)", ErrFormat, oneline.Quoted(book))
	}
	if err := w.readBook(book); err != nil {
		return nil, err
	}
	return w, nil
}

type relationship struct{ id, kind, target string }

// rels reads the relationships part name; targets are resolved against
// the folder dir. A missing part has none.
func (w *Workbook) rels(name, dir string) ([]relationship, error) {
	f := w.parts[strings.ToLower(name)]
	if f == nil {
		return nil, nil
	}
	p, err := w.openPart(f)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	var out []relationship
	for {
		t, err := p.token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", partName(f), err)
		}
		if s, ok := t.(xml.StartElement); ok && s.Name.Local == "Relationship" {
			if len(out) == 1<<16 {
				return nil, fmt.Errorf("%w: %s: over %d relationships", ErrLimit, partName(f), 1<<16)
			}
			if strings.EqualFold(attr(s, "TargetMode"), "External") {
				continue
			}
			target := attr(s, "Target")
			if strings.HasPrefix(target, "/") {
				target = target[1:]
			} else {
				target = path.Join(dir, target)
			}
			kind := attr(s, "Type")
			out = append(out, relationship{id: attr(s, "Id"), kind: kind[strings.LastIndexByte(kind, '/')+1:], target: target})
		}
	}
}

// readBook reads the sheet names of the workbook part book and where
// their worksheets and the shared strings are.
func (w *Workbook) readBook(book string) error {
	dir := path.Dir(book)
	rels, err := w.rels(path.Join(dir, "_rels", path.Base(book)+".rels"), dir)
	if err != nil {
		return err
	}
	byID := map[string]relationship{}
	for _, r := range rels {
		byID[r.id] = r
		if r.kind == relSharedStrings && w.sstRef == "" {
			w.sstRef = r.target
		}
		if r.kind == relStyles && w.stylesRef == "" {
			w.stylesRef = r.target
		}
	}
	if w.sstRef == "" && w.parts["xl/sharedstrings.xml"] != nil {
		w.sstRef = "xl/sharedStrings.xml"
	}
	if w.stylesRef == "" && w.parts["xl/styles.xml"] != nil {
		w.stylesRef = "xl/styles.xml"
	}
	f := w.parts[strings.ToLower(book)]
	p, err := w.openPart(f)
	if err != nil {
		return err
	}
	defer p.Close()
	for {
		t, err := p.token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", partName(f), err)
		}
		s, ok := t.(xml.StartElement)
		if ok && s.Name.Local == "workbookPr" {
			v := attr(s, "date1904")
			w.date1904 = v == "1" || strings.EqualFold(v, "true")
		}
		if !ok || s.Name.Local != "sheet" {
			continue
		}
		if len(w.sheets) == 1<<16 {
			return fmt.Errorf("%w: %s: over %d sheets", ErrLimit, partName(f), 1<<16)
		}
		ref := sheetRef{name: attr(s, "name")}
		if r, ok := byID[attr(s, "id")]; ok && r.kind == relWorksheet {
			ref.part = r.target
		}
		w.sheets = append(w.sheets, ref)
	}
}

// Sheets returns the names of the sheets, in the workbook's order.
func (w *Workbook) Sheets() []string {
	names := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		names[i] = s.name
	}
	return names
}

// Close removes the temporary file of the shared strings, if any.
func (w *Workbook) Close() error {
	if w.sst == nil {
		return nil
	}
	err := w.sst.close()
	w.sst = nil
	return err
}

// Options say how cell values are read.
type Options struct {
	// General reads numbers and booleans as a cell in Excel's General
	// format shows them: numbers to 15 significant digits, TRUE and FALSE.
	// Without it a cell's stored value is read as it is.
	General bool
	// Dates reads a number whose cell format is a date or a time as
	// ISO 8601 text: 2024-01-12, 2024-01-12 08:30:00, 08:30:00 (see the
	// package comment). Other number formats (percentages, currencies,
	// decimals) are never applied.
	Dates bool
}

// Sheet opens the worksheet name (as Sheets spells it) for reading its
// rows in order.
func (w *Workbook) Sheet(name string, opt Options) (*Rows, error) {
	i := -1
	for j, s := range w.sheets {
		if s.name == name {
			i = j
			break
		}
	}
	where := "sheet " + strconv.Quote(name)
	if i < 0 {
		return nil, fmt.Errorf("%w: no %s", ErrFormat, where)
	}
	ref := w.sheets[i]
	f := w.parts[strings.ToLower(ref.part)]
	if ref.part == "" || f == nil {
		return nil, fmt.Errorf("%w: %s: its worksheet part is missing (not a worksheet, or a damaged workbook)", ErrFormat, where)
	}
	if !w.loaded {
		w.loaded = true
		if sf := w.parts[strings.ToLower(w.sstRef)]; w.sstRef != "" && sf != nil {
			w.sst, w.sstErr = w.readSharedStrings(sf)
		}
	}
	if w.sstErr != nil {
		return nil, w.sstErr
	}
	if opt.Dates && !w.stLoaded {
		w.stLoaded = true
		if sf := w.parts[strings.ToLower(w.stylesRef)]; w.stylesRef != "" && sf != nil {
			w.st, w.stErr = w.readStyles(sf)
		}
	}
	if opt.Dates && w.stErr != nil {
		return nil, w.stErr
	}
	p, err := w.openPart(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	r := &Rows{w: w, p: p, where: where, opt: opt}
	if err := r.start(); err != nil {
		p.Close()
		return nil, err
	}
	return r, nil
}

// Rows reads a worksheet row by row. It is not safe for concurrent use.
type Rows struct {
	w     *Workbook
	p     *part
	where string
	opt   Options
	dim   string
	row   int      // the row Next moved to
	cells []string // its cells
	next  int      // number of the row read ahead, 0 for none
	ahead []string // its cells
	done  bool     // sheetData ended
	err   error
	merge []Range
}

// start reads up to the rows, noting the dimension.
func (r *Rows) start() error {
	for {
		t, err := r.p.token()
		if err == io.EOF {
			r.done = true
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", r.where, err)
		}
		if s, ok := t.(xml.StartElement); ok {
			switch s.Name.Local {
			case "dimension":
				r.dim = attr(s, "ref")
			case "sheetData":
				return nil
			}
		}
	}
}

// Dimension returns the range the worksheet says it uses, such as
// "A1:H200", as written in it ("" when it says none). It is a claim of the
// file, not checked against its cells.
func (r *Rows) Dimension() string { return r.dim }

// Next moves to the next row: row 1, then 2 and so on, an empty row for
// each row number the worksheet leaves out, up to its last row. It returns
// false at the end of the rows or on an error (see Err).
func (r *Rows) Next() bool {
	if r.err != nil {
		return false
	}
	if r.next == 0 && !r.done {
		if err := r.readRow(); err != nil {
			r.err = fmt.Errorf("%s: %w", r.where, err)
			r.cells = nil
			return false
		}
	}
	if r.next == 0 {
		r.cells = nil
		return false
	}
	r.row++
	if r.row < r.next {
		r.cells = nil
		return true
	}
	r.cells, r.ahead, r.next = r.ahead, nil, 0
	return true
}

// Row returns the number of the row Next moved to, from 1.
func (r *Rows) Row() int { return r.row }

// Cells returns the values of the row's cells, the first in column A,
// up to its last cell with a value (or a formula); a cell without one is
// "". The slice is the caller's.
func (r *Rows) Cells() []string { return r.cells }

// Err returns the error that ended the rows, nil at their end.
func (r *Rows) Err() error { return r.err }

// MergedCells returns the merged ranges of the worksheet, which it lists
// after its rows: it reads on to the end of the worksheet and is called
// once Next has returned false.
func (r *Rows) MergedCells() ([]Range, error) {
	if r.err != nil {
		return nil, r.err
	}
	for r.p != nil {
		t, err := r.p.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.err = fmt.Errorf("%s: %w", r.where, err)
			return nil, r.err
		}
		if s, ok := t.(xml.StartElement); ok && s.Name.Local == "mergeCell" {
			if len(r.merge) == r.w.lim.MaxRows {
				r.err = fmt.Errorf("%s: %w: over %d merged ranges", r.where, ErrLimit, r.w.lim.MaxRows)
				return nil, r.err
			}
			m, err := ParseRange(attr(s, "ref"))
			if err != nil {
				r.err = fmt.Errorf("%s: %w: merged cells: %v", r.where, ErrFormat, err)
				return nil, r.err
			}
			r.merge = append(r.merge, m)
		}
	}
	r.Close()
	return r.merge, nil
}

// Close ends reading the worksheet; it may be called more than once.
func (r *Rows) Close() error {
	if r.p == nil {
		return nil
	}
	err := r.p.Close()
	r.p = nil
	return err
}

// readRow reads the next <row> of sheetData into next and ahead, or sets
// done at the end of sheetData.
func (r *Rows) readRow() error {
	if r.p == nil {
		r.done = true
		return nil
	}
	for {
		t, err := r.p.token()
		if err == io.EOF {
			return fmt.Errorf("%w: the worksheet ends inside its rows", ErrFormat)
		}
		if err != nil {
			return fmt.Errorf("after row %d: %w", r.row, err)
		}
		switch t := t.(type) {
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				r.done = true
				return nil
			}
		case xml.StartElement:
			if t.Name.Local != "row" {
				if err := r.p.skip(); err != nil {
					return fmt.Errorf("after row %d: %w", r.row, err)
				}
				continue
			}
			n := r.row + 1
			if v := attr(t, "r"); v != "" {
				k, err := strconv.Atoi(v)
				if err != nil || k < 1 {
					return fmt.Errorf("%w: after row %d: a row numbered %q", ErrFormat, r.row, v)
				}
				if k <= r.row {
					return fmt.Errorf("%w: row %d comes after row %d", ErrFormat, k, r.row)
				}
				n = k
			}
			if n > r.w.lim.MaxRows {
				return fmt.Errorf("%w: row %d: over %d rows", ErrLimit, n, r.w.lim.MaxRows)
			}
			cells, err := r.readCells(n)
			if err != nil {
				return err
			}
			r.next, r.ahead = n, cells
			return nil
		}
	}
}

// readCells reads the cells of row n, up to the end of its <row>.
func (r *Rows) readCells(n int) ([]string, error) {
	var cells []string
	col, bytes := 0, 0
	for {
		t, err := r.p.token()
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", n, err)
		}
		switch t := t.(type) {
		case xml.EndElement:
			return cells, nil
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := r.p.skip(); err != nil {
					return nil, fmt.Errorf("row %d: %w", n, err)
				}
				continue
			}
			c := col + 1
			if ref := attr(t, "r"); ref != "" {
				k, _, err := ParseCell(ref)
				if err != nil {
					return nil, fmt.Errorf("%w: row %d: %v", ErrFormat, n, err)
				}
				if k <= col {
					return nil, fmt.Errorf("%w: cell %s comes after column %s", ErrFormat, ref, ColumnName(col))
				}
				c = k
			}
			if c > r.w.lim.MaxColumns {
				return nil, fmt.Errorf("%w: cell %s: over %d columns", ErrLimit, CellName(c, n), r.w.lim.MaxColumns)
			}
			col = c
			v, keep, err := r.cell(t)
			if err != nil {
				return nil, fmt.Errorf("cell %s: %w", CellName(c, n), err)
			}
			if !keep {
				continue
			}
			if bytes += len(v); bytes > r.w.lim.MaxRowBytes {
				return nil, fmt.Errorf("%w: row %d: over %d MiB of text", ErrLimit, n, r.w.lim.MaxRowBytes>>20)
			}
			for len(cells) < c-1 {
				cells = append(cells, "")
			}
			cells = append(cells, v)
		}
	}
}

// cell reads the <c> element start, up to its end: its value, and whether
// the row keeps it (a value, or a formula).
func (r *Rows) cell(start xml.StartElement) (string, bool, error) {
	typ := attr(start, "t")
	var v, inline string
	var hasInline, formula bool
	max := r.w.lim.MaxCellBytes
	for {
		t, err := r.p.token()
		if err != nil {
			return "", false, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				if v, err = r.p.text(max); err != nil {
					return "", false, err
				}
			case "is":
				hasInline = true
				if inline, err = r.p.richText(max); err != nil {
					return "", false, err
				}
			case "f":
				formula = true
				if err := r.p.skip(); err != nil {
					return "", false, err
				}
			default:
				if err := r.p.skip(); err != nil {
					return "", false, err
				}
			}
		case xml.EndElement:
			val, err := r.value(typ, attr(start, "s"), v, inline, hasInline)
			return val, val != "" || formula, err
		}
	}
}

// value is the text of a cell of type typ and style style with <v> v and
// inline string inline.
func (r *Rows) value(typ, style, v, inline string, hasInline bool) (string, error) {
	switch typ {
	case "s":
		if v == "" {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return "", fmt.Errorf("%w: shared string %q is not a number", ErrFormat, v)
		}
		if r.w.sst == nil || i < 0 || i >= r.w.sst.len() {
			n := 0
			if r.w.sst != nil {
				n = r.w.sst.len()
			}
			return "", fmt.Errorf("%w: shared string %d, but the workbook has %d", ErrFormat, i, n)
		}
		return r.w.sst.get(i)
	case "inlineStr":
		if hasInline {
			return inline, nil
		}
		return v, nil
	case "b":
		if r.opt.General {
			switch v {
			case "1":
				return "TRUE", nil
			case "0":
				return "FALSE", nil
			}
		}
		return v, nil
	case "str", "e", "d":
		return v, nil
	}
	if r.opt.Dates {
		if k := r.w.st.kind(style); k != kindNumber {
			if d, ok := dateText(v, k, r.w.date1904); ok {
				return d, nil
			}
		}
	}
	if r.opt.General {
		return general(v), nil
	}
	return v, nil
}

// general formats a number as Excel's General format shows it: 15
// significant digits at most, no exponent. Text that is not a number is
// returned as it is.
func general(v string) string {
	if strings.Contains(v, "_") {
		return v
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if len(s)-strings.Count(s, ".") > 15 && !integerWithin15(v) {
		return strconv.FormatFloat(x, 'G', 15, 64)
	}
	return s
}

// integerWithin15 says whether v is an integer written with at most 15
// significant digits, zeros after them aside.
func integerWithin15(v string) bool {
	if strings.ContainsAny(v, ".Ee") {
		return false
	}
	v = strings.TrimLeft(v, "+-0")
	return len(strings.TrimRight(v, "0")) <= 15
}
