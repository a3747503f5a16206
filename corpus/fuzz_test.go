package corpus_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

// FuzzLoad feeds arbitrary bytes to Load. It must never panic; a refusal
// is one line that starts with the name of the input; a corpus that loads
// marshals to a form that loads again to the same corpus, and can be
// indexed and classified against.
func FuzzLoad(f *testing.F) {
	// Only small corpora are indexed: mutations of the small seeds find
	// the odd titles and patterns, and building a large corpus's index at
	// every run would leave little time for anything else.
	const maxIndexed = 4
	def, err := corpus.Default()
	if err != nil {
		f.Fatal(err)
	}
	data, err := def.Marshal()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range []string{
		`{"version":"t","name":"t","occupations":[{"code":"541111","scope":"target","text":{"en":{"title":"Team Leader"}}}]}`,
		`{"version":"t","name":"t","occupations":[{"code":"541112","scope":"target","text":{"pt":{"title":"Operador","patterns":[{"roles":["operador"],"contexts":["call center"]}]}}},` +
			`{"code":"639311","scope":"contrast","text":{"en":{"title":"Telemarketer","tasks":["calls people"]}}}]}`,
		`{"version":"t","occupations":[{"code":"541111","scope":"target","text":{"en":null}}]}`,
		`{"version":"t","occupations":[{"code":"541111","scope":"target","text":{"en":{"title":"!!!"}}}]}`,
		"\ufeff{\"version\":\"t\"}",
		`{"version": 3}`,
		`[]`,
		`null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := corpus.Load(bytes.NewReader(data), "fuzz.json")
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "corpus fuzz.json: ") || strings.ContainsAny(msg, "\r\n") {
				t.Fatalf("Load error = %q, want one line starting with the input's name", msg)
			}
			if len(data) <= corpus.MaxFileSize && !errors.Is(err, corpus.ErrInvalid) {
				t.Fatalf("Load error = %v, want it to wrap ErrInvalid", err)
			}
			return
		}
		out, err := c.Marshal()
		if err != nil {
			t.Fatalf("Marshal of a loaded corpus: %v", err)
		}
		c2, err := corpus.Load(bytes.NewReader(out), "again.json")
		if err != nil {
			t.Fatalf("a corpus that loaded does not load after Marshal: %v\ninput: %q\nmarshalled: %s", err, data, out)
		}
		out2, err := c2.Marshal()
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("Marshal(Load(Marshal(c))) differs from Marshal(c) (%v):\n%s\n%s", err, out, out2)
		}
		if !slices.Equal(c.Targets(), c2.Targets()) || len(c.Occupations) != len(c2.Occupations) {
			t.Fatalf("round trip changed the corpus: targets %v -> %v, %d -> %d occupations", c.Targets(), c2.Targets(), len(c.Occupations), len(c2.Occupations))
		}
		if len(c.Occupations) > maxIndexed {
			return
		}
		ix, err := index.Build(c)
		if err != nil {
			t.Fatalf("index.Build of a valid corpus: %v", err)
		}
		defer ix.Close()
		o := c.Occupations[0]
		r, err := ix.Classify(index.Query{Text: o.Title(), Explain: true})
		if err != nil && !errors.Is(err, index.ErrEmptyQuery) {
			t.Fatalf("Classify(%q) against a valid corpus: %v", o.Title(), err)
		}
		if r != nil && r.Code != "" && !slices.Contains(c.Targets(), r.Code) {
			t.Fatalf("Classify(%q).Code = %q, not a target of %v", o.Title(), r.Code, c.Targets())
		}
	})
}
