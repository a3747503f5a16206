// Package xlsx reads and writes Excel workbooks (Office Open XML, .xlsx)
// as text: the raw strings of the cells of a worksheet, and a workbook of
// one worksheet of text and numbers. It is what the ABS importer
// (corpus/abs) and the batch pipeline (internal/batch) need, and no more:
// no styles, number formats, formulas or charts.
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
// String text decodes the escapes _xHHHH_ (_x005F_ is "_"). No number
// format is applied: a date stored as a number reads as its serial
// number. Rows.Dimension is the sheet's <dimension>, a claim the caller may
// check before reading; Rows.MergedCells reads the merged ranges that
// follow the rows.
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
// of a row and of one XML token (the decoder holds a token whole), and the
// count of shared strings. Memory is the zip directory, the shared
// strings up to their bound in memory, and one row.
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
