package abs

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// DefaultTargets is the target selection when none is given: unit group
// 5411, the scope of the embedded default corpus.
const DefaultTargets = "5411"

// ErrTargets is wrapped by errors about a target selection.
var ErrTargets = errors.New("invalid target selection")

// Targets selects the occupations that may be returned as a code. The zero
// value selects none.
type Targets struct {
	all    bool
	groups []string
}

// AllTargets selects every occupation.
func AllTargets() Targets { return Targets{all: true} }

var groupRE = regexp.MustCompile(`^(?:[0-9]{1,4}|[0-9]{6})$`)

// ParseTargets reads a target selection: "all", or one or more group codes
// separated by commas. A code of one to four digits selects a major,
// sub-major, minor or unit group; six digits select one occupation.
func ParseTargets(s string) (Targets, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "all") {
		return AllTargets(), nil
	}
	if s == "" {
		return Targets{}, fmt.Errorf("%w: empty (want \"all\" or group codes such as 5411 or 5411,2613)", ErrTargets)
	}
	var t Targets
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		g := strings.TrimSpace(part)
		if !groupRE.MatchString(g) {
			return Targets{}, fmt.Errorf("%w: %q is not a group code (want 1 to 4 digits, such as unit group 5411, or a six-digit occupation code)", ErrTargets, g)
		}
		if !seen[g] {
			seen[g] = true
			t.groups = append(t.groups, g)
		}
	}
	sort.Strings(t.groups)
	return t, nil
}

// All reports whether every occupation is selected.
func (t Targets) All() bool { return t.all }

// Groups returns the selected group codes (none when All).
func (t Targets) Groups() []string { return append([]string(nil), t.groups...) }

// Match reports whether the occupation code is selected.
func (t Targets) Match(code string) bool {
	if t.all {
		return true
	}
	for _, g := range t.groups {
		if strings.HasPrefix(code, g) {
			return true
		}
	}
	return false
}

// String returns the selection as ParseTargets reads it.
func (t Targets) String() string {
	if t.all {
		return "all"
	}
	return strings.Join(t.groups, ",")
}

// Options control Build.
type Options struct {
	// Targets selects the target occupations; the zero value means
	// DefaultTargets.
	Targets Targets
	// Base, when not nil, is merged in: its occupations keep their richer
	// text (everyday titles, descriptions, tasks, Portuguese...).
	Base *corpus.Corpus
	// Version of the corpus made; empty means one derived from the targets
	// and the base.
	Version string
}

// Stats say what Build did.
type Stats struct {
	Occupations int // occupations in the corpus
	Targets     int
	Titles      int // title rows read from the index of titles
	Merged      int // occupations whose text came from the base corpus
	BaseOnly    int // occupations of the base corpus that the workbook lacks
	Structured  int // occupations with a hierarchy from the structure
}

// Source credits the ABS for the codes and titles of an imported corpus.
const Source = "Codes, titles, hierarchy and skill levels: Australian Bureau of Statistics, " +
	"ANZSCO - Australian and New Zealand Standard Classification of Occupations, 2022 Australian Update, " +
	"index of titles and structure workbooks (CC BY 4.0, © Commonwealth of Australia)."

// Build makes a corpus from the titles of the index of titles, the
// occupations of the structure (nil when absent) and opts. The corpus is
// validated by corpus.Load, so it is returned exactly as a file written
// from it would load.
func Build(titles []Title, structure []Occupation, opts Options) (*corpus.Corpus, Stats, error) {
	var st Stats
	if len(titles) == 0 {
		return nil, st, errors.New("no titles to import")
	}
	targets := opts.Targets
	if !targets.all && len(targets.groups) == 0 {
		t, err := ParseTargets(DefaultTargets)
		if err != nil {
			return nil, st, err
		}
		targets = t
	}
	byCode := map[string]*corpus.Occupation{}
	var codes []string
	occ := func(code string) *corpus.Occupation {
		o := byCode[code]
		if o == nil {
			o = &corpus.Occupation{Code: code, Text: map[string]*corpus.Text{"en": {}}}
			byCode[code] = o
			codes = append(codes, code)
		}
		return o
	}
	for _, t := range titles {
		if !occCodeRE.MatchString(t.Code) {
			return nil, st, fmt.Errorf("title in row %d: %q is not a six-digit ANZSCO code", t.Row, t.Code)
		}
		st.Titles++
		en := occ(t.Code).Text["en"]
		switch t.Category {
		case PrincipalTitle:
			en.Title = t.Text
			if parts := splitCountryTitles(t.Text); len(parts) > 1 {
				en.AlternativeTitles = append(en.AlternativeTitles, parts...)
			}
		case AlternativeTitle:
			en.AlternativeTitles = append(en.AlternativeTitles, dropCountry(t.Text))
		case Specialisation, NecTitle:
			en.Specialisations = append(en.Specialisations, dropCountry(t.Text))
		default:
			return nil, st, fmt.Errorf("title in row %d: unknown category %d", t.Row, int(t.Category))
		}
	}
	for _, s := range structure {
		o := occ(s.Code)
		if o.Text["en"].Title == "" {
			o.Text["en"].Title = s.Title
		}
		o.SkillLevel = s.SkillLevel
		if len(s.Hierarchy) > 0 {
			o.Hierarchy = append([]corpus.Group(nil), s.Hierarchy...)
			st.Structured++
		}
	}
	for _, code := range codes {
		if t := byCode[code].Text["en"]; t.Title == "" {
			return nil, st, fmt.Errorf("occupation %s has no principal title", code)
		}
	}
	if opts.Base != nil {
		for i := range opts.Base.Occupations {
			b := &opts.Base.Occupations[i]
			if o, ok := byCode[b.Code]; ok {
				byCode[b.Code] = merge(b, o)
				st.Merged++
			} else {
				byCode[b.Code] = clone(b)
				codes = append(codes, b.Code)
				st.BaseOnly++
			}
		}
	}
	sort.Strings(codes)
	c := &corpus.Corpus{Version: opts.Version, Name: name(targets, len(codes), opts.Base), Source: Source}
	if c.Version == "" {
		c.Version = version(targets, opts.Base)
	}
	if opts.Base != nil && st.Merged+st.BaseOnly > 0 {
		c.Source += fmt.Sprintf(" Everyday titles, descriptions, tasks and other languages of %d occupations: corpus %s.", st.Merged+st.BaseOnly, opts.Base.Version)
	}
	matched := map[string]bool{}
	for _, code := range codes {
		o := byCode[code]
		o.Scope = corpus.Contrast
		if targets.Match(code) {
			o.Scope = corpus.Target
			st.Targets++
			for _, g := range targets.groups {
				if strings.HasPrefix(code, g) {
					matched[g] = true
				}
			}
		}
		for _, t := range o.Text {
			tidy(t)
		}
		c.Occupations = append(c.Occupations, *o)
	}
	for _, g := range targets.groups {
		if !matched[g] {
			return nil, st, fmt.Errorf("%w: no occupation is in group %s", ErrTargets, g)
		}
	}
	st.Occupations = len(c.Occupations)
	data, err := c.Marshal()
	if err != nil {
		return nil, st, err
	}
	out, err := corpus.Load(bytes.NewReader(data), "imported from the ABS workbooks")
	if err != nil {
		return nil, st, err
	}
	return out, st, nil
}

// merge returns the base occupation b with the workbook's occupation w
// folded in: the workbook's title, hierarchy and skill level win when it
// has them, and its titles are added to the English text.
func merge(b, w *corpus.Occupation) *corpus.Occupation {
	o := clone(b)
	if w.SkillLevel > 0 {
		o.SkillLevel = w.SkillLevel
	}
	if len(w.Hierarchy) > 0 {
		o.Hierarchy = append([]corpus.Group(nil), w.Hierarchy...)
	}
	wt := w.Text["en"]
	en := o.Text["en"]
	if en == nil {
		o.Text["en"] = wt
		return o
	}
	if !strings.EqualFold(en.Title, wt.Title) {
		en.AlternativeTitles = append(en.AlternativeTitles, en.Title)
		en.Title = wt.Title
	}
	en.AlternativeTitles = append(en.AlternativeTitles, wt.AlternativeTitles...)
	en.Specialisations = append(en.Specialisations, wt.Specialisations...)
	return o
}

// clone deep-copies an occupation so that the base corpus is never changed.
func clone(b *corpus.Occupation) *corpus.Occupation {
	o := *b
	o.Hierarchy = append([]corpus.Group(nil), b.Hierarchy...)
	o.ISCO08 = append([]corpus.Correspondence(nil), b.ISCO08...)
	o.OSCA = append([]corpus.Correspondence(nil), b.OSCA...)
	o.Text = make(map[string]*corpus.Text, len(b.Text))
	for lang, t := range b.Text {
		if t == nil {
			continue
		}
		c := *t
		c.AlternativeTitles = append([]string(nil), t.AlternativeTitles...)
		c.Specialisations = append([]string(nil), t.Specialisations...)
		c.EverydayTitles = append([]string(nil), t.EverydayTitles...)
		c.Tasks = append([]string(nil), t.Tasks...)
		c.Patterns = nil
		for _, p := range t.Patterns {
			c.Patterns = append(c.Patterns, corpus.Pattern{Roles: append([]string(nil), p.Roles...), Contexts: append([]string(nil), p.Contexts...)})
		}
		if t.Qualifications != nil {
			q := *t.Qualifications
			c.Qualifications = &q
		}
		o.Text[lang] = &c
	}
	return &o
}

// tidy removes empty and repeated titles: a title listed as an alternative
// or a specialisation once already, or equal to the title, in any case.
func tidy(t *corpus.Text) {
	seen := map[string]bool{strings.ToLower(t.Title): true}
	keep := func(list []string) []string {
		var out []string
		for _, s := range list {
			k := strings.ToLower(strings.TrimSpace(s))
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, strings.TrimSpace(s))
		}
		return out
	}
	t.AlternativeTitles = keep(t.AlternativeTitles)
	t.Specialisations = keep(t.Specialisations)
	t.EverydayTitles = keep(t.EverydayTitles)
}

var countryRE = regexp.MustCompile(`\s*\((?:Aus|NZ)\)\s*$`)

// dropCountry removes a trailing "(Aus)" or "(NZ)".
func dropCountry(s string) string {
	if out := countryRE.ReplaceAllString(s, ""); out != "" {
		return out
	}
	return s
}

// splitCountryTitles splits a principal title that joins titles with " / "
// ("Vegetable Grower (Aus) / Market Gardener (NZ)") into its parts, each
// without its country marker.
func splitCountryTitles(s string) []string {
	parts := strings.Split(s, " / ")
	if len(parts) < 2 {
		return nil
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(dropCountry(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func version(t Targets, base *corpus.Corpus) string {
	v := "anzsco2022-" + strings.ReplaceAll(t.String(), ",", "+")
	if base != nil && base.Version != "" {
		v += "+" + base.Version
	}
	return v
}

func name(t Targets, n int, base *corpus.Corpus) string {
	var sel string
	switch {
	case t.all:
		sel = "every occupation a target"
	case len(t.groups) == 1:
		sel = "targets: group " + t.groups[0]
	default:
		sel = "targets: groups " + strings.Join(t.groups, ", ")
	}
	s := fmt.Sprintf("ANZSCO 2022, %d occupations from the ABS index of titles, %s", n, sel)
	if base != nil {
		s += "; merged with " + base.Version
	}
	return s
}
