// Package cvtest makes small PDF and DOCX files for tests of CV reading:
// hand-built PDFs (valid, encrypted, damaged) and DOCX zip bombs.
//
// It is for tests only: code that ships must not import it.
package cvtest
