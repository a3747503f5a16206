// Package resultenc writes classification results and the errors of items
// that could not be classified, in the one shape that classify --json,
// batch's JSON Lines and CSV, and the HTTP batch endpoint all use.
//
// A JSON object is the members that place it (a row number, an id, a line
// number: the Lead) followed by either the members of the index.Result's
// JSON or, for an item that failed,
//
//	"input": "...", "code": null, "title": null,
//	"error": {"code": "empty_text", "message": "..."}
//
// so that "code" is null whenever no occupation was coded, and "error"
// says why when nothing was classified. A row of CSV or TSV has Columns.
//
// The functions are safe for concurrent use.
//
// It owns the shape of a result and of a failed item on every surface. It
// must not classify, choose an output format or write to a stream: callers
// append to their own buffers and write them.
package resultenc
