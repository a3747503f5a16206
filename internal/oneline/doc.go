// Package oneline folds a message onto one line, so that every error the
// program prints is one line however its parts were written (an XML error
// quoting a line break, a library's multi-line panic).
//
// It must not reword a message, only fold its white space and, in Quoted,
// escape what does not print.
package oneline
