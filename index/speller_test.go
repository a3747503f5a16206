package index

import "testing"

// testLangSpeller is a speller of English and Portuguese words, each with
// its languages, as finish makes it for an index.
func testLangSpeller(loan bool) *speller {
	en, pt := langMask("en"), langMask("pt")
	words := map[string]struct {
		freq  int
		langs uint8
	}{
		"controle": {137, pt}, "controller": {46, en | pt}, "controles": {2, pt},
		"receptionist": {7, en}, "recepcionista": {20, pt},
		"electrical": {53, en}, "electrician": {19, en}, "electricas": {2, pt},
		"generalista": {5, pt}, "centre": {9, en}, "center": {3, en | pt},
		"ornamental": {2, en}, "ornamentais": {4, pt},
		"vehicle": {12, en}, "padeiro": {6, pt}, "lateral": {3, en}, "literal": {2, en},
		"operator": {7, en}, "operador": {30, pt},
	}
	freq, langs := map[string]int{}, map[string]uint8{}
	for w, v := range words {
		freq[w], langs[w] = v.freq, v.langs
	}
	s := newSpeller(freq)
	s.langs = func(w string) uint8 { return langs[w] }
	s.soundLangs = en
	if loan {
		s.loanLangs = en
	}
	return s
}

func TestSpellerChoice(t *testing.T) {
	en, pt := langMask("en"), langMask("pt")
	tests := []struct {
		in   string
		lang uint8
		want string
	}{
		// The ending: "controle" is more frequent but drops the "-er".
		{"controler", 0, "controller"},
		{"controler", en, "controller"},
		{"electrican", 0, "electrician"},    // not the more frequent "electrical"
		{"electricak", 0, "electrical"},     // a slip in the ending: the one word one slip away
		{"recepcionist", 0, "receptionist"}, // keeps "-st"; "recepcionista" adds a letter at the end
		// The title's language.
		{"recepcionist", en, "receptionist"},
		{"recepcionsta", pt, "recepcionista"},
		{"ornamentals", en, "ornamental"}, // "ornamentais" is more frequent but Portuguese alone
		{"ornamentals", 0, "ornamentais"}, // no language, no ending kept: the more frequent
		{"generalist", en, ""},            // only a Portuguese word is one slip away
		{"generalist", 0, "generalista"},  // the language unknown
		{"generalist", pt, "generalista"},
		{"operadro", pt, "operador"},
		{"operatr", pt, "operator"},       // titles of Portuguese borrow English words
		{"centr", pt, "center"},           // a word of the title's language before a more frequent one
		{"centr", en, "centre"},           // both English: the more frequent
		{"electrican", pt, "electrician"}, // keeps the ending before the language: not "electricas"
		// Two slips in vowels, in an English word as long as the word.
		{"vehical", 0, "vehicle"},
		{"vehical", en, "vehicle"},
		{"vehical", pt, "vehicle"}, // a word borrowed from English
		{"vahical", 0, ""},         // three slips
		{"vehikal", 0, ""},         // a consonant differs
		{"vehicles", 0, "vehicle"}, // one slip: an extra letter
		{"lotaral", 0, ""},         // two slips from "lateral" and from "literal"
		{"padario", 0, ""},         // Portuguese is spelt as it sounds: its vowels are the word's form
		{"vehicl", 0, "vehicle"},   // one slip
		{"vhicel", 0, ""},          // too short for two slips
	}
	s := testLangSpeller(true)
	for _, tt := range tests {
		if got := s.correct(tt.in, tt.lang); got != tt.want {
			t.Errorf("correct(%q, %d) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

// TestSpellerNoLoans checks that without borrowed words a title whose
// language is known is corrected only to words of that language.
func TestSpellerNoLoans(t *testing.T) {
	en, pt := langMask("en"), langMask("pt")
	s := testLangSpeller(false)
	tests := []struct {
		in   string
		lang uint8
		want string
	}{
		{"operatr", pt, ""},
		{"operatr", en, "operator"},
		{"operatr", 0, "operator"},
		{"vehical", pt, ""},
		{"centr", pt, "center"}, // a word of both languages
	}
	for _, tt := range tests {
		if got := s.correct(tt.in, tt.lang); got != tt.want {
			t.Errorf("correct(%q, %d) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

// TestSpellerTitleLanguage checks that the whole-ANZSCO index corrects a
// word by the language of the title's other words.
func TestSpellerTitleLanguage(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	tests := []struct{ in, from, to string }{
		{"Night shift recepcionist", "recepcionist", "receptionist"},
		{"Recepcionsta de hotel", "recepcionsta", "recepcionista"},
		{"Air traffic controler", "controler", "controller"},
		{"Auto electrican", "electrican", "electrician"},
		{"Vehical detailer", "vehical", "vehicle"},
	}
	for _, tt := range tests {
		p, err := ix.prepare(Query{Text: tt.in})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, c := range p.corrections {
			if c.From == tt.from {
				got = c.To
			}
		}
		if got != tt.to {
			t.Errorf("%q: %q corrected to %q, want %q (corrections %v)", tt.in, tt.from, got, tt.to, p.corrections)
		}
	}
}
