package index

import (
	"math"
	"reflect"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

// TestUnitEvidence checks what ranking knows of each unit group of the
// whole ANZSCO as a whole: its vocabulary holds the words of every
// occupation's own title, no title from another classification adds to
// it, and the head-word shares of a term sum to one over the unit groups
// and are largest where its titles are.
func TestUnitEvidence(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	for _, code := range []string{"254411", "254499", "733111", "341111"} {
		oi := ix.occs[code]
		for _, term := range ix.terms("en", ix.an.titleText(oi.title)) {
			if !ix.unitVocab[oi.unit.Code]["en"][term] {
				t.Errorf("unitVocab[%s][en] lacks %q of %s %q", oi.unit.Code, term, code, oi.title)
			}
		}
	}
	for code, oi := range ix.occs {
		for _, e := range ownTitles(oi) {
			if e.lang != "en" {
				t.Fatalf("ownTitles(%s) holds %s title %q, from another classification", code, e.lang, e.text)
			}
		}
	}
	head := headOf(ix.terms("en", "Nurse"), "en")
	sum, bestUnit, best := 0.0, "", 0.0
	for u := range ix.unitVocab {
		p := ix.headPriorOf("en", head, u)
		sum += p
		if p > best {
			bestUnit, best = u, p
		}
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("headPriorOf(en, %q, ·) sums to %.4f over the unit groups, want 1", head, sum)
	}
	if bestUnit != "2544" {
		t.Errorf("headPriorOf(en, %q, ·) is largest for %s (%.2f), want 2544 Registered Nurses", head, bestUnit, best)
	}
	if p := ix.headPriorOf("en", "", "2544"); p != 0 {
		t.Errorf("headPriorOf(en, \"\", 2544) = %v, want 0", p)
	}
}

// TestCuratedTitleKinds checks that a curated title counts as its
// occupation's own in the language the classification has titles of its
// own in, and as another classification's in any other: a Portuguese
// curated title of an occupation is held as the crosswalks' Portuguese
// titles are.
func TestCuratedTitleKinds(t *testing.T) {
	c := &corpus.Corpus{Occupations: []corpus.Occupation{{Code: "342313", Text: map[string]*corpus.Text{
		"en": {Title: "Electronic Equipment Trades Worker", SourcedTitles: []corpus.SourcedTitle{{Title: "Phone Repairer", Source: corpus.CuratedSource}}},
		"pt": {Title: "Técnico de Celular", SourcedTitles: []corpus.SourcedTitle{{Title: "Técnico de Celular", Source: corpus.CuratedSource}}},
	}}}}
	got := extraTitles(c)["342313"]
	if want := []extraTitle{{kindCurated, "Phone Repairer"}}; !reflect.DeepEqual(got["en"], want) {
		t.Errorf("English curated title held as %v, want %v", got["en"], want)
	}
	if want := []extraTitle{{kindSourced, "Técnico de Celular"}}; !reflect.DeepEqual(got["pt"], want) {
		t.Errorf("Portuguese curated title held as %v, want %v", got["pt"], want)
	}
}

// TestForeignTitles checks how the whole ANZSCO holds the English titles
// another classification (ESCO) gives its occupations and groups: as
// entries, which a query's containment reads, but not as vocabulary, so
// that their words cover no query for the occupation and weigh in no idf.
func TestForeignTitles(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	if own := ownLanguages(ix.corpus); !own["en"] || own["pt"] {
		t.Fatalf("ownLanguages(anzsco) = %v, want English only", own)
	}
	occEntries, groupEntries := 0, 0
	for code, oi := range ix.occs {
		own := map[string]bool{}
		for _, e := range oi.entries {
			if e.lang == "en" && e.kind != kindSourced {
				for _, term := range e.terms {
					own[term] = true
				}
			}
		}
		for _, e := range oi.entries {
			if e.lang != "en" || e.kind != kindSourced {
				continue
			}
			occEntries++
			for _, term := range e.terms {
				if !own[term] && oi.vocab["en"][term] {
					t.Errorf("%s: term %q of the ESCO title %q is in its vocabulary", code, term, e.text)
				}
			}
		}
	}
	for code, byLang := range ix.groupEntries {
		own := map[string]bool{}
		for _, term := range ix.terms("en", ix.an.titleText(ix.groups[code])) {
			own[term] = true
		}
		// A curated title of the group ("Doctor" of 253) is the group's
		// own, as its title is.
		curated := curatedGroupTitles(ix.corpus)
		for _, e := range byLang["en"] {
			if curated[code+"\x00en\x00"+e.text] {
				for _, term := range e.terms {
					own[term] = true
				}
			}
		}
		for _, e := range byLang["en"] {
			if e.text == ix.groups[code] || curated[code+"\x00en\x00"+e.text] {
				continue
			}
			groupEntries++
			for _, term := range e.terms {
				if !own[term] && ix.groupVocab[code]["en"][term] {
					t.Errorf("group %s: term %q of the ESCO title %q is in its vocabulary", code, term, e.text)
				}
			}
		}
	}
	if occEntries < 1000 || groupEntries < 1000 {
		t.Errorf("%d English titles from ESCO on occupations and %d on groups, want over 1,000 each", occEntries, groupEntries)
	}
}

func TestBackOff(t *testing.T) {
	for _, c := range []struct {
		level               string
		minConf, groupMin   float64
		pOcc, pUnit, pMinor float64
		want                string
	}{
		{LevelOccupation, 0.8, 0.3, 0.9, 0.95, 0.97, LevelOccupation},
		{LevelOccupation, 0.8, 0.3, 0.6, 0.85, 0.9, LevelUnitGroup},
		{LevelOccupation, 0.8, 0.3, 0.6, 0.7, 0.9, LevelMinorGroup},
		{LevelUnitGroup, 0.8, 0.3, 0.9, 0.7, 0.9, LevelMinorGroup},    // never narrower than the rule's level
		{LevelOccupation, 0.4, 0.3, 0.2, 0.3, 0.45, LevelOccupation},  // a minor group only from minorGroupFloor
		{LevelOccupation, 0.95, 0.3, 0.6, 0.7, 0.9, LevelOccupation},  // none reaches it: left to the caller
		{LevelOccupation, 0.2, 0.3, 0.1, 0.25, 0.35, LevelOccupation}, // a group only from groupMin
		{"", 0.5, 0.3, 0.1, 0.2, 0.3, ""},
	} {
		if got := backOff(c.level, c.minConf, c.groupMin, c.pOcc, c.pUnit, c.pMinor); got != c.want {
			t.Errorf("backOff(%q, %v, %v, %v, %v, %v) = %q, want %q", c.level, c.minConf, c.groupMin, c.pOcc, c.pUnit, c.pMinor, got, c.want)
		}
	}
}

// TestMinConfidenceBacksOff checks that a minimum confidence in the whole
// ANZSCO backs a result off to the first broader level that reaches it,
// says so in a warning, and leaves the title uncoded when no level does.
// "Aged Care Nurse" is one registered nurse of 2544 among several.
func TestMinConfidenceBacksOff(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	const title = "Aged Care Nurse"
	res, err := ix.Classify(Query{Text: title})
	if err != nil {
		t.Fatal(err)
	}
	pOcc, pUnit, pMinor := res.probs[LevelOccupation], res.probs[LevelUnitGroup], res.probs[LevelMinorGroup]
	if res.Level != LevelOccupation || pUnit-pOcc < 0.05 {
		t.Fatalf("Classify(%q) = %s (%s), levels %v; want an occupation surer of its unit group", title, res.Code, res.Level, res.probs)
	}
	minConf := (pOcc + pUnit) / 2
	got, err := ix.Classify(Query{Text: title, MinConfidence: minConf})
	if err != nil {
		t.Fatal(err)
	}
	if got.Level != LevelUnitGroup || got.Code != res.Code[:4] || got.Confidence < minConf || len(got.Warnings) == 0 || got.Demoted != nil {
		t.Errorf("Classify(%q, min %.2f) = %s (%s, %.2f, warnings %q, demoted %v), want %s at the unit group with a warning",
			title, minConf, got.Code, got.Level, got.Confidence, got.Warnings, got.Demoted, res.Code[:4])
	}
	if pMinor < 0.99 {
		got, err = ix.Classify(Query{Text: title, MinConfidence: min(1, pMinor+0.005)})
		if err != nil {
			t.Fatal(err)
		}
		if got.Code != "" || got.Demoted == nil {
			t.Errorf("Classify(%q, min above every level) = %s (%s), want uncoded and demoted", title, got.Code, got.Level)
		}
	}
}

// TestLostStopWords checks that a title of another classification that the
// stop words shorten still counts the words it lost: "Rececionista
// noturno" (a hotel's night receptionist) is analysed as "rececionista"
// alone, and must be neither exactly the bare query "Rececionista" nor
// contained in it whole, so that the query's best candidate is the general
// receptionist, not the hotel's.
func TestLostStopWords(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	var night *entry
	for _, e := range ix.occs["542113"].entries {
		if e.text == "Rececionista noturno" {
			night = e
		}
	}
	if night == nil {
		t.Fatal("542113 Hotel or Motel Receptionist has no title \"Rececionista noturno\"")
	}
	if len(night.terms) != 1 || night.lost <= 0 {
		t.Fatalf("%q: terms %v, lost %v; want one term and a lost weight", night.text, night.terms, night.lost)
	}
	if lw := ix.lostWeight(&entry{lang: "pt", text: "Chefe de cozinha"}); lw != 0 {
		t.Errorf("lostWeight(Chefe de cozinha) = %v, want 0: a function word is no loss", lw)
	}
	p, err := ix.prepare(Query{Text: "Rececionista"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range p.cands {
		if f.code == "542113" && (f.exact || f.cont >= 1) {
			t.Errorf("Rececionista: 542113 exact %v, containment %.2f through a title that lost a word", f.exact, f.cont)
		}
	}
	if got := p.cands[0].code; got != "542111" {
		t.Errorf("Rececionista: best candidate %s, want 542111 Receptionist (General)", got)
	}
}

// TestCountryTitleHeads checks that a title the ABS writes for two
// countries ("Credit or Loans Officer (Aus) / Finance Clerk (NZ)") gives
// its occupation each country's title as a title of its own, headed by
// its role word, not by a country marker: a query names one of them.
func TestCountryTitleHeads(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	for code, want := range map[string]map[string]string{
		"552211": {"Credit or Loans Officer": "Officer", "Finance Clerk": "Clerk"},
		"842218": {"Vegetable Farm Worker": "Worker", "Market Garden Worker": "Worker"},
		"599213": {"Court Orderly": "Orderly", "Court Registry Officer": "Officer"},
	} {
		for _, e := range ownTitles(ix.occs[code]) {
			w, ok := want[e.text]
			if !ok {
				continue
			}
			delete(want, e.text)
			if got, head := headOf(e.terms, e.lang), headOf(ix.terms("en", w), "en"); got != head {
				t.Errorf("%s %q is headed by %q, want %q", code, e.text, got, head)
			}
		}
		for text := range want {
			t.Errorf("%s has no own title %q", code, text)
		}
	}
}
