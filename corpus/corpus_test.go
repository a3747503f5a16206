package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Targets(), []string{"541111", "541112"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Targets() = %v, want %v", got, want)
	}
	for _, code := range []string{"149211", "149212", "639311", "541211", "313112", "561611", "599311", "542111", "542114", "561113", "599914"} {
		o, ok := c.Lookup(code)
		if !ok {
			t.Errorf("contrast %s missing", code)
			continue
		}
		if o.Scope != Contrast {
			t.Errorf("%s scope = %s, want contrast", code, o.Scope)
		}
	}
	for _, code := range c.Targets() {
		o, _ := c.Lookup(code)
		for _, lang := range Languages {
			tx := o.Text[lang]
			if tx == nil || tx.Description == "" || len(tx.Tasks) == 0 || tx.Qualifications == nil {
				t.Errorf("%s %s: want title, description, tasks and qualifications", code, lang)
			}
		}
	}
	if len(c.SHA256()) != 64 {
		t.Errorf("SHA256() = %q, want 64 hex digits", c.SHA256())
	}
}

// The experience that may stand in for qualifications is part of the
// ANZSCO skill level: three years for the team leader, one for the operator.
func TestDefaultExperience(t *testing.T) {
	c, _ := Default()
	for code, want := range map[string]float64{"541111": 3, "541112": 1} {
		o, _ := c.Lookup(code)
		if got := o.Text["en"].Qualifications.ExperienceYears; got != want {
			t.Errorf("%s experience_years = %v, want %v", code, got, want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	occ := func(body string) string { return `{"version":"t","name":"t","occupations":[` + body + `]}` }
	good := `{"code":"541111","scope":"target","text":{"en":{"title":"Team Leader"}}}`
	tests := []struct {
		name, in, want string
	}{
		{"empty", ``, "the file is empty"},
		{"garbage", `{"version":`, "truncated"},
		{"syntax", "{\n\"version\": x}", "line 2"},
		{"wrong type", `{"version": 3}`, `field "version": got a JSON number, want string`},
		{"unknown field", `{"versoin":"x"}`, `unknown field "versoin"`},
		{"no occupations", `{"version":"t","occupations":[]}`, "no occupations"},
		{"bad code", occ(`{"code":"5411","scope":"target","text":{"en":{"title":"x"}}}`), `occupation 5411: field "code": "5411" is not a six-digit ANZSCO code`},
		{"duplicate", occ(good + "," + good), `occupation 541111: field "code": duplicate code`},
		{"bad scope", occ(`{"code":"541111","scope":"maybe","text":{"en":{"title":"x"}}}`), `field "scope": "maybe" is not one of target, contrast`},
		{"unknown language", occ(`{"code":"541111","scope":"target","text":{"fr":{"title":"x"}}}`), `unknown language "fr"`},
		{"empty title", occ(`{"code":"541111","scope":"target","text":{"en":{"title":"  "}}}`), `field "text.en.title": empty title`},
		{"no text", occ(`{"code":"541111","scope":"target","text":{}}`), `field "text": no text in any language`},
		{"empty alt", occ(`{"code":"541111","scope":"target","text":{"en":{"title":"x","alternative_titles":[""]}}}`), `field "text.en.alternative_titles": item 1 is empty`},
		{"bad pattern", occ(`{"code":"541111","scope":"target","text":{"en":{"title":"x","patterns":[{"roles":["a"],"contexts":[]}]}}}`), `patterns[0]`},
		{"no target", occ(`{"code":"541111","scope":"contrast","text":{"en":{"title":"x"}}}`), `no occupation has scope "target"`},
		{"skill level", occ(`{"code":"541111","scope":"target","skill_level":9,"text":{"en":{"title":"x"}}}`), `field "skill_level"`},
		{"trailing data", occ(good) + `{}`, "data after the top-level object"},
		{"too many occupations", occ(manyOccupations(MaxOccupations + 1)), "20001 occupations, more than the 20000 allowed"},
		{"too many titles", occ(`{"code":"541111","scope":"target","text":{"pt":{"title":"x","everyday_titles":[` + quotedList("t", MaxTitles) + `]}}}`),
			`field "text.pt.alternative_titles": 1001 titles with the title, specialisations and everyday titles, more than the 1000 allowed`},
		{"long title", occ(`{"code":"541111","scope":"target","text":{"en":{"title":"` + strings.Repeat("x", MaxTitleBytes+1) + `"}}}`),
			`field "text.en.title": item 1 is 257 bytes long, more than the 256 allowed for a title`},
		{"long alternative", occ(`{"code":"541111","scope":"target","text":{"en":{"title":"x","alternative_titles":["a","` + strings.Repeat("x", 1000) + `"]}}}`),
			`field "text.en.alternative_titles": item 2 is 1000 bytes long`},
		{"long description", occ(`{"code":"541111","scope":"target","text":{"en":{"title":"x","description":"` + strings.Repeat("x ", MaxTextBytes) + `"}}}`),
			`field "text.en.description": 32768 bytes long, more than the 16384 allowed`},
		{"long task", occ(`{"code":"541111","scope":"target","text":{"en":{"title":"x","tasks":["a","` + strings.Repeat("x", MaxTextBytes+1) + `"]}}}`),
			`field "text.en.tasks": item 2 is 16385 bytes long`},
		{"patterns that stand for too many titles", occ(`{"code":"541111","scope":"target","text":{"en":{"title":"x","patterns":[{"roles":[` + quotedList("r", 100) + `],"contexts":[` + quotedList("c", 51) + `]}]}}}`),
			`field "text.en.patterns": the patterns stand for 5100 titles, more than the 5000 allowed`},
	}
	for _, tt := range tests {
		_, err := Load(strings.NewReader(tt.in), "my.json")
		if err == nil {
			t.Errorf("%s: Load = nil error, want %q", tt.name, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "corpus my.json: ") {
			t.Errorf("%s: Load error = %q, want it to start with the file and contain %q", tt.name, err, tt.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error spans lines: %q", tt.name, err)
		}
	}
}

// manyOccupations is n distinct occupations in JSON, the first a target.
func manyOccupations(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		scope := "contrast"
		if i == 0 {
			scope = "target"
		}
		fmt.Fprintf(&b, `{"code":"%06d","scope":%q,"text":{"en":{"title":"Occupation %d"}}}`, 100000+i, scope, i)
	}
	return b.String()
}

// quotedList is n JSON strings prefix1, prefix2, ...
func quotedList(prefix string, n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf("%q", fmt.Sprint(prefix, i+1))
	}
	return strings.Join(items, ",")
}

// TestScaleLimits checks the bounds on a whole corpus: 100,000
// occupations are refused, as are 20,000 with more titles in all than
// the limit; a corpus the size of ANZSCO with 200 titles per occupation
// per language is inside every limit.
func TestScaleLimits(t *testing.T) {
	occupations := func(n, titles int) *Corpus {
		c := &Corpus{Version: "scale"}
		alts := make([]string, titles-1)
		for k := range alts {
			alts[k] = fmt.Sprint("Alternative title ", k)
		}
		for i := 0; i < n; i++ {
			scope := Contrast
			if i == 0 {
				scope = Target
			}
			c.Occupations = append(c.Occupations, Occupation{Code: fmt.Sprintf("%06d", 100000+i), Scope: scope,
				Text: map[string]*Text{"en": {Title: "Title", AlternativeTitles: alts}, "pt": {Title: "Título", AlternativeTitles: alts}}})
		}
		return c
	}
	if err := occupations(100_000, 1).Validate(); err == nil || !strings.Contains(err.Error(), "100000 occupations, more than the 20000 allowed") {
		t.Errorf("Validate(100,000 occupations) = %v, want it refused", err)
	}
	if err := occupations(MaxOccupations, 20).Validate(); err == nil || !strings.Contains(err.Error(), "800000 titles in all (patterns expanded), more than the 500000 allowed") {
		t.Errorf("Validate(20,000 occupations of 20 titles in two languages) = %v, want it refused for its titles", err)
	}
	if err := occupations(1076, 200).Validate(); err != nil {
		t.Errorf("Validate(1,076 occupations of 200 titles in two languages) = %v, want it valid", err)
	}
}

func TestLoadFileMissing(t *testing.T) {
	_, err := LoadFile(filepath.Join(t.TempDir(), "nope.json"))
	if err == nil || !strings.Contains(err.Error(), "nope.json") || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("LoadFile(missing) = %v, want an error naming the file", err)
	}
}

func TestLoadValidIsInvalidSentinel(t *testing.T) {
	_, err := Load(strings.NewReader(`{"occupations":[]}`), "x")
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("errors.Is(err, ErrInvalid) = false for %v", err)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	c, _ := Default()
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	c2, err := Load(strings.NewReader(string(data)), "round trip")
	if err != nil {
		t.Fatal(err)
	}
	if len(c2.Occupations) != len(c.Occupations) || c2.Version != c.Version {
		t.Errorf("round trip changed the corpus: %d/%s vs %d/%s", len(c2.Occupations), c2.Version, len(c.Occupations), c.Version)
	}
}

// The labelled titles measure the classifier; copying them into the corpus
// as everyday titles would make the measure meaningless. Only titles that
// ANZSCO-FACTS.md itself gives as everyday Portuguese usage are allowed.
func TestNoEvaluationTitleInCorpus(t *testing.T) {
	allowed := map[string]bool{"operador de call center": true, "operador de contact center": true, "empregado dos centros de chamadas": true}
	eval := map[string]string{}
	for _, path := range []string{
		filepath.Join("..", "testdata", "labelled", "titles.csv"),
		filepath.Join("..", "testdata", "labelled", "described.csv"),
		filepath.Join("..", "..", "shared", "eval", "dev.csv"),
	} {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, r := range recs[1:] {
			eval[strings.ToLower(strings.TrimSpace(r[0]))] = path
		}
	}
	c, _ := Default()
	for _, o := range c.Occupations {
		for lang, tx := range o.Text {
			for _, e := range tx.EverydayTitles {
				k := strings.ToLower(e)
				if path, ok := eval[k]; ok && !allowed[k] {
					t.Errorf("%s %s: everyday title %q is a labelled title of %s", o.Code, lang, e, path)
				}
			}
		}
	}
}
