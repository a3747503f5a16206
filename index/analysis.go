package index

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/kljensen/snowball/english"

	"github.com/anzsco/anzsco/internal/boundedcache"
	textfold "github.com/anzsco/anzsco/internal/fold"
)

// TermsAnalyzer is the one analyzer registered with bleve. Every string is
// analysed by the index itself, with the lexicons its corpus names (see
// lexicon.go), and bleve's fields hold the resulting terms separated by
// spaces: the analyzer only splits them. Its name is stored inside a
// persisted index's mapping, so a change in how terms are written gets a new
// name and old indexes are reported as incompatible; changes in the analysis
// itself are caught by the manifest's fingerprint (Fingerprint).
const (
	TermsAnalyzer  = "anzsco_terms_v2"
	wordsTokenizer = "anzsco_words_v2"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(fmt.Sprintf("index: registering analysis components: %v", err))
		}
	}
	must(registry.RegisterTokenizer(wordsTokenizer, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordsTok{}, nil
	}))
	must(registry.RegisterAnalyzer(TermsAnalyzer, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		tok, err := c.TokenizerNamed(wordsTokenizer)
		if err != nil {
			return nil, err
		}
		return &analysis.DefaultAnalyzer{Tokenizer: tok}, nil
	}))
}

// wordsTok splits text into runs of letters and digits, the same words as
// Words, with their byte offsets.
type wordsTok struct{}

func (wordsTok) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, &analysis.Token{Term: input[start:end], Start: start, End: end, Position: len(out) + 1, Type: analysis.AlphaNumeric})
			start = -1
		}
	}
	for i := 0; i < len(input); {
		r, size := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(input[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
		i += size
	}
	flush(len(input))
	return out
}

// Fold lowercases s, folds Latin diacritics to their base letters and maps
// typographic punctuation to ASCII, so "Técnico", "TECNICO" and "tecnico"
// are one word.
func Fold(s string) string { return textfold.String(s) }

// Words splits folded text into runs of letters and digits.
func Words(s string) []string {
	ws := strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
	if strings.IndexByte(s, '&') < 0 {
		return ws
	}
	return joinAmpersands(s, ws)
}

// joinAmpersands writes single letters joined by an ampersand as one word:
// "B&B", "R&D", "F&B" are words of their own, not two letters that
// analysis drops ("Gerente de B&B" is not every "Gerente de ...").
func joinAmpersands(s string, ws []string) []string {
	out := ws[:0:0]
	for _, f := range strings.Fields(s) {
		parts := strings.Split(strings.Trim(f, ".,;:()[]"), "&")
		joinable := len(parts) > 1
		for _, p := range parts {
			if len([]rune(p)) != 1 || !isWordRune([]rune(p)[0]) {
				joinable = false
				break
			}
		}
		if joinable {
			out = append(out, strings.Join(parts, ""))
			continue
		}
		out = append(out, strings.FieldsFunc(f, func(r rune) bool { return !isWordRune(r) })...)
	}
	return out
}

// appendWords appends Words(s) to dst. With a buffer on the caller's
// stack it splits text that is only read without allocating: titles are
// split several times on every classification.
func appendWords(dst []string, s string) []string {
	if strings.IndexByte(s, '&') >= 0 {
		return append(dst, Words(s)...)
	}
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = append(dst, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// countWords returns len(Words(s)) without making the words.
func countWords(s string) int {
	var buf [16]string
	return len(appendWords(buf[:0], s))
}

// hasWord reports whether Words(s) would find a word, without making them.
func hasWord(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= utf8.RuneSelf && isLetter(r)
}

func isLetter(r rune) bool {
	return strings.ContainsRune("ğıł", r) || (r > 0xbf && r < 0x250 && r != 0xd7 && r != 0xf7)
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isSpacedNumber is isNumber of s without its spaces ("12 345"), without
// making that string.
func isSpacedNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ' ' {
			return false
		}
	}
	return true
}

// Stems are cached: titles reuse a small vocabulary, and stemming is the
// most expensive step of the analysis. Each language's cache has a fixed
// budget: words seen once (names, made-up words) age out. The caches keep
// their words in arrays without pointers (boundedcache.Bytes): as map
// entries of two strings each they were most of the objects every
// collection marks in a long-running server.
var (
	stemCacheEN = boundedcache.NewBytes("stems-en", stemCacheBytes)
	stemCachePT = boundedcache.NewBytes("stems-pt", stemCacheBytes)
)

// stemCacheBytes is the budget of each language's stem cache: some 10,000
// words, more than the vocabulary of the titles of a large ad file.
const stemCacheBytes = 1 << 20

// cachedStem returns the stem of w from c, or stems it and remembers it.
func cachedStem(c *boundedcache.Bytes, w string, stem func(string) string) string {
	if s, ok := c.GetString(w); ok {
		return s
	}
	s := stem(w)
	c.PutString(w, s)
	return s
}

func stemEN(w string) string {
	return cachedStem(stemCacheEN, w, func(w string) string { return english.Stem(w, true) })
}

func stemPT(w string) string {
	return cachedStem(stemCachePT, w, func(w string) string {
		env := stemEnvsPT.Get().(*snowballstem.Env)
		env.SetCurrent(w)
		portuguese.Stem(env)
		s := env.Current()
		env.SetCurrent("")
		stemEnvsPT.Put(env)
		return s
	})
}

// stemEnvsPT holds the Portuguese stemmer's environments for reuse:
// SetCurrent resets every field NewEnv sets, and stemming a word the
// cache has not seen is frequent enough in a stream of titles.
var stemEnvsPT = sync.Pool{New: func() any { return snowballstem.NewEnv("") }}

// joinsTo reports whether joined is the words of s joined by spaces,
// strings.Join(Words(s), " "), without joining them.
func joinsTo(joined, s string) bool {
	var buf [32]string
	for i, w := range appendWords(buf[:0], s) {
		if i > 0 {
			if joined == "" || joined[0] != ' ' {
				return false
			}
			joined = joined[1:]
		}
		if !strings.HasPrefix(joined, w) {
			return false
		}
		joined = joined[len(w):]
	}
	return joined == ""
}
