package index

import (
	"cmp"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Noise rules are alternations of many patterns ("contract" has about
// seventy), and a regular expression of seventy alternatives tries each at
// every position of a title. Most titles can match none or one or two of
// them: a pattern needs some literal text ("full", a digit, "$"), and a
// title without it cannot match. A rule runs only the patterns whose
// literals the text holds, joined into a smaller expression.
//
// Running fewer alternatives gives the same matches: leftmost-first
// matching tries the alternatives in order at each position, and one that
// matches nowhere in the text never wins anywhere.

// need is what a pattern requires of a text it matches: every set must
// have at least one of its strings in the text. An empty need requires
// nothing (the pattern may match any text).
type need [][]string

// litNeed is a need with each string given by its number in the
// analyser's noiseLits.
type litNeed [][]uint32

// noiseLits numbers the literals that an analyser's noise rules need and
// finds, in one pass over a text, which of them it holds: at each byte,
// the literal of that one byte and the literals that start with that byte
// and the next (a bucket of a hash of the two, a fraction of a literal
// each on average) are tried. Asking each pattern's literals in turn
// whether the text contains them cost some 300 searches a title; most
// titles hold none of them.
type noiseLits struct {
	lits   []string
	byByte [256]int32 // the number of the literal of that one byte, or -1
	// start and ids are the literals of two bytes or more by the hash of
	// their first two: ids[start[h]:start[h+1]].
	start  [bigramBuckets + 1]uint32
	ids    []uint32
	always []uint32 // empty literals, which every text holds
}

// bigramBuckets is the number of buckets of bigramHash.
const bigramBuckets = 1024

func bigramHash(a, b byte) uint32 { return (uint32(a)*131 + uint32(b)) & (bigramBuckets - 1) }

// numberNoiseLiterals numbers the literals of the rules' needs and gives
// each rule its needs by number.
func numberNoiseLiterals(rules []*noiseRule) *noiseLits {
	nl := &noiseLits{}
	for i := range nl.byByte {
		nl.byByte[i] = -1
	}
	number := map[string]uint32{}
	var buckets [bigramBuckets][]uint32
	for _, r := range rules {
		r.lits = nl
		r.litNeeds = make([]litNeed, len(r.needs))
		for i, n := range r.needs {
			ln := make(litNeed, len(n))
			for j, set := range n {
				for _, lit := range set {
					id, ok := number[lit]
					if !ok {
						id = uint32(len(nl.lits))
						number[lit] = id
						nl.lits = append(nl.lits, lit)
						switch len(lit) {
						case 0:
							nl.always = append(nl.always, id)
						case 1:
							nl.byByte[lit[0]] = int32(id)
						default:
							h := bigramHash(lit[0], lit[1])
							buckets[h] = append(buckets[h], id)
						}
					}
					ln[j] = append(ln[j], id)
				}
			}
			r.litNeeds[i] = ln
		}
	}
	for h, ids := range buckets {
		nl.start[h] = uint32(len(nl.ids))
		nl.ids = append(nl.ids, ids...)
	}
	nl.start[bigramBuckets] = uint32(len(nl.ids))
	return nl
}

// textBits tell which of the noise rules' literals a text holds: bit i of
// bits (past 512 literals, of more) for literal i. They are a value, so
// that summarising a title allocates nothing.
type textBits struct {
	s    string
	bits [8]uint64
	more []uint64
}

// newTextBits finds the literals s holds. A nil noiseLits knows none.
func (nl *noiseLits) newTextBits(s string) textBits {
	tb := textBits{s: s}
	if nl == nil {
		return tb
	}
	if n := (len(nl.lits) + 63) / 64; n > len(tb.bits) {
		tb.more = make([]uint64, n-len(tb.bits))
	}
	for _, id := range nl.always {
		tb.set(id)
	}
	for i := 0; i < len(s); i++ {
		if id := nl.byByte[s[i]]; id >= 0 {
			tb.set(uint32(id))
		}
		if i+1 == len(s) {
			break
		}
		h := bigramHash(s[i], s[i+1])
		for _, id := range nl.ids[nl.start[h]:nl.start[h+1]] {
			if !tb.holds(id) && strings.HasPrefix(s[i:], nl.lits[id]) {
				tb.set(id)
			}
		}
	}
	return tb
}

func (tb *textBits) set(id uint32) {
	if w := int(id >> 6); w < len(tb.bits) {
		tb.bits[w] |= 1 << (id & 63)
	} else {
		tb.more[w-len(tb.bits)] |= 1 << (id & 63)
	}
}

// holds reports whether the text holds literal id.
func (tb *textBits) holds(id uint32) bool {
	w := int(id >> 6)
	if w < len(tb.bits) {
		return tb.bits[w]&(1<<(id&63)) != 0
	}
	w -= len(tb.bits)
	return w < len(tb.more) && tb.more[w]&(1<<(id&63)) != 0
}

// has reports whether the text holds what n requires.
func (n litNeed) has(tb *textBits) bool {
	for _, set := range n {
		found := false
		for _, id := range set {
			if tb.holds(id) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// maxClassLits is the largest character class turned into literals: \d is
// ten, and a class of more says little about a text.
const maxClassLits = 10

// patternNeed returns what a pattern requires, read from its syntax tree:
// literals of concatenations are all required; an alternation requires
// one of its alternatives' most telling sets; optional parts require
// nothing. A pattern that does not parse, or folds case, requires nothing.
func patternNeed(p string) need {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return nil
	}
	return parsedNeed(re)
}

// parsedNeed is patternNeed of a parsed pattern.
func parsedNeed(re *syntax.Regexp) need {
	n := needOf(re)
	// The most telling sets first: a long literal rules out more texts.
	slices.SortStableFunc(n, func(a, b []string) int { return cmp.Compare(minLen(b), minLen(a)) })
	return n
}

func needOf(re *syntax.Regexp) need {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil
		}
		return need{{string(re.Rune)}}
	case syntax.OpCharClass:
		var lits []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(lits) == maxClassLits || !utf8.ValidRune(r) {
					return nil
				}
				lits = append(lits, string(r))
			}
		}
		if len(lits) == 0 {
			return nil
		}
		return need{lits}
	case syntax.OpCapture, syntax.OpPlus:
		return needOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needOf(re.Sub[0])
		}
	case syntax.OpConcat:
		var n need
		for _, sub := range re.Sub {
			n = append(n, needOf(sub)...)
		}
		return n
	case syntax.OpAlternate:
		var set []string
		for _, sub := range re.Sub {
			best := bestSet(needOf(sub))
			if best == nil {
				return nil
			}
			set = append(set, best...)
		}
		return need{set}
	}
	return nil
}

// bestSet returns the set of n whose shortest literal is longest, or nil.
func bestSet(n need) []string {
	var best []string
	for _, set := range n {
		if best == nil || minLen(set) > minLen(best) {
			best = set
		}
	}
	return best
}

func minLen(set []string) int {
	m := -1
	for _, s := range set {
		if m < 0 || len(s) < m {
			m = len(s)
		}
	}
	return m
}

// maxSubexprs bounds the smaller expressions a rule compiles, one for each
// combination of its patterns that texts have called for. Titles call for
// few combinations; past the bound the whole rule runs.
const maxSubexprs = 256

// noiseRule is a named noise rule: its patterns, what each needs, and the
// smaller expressions made so far.
type noiseRule struct {
	name string
	// whole is every pattern in one expression, compiled on first use:
	// most titles call only for smaller ones.
	whole func() *regexp.Regexp
	pats  []string
	needs []need
	// litNeeds are the needs by the numbers of their literals in lits,
	// which numberNoiseLiterals sets for all the rules of an analyser.
	litNeeds []litNeed
	lits     *noiseLits
	// split is false when a pattern sets flags ("(?i)"), which in the
	// whole rule reach into the patterns after it: then the whole rule
	// runs whenever a pattern may match.
	split bool
	subs  sync.Map // bitset of patterns (as a string) -> *regexp.Regexp
	nsubs atomic.Int32
}

// matchesNothing is an expression without a match.
var matchesNothing = regexp.MustCompile(`[^\x00-\x{10FFFF}]`)

// setsFlags matches a group that sets flags: "(?i)", "(?s:".
var setsFlags = regexp.MustCompile(`\(?:\?[a-zA-Z-]+[:)]`)

func newNoiseRule(name string, patterns []string) (*noiseRule, error) {
	joined := strings.Join(patterns, "|")
	r := &noiseRule{name: name, pats: patterns, needs: make([]need, len(patterns)), split: true,
		whole: sync.OnceValue(func() *regexp.Regexp {
			if re, err := regexp.Compile(joined); err == nil {
				return re
			}
			return matchesNothing // not reached: alternatives that parse make an alternation that compiles
		})}
	// Each pattern is parsed here, as the lexicon's parser checks it, so
	// that their alternation compiles when it is first needed.
	for i, p := range patterns {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			return nil, err
		}
		r.needs[i] = parsedNeed(re)
		if setsFlags.MatchString(p) {
			r.split = false
		}
	}
	return r, nil
}

// mayMatch reports whether the rule can match s.
func (r *noiseRule) mayMatch(s string) bool {
	tb := r.lits.newTextBits(s)
	for _, n := range r.litNeeds {
		if n.has(&tb) {
			return true
		}
	}
	return false
}

// regexpFor returns an expression that finds in the text the same matches
// as the whole rule, or nil when the rule cannot match it.
func (r *noiseRule) regexpFor(tb *textBits) *regexp.Regexp {
	var bits [8]byte
	set := make([]byte, 0, len(bits))
	set = append(set, bits[:min(len(bits), (len(r.pats)+7)/8)]...)
	if len(r.pats) > 8*len(bits) {
		set = make([]byte, (len(r.pats)+7)/8)
	}
	n := 0
	for i, nd := range r.litNeeds {
		if nd.has(tb) {
			set[i/8] |= 1 << (i % 8)
			n++
		}
	}
	switch {
	case n == 0:
		return nil
	case n == len(r.pats) || !r.split:
		return r.whole()
	}
	key := string(set)
	if re, ok := r.subs.Load(key); ok {
		return re.(*regexp.Regexp)
	}
	if r.nsubs.Load() >= maxSubexprs {
		return r.whole()
	}
	var alts []string
	for i, p := range r.pats {
		if set[i/8]&(1<<(i%8)) != 0 {
			alts = append(alts, "(?:"+p+")")
		}
	}
	re, err := regexp.Compile(strings.Join(alts, "|"))
	if err != nil {
		return r.whole()
	}
	if _, loaded := r.subs.LoadOrStore(key, re); !loaded {
		r.nsubs.Add(1)
	}
	return re
}
