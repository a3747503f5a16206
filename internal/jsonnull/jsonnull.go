package jsonnull

import (
	"bytes"
	"encoding/json"
)

// Members returns obj, a JSON object as encoding/json writes it, with the
// value of each top-level member named in names replaced by null; members
// of nested objects are left alone. Names are compared with the member
// names as written, so they must need no escaping (as struct tags' names
// do not). obj itself is not modified.
func Members(obj []byte, names ...string) []byte {
	if len(names) == 0 {
		return obj
	}
	out := make([]byte, 0, len(obj)+2*len(names))
	done, left := 0, len(names)
	i := skipSpace(obj, 0)
	if i >= len(obj) || obj[i] != '{' {
		return obj
	}
	i++
	for left > 0 {
		i = skipSpace(obj, i)
		if i >= len(obj) || obj[i] != '"' {
			break // '}' or not an object as encoding/json writes one
		}
		keyEnd := skipString(obj, i)
		key := obj[i+1 : keyEnd-1]
		i = skipSpace(obj, keyEnd)
		if i >= len(obj) || obj[i] != ':' {
			break
		}
		start := skipSpace(obj, i+1)
		end := skipValue(obj, start)
		for _, n := range names {
			if string(key) == n {
				out = append(append(out, obj[done:start]...), "null"...)
				done = end
				left--
				break
			}
		}
		i = skipSpace(obj, end)
		if i < len(obj) && obj[i] == ',' {
			i++
		}
	}
	return append(out, obj[done:]...)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index just past the string that starts at b[i].
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}

// skipValue returns the index just past the value that starts at b[i].
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = skipString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	// A number, true, false or null ends where the member does.
	if j := bytes.IndexAny(b[i:], ",} \t\n\r"); j >= 0 {
		return i + j
	}
	return len(b)
}

// Marshal is json.Marshal of v followed, when null is true, by Members
// with names: the MarshalJSON of a type whose code is null when it has
// none passes its own type (without that method), whether it has a code,
// and the names of the members that say it.
func Marshal(v any, null bool, names ...string) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || !null {
		return b, err
	}
	return Members(b, names...), nil
}
