package xlsx

import (
	"fmt"
	"strconv"
)

// Excel's own bounds on a worksheet and a cell.
const (
	MaxRows      = 1 << 20 // rows of a worksheet
	MaxColumns   = 1 << 14 // columns of a worksheet, A to XFD
	MaxCellChars = 32767   // characters of a cell's text
)

// ColumnName returns the letters of column col, counted from 1: 1 is "A",
// 27 "AA". It returns the number itself for a column outside 1 to
// MaxColumns.
func ColumnName(col int) string {
	if col < 1 || col > MaxColumns {
		return strconv.Itoa(col)
	}
	var b [3]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// CellName returns the reference of the cell in column col and row row,
// both from 1: CellName(3, 12) is "C12".
func CellName(col, row int) string {
	return ColumnName(col) + strconv.Itoa(row)
}

// ParseCell reads a cell reference such as "C12" (letters in any case, an
// absolute "$C$12" too) into its column and row, from 1.
func ParseCell(ref string) (col, row int, err error) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start := i
	for i < len(ref) && i-start < 4 {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	if i == start || col > MaxColumns {
		return 0, 0, fmt.Errorf("%q is not a cell reference", ref)
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	row, err = strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > MaxRows || ref[i] == '+' {
		return 0, 0, fmt.Errorf("%q is not a cell reference", ref)
	}
	return col, row, nil
}

// ParseRange reads a range such as "A1:H20" (or one cell, "B2") into its
// first and last cells.
func ParseRange(ref string) (r Range, err error) {
	from, to := ref, ref
	for i := 0; i < len(ref); i++ {
		if ref[i] == ':' {
			from, to = ref[:i], ref[i+1:]
			break
		}
	}
	if r.FromCol, r.FromRow, err = ParseCell(from); err != nil {
		return Range{}, err
	}
	if r.ToCol, r.ToRow, err = ParseCell(to); err != nil {
		return Range{}, err
	}
	if r.ToCol < r.FromCol || r.ToRow < r.FromRow {
		return Range{}, fmt.Errorf("%q is not a range from its top left to its bottom right", ref)
	}
	return r, nil
}

// Range is a rectangle of cells, columns and rows counted from 1.
type Range struct {
	FromCol, FromRow, ToCol, ToRow int
}

// String returns the range as Excel writes it, "A1:C3".
func (r Range) String() string {
	return CellName(r.FromCol, r.FromRow) + ":" + CellName(r.ToCol, r.ToRow)
}
