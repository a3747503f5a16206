package index

import (
	"maps"
	"slices"

	"github.com/anzsco/anzsco/corpus"
)

// The corpus in a snapshot: every field of corpus.Corpus, maps in sorted
// order. TestSnapshotCorpus checks that a built-in corpus comes back equal
// to the one its JSON gives, so a field added to the corpus and not here
// fails it.

func (w *snapWriter) corpus(c *corpus.Corpus) {
	w.str(c.Version)
	w.str(c.Name)
	w.str(c.Source)
	w.strList(c.Lexicons)
	w.int(len(c.Occupations))
	for i := range c.Occupations {
		w.occupation(&c.Occupations[i])
	}
	w.int(len(c.Groups))
	for _, g := range c.Groups {
		w.str(g.Level)
		w.str(g.Code)
		w.int(len(g.Titles))
		for _, lang := range slices.Sorted(maps.Keys(g.Titles)) {
			w.str(lang)
			w.sourced(g.Titles[lang])
		}
	}
}

func (w *snapWriter) occupation(o *corpus.Occupation) {
	w.str(o.Code)
	w.str(string(o.Scope))
	w.int(o.SkillLevel)
	w.int(len(o.Hierarchy))
	for _, g := range o.Hierarchy {
		w.str(g.Level)
		w.str(g.Code)
		w.str(g.Title)
	}
	w.int(len(o.Text))
	for _, lang := range slices.Sorted(maps.Keys(o.Text)) {
		w.str(lang)
		w.text(o.Text[lang])
	}
	w.correspondences(o.ISCO08)
	w.correspondences(o.OSCA)
}

func (w *snapWriter) text(t *corpus.Text) {
	w.str(t.Title)
	w.strList(t.AlternativeTitles)
	w.strList(t.Specialisations)
	w.strList(t.EverydayTitles)
	w.sourced(t.SourcedTitles)
	w.int(len(t.Patterns))
	for _, p := range t.Patterns {
		w.strList(p.Roles)
		w.strList(p.Contexts)
	}
	w.str(t.Description)
	w.strList(t.Tasks)
	w.bool(t.Qualifications != nil)
	if q := t.Qualifications; q != nil {
		w.str(q.AU)
		w.str(q.NZ)
		w.float(q.ExperienceYears)
	}
}

func (w *snapWriter) sourced(ts []corpus.SourcedTitle) {
	w.int(len(ts))
	for _, t := range ts {
		w.str(t.Title)
		w.str(t.Source)
	}
}

func (w *snapWriter) correspondences(cs []corpus.Correspondence) {
	w.int(len(cs))
	for _, c := range cs {
		w.str(c.Code)
		w.str(c.Title)
		w.bool(c.Partial)
	}
}

func (r *snapReader) corpus() *corpus.Corpus {
	c := &corpus.Corpus{Version: r.str(), Name: r.str(), Source: r.str(), Lexicons: r.strList()}
	c.Occupations = make([]corpus.Occupation, r.count())
	for i := range c.Occupations {
		r.occupation(&c.Occupations[i])
	}
	if n := r.count(); n > 0 {
		c.Groups = make([]corpus.GroupTitles, n)
		for i := range c.Groups {
			g := &c.Groups[i]
			g.Level, g.Code = r.str(), r.str()
			g.Titles = map[string][]corpus.SourcedTitle{}
			for j, m := 0, r.count(); j < m; j++ {
				lang := r.str()
				g.Titles[lang] = r.sourced()
			}
		}
	}
	return c
}

func (r *snapReader) occupation(o *corpus.Occupation) {
	o.Code, o.Scope, o.SkillLevel = r.str(), corpus.Scope(r.str()), r.int()
	if n := r.count(); n > 0 {
		o.Hierarchy = make([]corpus.Group, n)
		for i := range o.Hierarchy {
			o.Hierarchy[i] = corpus.Group{Level: r.str(), Code: r.str(), Title: r.str()}
		}
	}
	n := r.count()
	o.Text = make(map[string]*corpus.Text, n)
	for i := 0; i < n; i++ {
		lang := r.str()
		o.Text[lang] = r.text()
	}
	o.ISCO08, o.OSCA = r.correspondences(), r.correspondences()
}

func (r *snapReader) text() *corpus.Text {
	t := &corpus.Text{Title: r.str(), AlternativeTitles: r.strList(), Specialisations: r.strList(),
		EverydayTitles: r.strList(), SourcedTitles: r.sourced()}
	if n := r.count(); n > 0 {
		t.Patterns = make([]corpus.Pattern, n)
		for i := range t.Patterns {
			t.Patterns[i] = corpus.Pattern{Roles: r.strList(), Contexts: r.strList()}
		}
	}
	t.Description, t.Tasks = r.str(), r.strList()
	if r.bool() {
		t.Qualifications = &corpus.Qualifications{AU: r.str(), NZ: r.str(), ExperienceYears: r.float()}
	}
	return t
}

func (r *snapReader) sourced() []corpus.SourcedTitle {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]corpus.SourcedTitle, n)
	for i := range out {
		out[i] = corpus.SourcedTitle{Title: r.str(), Source: r.str()}
	}
	return out
}

func (r *snapReader) correspondences() []corpus.Correspondence {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]corpus.Correspondence, n)
	for i := range out {
		out[i] = corpus.Correspondence{Code: r.str(), Title: r.str(), Partial: r.bool()}
	}
	return out
}
