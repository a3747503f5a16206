package index

import "strings"

// Job-ad titles carry words that are not about the occupation: contract
// terms, places, pay, grades, gender markers and reference numbers.
// cleanTitle removes them, rule by rule, and reports what it removed so that
// --explain can show it. Each rule is a named pattern on folded text.

// A title is split into parts at " - ", "|", brackets, commas and the
// like; hyphens inside words ("e-mail", "on-site") are not separators.
// appendSegments splits as the regular expression
//
//	\s[-–—]+\s|\s[-–—]+|[-–—]+\s|[|•;:()\[\]{}/\\,]+
//
// would (regexp.Split), written out by hand: the expression was a tenth of
// the cleaning of a title. TestSegmentsAsRegexp compares the two.

// appendSegments appends to dst the parts of s between separators.
func appendSegments(dst []string, s string) []string {
	beg := 0
	for i := 0; i < len(s); {
		end := separatorAt(s, i)
		if end < 0 {
			i++
			continue
		}
		dst = append(dst, s[beg:i])
		beg, i = end, end
	}
	return append(dst, s[beg:])
}

// separatorAt returns where a separator that starts at s[i] ends, or -1.
// Of the expression's alternatives the first that matches wins, each
// taking as many dashes or marks as it can.
func separatorAt(s string, i int) int {
	switch {
	case isSpace(s[i]):
		j := runEnd(s, i+1, dashLen)
		if j == i+1 {
			return -1
		}
		if j < len(s) && isSpace(s[j]) {
			return j + 1
		}
		return j
	case dashLen(s, i) > 0:
		if j := runEnd(s, i, dashLen); j < len(s) && isSpace(s[j]) {
			return j + 1
		}
		return -1
	case markLen(s, i) > 0:
		return runEnd(s, i, markLen)
	}
	return -1
}

// isSpace is the expression's \s.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// runEnd returns the end of the run at s[i:] of what size measures (the
// length of a dash or a mark at s[i], or 0).
func runEnd(s string, i int, size func(string, int) int) int {
	for i < len(s) {
		n := size(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// dashLen is the length of the dash ("-", "–", "—") at s[i], or 0.
func dashLen(s string, i int) int {
	if s[i] == '-' {
		return 1
	}
	if strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—") {
		return len("–")
	}
	return 0
}

// markLen is the length of the separating mark at s[i], or 0.
func markLen(s string, i int) int {
	switch s[i] {
	case '|', ';', ':', '(', ')', '[', ']', '{', '}', '/', '\\', ',':
		return 1
	}
	if strings.HasPrefix(s[i:], "•") {
		return len("•")
	}
	return 0
}

// cleanTitle returns the title with noise removed, and what was removed.
// When nothing would be left it returns the folded title unchanged. A
// match that would split a pair of words that a title of the corpus holds
// ("Contract Administrator") is left in place.
func (a *analyser) cleanTitle(title string) (string, []Stripped) {
	segs, stripped, _ := a.cleanSegments(title)
	return strings.Join(segs, " "), stripped
}

// cleanSegments is cleanTitle that keeps the parts of the title apart
// ("Truck Driver - Local Deliveries" has two): the first part is where a
// job title names the occupation. It returns the folded title too.
func (a *analyser) cleanSegments(title string) ([]string, []Stripped, string) {
	folded := Fold(title)
	var stripped []Stripped
	s := folded
	tb := a.noiseLits.newTextBits(s)
	for _, r := range a.noise {
		if tb.s != s {
			tb = a.noiseLits.newTextBits(s)
		}
		re := r.regexpFor(&tb)
		if re == nil {
			continue
		}
		locs := re.FindAllStringIndex(s, -1)
		if len(locs) == 0 {
			continue
		}
		var b strings.Builder
		last := 0
		for _, loc := range locs {
			m := s[loc[0]:loc[1]]
			t := strings.TrimSpace(m)
			if t == "" || a.splitsTitle(s, loc[0], loc[1]) {
				continue
			}
			stripped = append(stripped, Stripped{Text: t, Rule: r.name})
			b.WriteString(s[last:loc[0]])
			b.WriteString(noiseGap(s, loc[0], loc[1]))
			last = loc[1]
		}
		b.WriteString(s[last:])
		s = b.String()
	}
	var keep []string
	var segs [16]string
	for _, seg := range appendSegments(segs[:0], s) {
		seg = strings.TrimSpace(strings.Trim(seg, " .!*+&'\""))
		if seg == "" {
			continue
		}
		if a.isPlace(seg) {
			stripped = append(stripped, Stripped{Text: seg, Rule: "place"})
			continue
		}
		if !hasWord(seg) {
			continue
		}
		if isSpacedNumber(seg) {
			stripped = append(stripped, Stripped{Text: seg, Rule: "reference"})
			continue
		}
		keep = append(keep, seg)
	}
	if len(keep) == 0 { // every segment kept holds a word
		return []string{folded}, nil, folded
	}
	return keep, stripped, folded
}

// Inverted index forms. The ABS index of titles writes a title head first,
// its qualifier after a comma ("Operator, call centre", "Clerk, telephone
// betting"), and so do vacancy lists. Such a title names the occupation in
// both parts, so they are read as one first part, in the order of the
// title's language: qualifier then head in English ("call centre
// operator", where phrases such as "telephone operator" are found), head
// then qualifier in Portuguese ("supervisora central de atendimento"). A
// title is read so when its first part has at most invertedHeadWords words
// and is followed by a comma, and the part after it at most
// invertedQualifierWords: longer parts are a list, not an index form.
const (
	invertedHeadWords      = 2
	invertedQualifierWords = 4
)

// uninvert returns segs (cleanSegments of text) with an inverted index
// form's two parts joined as one, or segs unchanged.
func (ix *Index) uninvert(text string, segs []string) []string {
	if len(segs) < 2 || countWords(segs[0]) > invertedHeadWords || countWords(segs[1]) > invertedQualifierWords {
		return segs
	}
	f := Fold(text)
	i := strings.Index(f, segs[0])
	if i < 0 || !strings.HasPrefix(strings.TrimLeft(f[i+len(segs[0]):], " "), ",") {
		return segs
	}
	var joined string
	switch lang := ix.detectLanguage(Words(segs[0] + " " + segs[1])); {
	case lang == "":
		return segs
	case headIndex(2, lang) == 0:
		joined = segs[0] + " " + segs[1]
	default:
		joined = segs[1] + " " + segs[0]
	}
	return append([]string{joined}, segs[2:]...)
}

// noiseGap returns what stands for the noise s[i:j] once removed: the end
// of a part (" | "), or no more than a space when the noise is a bracket
// or a slash ending written onto the word before it, which inflects that
// word and does not end the part ("Desenvolvedor(a) Front-end",
// "Operador/a de Empilhadeira").
func noiseGap(s string, i, j int) string {
	switch {
	case i == 0 || (s[i] != '(' && s[i] != '/') || !isWordRune(rune(s[i-1])):
		return " | "
	case j < len(s) && s[j] != ' ':
		return " "
	}
	return ""
}

// splitsTitle reports whether removing s[i:j] would break a pair of
// adjacent words that a corpus title or a phrase of the lexicon's
// variants holds, inside the match or across either of its ends: the
// phrase "office junior" is read before the seniority noise would strip
// "junior", "contract cleaner" before the contract noise strips
// "contract".
func (a *analyser) splitsTitle(s string, i, j int) bool {
	if len(a.titleBigrams) == 0 && len(a.phraseBigrams) == 0 {
		return false
	}
	var bufBefore, bufWords, bufAfter [16]string
	before := appendWords(bufBefore[:0], s[:i])
	ws := bufWords[:0]
	if len(before) > 0 {
		ws = append(ws, before[len(before)-1])
	}
	ws = appendWords(ws, s[i:j])
	if after := appendWords(bufAfter[:0], s[j:]); len(after) > 0 {
		ws = append(ws, after[0])
	}
	var key [64]byte
	for k := 1; k < len(ws); k++ {
		if pair := joinKey(key[:0], ws[k-1:k+1]); a.titleBigrams[string(pair)] || a.phraseBigrams[string(pair)] {
			return true
		}
	}
	return false
}

// isPlace reports whether every word of seg belongs to a place name.
func (a *analyser) isPlace(seg string) bool {
	var buf [16]string
	words := appendWords(buf[:0], seg)
	if len(words) == 0 {
		return false
	}
	var key [64]byte
	place := false
	for i := 0; i < len(words); {
		n := 0
		for k := min(4, len(words)-i); k > 0; k-- {
			if a.places[string(joinKey(key[:0], words[i:i+k]))] {
				n, place = k, true
				break
			}
		}
		if n == 0 {
			// "in", "de" and the like join place names ("Sydney in NSW")
			if a.isFunction(words[i]) || a.isStop(words[i]) {
				n = 1
			} else {
				return false
			}
		}
		i += n
	}
	return place
}

// joinKey appends words joined by spaces to dst: a map key looked up as
// string(joinKey(...)) is not allocated.
func joinKey(dst []byte, words []string) []byte {
	for i, w := range words {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	return dst
}

// isStop reports whether w is a stop word of any language.
func (a *analyser) isStop(w string) bool {
	for _, la := range a.langs {
		if la.stop[w] {
			return true
		}
	}
	return false
}
