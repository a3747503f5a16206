// Package batch classifies large files of job ads: it streams rows from
// CSV, TSV, JSON Lines or Excel workbooks, classifies them in parallel with an
// index.Classifier and writes one output row per input row, in input order.
//
// It owns reading rows, the parallel pipeline, the output rows and the
// output file (Output). It must not rank (it asks an index.Classifier) nor
// parse command-line flags (the command does).
//
// # Input
//
// CSV follows RFC 4180: a header row naming the columns, fields quoted with
// double quotes, quoted fields may hold commas, quotes ("") and line
// breaks, lines end in LF or CRLF, and a UTF-8 byte order mark is skipped.
// TSV is the same with tabs. The delimiter of CSV is the comma, semicolon
// or tab found most often outside quotes in the header line, unless
// ReadOptions.Delimiter names it; text is UTF-8 unless ReadOptions.Encoding
// names UTF-16, Windows-1252 or ISO-8859-1 (golang.org/x/text decodes it).
// Blank lines are skipped. JSON Lines holds one
// object per line; blank lines are skipped; string values are used as they
// are, numbers and booleans as written; a null description is none, a null
// title is the error ErrNullTitle and a null id ErrFieldType. Gzip-compressed
// input is recognised by its first bytes and read transparently. An Excel
// workbook (XLSX) is read whole into memory (up to MaxWorkbookBytes), then
// one worksheet row by row (internal/xlsx, which unzips and decodes it as
// it goes): its first non-empty row is the header, empty rows are skipped,
// and a row's line is its row number in the sheet. Cells are read as
// stored, numbers and booleans as Excel's General format shows them, and
// a number in a date or time format as ISO 8601 (2024-01-12,
// 2024-01-12 08:30:00, 08:30:00; see internal/xlsx); no other number
// format is applied. XLSX output is the CSV output in one worksheet,
// written as rows come and ended when the run ends.
//
// Columns are named: the title column is required (NewReader fails, naming
// it and listing the columns present, when the header lacks it), the
// description and id columns are optional. Rows are numbered from 1 in the
// order of the input, header and blank lines not counted; the id of a row is
// its id column or, without one, its row number.
//
// # Bad rows
//
// A row that cannot be classified is never dropped: it becomes a Record
// with Err set, and an output row with an error message that names its
// line (and column). The kinds are the ErrX values: a CSV syntax error
// (the csv package's, e.g. a bare quote; reading goes on at the next
// record), a row with more or fewer fields than the header, invalid UTF-8,
// a field over MaxFieldBytes (1 MiB), a JSONL line over MaxRecordBytes
// (16 MiB), a line that is not a JSON object, a missing, null or empty title, a
// missing JSONL id field, a non-string value where text is wanted, and an
// error from the classifier.
//
// Some problems end the run instead, because nothing after them can be
// read: an unreadable or truncated input (the rows before are written
// first). A CSV record over MaxRecordBytes is skipped to its end (the end
// of the input, for a quote left open) and is one error row.
//
// # Output
//
// CSV output has the columns CSVColumns, those of resultenc.Columns: id,
// input (the title as classified), code (empty when the title lies outside
// the targets), title, confidence, score (of the best target match),
// runner_up_code, runner_up_confidence, nearest_outside_code and _title,
// best_code and best_confidence (of an outside row), warnings and error.
// With kept columns,
// every input column follows, named KeptPrefix + its name ("in_title").
//
// A JSONL output row is the index.Result JSON with "row" and "id" first;
// an error row is {"row", "id", "input", "code": null, "title": null,
// "error": {"code", "message"}} (see resultenc). With kept columns, KeptField ("in") comes last: the input
// object itself for JSONL input, an object of the columns for CSV.
//
// An Output to a file (CreateOutput) is written beside its path and renamed
// into place when the run is complete; a run that stops keeps the rows it
// wrote in PATH.partial.
//
// # Order and memory
//
// Run reads rows in one goroutine, classifies them in Options.Workers
// goroutines and writes them in a third, through channels bounded by
// Options.Window. The writer puts rows back in input order with a reorder
// buffer of Window slots; the reader takes a slot before it reads a row
// and the writer frees it once the row is written, so no more than Window
// rows are held however large the input. A cache of recent results spares
// classifying a title seen again: job ads repeat titles, and reposted ads
// repeat descriptions too.
//
// # Sharding
//
// Shard K/N takes every N-th row starting at row K+1 (K is 0-based);
// rows keep their numbers in the whole input, so the outputs of N runs
// merge on row or id.
package batch
