package index

import (
	"cmp"
	"hash/maphash"
	"slices"
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
//     adjacent letters away and keeps the first letter,
//   - among the corpus words as close, it is the best by better: one that
//     keeps the word's last two letters (the ending carries the word's
//     form: "electrican" is an "electrician", not "electrical"), then a
//     word of the title's language, then the more frequent word;
//   - when the title's language is known, the correction is not a word of
//     another language alone ("generalist" in an English title is not the
//     Portuguese "generalista"), unless titles borrow that language's
//     words (loanLangs), and
//   - a word of minTwoSlipLen letters or more with no such correction may
//     be two slips from one corpus word of that length, and no other; a
//     shorter one of minVowelSlipLen letters or more may be two slips from
//     one word of a language spelt far from its sound (soundLangs) of its
//     length with the same consonants in the same order: the slips move
//     or change only vowels ("vehical", "vehicle").
//
// The table of deletions is built on the first word that is not in the
// corpus, so a process that classifies one well-spelt title does not pay
// for it. A speller is safe for concurrent use.
type speller struct {
	freq map[string]int
	// known reports words that are right though the corpus lacks them:
	// real words of either language and the lexicons' words.
	known func(string) bool
	// langs gives the languages of a word the speller may correct to, as
	// bits of langMask (0 when unknown).
	langs func(string) uint8
	// soundLangs are the languages, as bits of langMask, whose spelling of
	// a vowel is often not its sound (English "-ical", "-icle"): in them a
	// word spelt by ear keeps its consonants but not its vowels. A
	// language spelt as it sounds, whose vowels carry a word's form
	// ("padaria", "padeiro"), is not one of them.
	soundLangs uint8
	// loanLangs are the languages, as bits of langMask, whose words the
	// titles of another language borrow ("supervisor de call center"): a
	// slip in such a word is corrected in a title of any language.
	loanLangs uint8
	once      sync.Once
	table     *deletionTable
	// answers remembers the answer for words outside the corpus: names,
	// places and made-up words recur far more often than whole titles,
	// and each costs lookups in the word lists and the deletion table.
	// Kept without pointers, as the stems are.
	answers *boundedcache.Bytes
}

// spellerCacheBytes is the budget of a speller's cache of answers.
const spellerCacheBytes = 1 << 20

// minCorrectLen is the shortest word the speller corrects: below five
// letters too many English words are one slip from each other.
const minCorrectLen = 5

func newSpeller(words map[string]int) *speller {
	return &speller{freq: words, answers: boundedcache.NewBytes("speller", spellerCacheBytes)}
}

// deletes returns the table of one-letter deletions of the corpus words.
func (s *speller) deletes() *deletionTable {
	s.once.Do(func() { s.table = newDeletionTable(s.freq) })
	return s.table
}

// deletionTable maps each one-letter deletion of the corpus words to the
// words it comes from. It holds no pointers but its list of words: a
// deletion is known by a 64-bit hash, which leads to a run of word
// numbers. As a map of strings to slices of strings it was some ten
// thousand objects that every collection of a long-running process
// marked. Two deletions whose hashes are equal (a chance of 2^-64 a pair)
// share their words; that cannot change a correction, because correct
// considers only words one slip from the query word, which the deletions
// of the query word reach anyway.
type deletionTable struct {
	seed  maphash.Seed
	runs  map[uint64]uint64 // hash of a deletion → start<<32 | length of its run in ids
	ids   []uint32          // numbers of words in words, the runs one after the other
	words []string
}

func newDeletionTable(freq map[string]int) *deletionTable {
	t := &deletionTable{seed: maphash.MakeSeed()}
	type pair struct {
		h  uint64
		id uint32
	}
	var pairs []pair
	var buf []byte
	for w := range freq {
		if len(w) < minCorrectLen-1 {
			continue
		}
		id := uint32(len(t.words))
		t.words = append(t.words, w)
		for i := 0; i < len(w); i++ {
			buf = append(append(buf[:0], w[:i]...), w[i+1:]...)
			pairs = append(pairs, pair{maphash.Bytes(t.seed, buf), id})
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Or(cmp.Compare(a.h, b.h), cmp.Compare(a.id, b.id)) })
	t.runs = make(map[uint64]uint64)
	t.ids = make([]uint32, 0, len(pairs))
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j].h == pairs[i].h {
			j++
		}
		t.runs[pairs[i].h] = uint64(len(t.ids))<<32 | uint64(j-i)
		for k := i; k < j; k++ {
			t.ids = append(t.ids, pairs[k].id)
		}
		i = j
	}
	return t
}

// of returns the numbers of the words that give d when a letter is
// deleted (words[n] for each n).
func (t *deletionTable) of(d string) []uint32 { return t.run(maphash.String(t.seed, d)) }

// ofBytes is of for a deletion in a buffer.
func (t *deletionTable) ofBytes(d []byte) []uint32 { return t.run(maphash.Bytes(t.seed, d)) }

func (t *deletionTable) run(h uint64) []uint32 {
	r, ok := t.runs[h]
	if !ok {
		return nil
	}
	return t.ids[r>>32 : r>>32+r&(1<<32-1)]
}

// correct returns the corpus word w was meant to be, or "" when w is fine
// or cannot be corrected safely. w must be folded; lang is the language of
// the title's words, as a bit of langMask, or 0 when it is unknown.
func (s *speller) correct(w string, lang uint8) string {
	if !s.mayCorrect(w) {
		return ""
	}
	// The answer depends on the language: it is remembered under w and a
	// mark of the language (a letter w cannot hold).
	var buf [40]byte
	key := append(append(buf[:0], w...), '0'+lang)
	c, ok := s.answers.GetString(string(key))
	if !ok {
		c = s.correctUnknown(w, lang)
		s.answers.PutString(string(key), c)
	}
	return c
}

// mayCorrect reports whether correct may correct w: a folded word outside
// the corpus.
func (s *speller) mayCorrect(w string) bool {
	_, ok := s.freq[w]
	return !ok && isASCIIWord(w)
}

// correctUnknown is correct for a word outside the corpus.
func (s *speller) correctUnknown(w string, lang uint8) string {
	if s.known != nil && s.known(w) {
		return ""
	}
	if len(w) < minCorrectLen {
		return s.correctDouble(w)
	}
	deletes := s.deletes()
	best := ""
	consider := func(c string) {
		if c == w || c[0] != w[0] || !s.allowed(c, lang) || !oneSlip(w, c) {
			return
		}
		if s.better(w, c, best, lang) {
			best = c
		}
	}
	// w lacks a letter of c.
	for _, n := range deletes.of(w) {
		consider(deletes.words[n])
	}
	// The deletions of w are written into one buffer and looked up as
	// string(d) and by their hash, which does not allocate; only a corpus
	// word among them is made a string.
	var buf [32]byte
	for i := 0; i < len(w); i++ {
		d := append(append(buf[:0], w[:i]...), w[i+1:]...)
		// w has an extra letter.
		if _, ok := s.freq[string(d)]; ok {
			consider(string(d))
		}
		// w has a wrong or swapped letter.
		for _, n := range deletes.ofBytes(d) {
			consider(deletes.words[n])
		}
	}
	switch {
	case best != "":
		return best
	case len(w) >= minTwoSlipLen:
		return s.correctTwo(w, lang)
	case len(w) >= minVowelSlipLen:
		return s.correctVowels(w, lang)
	}
	return ""
}

// allowed reports whether c may correct a word of a title in lang: a
// title whose language is known is not corrected to a word of another
// language alone, unless titles of every language borrow that language's
// words (loanLangs).
func (s *speller) allowed(c string, lang uint8) bool {
	if lang == 0 || s.langs == nil {
		return true
	}
	m := s.langs(c)
	return m == 0 || m&(lang|s.loanLangs) != 0
}

// inLang reports whether c is a word of lang.
func (s *speller) inLang(c string, lang uint8) bool {
	return lang != 0 && s.langs != nil && s.langs(c)&lang != 0
}

// better reports whether c is a better correction of w than best (""
// when there is none yet) in a title in lang: one that keeps w's ending,
// then a word of the title's language, then the more frequent word, then
// the first in alphabetical order. The word's own letters come before
// the language its title's other words suggest, which a word or two
// decide ("auto" is a Portuguese word of the corpus).
func (s *speller) better(w, c, best string, lang uint8) bool {
	if best == "" {
		return true
	}
	return cmp.Or(
		compareBool(sameEnd(w, c), sameEnd(w, best)),
		compareBool(s.inLang(c, lang), s.inLang(best, lang)),
		cmp.Compare(s.freq[c], s.freq[best]),
		cmp.Compare(best, c),
	) > 0
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// sameEnd reports whether a and b end in the same two letters.
func sameEnd(a, b string) bool {
	return len(a) >= 2 && len(b) >= 2 && a[len(a)-2:] == b[len(b)-2:]
}

// minTwoSlipLen is the shortest word the speller corrects by two slips
// ("Reprsenattive"): long words are far enough apart for it.
const minTwoSlipLen = 9

// correctTwo returns the one corpus word of at least minTwoSlipLen letters
// two slips from w with the same first letter, or "" when there is none or
// more than one. It scans the vocabulary: a long word that is neither a
// corpus word, a real word nor one slip from a corpus word is rare.
func (s *speller) correctTwo(w string, lang uint8) string {
	found := ""
	for c := range s.freq {
		if len(c) < minTwoSlipLen || c[0] != w[0] || len(c) > len(w)+2 || len(c) < len(w)-2 || otherForm(w, c) || !s.allowed(c, lang) || slips(w, c) > 2 {
			continue
		}
		if found != "" {
			return ""
		}
		found = c
	}
	return found
}

// minVowelSlipLen is the shortest word the speller corrects by two slips
// that move or change only vowels ("vehical" for "vehicle").
const minVowelSlipLen = 7

// correctVowels returns the one word of soundLangs as long as w, with the
// same first letter and the same consonants in the same order, two slips
// from it, or "" when there is none or more than one. Like correctTwo, it
// scans the vocabulary.
func (s *speller) correctVowels(w string, lang uint8) string {
	if s.langs == nil || s.soundLangs == 0 {
		return ""
	}
	found := ""
	for c := range s.freq {
		if len(c) != len(w) || c[0] != w[0] || !sameConsonants(w, c) || s.langs(c)&s.soundLangs == 0 || !s.allowed(c, lang) || slips(w, c) > 2 {
			continue
		}
		if found != "" {
			return ""
		}
		found = c
	}
	return found
}

// sameConsonants reports whether a and b have the same letters once their
// vowels are left out.
func sameConsonants(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && isVowel(a[i]) {
			i++
		}
		for j < len(b) && isVowel(b[j]) {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i, j = i+1, j+1
	}
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
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
