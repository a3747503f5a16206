package server

import (
	"github.com/anzsco/anzsco/corpus"
)

// occupationView is the JSON form of one occupation record in the API:
// the corpus record with its English (or first) title lifted to the top
// and the wording in each language listed in a fixed order.
type occupationView struct {
	Code       string           `json:"code"`
	Title      string           `json:"title"`
	Scope      corpus.Scope     `json:"scope"`
	SkillLevel int              `json:"skill_level,omitempty"`
	Hierarchy  []corpus.Group   `json:"hierarchy"`
	Text       []textView       `json:"text"`
	ISCO08     []correspondence `json:"isco08"`
	OSCA       []correspondence `json:"osca"`
}

// textView is an occupation's wording in one language.
type textView struct {
	Lang              string              `json:"lang"`
	Title             string              `json:"title"`
	AlternativeTitles []string            `json:"alternative_titles"`
	Specialisations   []string            `json:"specialisations"`
	EverydayTitles    []string            `json:"everyday_titles"`
	Description       string              `json:"description,omitempty"`
	Tasks             []string            `json:"tasks"`
	Qualifications    *qualificationsView `json:"qualifications,omitempty"`
}

type qualificationsView struct {
	AU              string  `json:"au,omitempty"`
	NZ              string  `json:"nz,omitempty"`
	ExperienceYears float64 `json:"experience_years,omitempty"`
}

type correspondence struct {
	Code    string `json:"code"`
	Title   string `json:"title"`
	Partial bool   `json:"partial"`
}

// newOccupationView builds the view of o. Lists are never null in JSON, so
// a client can iterate without checking.
func newOccupationView(o *corpus.Occupation) occupationView {
	v := occupationView{
		Code:       o.Code,
		Title:      o.Title(),
		Scope:      o.Scope,
		SkillLevel: o.SkillLevel,
		Hierarchy:  nonNil(o.Hierarchy),
		Text:       []textView{},
		ISCO08:     correspondences(o.ISCO08),
		OSCA:       correspondences(o.OSCA),
	}
	for _, lang := range o.Langs() {
		t := o.Text[lang]
		tv := textView{
			Lang:              lang,
			Title:             t.Title,
			AlternativeTitles: nonNil(t.AlternativeTitles),
			Specialisations:   nonNil(t.Specialisations),
			EverydayTitles:    nonNil(t.EverydayTitles),
			Description:       t.Description,
			Tasks:             nonNil(t.Tasks),
		}
		if q := t.Qualifications; q != nil {
			tv.Qualifications = &qualificationsView{AU: q.AU, NZ: q.NZ, ExperienceYears: q.ExperienceYears}
		}
		v.Text = append(v.Text, tv)
	}
	return v
}

func correspondences(in []corpus.Correspondence) []correspondence {
	out := make([]correspondence, 0, len(in))
	for _, c := range in {
		out = append(out, correspondence{Code: c.Code, Title: c.Title, Partial: c.Partial})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// occupationList is the body of GET /v1/occupations.
type occupationList struct {
	Corpus      corpusView       `json:"corpus"`
	Occupations []occupationView `json:"occupations"`
}

// corpusView names the corpus the server classifies with.
type corpusView struct {
	Version string   `json:"version"`
	Name    string   `json:"name"`
	Source  string   `json:"source,omitempty"`
	SHA256  string   `json:"sha256"`
	Targets []string `json:"targets"`
}

func newCorpusView(c *corpus.Corpus) corpusView {
	return corpusView{Version: c.Version, Name: c.Name, Source: c.Source, SHA256: c.SHA256(), Targets: nonNil(c.Targets())}
}

// groupView is the JSON form of a group of the classification (major,
// sub-major, minor or unit group) in the API: its parents, the corpus's
// occupations in it and the titles the corpus gives the group itself.
type groupView struct {
	Level       string           `json:"level"`
	Code        string           `json:"code"`
	Title       string           `json:"title"`
	Parents     []corpus.Group   `json:"parents"`
	Occupations []groupMember    `json:"occupations"`
	Titles      []groupTitleView `json:"titles"`
}

// groupMember is one occupation of a group.
type groupMember struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// groupTitleView is a title the corpus gives a whole group, with its
// language and source.
type groupTitleView struct {
	Lang   string `json:"lang"`
	Title  string `json:"title"`
	Source string `json:"source"`
}

// newGroupView builds the view of g, whose occupations are looked up in c.
func newGroupView(c *corpus.Corpus, g *corpus.GroupInfo) groupView {
	v := groupView{Level: g.Level, Code: g.Code, Title: g.Title, Parents: nonNil(g.Parents), Occupations: []groupMember{}, Titles: []groupTitleView{}}
	for _, code := range g.Occupations {
		if o, ok := c.Lookup(code); ok {
			v.Occupations = append(v.Occupations, groupMember{Code: o.Code, Title: o.Title()})
		}
	}
	for _, t := range g.Titles {
		for _, lang := range corpus.Languages {
			for _, st := range t.Titles[lang] {
				v.Titles = append(v.Titles, groupTitleView{Lang: lang, Title: st.Title, Source: st.Source})
			}
		}
	}
	return v
}
