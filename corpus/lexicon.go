package corpus

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// A lexicon is the domain vocabulary a corpus is analysed with: stop
// words, spelling variants and abbreviations, words that stem to one term,
// place names, the noise patterns of job ads and the qualifiers of titles.
// The analysis engine (package index) knows only how to apply them; what
// they say is data, in the files of lexicon/, and a corpus names the
// lexicons it uses.
//
// # File format
//
// One entry per line; a line starting with "#" is a comment that names a
// group. A line "[KIND ARG]" starts a section:
//
//	[function LANG]  grammatical words of LANG (always dropped)
//	[stop LANG]      words that say nothing about the occupation
//	[variant LANG]   "from = to words": a spelling, joined form or abbreviation;
//	                 "=word" in the replacement keeps word unstemmed; from
//	                 may be a phrase of up to MaxVariantWords words, the
//	                 job-ad name of what the titles call otherwise
//	                 ("personal trainer = fitness instructor")
//	[canon LANG]     "word = word": the two words stand for one term
//	[place]          a place name (one or more words)
//	[noise NAME]     a regular expression on folded text; the lines of one
//	                 NAME are alternatives of one rule
//	[qualifier]      a bracketed title qualifier ("(General)")
//	[residual]       a word that marks a residual title ("nec")
//	[context]        a word that says where the work is done only when no
//	                 other workplace is named ("inbound": a call centre,
//	                 unless the title names a warehouse)
//	[workplace]      a workplace (one or more words) that takes away the
//	                 context words' meaning
//	[translate A-B]  "phrase = words": a phrase of language A and its
//	                 translation into language B. A query in A is also
//	                 searched, translated word by word, among the titles
//	                 of B, which are often richer: "motorista de
//	                 autocarro" as "bus driver"
//	[postmodifier LANG] a word that opens a phrase after a title's head
//	                 noun ("to" of "Personal Assistant to the CEO"): the
//	                 words from it on qualify the title as the words after
//	                 a dash do
//	[agentive LANG]  a suffix of nouns for a person ("er", "ant"): such a
//	                 word is only made singular, not stemmed, so that
//	                 accountant and account, manager and management stay
//	                 apart; "suffix = ending" also replaces the suffix, so
//	                 that the feminine and masculine forms of a noun agree
//	                 ("eira = eir": enfermeira and enfermeiro)
//	[learner LANG]   a word for a person learning a field's work (intern,
//	                 estagiário): one word per line
//	[field LANG]     "field = words": a field of work or study and the
//	                 words of its practitioner's title ("contabilidade =
//	                 contador"), read into a title whose role is a learner
//	                 word and which names the field ("Estagiário de
//	                 Contabilidade"); the field may be a phrase of up to
//	                 MaxVariantWords words
//
// LANG is a language of Languages or "*" for all of them. Entries are
// folded (lower case, no accents) by the engine, so they are written
// folded too; a repeated entry in one section is an error.

//go:embed lexicon/*.lex
var lexiconFS embed.FS

// DefaultLexicons are the lexicons of a corpus that names none.
var DefaultLexicons = []string{"en", "pt", "jobads"}

// Lexicon is one or more lexicon files merged.
type Lexicon struct {
	// Names are the lexicons merged, in order.
	Names []string
	// Function, Stop, Postmodifiers, Variants and Canon are by language.
	Function      map[string][]string
	Stop          map[string][]string
	Postmodifiers map[string][]string
	Variants      map[string][]Rewrite
	Canon         map[string][]Rewrite
	Places        []string
	// Noise rules, in file order; each rule's patterns are alternatives.
	Noise      []NoiseRule
	Qualifiers []string
	Residuals  []string
	// Agentive suffixes, by language: From is the suffix, To its
	// replacement (one word) or nothing to keep it.
	Agentive map[string][]Rewrite
	// Context words and the workplaces that cancel them.
	Context    []string
	Workplaces []string
	// Entry words, by language: words for a person learning the work
	// (trainee, intern, estagiário), which stop words or noise drop, with
	// the role each stands for (To, one word) in a title that names no
	// role of its own ("Call Centre Trainee").
	Entry map[string][]Rewrite
	// Translate holds glossaries by "A-B" (from language A to B): From
	// is a phrase of A, To its words in B.
	Translate map[string][]Rewrite
	// Learners are words for a person learning a field's work, by
	// language; Fields map a field (From) to its practitioner's title
	// words (To), by language.
	Learners map[string][]string
	Fields   map[string][]Rewrite
}

// Rewrite replaces a word by one or more words.
type Rewrite struct {
	From string
	To   []string
}

// parseRewrite reads an entry "from = to ...": what comes before the
// equals sign, trimmed, and the words after it.
func parseRewrite(s string) Rewrite {
	from, to, _ := strings.Cut(s, "=")
	return Rewrite{From: strings.TrimSpace(from), To: strings.Fields(to)}
}

// MaxVariantWords is the longest phrase a variant replaces.
const MaxVariantWords = 3

// NoiseRule is a named set of regular expressions for one kind of job-ad
// noise (pay, contract terms, grades...).
type NoiseRule struct {
	Name     string
	Patterns []string
}

// LexiconNames returns the names of the embedded lexicons, sorted.
func LexiconNames() []string {
	ents, _ := lexiconFS.ReadDir("lexicon")
	var out []string
	for _, e := range ents {
		out = append(out, strings.TrimSuffix(e.Name(), ".lex"))
	}
	sort.Strings(out)
	return out
}

// LexiconFile returns the text of an embedded lexicon.
func LexiconFile(name string) ([]byte, error) {
	data, err := lexiconFS.ReadFile("lexicon/" + name + ".lex")
	if err != nil {
		return nil, fmt.Errorf("%w: unknown lexicon %q (known: %s)", ErrInvalid, name, strings.Join(LexiconNames(), ", "))
	}
	return data, nil
}

// LoadLexicon merges the embedded lexicons of the given names, in order.
func LoadLexicon(names ...string) (*Lexicon, error) {
	lx := &Lexicon{Function: map[string][]string{}, Stop: map[string][]string{}, Postmodifiers: map[string][]string{},
		Variants: map[string][]Rewrite{}, Canon: map[string][]Rewrite{}, Agentive: map[string][]Rewrite{}, Translate: map[string][]Rewrite{},
		Entry: map[string][]Rewrite{}, Learners: map[string][]string{}, Fields: map[string][]Rewrite{}}
	for _, name := range names {
		data, err := LexiconFile(name)
		if err != nil {
			return nil, err
		}
		if err := lx.parse(bytes.NewReader(data), name+".lex"); err != nil {
			return nil, err
		}
		lx.Names = append(lx.Names, name)
	}
	return lx, nil
}

// Lexicon returns the merged lexicons the corpus names (DefaultLexicons
// when it names none).
func (c *Corpus) Lexicon() (*Lexicon, error) {
	names := c.Lexicons
	if len(names) == 0 {
		names = DefaultLexicons
	}
	return LoadLexicon(names...)
}

var sectionRE = regexp.MustCompile(`^\[([a-z]+)(?:\s+([a-z*-]+))?\]$`)

// parse reads one lexicon file into lx.
func (lx *Lexicon) parse(r *bytes.Reader, file string) error {
	sc := bufio.NewScanner(r)
	kind, arg := "", ""
	seen := map[string]bool{}
	line := 0
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%w: lexicon %s:%d: %s", ErrInvalid, file, line, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if m := sectionRE.FindStringSubmatch(s); m != nil {
			kind, arg = m[1], m[2]
			if err := checkSection(kind, arg); err != nil {
				return fail("%v", err)
			}
			continue
		}
		if kind == "" {
			return fail("entry %q before any [section]", s)
		}
		key := kind + " " + arg + "\x00" + s
		if kind == "variant" || kind == "canon" || kind == "translate" || kind == "entry" || kind == "field" {
			from, _, ok := strings.Cut(s, "=")
			if !ok {
				return fail("%q: want \"word = replacement\"", s)
			}
			key = kind + " " + arg + "\x00" + strings.Join(strings.Fields(from), " ")
		}
		if seen[key] {
			return fail("%q is listed twice in [%s %s]", s, kind, arg)
		}
		seen[key] = true
		if err := lx.add(kind, arg, s); err != nil {
			return fail("%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon %s: %w", file, err)
	}
	return nil
}

func checkSection(kind, arg string) error {
	switch kind {
	case "function", "stop", "postmodifier", "variant", "canon", "agentive", "entry", "learner", "field":
		if arg != "*" && !knownLanguage(arg) {
			return fmt.Errorf("[%s %s]: want a language (%s) or *", kind, arg, strings.Join(Languages, ", "))
		}
	case "translate":
		from, to, ok := strings.Cut(arg, "-")
		if !ok || !knownLanguage(from) || !knownLanguage(to) || from == to {
			return fmt.Errorf("[translate %s]: want two languages, as in [translate pt-en]", arg)
		}
	case "noise":
		if arg == "" || arg == "*" {
			return fmt.Errorf("[noise]: want a rule name, as in [noise pay]")
		}
	case "place", "qualifier", "residual", "context", "workplace":
		if arg != "" {
			return fmt.Errorf("[%s %s]: this section takes no argument", kind, arg)
		}
	default:
		return fmt.Errorf("unknown section [%s]", kind)
	}
	return nil
}

// addTo appends v to the list of each of langs in m.
func addTo[T any](m map[string][]T, langs []string, v T) {
	for _, l := range langs {
		m[l] = append(m[l], v)
	}
}

// rewriteLike matches a line of plain words on both sides of " = ": an
// entry of a [variant], [canon] or other rewriting section left under a
// [noise] section, where it would be read as a pattern that never
// matches.
var rewriteLike = regexp.MustCompile(`^[\pL\pN&'.\- ]+ = [\pL\pN&'.\- ]+$`)

func (lx *Lexicon) add(kind, arg, s string) error {
	langs := []string{arg}
	if arg == "*" {
		langs = Languages
	}
	switch kind {
	case "agentive":
		rw := parseRewrite(s)
		if len(strings.Fields(rw.From)) != 1 || len(rw.To) > 1 {
			return fmt.Errorf("%q: one suffix per line, and at most one ending to replace it", s)
		}
		addTo(lx.Agentive, langs, rw)
	case "function", "stop", "postmodifier", "learner":
		if len(strings.Fields(s)) != 1 {
			return fmt.Errorf("%q: one word per line", s)
		}
		list := lx.Function
		switch kind {
		case "stop":
			list = lx.Stop
		case "postmodifier":
			list = lx.Postmodifiers
		case "learner":
			list = lx.Learners
		}
		addTo(list, langs, s)
	case "variant", "canon":
		rw := parseRewrite(s)
		if n := len(strings.Fields(rw.From)); n == 0 || (n > 1 && kind == "canon") || n > MaxVariantWords {
			return fmt.Errorf("%q: the word to replace is one word (a variant may be a phrase of up to %d)", s, MaxVariantWords)
		}
		rw.From = strings.Join(strings.Fields(rw.From), " ")
		if kind == "canon" && len(rw.To) != 1 {
			return fmt.Errorf("%q: a canon entry maps one word to one word", s)
		}
		list := lx.Variants
		if kind == "canon" {
			list = lx.Canon
		}
		addTo(list, langs, rw)
	case "entry":
		rw := parseRewrite(s)
		if n := len(strings.Fields(rw.From)); n == 0 || n > MaxVariantWords || len(rw.To) != 1 {
			return fmt.Errorf("%q: want \"entry word = role\": up to %d words for one role word", s, MaxVariantWords)
		}
		rw.From = strings.Join(strings.Fields(rw.From), " ")
		addTo(lx.Entry, langs, rw)
	case "field":
		rw := parseRewrite(s)
		if n := len(strings.Fields(rw.From)); n == 0 || n > MaxVariantWords || len(rw.To) == 0 {
			return fmt.Errorf("%q: want \"field = title words\": a field of up to %d words", s, MaxVariantWords)
		}
		rw.From = strings.Join(strings.Fields(rw.From), " ")
		addTo(lx.Fields, langs, rw)
	case "translate":
		rw := parseRewrite(s)
		if rw.From == "" || len(rw.To) == 0 {
			return fmt.Errorf("%q: want \"phrase = translation\"", s)
		}
		lx.Translate[arg] = append(lx.Translate[arg], rw)
	case "noise":
		if rewriteLike.MatchString(s) {
			return fmt.Errorf("[noise %s]: %q reads as \"word = replacement\", an entry of another section; a noise line is a regular expression", arg, s)
		}
		if _, err := regexp.Compile(s); err != nil {
			return fmt.Errorf("[noise %s]: %v", arg, err)
		}
		if n := len(lx.Noise); n > 0 && lx.Noise[n-1].Name == arg {
			lx.Noise[n-1].Patterns = append(lx.Noise[n-1].Patterns, s)
		} else {
			lx.Noise = append(lx.Noise, NoiseRule{Name: arg, Patterns: []string{s}})
		}
	case "place":
		lx.Places = append(lx.Places, s)
	case "qualifier":
		lx.Qualifiers = append(lx.Qualifiers, s)
	case "residual":
		lx.Residuals = append(lx.Residuals, s)
	case "context":
		if len(strings.Fields(s)) != 1 {
			return fmt.Errorf("%q: one word per line", s)
		}
		lx.Context = append(lx.Context, s)
	case "workplace":
		lx.Workplaces = append(lx.Workplaces, s)
	}
	return nil
}
