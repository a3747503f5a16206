package index

import (
	"sync"

	"github.com/anzsco/anzsco/internal/boundedcache"
)

// speller corrects one-letter typing slips ("Supervsior", "Custmer",
// "Opertor") against the words of the corpus. It uses the symmetric-delete
// method: every corpus word is stored under each form with one letter
// deleted, so that a query word is corrected with a handful of map lookups
// instead of a scan of the vocabulary.
//
// To keep unrelated words from matching, a word is corrected only when
//   - it is not itself a corpus word, a word of the lexicons or a real
//     English or Portuguese word (dictionary.go),
//   - it has at least minCorrectLen letters (or is a short word missing one
//     letter of a double, as in "cal" for "call"),
//   - the correction is one insertion, deletion, substitution or swap of
//     adjacent letters away, keeps the first letter, and
//   - no other corpus word is as close (ties go to the more frequent word);
//     a word of minTwoSlipLen letters or more with no such correction may
//     be two slips from one corpus word of that length, and no other.
//
// The table of deletions is built on the first word that is not in the
// corpus, so a process that classifies one well-spelt title does not pay
// for it. A speller is safe for concurrent use.
type speller struct {
	freq map[string]int
	// known reports words that are right though the corpus lacks them:
	// real words of either language and the lexicons' words.
	known func(string) bool
	once  sync.Once
	table map[string][]string
	// answers remembers the answer for words outside the corpus: names,
	// places and made-up words recur far more often than whole titles,
	// and each costs lookups in the word lists and the deletion table.
	answers *boundedcache.Cache[string]
}

// spellerCacheBytes is the budget of a speller's cache of answers.
const spellerCacheBytes = 1 << 20

// minCorrectLen is the shortest word the speller corrects: below five
// letters too many English words are one slip from each other.
const minCorrectLen = 5

func newSpeller(words map[string]int) *speller {
	return &speller{freq: words, answers: boundedcache.New[string]("speller", spellerCacheBytes)}
}

// deletes returns the table of one-letter deletions of the corpus words.
func (s *speller) deletes() map[string][]string {
	s.once.Do(func() {
		s.table = map[string][]string{}
		for w := range s.freq {
			if len(w) < minCorrectLen-1 {
				continue
			}
			for _, d := range deletions(w) {
				s.table[d] = append(s.table[d], w)
			}
		}
	})
	return s.table
}

func deletions(w string) []string {
	out := make([]string, 0, len(w))
	for i := 0; i < len(w); i++ {
		out = append(out, w[:i]+w[i+1:])
	}
	return out
}

// correct returns the corpus word w was meant to be, or "" when w is fine
// or cannot be corrected safely. w must be folded.
func (s *speller) correct(w string) string {
	if _, ok := s.freq[w]; ok || !isASCIIWord(w) {
		return ""
	}
	c, ok := s.answers.Get(w)
	if !ok {
		c = s.correctUnknown(w)
		s.answers.Put(w, c, int64(len(c)))
	}
	return c
}

// correctUnknown is correct for a word outside the corpus.
func (s *speller) correctUnknown(w string) string {
	if s.known != nil && s.known(w) {
		return ""
	}
	if len(w) < minCorrectLen {
		return s.correctDouble(w)
	}
	deletes := s.deletes()
	best, bestFreq := "", 0
	consider := func(c string) {
		if c == w || c[0] != w[0] || !oneSlip(w, c) {
			return
		}
		if f := s.freq[c]; f > bestFreq || (f == bestFreq && c < best) {
			best, bestFreq = c, f
		}
	}
	// w lacks a letter of c.
	for _, c := range deletes[w] {
		consider(c)
	}
	// The deletions of w are written into one buffer and looked up as
	// string(d), which does not allocate; only a corpus word among them
	// is made a string.
	var buf [32]byte
	for i := 0; i < len(w); i++ {
		d := append(append(buf[:0], w[:i]...), w[i+1:]...)
		// w has an extra letter.
		if _, ok := s.freq[string(d)]; ok {
			consider(string(d))
		}
		// w has a wrong or swapped letter.
		for _, c := range deletes[string(d)] {
			consider(c)
		}
	}
	if best == "" && len(w) >= minTwoSlipLen {
		return s.correctTwo(w)
	}
	return best
}

// minTwoSlipLen is the shortest word the speller corrects by two slips
// ("Reprsenattive"): long words are far enough apart for it.
const minTwoSlipLen = 9

// correctTwo returns the one corpus word of at least minTwoSlipLen letters
// two slips from w with the same first letter, or "" when there is none or
// more than one. It scans the vocabulary: a long word that is neither a
// corpus word, a real word nor one slip from a corpus word is rare.
func (s *speller) correctTwo(w string) string {
	found := ""
	for c := range s.freq {
		if len(c) < minTwoSlipLen || c[0] != w[0] || len(c) > len(w)+2 || len(c) < len(w)-2 || otherForm(w, c) || slips(w, c) > 2 {
			continue
		}
		if found != "" {
			return ""
		}
		found = c
	}
	return found
}

// otherForm reports whether a and b differ only in their last three
// letters: another form of a word ("hydrographic", "hydrographer"), not
// two slips.
func otherForm(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= max(len(a), len(b))-3
}

// slips is the optimal string alignment distance between a and b: the
// insertions, deletions, substitutions and adjacent swaps that turn one
// into the other.
func slips(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// correctDouble handles short words missing one letter of a double ("cal").
func (s *speller) correctDouble(w string) string {
	if len(w) < 3 {
		return ""
	}
	for i := 0; i < len(w); i++ {
		c := w[:i+1] + w[i:]
		if _, ok := s.freq[c]; ok {
			return c
		}
	}
	return ""
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// oneSlip reports whether a and b are one insertion, deletion, substitution
// or adjacent swap apart.
func oneSlip(a, b string) bool {
	la, lb := len(a), len(b)
	switch {
	case la == lb:
		diff := -1
		for i := 0; i < la; i++ {
			if a[i] != b[i] {
				if diff >= 0 {
					// a second difference: only an adjacent swap is allowed
					return i == diff+1 && a[diff] == b[i] && a[i] == b[diff] && a[i+1:] == b[i+1:]
				}
				diff = i
			}
		}
		return diff >= 0
	case la == lb+1:
		return deletesTo(a, b)
	case lb == la+1:
		return deletesTo(b, a)
	}
	return false
}

// deletesTo reports whether deleting one letter of long gives short.
func deletesTo(long, short string) bool {
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	return long[i+1:] == short[i:]
}
