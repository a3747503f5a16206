// Package xlsx reads and writes Excel workbooks (Office Open XML, .xlsx)
// as text: the raw strings of the cells of a worksheet, and a workbook of
// one worksheet of text and numbers. It is what the ABS importer
// (corpus/abs) and the batch pipeline (internal/batch) need, and no more:
// of the styles only whether a number is a date or a time; no other
// number format, no formulas or charts.
//
// It owns the zip and XML of a workbook and the limits on reading one. It
// must not know what the cells mean: the callers find headers, columns and
// codes.
//
// # Reading
//
// Open reads the zip directory and refuses a workbook whose parts declare
// more than Limits.MaxUnzipped together, before anything is unzipped. It
// then reads _rels/.rels (the workbook part, xl/workbook.xml by default),
// the workbook's relationships and its <sheets>: Sheets lists their names
// in order. Sheet opens one worksheet, after reading the shared strings
// (xl/sharedStrings.xml) once: the text of each <si>, from its <t> or
// joined from the <t> of its rich text runs <r>; phonetic runs (<rPh>) are
// not text. Strings over Limits.SharedStringsInMemory bytes in all go to a
// temporary file that Workbook.Close removes.
//
// A worksheet is decoded token by token (encoding/xml, no tree is built):
// Rows.Next moves through rows 1, 2, 3 and so on, an empty row for each
// row number the sheet leaves out, and Rows.Cells places each cell by its
// reference ("C12" is the third cell), so empty cells are "" in their
// places; a cell without a reference follows the one before. The value of
// a cell depends on its type (attribute t):
//
//	s          the shared string its <v> indexes
//	inlineStr  the text of its <is>, as a shared string
//	b          "1" or "0" (TRUE or FALSE with Options.General)
//	str, e, d  its <v> as written: a formula's text, an error (#N/A), a date
//	n, none    its <v>: a number as stored (as General shows it, to 15
//	           significant digits, with Options.General)
//
// String text decodes the escapes _xHHHH_ (_x005F_ is "_").
// Rows.Dimension is the sheet's <dimension>, a claim the caller may check
// before reading; Rows.MergedCells reads the merged ranges that follow
// the rows.
//
// # Dates
//
// A workbook stores a date as a number, the days since 1899-12-31 (the
// 1900 date system) or since 1904-01-01 (the 1904 system, workbookPr
// date1904), the time of day as the fraction; only the cell's number
// format says it is a date. With Options.Dates the styles part
// (xl/styles.xml, or the one the workbook's relationships name) is read
// once, token by token: the custom number formats (numFmts) and the
// number format of each cell format (cellXfs, which a cell's s indexes);
// differential formats and cell styles are skipped. A format is a date or
// a time when it is one of the built-in formats 14 to 22 and 45 to 47, or
// a custom format whose first section has the tokens d, m, y, h or s
// outside quoted text, escaped characters and brackets (m next to h or s
// is minutes), AM/PM, or the elapsed time [h], [m] or [s]; letters match
// in either case. A number (type n, or none) in such a format reads in
// ISO 8601:
//
//	date               2024-01-12, or 2024-01-12 08:30:00 when the value
//	                   has a time of day (the format hides it, the value
//	                   keeps it)
//	date and time      2024-01-12 08:30:00
//	time               08:30:00 (the time of day, the date left out)
//	elapsed ([h]:mm)   36:00:00 (hours counted on past 24)
//
// Date and time are joined by a space, not ISO 8601's T, so that the text
// goes back into a spreadsheet as a date: Excel reads
// "2024-01-12 08:30:00" typed in a cell or opened from CSV as a date and
// time, and keeps "2024-01-12T08:30:00" as text. RFC 3339 allows the
// space, as do SQL and Go's time.DateTime. Seconds are rounded to the
// nearest. In the 1900 system serial 60 is 1900-02-29, the day Excel
// counts (after Lotus 1-2-3) that never was: it reads as Excel shows it,
// and serials from 61 are one day less than their count. A number under 1
// in the 1900 system is a time without a day (0.5 is 12:00:00; 0 in a
// date format stays 0). A negative number, or one past 9999-12-31, stays
// a number, as does every number in any other format. Without
// Options.Dates, or without a styles part, a date reads as its serial
// number.
//
// # Limits
//
// Bad input is an error, never a panic, and a one-line message naming
// the place: the part ("xl/sharedStrings.xml: string 12: ..."), or the
// sheet, row and cell ("sheet \"Ads\": cell C12: not a readable Excel
// workbook: shared string 99, but the workbook has 3"); the caller adds the
// file. Errors wrap ErrFormat (not a workbook, a missing part, XML that
// does not parse, rows or cells out of order) or ErrLimit. The
// Limits bound the declared and the real unzipped size of each part read
// (a zip that unzips to more than it declares is refused by archive/zip),
// the depth of XML elements, row and column numbers, the bytes of a cell,
// of a row and of one XML token (the decoder holds a token whole), the
// count of shared strings, and the counts of cell formats and of custom
// number formats (Limits.MaxStyles; the counts a part claims are not
// trusted). Memory is the zip directory, the shared strings up to their
// bound in memory, a byte for each cell format (and, while the styles are
// read, their number format ids and the kinds of the custom formats), and
// one row.
//
// # Writing
//
// Writer writes [Content_Types].xml, the relationships, xl/workbook.xml, a
// minimal xl/styles.xml and xl/worksheets/sheet1.xml as rows come, through
// a zip.Writer on the caller's io.Writer: text as inline strings
// (control characters escaped as _xHHHH_, xml:space="preserve" where
// spaces lead or trail), numbers as numbers, every cell with its
// reference. Nothing is buffered beyond 64 KiB, and Close leaves a whole
// workbook of the rows written even after an error.
//
// Workbook, Rows and Writer are not safe for concurrent use.
package xlsx
