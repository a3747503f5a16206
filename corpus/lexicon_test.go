package corpus

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestLexiconsParse(t *testing.T) {
	for _, name := range LexiconNames() {
		lx, err := LoadLexicon(name)
		if err != nil {
			t.Errorf("LoadLexicon(%s): %v", name, err)
			continue
		}
		if len(lx.Names) != 1 || lx.Names[0] != name {
			t.Errorf("LoadLexicon(%s).Names = %v", name, lx.Names)
		}
	}
	if _, err := LoadLexicon("nosuch"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "nosuch") {
		t.Errorf("LoadLexicon(nosuch) = %v, want an invalid-corpus error naming it", err)
	}
}

func TestLexiconErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[stop en]\nsenior\nsenior\n", "t.lex:3: \"senior\" is listed twice"},
		{"[variant *]\ncenter = centre\ncenter = middle\n", "t.lex:3: \"center = middle\" is listed twice"},
		{"senior\n", "t.lex:1: entry \"senior\" before any [section]"},
		{"[stop xx]\n", "t.lex:1: [stop xx]: want a language"},
		{"[colour]\n", "t.lex:1: unknown section [colour]"},
		{"[stop en]\ntwo words\n", "t.lex:2: \"two words\": one word per line"},
		{"[canon en]\nagent = operator clerk\n", "t.lex:2: \"agent = operator clerk\": a canon entry maps one word to one word"},
		{"[noise pay]\n(unclosed\n", "t.lex:2: [noise pay]: error parsing regexp"},
		{"[noise cv]\npacu = recovery\n", "t.lex:2: [noise cv]: \"pacu = recovery\" reads as \"word = replacement\""},
		{"[variant en]\ncenter centre\n", "t.lex:2: \"center centre\": want \"word = replacement\""},
		{"[translate pt]\n", "t.lex:1: [translate pt]: want two languages"},
		{"[translate pt-pt]\n", "t.lex:1: [translate pt-pt]: want two languages"},
		{"[translate pt-en]\nmotorista\n", "t.lex:2: \"motorista\": want \"word = replacement\""},
		{"[translate pt-en]\nmotorista = \n", "t.lex:2: \"motorista =\": want \"phrase = translation\""},
		{"[translate pt-en]\nmotorista = driver\nmotorista = chauffeur\n", "t.lex:3: \"motorista = chauffeur\" is listed twice"},
		{"[agentive pt]\neira = eir ir\n", "t.lex:2: \"eira = eir ir\": one suffix per line"},
		{"[canon en]\ncall centre = contact centre\n", "t.lex:2: \"call centre = contact centre\": the word to replace is one word"},
		{"[variant en]\none two three four = five\n", "t.lex:2: \"one two three four = five\": the word to replace is one word (a variant may be a phrase of up to 3)"},
		{"[variant en]\npersonal  trainer = fitness instructor\npersonal trainer = coach\n", "t.lex:3: \"personal trainer = coach\" is listed twice"},
		{"[entry en]\ntrainee = operator clerk\n", "t.lex:2: \"trainee = operator clerk\": want \"entry word = role\""},
		{"[entry en]\ntrainee\n", "t.lex:2: \"trainee\": want \"word = replacement\""},
		{"[entry en]\ntrainee = operator\ntrainee = agent\n", "t.lex:3: \"trainee = agent\" is listed twice"},
		{"[entry xx]\n", "t.lex:1: [entry xx]: want a language"},
		{"[learner en]\nsummer intern\n", "t.lex:2: \"summer intern\": one word per line"},
		{"[field en]\naccounting\n", "t.lex:2: \"accounting\": want \"word = replacement\""},
		{"[field en]\naccounting = \n", "t.lex:2: \"accounting =\": want \"field = title words\""},
		{"[field en]\naccounting = accountant\naccounting = auditor\n", "t.lex:3: \"accounting = auditor\" is listed twice"},
		{"[field xx]\n", "t.lex:1: [field xx]: want a language"},
		{"[postmodifier en]\nin front of\n", "t.lex:2: \"in front of\": one word per line"},
		{"[postmodifier xx]\n", "t.lex:1: [postmodifier xx]: want a language"},
	}
	for _, tt := range tests {
		lx, _ := LoadLexicon()
		err := lx.parse(bytes.NewReader([]byte(tt.in)), "t.lex")
		if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parse(%q) = %v, want an error containing %q", tt.in, err, tt.want)
		}
	}
}
