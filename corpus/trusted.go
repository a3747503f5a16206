package corpus

import (
	"fmt"
	"strings"
)

// BuiltinJSON returns the embedded JSON of the built-in corpus of the
// given name, as Builtin reads it. It must not be modified.
func BuiltinJSON(name string) ([]byte, error) {
	b, ok := builtins[name]
	if !ok {
		return nil, fmt.Errorf("%w: %q (built in: %s)", ErrUnknownBuiltin, name, strings.Join(BuiltinNames(), ", "))
	}
	return b.data(), nil
}

// Trusted makes c, decoded from a form other than its JSON (the snapshot
// of an index built from a corpus that Load accepted), ready for use: its
// lookup table is built and its SHA-256 set to sha. It does not validate
// c: the caller vouches that c is, unchanged, a corpus Load accepted and
// whose SHA256 was sha. It fails only on a repeated code.
func Trusted(c *Corpus, sha string) (*Corpus, error) {
	c.byCode = make(map[string]int, len(c.Occupations))
	for i := range c.Occupations {
		code := c.Occupations[i].Code
		if _, dup := c.byCode[code]; dup {
			return nil, fmt.Errorf("%w: occupation %s appears twice", ErrInvalid, code)
		}
		c.byCode[code] = i
	}
	c.sha = sha
	return c, nil
}
