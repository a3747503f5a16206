package crosswalk

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/anzsco/anzsco/corpus/abs"
)

// EnglishAttribution is the credit that must accompany the English titles
// from ESCO wherever they are shipped or shown.
const EnglishAttribution = `English titles from other classifications: ESCO v1.1.1 preferred labels ("This service uses the ESCO classification of the European Commission."), reached through the ABS ANZSCO 2022 to ISCO-08 correspondence (© Commonwealth of Australia, CC BY 4.0); each such title names its source.`

// EnglishTitles derives English titles for ANZSCO occupations and groups
// from the preferred labels of ESCO's English occupations, through each
// one's ISCO-08 unit group and the ABS table read backwards, to the
// targets Targets gives: the occupation when the group corresponds to
// one, else the unit or minor group the occupations share ("demographer",
// ESCO's name of an occupation of ISCO-08 2120, supports 2241 Actuaries,
// Mathematicians and Statisticians). They are a second source beside the ABS titles, which
// the index weighs less. ESCO's alternative labels are left out: there are
// ten times as many (about 45,000 titles), which would add some 6 MB to
// the built-in corpus, and on the job-ad titles they did not rank better.
// Unlike the Portuguese titles, no label is pinned to the occupations
// whose ABS title it repeats, so the titles do not depend on the ABS
// index of titles and a corpus built from part of it (the held-out
// evaluation of package index) gets the same ones. Titles are
// deduplicated per target on their folded form and sorted by target, then
// folded text; Variant is empty.
func EnglishTitles(src Sources) ([]PTTitle, error) {
	if len(src.Correspondence) == 0 {
		return nil, fmt.Errorf("crosswalk: no ANZSCO to ISCO-08 correspondence")
	}
	if err := src.Corrections.checkMain(src.Correspondence); err != nil {
		return nil, err
	}
	anzsco := anzscoByISCO(src.Correspondence, src.Corrections)
	var out []PTTitle
	seen := map[[2]string]bool{}
	for _, o := range src.ESCOEnglish {
		text, occs := clean(o.Preferred), anzsco[o.ISCO08]
		if text == "" || len(occs) == 0 {
			continue
		}
		targets := Targets(occs)
		f := Fold(text)
		for _, t := range targets {
			if seen[[2]string{t, f}] {
				continue
			}
			seen[[2]string{t, f}] = true
			s := fmt.Sprintf("ESCO 1.1.1 preferred label, ISCO-08 %s%s", o.ISCO08, mainNote(src.Corrections, o.ISCO08))
			if len(targets) > 1 {
				s += "; shared with ANZSCO " + strings.Join(others(targets, t), ", ")
			}
			out = append(out, PTTitle{Text: text, Target: t, Source: s})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Target != out[j].Target {
			return out[i].Target < out[j].Target
		}
		if fi, fj := Fold(out[i].Text), Fold(out[j].Text); fi != fj {
			return fi < fj
		}
		return out[i].Text < out[j].Text
	})
	return out, nil
}

//go:embed data/en-titles.tsv.gz
var englishGz []byte

// English returns the English titles from ESCO, as generated into
// data/en-titles.tsv.gz (the layout of the Portuguese titles' file),
// sorted by target. The slice is shared: callers must not change it.
// English is safe for concurrent use.
func English() ([]PTTitle, error) { return english() }

var english = embeddedTitles(englishGz, "data/en-titles.tsv.gz")

// ExtraEnglish returns English titles in the form the whole-ANZSCO corpus
// takes them (abs.Whole).
func ExtraEnglish(titles []PTTitle) []abs.ExtraTitle {
	out := make([]abs.ExtraTitle, len(titles))
	for i, t := range titles {
		out[i] = abs.ExtraTitle{Target: t.Target, Lang: "en", Text: t.Text, Source: t.Source}
	}
	return out
}
