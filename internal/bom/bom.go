package bom

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// ErrUTF16 is matched (with errors.Is) by the error for UTF-16 input.
var ErrUTF16 = errors.New("input is UTF-16")

var (
	utf8BOM    = []byte("\ufeff")
	utf16LEBOM = []byte{0xff, 0xfe}
	utf16BEBOM = []byte{0xfe, 0xff}
)

type utf16Error struct{ what string }

func (e *utf16Error) Error() string {
	return e.what + " is UTF-16 (it starts with a UTF-16 byte order mark): convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8"
}

func (e *utf16Error) Is(target error) bool { return target == ErrUTF16 }

func check(head []byte, what string) (skip int, err error) {
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		return len(utf8BOM), nil
	case bytes.HasPrefix(head, utf16LEBOM), bytes.HasPrefix(head, utf16BEBOM):
		return 0, &utf16Error{what}
	}
	return 0, nil
}

// Skip discards a UTF-8 byte order mark at the start of br. It returns an
// error matching ErrUTF16, whose message begins with what ("standard
// input", "the file"), if br starts with a UTF-16 byte order mark, and any
// error but io.EOF met reading the first bytes.
func Skip(br *bufio.Reader, what string) error {
	head, err := br.Peek(len(utf8BOM))
	n, cerr := check(head, what)
	if cerr != nil {
		return cerr
	}
	br.Discard(n)
	if err != nil && err != io.EOF {
		return err
	}
	return nil
}

// Trim is Skip for input read whole: data without its UTF-8 byte order
// mark, or the UTF-16 error.
func Trim(data []byte, what string) ([]byte, error) {
	n, err := check(data, what)
	if err != nil {
		return nil, err
	}
	return data[n:], nil
}
