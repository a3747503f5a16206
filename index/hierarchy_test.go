package index

import (
	"math"
	"testing"
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
		for _, e := range byLang["en"] {
			if e.text == ix.groups[code] {
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
