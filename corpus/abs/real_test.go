package abs_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/corpus/abs"
	"github.com/anzsco/anzsco/corpus/abs/abstest"
)

// sharedABS returns the directory holding the published workbooks, or
// skips the test when they are absent.
func sharedABS(t testing.TB) string {
	t.Helper()
	dir := abstest.FindShared()
	if dir == "" {
		t.Skip("the ABS workbooks (shared/abs/anzsco-2022-*.xlsx) are not present")
	}
	return dir
}

var (
	realOnce   sync.Once
	realTitles []abs.Title
	realOccs   []abs.Occupation
	realErr    error
)

// readReal reads the published workbooks once per test binary.
func readReal(t *testing.T) ([]abs.Title, []abs.Occupation) {
	t.Helper()
	dir := sharedABS(t)
	realOnce.Do(func() { realTitles, realOccs, realErr = abstest.ReadShared(dir) })
	if realErr != nil {
		t.Fatal(realErr)
	}
	return realTitles, realOccs
}

// TestRealWorkbooks reads the published workbooks and checks what the ABS
// documents about them: 1,076 occupations in both, one principal title
// each, and the 5411 records of ANZSCO-FACTS.
func TestRealWorkbooks(t *testing.T) {
	titles, occs := readReal(t)
	principal := map[string]string{}
	count := map[abs.Category]int{}
	for _, ti := range titles {
		count[ti.Category]++
		if ti.Category == abs.PrincipalTitle {
			principal[ti.Code] = ti.Text
		}
	}
	t.Logf("%d titles: %v; %d occupations in the structure", len(titles), count, len(occs))
	if len(principal) != 1076 || len(occs) != 1076 {
		t.Errorf("principal titles %d, structure occupations %d, want 1076 each", len(principal), len(occs))
	}
	for _, o := range occs {
		if _, ok := principal[o.Code]; !ok {
			t.Errorf("structure occupation %s %q has no principal title in the index", o.Code, o.Title)
		}
		if len(o.Hierarchy) != 4 || o.Hierarchy[3].Code != o.Code[:4] {
			t.Errorf("occupation %s: hierarchy %v", o.Code, o.Hierarchy)
		}
		if o.SkillLevel < 1 || o.SkillLevel > 5 {
			t.Errorf("occupation %s: skill level %d", o.Code, o.SkillLevel)
		}
	}
	c, st, err := abs.Build(titles, occs, abs.Options{Targets: abs.AllTargets()})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stats %+v", st)
	tests := []struct {
		code, title string
		skill       int
		unit        string
		alt, spec   []string
	}{
		{"541111", "Call or Contact Centre Team Leader", 3, "Call or Contact Centre Workers",
			[]string{"Call Centre Supervisor", "Contact Centre Supervisor"},
			[]string{"Call or Contact Centre Coach", "Call or Contact Centre Workforce Planner"}},
		{"541112", "Call or Contact Centre Operator", 4, "Call or Contact Centre Workers", nil, nil},
		{"261312", "Developer Programmer", 1, "Software and Applications Programmers",
			[]string{"Applications Developer", "ICT Developer", "ICT Programmer"}, []string{"Database Developer"}},
		{"599213", "Court Orderly (Aus) / Court Registry Officer (NZ)", 0, "",
			[]string{"Court Orderly", "Court Registry Officer"}, nil},
	}
	for _, tt := range tests {
		o, ok := c.Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%s) = not found", tt.code)
			continue
		}
		en := o.Text["en"]
		if en.Title != tt.title {
			t.Errorf("%s title = %q, want %q", tt.code, en.Title, tt.title)
		}
		if tt.skill != 0 && o.SkillLevel != tt.skill {
			t.Errorf("%s skill level = %d, want %d", tt.code, o.SkillLevel, tt.skill)
		}
		if tt.unit != "" && (len(o.Hierarchy) != 4 || o.Hierarchy[3].Title != tt.unit) {
			t.Errorf("%s hierarchy = %v, want unit group %q", tt.code, o.Hierarchy, tt.unit)
		}
		for _, a := range tt.alt {
			if !slices.Contains(en.AlternativeTitles, a) {
				t.Errorf("%s alternative titles = %q, want %q among them", tt.code, en.AlternativeTitles, a)
			}
		}
		for _, s := range tt.spec {
			if !slices.Contains(en.Specialisations, s) {
				t.Errorf("%s specialisations = %q, want %q among them", tt.code, en.Specialisations, s)
			}
		}
		if tt.alt == nil && len(en.AlternativeTitles) > 0 {
			t.Errorf("%s alternative titles = %q, want none", tt.code, en.AlternativeTitles)
		}
		if o.Scope != corpus.Target {
			t.Errorf("%s scope = %s with all targets, want target", tt.code, o.Scope)
		}
	}
}

// TestRealMergeDefault imports the published workbooks with the default
// targets and the default corpus merged in.
func TestRealMergeDefault(t *testing.T) {
	titles, occs := readReal(t)
	def, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, st, err := abs.Build(titles, occs, abs.Options{Base: def})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Targets(); len(got) != 2 || got[0] != "541111" || got[1] != "541112" {
		t.Errorf("targets = %v, want [541111 541112]", got)
	}
	if st.Merged != len(def.Occupations) || st.BaseOnly != 0 {
		t.Errorf("merged %d, base only %d; want %d and 0", st.Merged, st.BaseOnly, len(def.Occupations))
	}
	for _, d := range def.Occupations {
		o, _ := c.Lookup(d.Code)
		for lang, dt := range d.Text {
			ot := o.Text[lang]
			if ot == nil || ot.Description != dt.Description || len(ot.Tasks) != len(dt.Tasks) {
				t.Errorf("%s %s: description and tasks of the default corpus not kept", d.Code, lang)
				continue
			}
			for _, e := range dt.EverydayTitles {
				if !slices.Contains(ot.EverydayTitles, e) && !slices.Contains(ot.AlternativeTitles, e) && !slices.Contains(ot.Specialisations, e) && ot.Title != e {
					t.Errorf("%s %s: everyday title %q of the default corpus lost", d.Code, lang, e)
				}
			}
		}
	}
}
