package batch

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/anzsco/anzsco/internal/column"
	"github.com/anzsco/anzsco/internal/oneline"
	"github.com/anzsco/anzsco/internal/xlsx"
)

// Limits on an XLSX input. A workbook is a zip file, read whole into
// memory since its directory is at its end. Its worksheet is then unzipped
// and decoded as it is read, a row at a time; its shared strings are held
// in memory up to xlsxPartInMemory bytes of text and beyond that in a
// temporary file. So a damaged or hostile file of a few KiB that declares
// a part of gigabytes is refused before it is unzipped, and a large one
// costs its own size in memory and little more.
const (
	// MaxWorkbookBytes bounds the workbook file.
	MaxWorkbookBytes = 256 << 20
	// MaxWorkbookUnzipped bounds what its parts declare, all together.
	MaxWorkbookUnzipped = 2 << 30
	// maxWorkbookInMemory bounds what the parts other than worksheets and
	// the shared strings declare: a few hundred KiB in a real workbook.
	maxWorkbookInMemory = 256 << 20
	// xlsxPartInMemory is the text of the shared strings held in memory,
	// the rest going to a temporary file; a worksheet or shared strings
	// part over it is not counted against maxWorkbookInMemory, since
	// neither is held whole.
	xlsxPartInMemory = 16 << 20
)

// xlsxLimits are the bounds on reading the workbook: a cell may be as
// long as a CSV record, so that a field over MaxFieldBytes is an error
// row, as in CSV, and not the end of the run.
var xlsxLimits = xlsx.Limits{
	MaxUnzipped: MaxWorkbookUnzipped, MaxPart: MaxWorkbookUnzipped, MaxDepth: 64,
	MaxRows: xlsx.MaxRows, MaxColumns: xlsx.MaxColumns,
	MaxCellBytes: MaxRecordBytes, MaxRowBytes: 4 * MaxRecordBytes,
	MaxSharedStrings: 8 << 20, SharedStringsInMemory: xlsxPartInMemory,
	MaxStyles: 1 << 20,
}

// The first bytes of a zip file (XLSX) and of an OLE2 compound file (the
// XLS of Excel 97-2003, and any encrypted workbook).
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// workbookKind says whether p, the start of an input, is a workbook: ""
// when it is not.
func workbookKind(p []byte) string {
	switch {
	case bytes.HasPrefix(p, zipMagic):
		return "xlsx"
	case bytes.HasPrefix(p, oleMagic):
		return "xls"
	}
	return ""
}

// xlsxReader reads one worksheet: the first non-empty row is the header,
// each later non-empty row a record. A record's Line is its row number in
// the worksheet.
type xlsxReader struct {
	table
	f     *xlsx.Workbook
	rows  *xlsx.Rows
	sheet string
	line  int // the worksheet row last read
	row   int
	err   error // sticky: io.EOF or a fatal error
}

func newXLSXReader(br *bufio.Reader, opt ReadOptions) (*xlsxReader, error) {
	data, err := io.ReadAll(io.LimitReader(br, MaxWorkbookBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opt.Name, err)
	}
	if len(data) > MaxWorkbookBytes {
		return nil, fmt.Errorf("%s: the workbook is over %d MiB: save the sheet as CSV", opt.Name, MaxWorkbookBytes>>20)
	}
	if err := checkUnzipped(data); err != nil {
		return nil, fmt.Errorf("%s: %w", opt.Name, err)
	}
	f, err := xlsx.Open(bytes.NewReader(data), int64(len(data)), xlsxLimits)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", opt.Name, oneline.Quoted(err))
	}
	r := &xlsxReader{table: table{opt: opt}, f: f}
	if err := r.open(); err != nil {
		f.Close()
		return nil, err
	}
	return r, nil
}

// checkUnzipped refuses a workbook whose parts declare more than the
// limits allow, before any is unzipped.
func checkUnzipped(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("not a readable Excel workbook: %s", oneline.Quoted(err))
	}
	var total, inMemory uint64
	for _, zf := range zr.File {
		n := zf.UncompressedSize64
		total += n
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		streamed := n > xlsxPartInMemory && (strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml")
		if !streamed {
			inMemory += n
		}
		switch {
		case n > MaxWorkbookUnzipped || total > MaxWorkbookUnzipped:
			return fmt.Errorf("the workbook unzips to over %d MiB (part %q declares %d MiB): save the sheet as CSV", MaxWorkbookUnzipped>>20, oneline.Quoted(zf.Name), n>>20)
		case inMemory > maxWorkbookInMemory:
			return fmt.Errorf("the parts of the workbook other than worksheets unzip to over %d MiB (part %q declares %d MiB): is it damaged? save the sheet as CSV", maxWorkbookInMemory>>20, oneline.Quoted(zf.Name), n>>20)
		}
	}
	return nil
}

// open finds the worksheet and reads its header row.
func (r *xlsxReader) open() error {
	sheets := r.f.Sheets()
	switch {
	case r.opt.Sheet != "":
		i := slices.IndexFunc(sheets, func(s string) bool { return strings.EqualFold(s, r.opt.Sheet) })
		if i < 0 {
			return fmt.Errorf("%s: no sheet %q in the workbook (sheets: %s)", r.opt.Name, r.opt.Sheet, column.List(sheets))
		}
		r.sheet = sheets[i]
	case len(sheets) == 0:
		return fmt.Errorf("%s: the workbook has no worksheet", r.opt.Name)
	default:
		r.sheet = sheets[0]
	}
	var err error
	if r.rows, err = r.f.Sheet(r.sheet, xlsx.Options{General: true, Dates: true}); err != nil {
		return fmt.Errorf("%s: %s", r.opt.Name, oneline.Quoted(err))
	}
	header, err := r.next()
	switch {
	case err == io.EOF:
		return fmt.Errorf("%s: sheet %q is empty: want a header row naming the columns", r.opt.Name, r.sheet)
	case err != nil:
		return err
	}
	return r.setHeader(header, func() string {
		if len(sheets) > 1 && r.opt.Sheet == "" {
			return fmt.Sprintf(" (read the first sheet, %q; --sheet names another: %s)", r.sheet, column.List(sheets))
		}
		return ""
	})
}

// next returns the cells of the next row that has any, with the trailing
// empty ones dropped. Numbers and booleans read as Excel's General format
// shows them, dates and times as ISO 8601.
func (r *xlsxReader) next() ([]string, error) {
	for r.rows.Next() {
		r.line = r.rows.Row()
		cells := r.rows.Cells()
		for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) > 0 {
			return cells, nil
		}
	}
	if err := r.rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %s", r.opt.Name, oneline.Quoted(err))
	}
	return nil, io.EOF
}

func (r *xlsxReader) Format() Format { return XLSX }

func (r *xlsxReader) Read() (*Record, error) {
	for r.err == nil {
		cells, err := r.next()
		if err != nil {
			r.err = err
			r.Close()
			break
		}
		r.row++
		if !r.opt.Shard.Has(r.row) {
			continue
		}
		// A row is as long as the header: a spreadsheet does not store the
		// empty cells at its end.
		for len(cells) < len(r.header) {
			cells = append(cells, "")
		}
		rec := &Record{Row: r.row, Line: r.line}
		if r.id < 0 {
			rec.ID = strconv.Itoa(r.row)
		}
		r.fill(rec, cells)
		return rec, nil
	}
	return nil, r.err
}

// Close releases the workbook and the temporary file of a large one. It
// is called when the last row has been read, and may be called again.
func (r *xlsxReader) Close() error {
	if r.f == nil {
		return nil
	}
	if r.rows != nil {
		r.rows.Close()
	}
	err := r.f.Close()
	r.f = nil
	return err
}

// xlsxWriter turns the CSV output of a run into a workbook of one
// worksheet, written to w as rows come. Numbers (confidence, score) become
// numeric cells; text over Excel's limit of 32,767 characters a cell is
// cut there.
type xlsxWriter struct {
	pw   *io.PipeWriter
	done chan error
}

// xlsxSheet names the worksheet of XLSX output.
const xlsxSheet = "anzsco"

// xlsxNumeric are the CSV output columns written as numbers.
var xlsxNumeric = []string{"confidence", "score", "runner_up_confidence", "best_confidence"}

func newXLSXWriter(w io.Writer) *xlsxWriter {
	pr, pw := io.Pipe()
	x := &xlsxWriter{pw: pw, done: make(chan error, 1)}
	go func() {
		err := writeWorkbook(pr, w)
		pr.CloseWithError(err) // a later Write fails with it
		x.done <- err
	}()
	return x
}

func (x *xlsxWriter) Write(p []byte) (int, error) { return x.pw.Write(p) }

// Close ends the rows and the workbook.
func (x *xlsxWriter) Close() error {
	x.pw.Close()
	return <-x.done
}

// writeWorkbook writes the CSV rows of r as a workbook to w. The workbook
// is ended, with the rows written, whatever error stops it.
func writeWorkbook(r io.Reader, w io.Writer) (err error) {
	xw, err := xlsx.NewWriter(w, xlsxSheet)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := xw.Close(); err == nil {
			err = cerr
		}
	}()
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	var numeric []bool
	var cells []xlsx.Cell
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if n > xlsx.MaxRows {
			return fmt.Errorf("over %d rows, more than a worksheet holds: write CSV or JSON Lines", xlsx.MaxRows-1)
		}
		if numeric == nil {
			numeric = make([]bool, len(rec))
			for i, h := range rec {
				numeric[i] = slices.Contains(xlsxNumeric, h)
			}
		}
		cells = cells[:0]
		for i, v := range rec {
			cells = append(cells, xlsxCell(v, i < len(numeric) && numeric[i]))
		}
		if err := xw.WriteRow(cells); err != nil {
			return err
		}
	}
}

// xlsxCell is a cell: a number for a numeric column, else the text cut to
// the limit of a cell.
func xlsxCell(v string, numeric bool) xlsx.Cell {
	if numeric {
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			return xlsx.Number(x)
		}
	}
	if utf8.RuneCountInString(v) > xlsx.MaxCellChars {
		v = string([]rune(v)[:xlsx.MaxCellChars])
	}
	return xlsx.Text(v)
}

// errWorkbookAsText is the message for a workbook read as text.
var errWorkbookAsText = errors.New("this is an Excel workbook: use it directly or save it as CSV")
