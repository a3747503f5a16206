package corpus

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/anzsco/anzsco/internal/bom"
)

// Scope says whether an occupation may be returned as a classification.
type Scope string

const (
	// Target occupations may be returned as the code of a result.
	Target Scope = "target"
	// Contrast occupations are neighbours that let the classifier recognise
	// what lies outside the targets; they are reported as the nearest outside
	// occupation, never as the code.
	Contrast Scope = "contrast"
)

// Languages lists the language keys a corpus may use in Occupation.Text.
var Languages = []string{"en", "pt"}

// MaxFileSize bounds the size of a corpus file that Load accepts.
const MaxFileSize = 64 << 20

// Limits on a corpus, so that a corpus file cannot make an index that
// outgrows the machine. All 1,076 ANZSCO occupations with a few thousand
// titles per language are far inside them (the import of the published
// workbooks, 1,076 occupations and 3,459 titles, at most 31 to an
// occupation, classifies a first title in 0.26 s with a peak RSS of
// 53 MB). Building an index takes about
// 150 KB of memory at its peak per occupation of 21 titles and a 500-byte
// description: 1,000 such occupations build in 2.3 s with a peak RSS of
// 250 MB, 4,000 in 10 s with 620 MB, and 20,000, the limit, in 97 s with
// 3.0 GB (two shared cores); a corpus of 100,000 is refused.
const (
	// MaxOccupations bounds the occupations of a corpus: ANZSCO has 1,076,
	// and with its neighbours in other classifications a corpus has a few
	// thousand.
	MaxOccupations = 20_000
	// MaxTitles bounds an occupation's titles in one language: its title,
	// alternative titles, specialisations and everyday titles. The ABS
	// index of titles lists a few dozen for the largest occupations.
	MaxTitles = 1_000
	// MaxPatternTitles bounds the titles an occupation's patterns stand
	// for in one language (roles × contexts, summed over its patterns);
	// the default corpus's largest stands for about 340.
	MaxPatternTitles = 5_000
	// MaxCorpusTitles bounds the titles of the whole corpus, every
	// language and pattern counted: 20,000 occupations of 21 titles, the
	// largest corpus measured, have 420,000.
	MaxCorpusTitles = 500_000
	// MaxTitleBytes bounds a title, role or context; the longest ANZSCO
	// title has under 100 bytes.
	MaxTitleBytes = 256
	// MaxGroupTitles bounds a group's titles in one language.
	MaxGroupTitles = 5_000
	// MaxTextBytes bounds a description, a task and a qualification.
	MaxTextBytes = 16 << 10
)

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("invalid corpus")

// Corpus is a set of occupations with the text that describes them.
type Corpus struct {
	// Version names this release of the corpus, e.g. "5411-2026.11".
	Version string `json:"version"`
	// Name is a short human description of the corpus.
	Name string `json:"name"`
	// Source credits where the codes and titles come from.
	Source string `json:"source,omitempty"`
	// Lexicons names the embedded lexicons (see LexiconNames) the corpus
	// is analysed with, in order; none means DefaultLexicons.
	Lexicons []string `json:"lexicons,omitempty"`
	// Occupations are the records, targets and contrasts, in any order.
	Occupations []Occupation `json:"occupations"`
	// Groups hold titles that name a unit or minor group of the
	// classification rather than one occupation (from another
	// classification that is coarser there).
	Groups []GroupTitles `json:"groups,omitempty"`

	sha    string
	byCode map[string]int
}

// Occupation is one ANZSCO occupation with its text in one or more languages.
type Occupation struct {
	Code       string           `json:"code"`
	Scope      Scope            `json:"scope"`
	SkillLevel int              `json:"skill_level,omitempty"`
	Hierarchy  []Group          `json:"hierarchy,omitempty"`
	Text       map[string]*Text `json:"text"`
	ISCO08     []Correspondence `json:"isco08,omitempty"`
	OSCA       []Correspondence `json:"osca,omitempty"`
}

// Group is one level of the classification above an occupation.
type Group struct {
	Level string `json:"level"` // major, sub-major, minor, unit
	Code  string `json:"code"`
	Title string `json:"title"`
}

// Text is an occupation's wording in one language.
type Text struct {
	Title             string   `json:"title"`
	AlternativeTitles []string `json:"alternative_titles,omitempty"`
	Specialisations   []string `json:"specialisations,omitempty"`
	// EverydayTitles are the titles people use in job ads and CVs that the
	// classification itself does not list (agent, consultant, atendente...).
	EverydayTitles []string `json:"everyday_titles,omitempty"`
	// SourcedTitles are titles of the occupation in another classification
	// (ESCO, CBO, CPP...), each with its source.
	SourcedTitles []SourcedTitle `json:"sourced_titles,omitempty"`
	// Patterns are everyday titles in compact form: every role of a
	// pattern joined with every context of it is a title of the occupation
	// ("supervisor" with "helpline" stands for "Helpline Supervisor").
	Patterns       []Pattern       `json:"patterns,omitempty"`
	Description    string          `json:"description,omitempty"`
	Tasks          []string        `json:"tasks,omitempty"`
	Qualifications *Qualifications `json:"qualifications,omitempty"`
}

// CuratedSource is the source of a curated title: an everyday title of
// job ads that the classification's index of titles lacks, given the
// occupation or group that the classification's definitions name
// ("Lawyer", a solicitor). Unlike a title from another classification it
// is weighed as the classification's own titles are.
const CuratedSource = "anzsco curated"

// SourcedTitle is a title taken from another classification, with where
// it came from.
type SourcedTitle struct {
	Title  string `json:"title"`
	Source string `json:"source"`
}

// GroupTitles are the titles, by language, of a group of occupations.
type GroupTitles struct {
	Level  string                    `json:"level"` // unit, minor
	Code   string                    `json:"code"`
	Titles map[string][]SourcedTitle `json:"titles"`
}

// Pattern pairs role words with the contexts that make them this
// occupation: a supervisor is a call-centre team leader only in a call
// centre, a helpline or the like.
type Pattern struct {
	Roles    []string `json:"roles"`
	Contexts []string `json:"contexts"`
}

// Qualifications are the formal qualifications, or experience in their place,
// that the classification gives for the occupation's skill level.
type Qualifications struct {
	AU string `json:"au,omitempty"`
	NZ string `json:"nz,omitempty"`
	// ExperienceYears is the relevant experience that may stand in for the
	// formal qualifications.
	ExperienceYears float64 `json:"experience_years,omitempty"`
}

// Correspondence links an occupation to another classification.
type Correspondence struct {
	Code    string `json:"code"`
	Title   string `json:"title"`
	Partial bool   `json:"partial,omitempty"`
}

//go:embed default.json
var defaultJSON []byte

// The whole ANZSCO, generated from the ABS workbooks in abs/workbooks.
//
//go:generate go run ./internal/genanzsco
//go:embed anzsco.json
var anzscoJSON []byte

// DefaultName is the name of the default built-in corpus.
const DefaultName = "5411"

// builtins are the embedded corpora, by name.
var builtins = map[string]struct {
	data func() []byte
	desc string
}{
	DefaultName: {func() []byte { return defaultJSON }, "unit group 5411 Call or Contact Centre Workers, with neighbouring occupations as contrasts"},
	"anzsco":    {func() []byte { return anzscoJSON }, "the whole of ANZSCO 2022: all 1,076 occupations, coded to the occupation or backed off to its unit or minor group"},
}

// BuiltinNames returns the names of the embedded corpora, sorted.
func BuiltinNames() []string {
	return slices.Sorted(maps.Keys(builtins))
}

// BuiltinDescription says in a few words what a built-in corpus holds.
func BuiltinDescription(name string) string { return builtins[name].desc }

// ErrUnknownBuiltin is returned by Builtin for a name it does not know.
var ErrUnknownBuiltin = errors.New("no such built-in corpus")

// Builtin returns the embedded corpus of the given name.
func Builtin(name string) (*Corpus, error) {
	b, ok := builtins[name]
	if !ok {
		return nil, fmt.Errorf("%w: %q (built in: %s)", ErrUnknownBuiltin, name, strings.Join(BuiltinNames(), ", "))
	}
	return Load(bytes.NewReader(b.data()), "built-in corpus "+name)
}

// Default returns the embedded default corpus: unit group 5411 Call or
// Contact Centre Workers in English and Portuguese, with its neighbours as
// contrast occupations.
func Default() (*Corpus, error) { return Builtin(DefaultName) }

// LoadFile reads and validates a corpus file.
func LoadFile(path string) (*Corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	return Load(f, path)
}

// Load reads a corpus in JSON from r and validates it. name is used in error
// messages (a file path or a description). Unknown fields are errors. The
// file is UTF-8 (a byte order mark is skipped); UTF-16 is refused with a
// message that says so.
func Load(r io.Reader, name string) (*Corpus, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("corpus %s: larger than %d MiB", name, MaxFileSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("corpus %s: %w: the file is empty", name, ErrInvalid)
	}
	// A UTF-8 byte order mark, as some editors write, is skipped.
	body, err := bom.Trim(data, "the file")
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w: %w", name, ErrInvalid, err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var c Corpus
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("corpus %s: %w: %s", name, ErrInvalid, jsonError(body, err))
	}
	if dec.More() {
		return nil, fmt.Errorf("corpus %s: %w: data after the top-level object", name, ErrInvalid)
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("corpus %s: %w", name, err)
	}
	sha, err := c.canonicalSHA256()
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", name, err)
	}
	c.sha = sha
	return &c, nil
}

// jsonError turns a decoding error into a message with a line number.
func jsonError(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("line %d: %v", lineOf(data, se.Offset), se)
	case errors.As(err, &te):
		return fmt.Sprintf("line %d: field %q: got a JSON %s, want %s", lineOf(data, te.Offset), te.Field, te.Value, te.Type)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON ends too early (truncated file?)"
	}
	return err.Error()
}

func lineOf(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

var codeRE = regexp.MustCompile(`^[0-9]{6}$`)
var groupCodeRE = regexp.MustCompile(`^[0-9]{1,6}$`)

// Validate checks the corpus and builds its lookup table. Each problem is
// reported with the occupation and the field it is in.
func (c *Corpus) Validate() error {
	if len(c.Occupations) == 0 {
		return fmt.Errorf("%w: no occupations", ErrInvalid)
	}
	for _, name := range c.Lexicons {
		if _, err := LexiconFile(name); err != nil {
			return fmt.Errorf("field \"lexicons\": %w", err)
		}
	}
	if len(c.Occupations) > MaxOccupations {
		return fmt.Errorf("%w: %d occupations, more than the %d allowed", ErrInvalid, len(c.Occupations), MaxOccupations)
	}
	corpusTitles := 0
	c.byCode = make(map[string]int, len(c.Occupations))
	targets := 0
	for i := range c.Occupations {
		o := &c.Occupations[i]
		where := fmt.Sprintf("occupation %d", i+1)
		if o.Code != "" {
			where = fmt.Sprintf("occupation %s", o.Code)
		}
		fail := func(field, format string, args ...any) error {
			return fmt.Errorf("%w: %s: field %q: %s", ErrInvalid, where, field, fmt.Sprintf(format, args...))
		}
		if !codeRE.MatchString(o.Code) {
			return fail("code", "%q is not a six-digit ANZSCO code", o.Code)
		}
		if j, dup := c.byCode[o.Code]; dup {
			return fail("code", "duplicate code (also occupation %d)", j+1)
		}
		c.byCode[o.Code] = i
		switch o.Scope {
		case Target:
			targets++
		case Contrast:
		default:
			return fail("scope", "%q is not one of target, contrast", o.Scope)
		}
		if o.SkillLevel < 0 || o.SkillLevel > 5 {
			return fail("skill_level", "%d is not between 1 and 5", o.SkillLevel)
		}
		for _, g := range o.Hierarchy {
			if !groupCodeRE.MatchString(g.Code) || g.Title == "" {
				return fail("hierarchy", "group %q %q needs a numeric code and a title", g.Code, g.Title)
			}
		}
		if len(o.Text) == 0 {
			return fail("text", "no text in any language")
		}
		for lang, t := range o.Text {
			if !knownLanguage(lang) {
				return fail("text", "unknown language %q (known: %s)", lang, strings.Join(Languages, ", "))
			}
			if t == nil || strings.TrimSpace(t.Title) == "" {
				return fail("text."+lang+".title", "empty title")
			}
			if err := t.checkSizes(func(field, format string, args ...any) error { return fail("text."+lang+"."+field, format, args...) }); err != nil {
				return err
			}
			corpusTitles += 1 + len(t.AlternativeTitles) + len(t.Specialisations) + len(t.EverydayTitles) + len(t.SourcedTitles) + t.patternTitles()
			for _, list := range []struct {
				name  string
				items []string
			}{{"alternative_titles", t.AlternativeTitles}, {"specialisations", t.Specialisations}, {"everyday_titles", t.EverydayTitles}, {"tasks", t.Tasks}} {
				for k, s := range list.items {
					if strings.TrimSpace(s) == "" {
						return fail("text."+lang+"."+list.name, "item %d is empty", k+1)
					}
				}
			}
		}
		for lang, t := range o.Text {
			for k, p := range t.Patterns {
				if len(p.Roles) == 0 || len(p.Contexts) == 0 {
					return fail(fmt.Sprintf("text.%s.patterns[%d]", lang, k), "a pattern needs at least one role and one context")
				}
				for _, s := range append(append([]string{}, p.Roles...), p.Contexts...) {
					if strings.TrimSpace(s) == "" {
						return fail(fmt.Sprintf("text.%s.patterns[%d]", lang, k), "empty role or context")
					}
				}
			}
		}
		for _, x := range append(append([]Correspondence{}, o.ISCO08...), o.OSCA...) {
			if x.Code == "" {
				return fail("isco08/osca", "a correspondence has no code")
			}
		}
	}
	if targets == 0 {
		return fmt.Errorf("%w: no occupation has scope \"target\"", ErrInvalid)
	}
	for i, g := range c.Groups {
		where := fmt.Sprintf("%v: group %d (%s)", ErrInvalid, i+1, g.Code)
		if (g.Level != "unit" || len(g.Code) != 4) && (g.Level != "minor" || len(g.Code) != 3) {
			return fmt.Errorf("%s: want level unit with a four-digit code or minor with three digits", where)
		}
		found := false
		for _, o := range c.Occupations {
			if strings.HasPrefix(o.Code, g.Code) {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("%s: no occupation of the corpus is in this group", where)
		}
		for lang, ts := range g.Titles {
			if !knownLanguage(lang) {
				return fmt.Errorf("%s: unknown language %q", where, lang)
			}
			if len(ts) > MaxGroupTitles {
				return fmt.Errorf("%s: %d titles in %s, more than the %d allowed", where, len(ts), lang, MaxGroupTitles)
			}
			corpusTitles += len(ts)
			for k, t := range ts {
				if strings.TrimSpace(t.Title) == "" {
					return fmt.Errorf("%s: title %d in %s is empty", where, k+1, lang)
				}
				if len(t.Title) > MaxTitleBytes {
					return fmt.Errorf("%s: title %d in %s is %d bytes long, more than the %d allowed", where, k+1, lang, len(t.Title), MaxTitleBytes)
				}
			}
		}
	}
	if corpusTitles > MaxCorpusTitles {
		return fmt.Errorf("%w: %d titles in all (patterns expanded), more than the %d allowed", ErrInvalid, corpusTitles, MaxCorpusTitles)
	}
	return nil
}

// patternTitles counts the titles t's patterns stand for.
func (t *Text) patternTitles() int {
	n := 0
	for _, p := range t.Patterns {
		n += len(p.Roles) * len(p.Contexts)
	}
	return n
}

// checkSizes checks the counts and lengths of t against the limits;
// fail reports a problem in a field of t.
func (t *Text) checkSizes(fail func(field, format string, args ...any) error) error {
	if n := 1 + len(t.AlternativeTitles) + len(t.Specialisations) + len(t.EverydayTitles); n > MaxTitles {
		return fail("alternative_titles", "%d titles with the title, specialisations and everyday titles, more than the %d allowed", n, MaxTitles)
	}
	if n := len(t.SourcedTitles); n > MaxTitles {
		return fail("sourced_titles", "%d titles, more than the %d allowed", n, MaxTitles)
	}
	for k, st := range t.SourcedTitles {
		if strings.TrimSpace(st.Title) == "" || len(st.Title) > MaxTitleBytes {
			return fail("sourced_titles", "item %d is empty or longer than %d bytes", k+1, MaxTitleBytes)
		}
	}
	if n := t.patternTitles(); n > MaxPatternTitles {
		return fail("patterns", "the patterns stand for %d titles, more than the %d allowed", n, MaxPatternTitles)
	}
	titleLists := []struct {
		name  string
		items []string
	}{{"title", []string{t.Title}}, {"alternative_titles", t.AlternativeTitles}, {"specialisations", t.Specialisations}, {"everyday_titles", t.EverydayTitles}}
	for k, p := range t.Patterns {
		titleLists = append(titleLists, struct {
			name  string
			items []string
		}{fmt.Sprintf("patterns[%d]", k), append(append([]string{}, p.Roles...), p.Contexts...)})
	}
	for _, list := range titleLists {
		for k, s := range list.items {
			if len(s) > MaxTitleBytes {
				return fail(list.name, "item %d is %d bytes long, more than the %d allowed for a title", k+1, len(s), MaxTitleBytes)
			}
		}
	}
	if len(t.Description) > MaxTextBytes {
		return fail("description", "%d bytes long, more than the %d allowed", len(t.Description), MaxTextBytes)
	}
	for k, s := range t.Tasks {
		if len(s) > MaxTextBytes {
			return fail("tasks", "item %d is %d bytes long, more than the %d allowed", k+1, len(s), MaxTextBytes)
		}
	}
	if q := t.Qualifications; q != nil && max(len(q.AU), len(q.NZ)) > MaxTextBytes {
		return fail("qualifications", "%d bytes long, more than the %d allowed", max(len(q.AU), len(q.NZ)), MaxTextBytes)
	}
	return nil
}

func knownLanguage(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// SHA256 is the hex SHA-256 of the corpus's canonical encoding (see
// canonicalSHA256): one corpus has one SHA-256 however it was written and
// however it was loaded, from the embedded copy, a file of its own or a
// persisted index.
func (c *Corpus) SHA256() string { return c.sha }

// canonicalSHA256 hashes the corpus as compact JSON in the order of the
// schema's fields: the bytes depend on what the corpus says, not on the
// indentation, key order, escapes or byte order mark of the file it came
// from. The encoding streams into the hash (about 50 ms for the 7 MB
// whole-ANZSCO corpus, on top of the 400 ms of reading it).
func (c *Corpus) canonicalSHA256() (string, error) {
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(c); err != nil {
		return "", fmt.Errorf("encoding the corpus: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Lookup returns the occupation with the given code.
func (c *Corpus) Lookup(code string) (*Occupation, bool) {
	i, ok := c.byCode[code]
	if !ok {
		return nil, false
	}
	return &c.Occupations[i], true
}

// Targets returns the codes of the target occupations, sorted.
func (c *Corpus) Targets() []string {
	var out []string
	for _, o := range c.Occupations {
		if o.Scope == Target {
			out = append(out, o.Code)
		}
	}
	sort.Strings(out)
	return out
}

// Title returns the occupation's title in English, or in the first language
// it has.
func (o *Occupation) Title() string {
	if t := o.Text["en"]; t != nil {
		return t.Title
	}
	for _, l := range Languages {
		if t := o.Text[l]; t != nil {
			return t.Title
		}
	}
	return ""
}

// Langs returns the languages the occupation has text in, in Languages order.
func (o *Occupation) Langs() []string {
	var out []string
	for _, l := range Languages {
		if o.Text[l] != nil {
			out = append(out, l)
		}
	}
	return out
}

// Marshal returns the corpus as indented JSON, in the form Load reads.
func (c *Corpus) Marshal() ([]byte, error) {
	return json.MarshalIndent(c, "", "  ")
}

// GroupInfo describes a group of the classification as a corpus holds it:
// the groups above it, its title, its occupations and any titles the
// corpus gives the group itself.
type GroupInfo struct {
	Level       string        `json:"level"`
	Code        string        `json:"code"`
	Title       string        `json:"title"`
	Parents     []Group       `json:"parents,omitempty"`
	Occupations []string      `json:"occupations"`
	Titles      []GroupTitles `json:"titles,omitempty"`
}

// Group returns the group (major, sub-major, minor or unit) with the
// given code, from the hierarchy of the corpus's occupations.
func (c *Corpus) Group(code string) (*GroupInfo, bool) {
	var g *GroupInfo
	for _, o := range c.Occupations {
		for i, h := range o.Hierarchy {
			if h.Code != code {
				continue
			}
			if g == nil {
				g = &GroupInfo{Level: h.Level, Code: h.Code, Title: h.Title, Parents: append([]Group(nil), o.Hierarchy[:i]...)}
			}
			g.Occupations = append(g.Occupations, o.Code)
		}
	}
	if g == nil {
		return nil, false
	}
	sort.Strings(g.Occupations)
	for _, t := range c.Groups {
		if t.Code == code {
			g.Titles = append(g.Titles, t)
		}
	}
	return g, true
}
