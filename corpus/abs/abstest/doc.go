// Package abstest writes workbooks in the layout of the ABS ANZSCO 2022
// index of titles and structure, for tests and benchmarks of package abs and
// of what is built on it. The workbooks have the published sheet names,
// title rows, header rows and columns, and the copyright lines below the
// tables; codes are text in the index of titles and numbers in the
// structure, as in the published files.
//
// It is for tests and benchmarks only: code that ships must not import it.
package abstest
