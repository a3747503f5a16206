// Package bom owns the one rule for the start of a text input: a UTF-8
// byte order mark (as Excel and some editors write) is skipped, and input
// that starts with a UTF-16 byte order mark is refused with one message
// that says how to convert it, because read as UTF-8 every other byte of
// it is a NUL.
//
// It must not decode other encodings (that is the caller's choice, made
// before this check) nor read past the first three bytes.
package bom
