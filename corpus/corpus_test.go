package corpus

import (
	"encoding/csv"
	"errors"
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
