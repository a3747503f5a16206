package abs

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/anzsco/anzsco/corpus"
)

// ExtraTitle is a title from another classification for an occupation
// (six digits) or a unit (four) or minor group (three).
type ExtraTitle struct {
	Target, Lang, Text, Source string
}

// WholeVersion names the release of the built-in whole-ANZSCO corpus.
const WholeVersion = "anzsco2022-1"

// WholeLexicons are the lexicons of the whole-ANZSCO corpus: the general
// English and Portuguese ones, job-ad noise and the ABS title conventions,
// and none of any one occupation's domain.
var WholeLexicons = []string{"en", "pt", "jobads", "jobads-pt", "ads-en", "abs", "pt-en", "fields"}

// Whole builds the whole-ANZSCO corpus from the workbooks' titles and
// structure: every occupation a target, no contrasts, the general
// lexicons. It is how the built-in corpus "anzsco" is generated, and how
// tests build it from a part of the titles.
//
// extra are titles from other classifications (the Portuguese titles and
// ESCO's English ones of package crosswalk) of occupations and groups, each with its source: an
// occupation's become its text in their language (the first its title,
// all of them its sourced titles), a unit or minor group's the group's
// titles. credit is added to the corpus's source when there are any.
func Whole(titles []Title, structure []Occupation, extra []ExtraTitle, credit string) (*corpus.Corpus, error) {
	c, _, err := Build(titles, structure, Options{Targets: AllTargets(), Version: WholeVersion})
	if err != nil {
		return nil, err
	}
	c.Name = fmt.Sprintf("ANZSCO 2022: all %d occupations, every one a target", len(c.Occupations))
	if len(extra) > 0 {
		if err := addExtra(c, extra); err != nil {
			return nil, err
		}
		c.Source += " " + credit
	}
	c.Lexicons = append([]string(nil), WholeLexicons...)
	data, err := c.Marshal()
	if err != nil {
		return nil, err
	}
	return corpus.Load(bytes.NewReader(data), "the whole-ANZSCO corpus")
}

// addExtra adds titles from other classifications to c's occupations and
// groups.
func addExtra(c *corpus.Corpus, extra []ExtraTitle) error {
	groups := map[string]*corpus.GroupTitles{}
	var order []string
	for _, t := range extra {
		st := corpus.SourcedTitle{Title: t.Text, Source: t.Source}
		switch len(t.Target) {
		case 6:
			o, ok := c.Lookup(t.Target)
			if !ok {
				return fmt.Errorf("title %q: no occupation %s", t.Text, t.Target)
			}
			if o.Text[t.Lang] == nil {
				o.Text[t.Lang] = &corpus.Text{Title: t.Text}
			}
			o.Text[t.Lang].SourcedTitles = append(o.Text[t.Lang].SourcedTitles, st)
		case 3, 4:
			g := groups[t.Target]
			if g == nil {
				level := "unit"
				if len(t.Target) == 3 {
					level = "minor"
				}
				g = &corpus.GroupTitles{Level: level, Code: t.Target, Titles: map[string][]corpus.SourcedTitle{}}
				groups[t.Target] = g
				order = append(order, t.Target)
			}
			g.Titles[t.Lang] = append(g.Titles[t.Lang], st)
		default:
			return fmt.Errorf("title %q: target %q is not an occupation, unit or minor group", t.Text, t.Target)
		}
	}
	sort.Strings(order)
	for _, code := range order {
		c.Groups = append(c.Groups, *groups[code])
	}
	return nil
}
