package index_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/anzsco/anzsco/index"
)

// FuzzClassify feeds arbitrary bytes to Classify as a title and a
// description. Whatever the bytes, Classify must not panic and must either
// refuse an empty query with ErrEmptyQuery or return a Result that keeps
// the contract: the code is empty or a target, confidences are
// probabilities, the input is valid UTF-8 within the limit, and the JSON
// form marshals and reads back.
func FuzzClassify(f *testing.F) {
	ix := defaultIndex(f)
	for _, s := range []struct {
		title, desc string
		explain     bool
	}{
		{"Contact Center Supervisor", "", false},
		{"Operador de telemarketing receptivo", "atendimento ao cliente por telefone", true},
		{"Inbound CSR - 12 month contract - Sydney CBD", "answering inbound calls", true},
		{"Call Centre \xff\xfe Agent", "\x00\x01binary", false},
		{"", "a description without a title", false},
		{"   \t\r\n", "", false},
		{"\x00\x00", "", true},
		{"\ufeffTeam Leader\u200b", "", true},
		{strings.Repeat("call centre supervisor ", 40), "", true},
		{strings.Repeat("é", 300), strings.Repeat("ã", 9000), false},
		{"Supervisora de Central de Atendimento - São Paulo", "", true},
		{"$$$ 100k + super !!! WFH", "", true},
	} {
		f.Add(s.title, s.desc, s.explain)
	}
	targets := map[string]bool{}
	for _, c := range ix.Corpus().Targets() {
		targets[c] = true
	}
	f.Fuzz(func(t *testing.T, title, desc string, explain bool) {
		r, err := ix.Classify(index.Query{Text: title, Description: desc, Explain: explain})
		if err != nil {
			if !errors.Is(err, index.ErrEmptyQuery) {
				t.Fatalf("Classify(%q, %q) error = %v, want nil or ErrEmptyQuery", title, desc, err)
			}
			// Only a title with nothing to read may be refused as empty.
			head := title[:min(len(title), index.MaxTitleBytes-utf8.UTFMax)]
			if i := strings.IndexFunc(head, func(r rune) bool { return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) }); i >= 0 {
				t.Fatalf("Classify(%q) = ErrEmptyQuery, but the title has a letter or digit at byte %d", title, i)
			}
			return
		}
		if r == nil {
			t.Fatalf("Classify(%q, %q) = nil, nil", title, desc)
		}
		if r.Code != "" && !targets[r.Code] {
			t.Errorf("Classify(%q).Code = %q, want \"\" or a target %v", title, r.Code, ix.Corpus().Targets())
		}
		if (r.Code == "") != (r.Title == "") {
			t.Errorf("Classify(%q): code %q title %q, want both or neither", title, r.Code, r.Title)
		}
		if !probability(r.Confidence) {
			t.Errorf("Classify(%q).Confidence = %v, want within [0,1]", title, r.Confidence)
		}
		for i, m := range r.Matches {
			if !targets[m.Code] || !probability(m.Confidence) || math.IsNaN(m.Score) || math.IsInf(m.Score, 0) {
				t.Errorf("Classify(%q).Matches[%d] = %+v, want a target with confidence in [0,1] and a finite score", title, i, m)
			}
		}
		if n := r.NearestOutside; n != nil && (targets[n.Code] || math.IsNaN(n.Score) || math.IsInf(n.Score, 0)) {
			t.Errorf("Classify(%q).NearestOutside = %+v, want a non-target with a finite score", title, n)
		}
		if !utf8.ValidString(r.Input) || len(r.Input) > index.MaxTitleBytes || strings.TrimSpace(r.Input) == "" {
			t.Errorf("Classify(%q).Input = %q, want valid, non-blank UTF-8 of at most %d bytes", title, r.Input, index.MaxTitleBytes)
		}
		if explain != (r.Explanation != nil) {
			t.Errorf("Classify(%q, explain %v).Explanation = %v", title, explain, r.Explanation)
		}
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("json.Marshal(Classify(%q)) error: %v", title, err)
		}
		var back index.Result
		if err := json.Unmarshal(data, &back); err != nil || back.Code != r.Code || back.Input != r.Input || back.Confidence != r.Confidence {
			t.Errorf("Classify(%q): JSON %s read back as code %q input %q conf %v (%v)", title, data, back.Code, back.Input, back.Confidence, err)
		}
	})
}

func probability(p float64) bool { return p >= 0 && p <= 1 }
