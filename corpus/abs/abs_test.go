package abs_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/corpus/abs"
	"github.com/anzsco/anzsco/corpus/abs/abstest"
)

// A small classification in the published layout: unit group 5411, its
// manager neighbour and a programmer, with every kind of title.
var (
	smallTitles = []abstest.Title{
		{Code: "541111", Description: "Call or Contact Centre Team Leader", Category: abstest.Principal},
		{Code: "541111", Description: "Call Centre Supervisor", Category: abstest.Alternative},
		{Code: "541111", Description: "Contact Centre Supervisor", Category: abstest.Alternative},
		{Code: "541111", Description: "Call or Contact Centre Coach", Category: abstest.Special},
		{Code: "541112", Description: "Call or Contact Centre Operator", Category: abstest.Principal},
		{Code: "149211", Description: "Call or Contact Centre Manager", Category: abstest.Principal},
		{Code: "261312", Description: "Developer Programmer", Category: abstest.Principal},
		{Code: "261312", Description: "Applications Developer", Category: abstest.Alternative},
		{Code: "261312", Description: "Database Developer", Category: abstest.Special},
		{Code: "599213", Description: "Court Orderly (Aus) / Court Registry Officer (NZ)", Category: abstest.Principal},
		{Code: "599213", Description: "Tipstaff (Aus)", Category: abstest.Special},
		{Code: "599299", Description: "Court Officers nec", Category: abstest.Principal},
		{Code: "599299", Description: "Court Usher", Category: abstest.Nec},
	}
	smallOccs = []abstest.Occupation{
		{Code: "541111", Title: "Call or Contact Centre Team Leader", Skill: "3"},
		{Code: "541112", Title: "Call or Contact Centre Operator", Skill: "4"},
		{Code: "149211", Title: "Call or Contact Centre Manager", Skill: "2"},
		{Code: "261312", Title: "Developer Programmer", Skill: "1"},
		{Code: "599213", Title: "Court Orderly (Aus) / Court Registry Officer (NZ)", Skill: "4 Aus,3 NZ"},
		{Code: "599299", Title: "Court Officers nec", Skill: ""},
	}
	smallGroups = map[string]string{
		"1": "Managers", "14": "Hospitality, Retail and Service Managers", "149": "Miscellaneous Hospitality, Retail and Service Managers", "1492": "Call or Contact Centre and Customer Service Managers",
		"2": "Professionals", "26": "ICT Professionals", "261": "Business and Systems Analysts, and Programmers", "2613": "Software and Applications Programmers",
		"5": "Clerical and Administrative Workers", "54": "Inquiry Clerks and Receptionists", "541": "Call or Contact Centre Information Clerks", "5411": "Call or Contact Centre Workers",
		"59": "Other Clerical and Administrative Workers", "599": "Miscellaneous Clerical and Administrative Workers", "5992": "Court and Legal Clerks",
	}
)

func titlesBook(t testing.TB, titles []abstest.Title) []byte {
	t.Helper()
	data, err := abstest.IndexOfTitles(titles)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func structureBook(t testing.TB, occs []abstest.Occupation) []byte {
	t.Helper()
	data, err := abstest.Structure(occs, smallGroups)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// withPart returns the workbook with one more part of n zero bytes,
// which deflates to a few KiB.
func withPart(t *testing.T, data []byte, name string, n int) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(make([]byte, n)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edit opens a workbook, applies change and returns the saved result.
func edit(t *testing.T, data []byte, change func(f *excelize.File) error) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := change(f); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	smallOnce   sync.Once
	smallRead   []abs.Title
	smallStruct []abs.Occupation
	smallErr    error
)

// readSmall writes the small workbooks and reads them back, once.
func readSmall(t *testing.T) ([]abs.Title, []abs.Occupation) {
	t.Helper()
	smallOnce.Do(func() {
		tb, err := abstest.IndexOfTitles(smallTitles)
		if err != nil {
			smallErr = err
			return
		}
		sb, err := abstest.Structure(smallOccs, smallGroups)
		if err != nil {
			smallErr = err
			return
		}
		if smallRead, smallErr = abs.ReadTitles(bytes.NewReader(tb), "titles.xlsx"); smallErr != nil {
			return
		}
		smallStruct, smallErr = abs.ReadStructure(bytes.NewReader(sb), "structure.xlsx")
	})
	if smallErr != nil {
		t.Fatal(smallErr)
	}
	return smallRead, smallStruct
}

func importSmall(t *testing.T, opts abs.Options) *corpus.Corpus {
	t.Helper()
	titles, occs := readSmall(t)
	c, _, err := abs.Build(titles, occs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReadTitles(t *testing.T) {
	got, err := abs.ReadTitles(bytes.NewReader(titlesBook(t, smallTitles)), "titles.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	// "Table 2" lists titles by code, then by title; the header is row 6.
	want := []abs.Title{
		{"149211", "Call or Contact Centre Manager", abs.PrincipalTitle, 7},
		{"261312", "Applications Developer", abs.AlternativeTitle, 8},
		{"261312", "Database Developer", abs.Specialisation, 9},
		{"261312", "Developer Programmer", abs.PrincipalTitle, 10},
	}
	if len(got) != len(smallTitles) {
		t.Fatalf("ReadTitles = %d titles, want %d", len(got), len(smallTitles))
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("ReadTitles()[%d] = %+v, want %+v", i, got[i], w)
		}
	}
	if last := got[len(got)-1]; last.Code != "599299" || last.Category != abs.NecTitle {
		t.Errorf("last title = %+v, want the nec title of 599299", last)
	}
}

func TestReadStructure(t *testing.T) {
	got, err := abs.ReadStructure(bytes.NewReader(structureBook(t, smallOccs)), "structure.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code, title string
		skill       int
		hierarchy   []string
	}{
		{"149211", "Call or Contact Centre Manager", 2, []string{"1", "14", "149", "1492"}},
		{"261312", "Developer Programmer", 1, []string{"2", "26", "261", "2613"}},
		{"541111", "Call or Contact Centre Team Leader", 3, []string{"5", "54", "541", "5411"}},
		{"541112", "Call or Contact Centre Operator", 4, []string{"5", "54", "541", "5411"}},
		{"599213", "Court Orderly (Aus) / Court Registry Officer (NZ)", 4, []string{"5", "59", "599", "5992"}},
		{"599299", "Court Officers nec", 0, []string{"5", "59", "599", "5992"}},
	}
	if len(got) != len(tests) {
		t.Fatalf("ReadStructure = %d occupations, want %d", len(got), len(tests))
	}
	for i, tt := range tests {
		o := got[i]
		var codes []string
		for _, g := range o.Hierarchy {
			codes = append(codes, g.Code)
			if g.Title != smallGroups[g.Code] {
				t.Errorf("%s: group %s title = %q, want %q", o.Code, g.Code, g.Title, smallGroups[g.Code])
			}
		}
		if o.Code != tt.code || o.Title != tt.title || o.SkillLevel != tt.skill || !reflect.DeepEqual(codes, tt.hierarchy) {
			t.Errorf("ReadStructure()[%d] = %s %q skill %d groups %v, want %s %q skill %d groups %v",
				i, o.Code, o.Title, o.SkillLevel, codes, tt.code, tt.title, tt.skill, tt.hierarchy)
		}
		if levels := []string{"major", "sub-major", "minor", "unit"}; len(o.Hierarchy) == 4 {
			for k, g := range o.Hierarchy {
				if g.Level != levels[k] {
					t.Errorf("%s: level %d = %q, want %q", o.Code, k, g.Level, levels[k])
				}
			}
		}
	}
}

func TestBuild(t *testing.T) {
	c := importSmall(t, abs.Options{})
	if got, want := c.Targets(), []string{"541111", "541112"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Targets() with the default selection = %v, want %v", got, want)
	}
	tests := []struct {
		code      string
		scope     corpus.Scope
		alt, spec []string
	}{
		{"541111", corpus.Target, []string{"Call Centre Supervisor", "Contact Centre Supervisor"}, []string{"Call or Contact Centre Coach"}},
		{"261312", corpus.Contrast, []string{"Applications Developer"}, []string{"Database Developer"}},
		// Country titles split into alternatives; country markers dropped.
		{"599213", corpus.Contrast, []string{"Court Orderly", "Court Registry Officer"}, []string{"Tipstaff"}},
		// nec titles are specialisations of the nec occupation.
		{"599299", corpus.Contrast, nil, []string{"Court Usher"}},
	}
	for _, tt := range tests {
		o, ok := c.Lookup(tt.code)
		if !ok {
			t.Fatalf("Lookup(%s) = not found", tt.code)
		}
		en := o.Text["en"]
		if o.Scope != tt.scope || !reflect.DeepEqual(en.AlternativeTitles, tt.alt) || !reflect.DeepEqual(en.Specialisations, tt.spec) {
			t.Errorf("%s = scope %s alt %q spec %q, want scope %s alt %q spec %q",
				tt.code, o.Scope, en.AlternativeTitles, en.Specialisations, tt.scope, tt.alt, tt.spec)
		}
	}
	if c.SHA256() == "" {
		t.Error("Build returned a corpus that did not go through corpus.Load (no SHA-256)")
	}
}

func TestBuildTargets(t *testing.T) {
	tests := []struct {
		sel  string
		want []string
	}{
		{"5411", []string{"541111", "541112"}},
		{"all", []string{"149211", "261312", "541111", "541112", "599213", "599299"}},
		{"2613, 5411", []string{"261312", "541111", "541112"}},
		{"5", []string{"541111", "541112", "599213", "599299"}},
		{"599213", []string{"599213"}},
	}
	for _, tt := range tests {
		sel, err := abs.ParseTargets(tt.sel)
		if err != nil {
			t.Errorf("ParseTargets(%q) = %v", tt.sel, err)
			continue
		}
		c := importSmall(t, abs.Options{Targets: sel})
		if got := c.Targets(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("targets of --target-group %q = %v, want %v", tt.sel, got, tt.want)
		}
	}
}

func TestParseTargetsErrors(t *testing.T) {
	for _, in := range []string{"", "54111", "abc", "5411,", "5411;2613", "1234567"} {
		if _, err := abs.ParseTargets(in); !errors.Is(err, abs.ErrTargets) {
			t.Errorf("ParseTargets(%q) = %v, want an ErrTargets error", in, err)
		}
	}
	titles, _ := readSmall(t)
	sel, _ := abs.ParseTargets("5411,9999")
	_, _, err := abs.Build(titles, nil, abs.Options{Targets: sel})
	if !errors.Is(err, abs.ErrTargets) || !strings.Contains(err.Error(), "9999") {
		t.Errorf("Build with a group that has no occupation = %v, want an error naming 9999", err)
	}
}

// TestBuildMerge merges the default corpus: its 5411 text is kept and the
// workbook adds titles, hierarchy and skill level.
func TestBuildMerge(t *testing.T) {
	def, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := def.Marshal()
	sel, _ := abs.ParseTargets("all")
	c := importSmall(t, abs.Options{Base: def, Targets: sel})
	if after, _ := def.Marshal(); !bytes.Equal(before, after) {
		t.Error("Build changed the base corpus")
	}
	d, _ := def.Lookup("541112")
	o, _ := c.Lookup("541112")
	if o.Text["en"].Description != d.Text["en"].Description || o.Text["pt"] == nil || len(o.Text["en"].EverydayTitles) == 0 {
		t.Errorf("541112 lost the default corpus's description, everyday titles or Portuguese text: %+v", o.Text["en"])
	}
	if o.Scope != corpus.Target || o.SkillLevel != 4 || len(o.Hierarchy) != 4 {
		t.Errorf("541112 = scope %s skill %d hierarchy %v, want target, 4, four groups", o.Scope, o.SkillLevel, o.Hierarchy)
	}
	// 149211 is a target with --target-group all, though the default
	// corpus has it as a contrast.
	if m, _ := c.Lookup("149211"); m.Scope != corpus.Target {
		t.Errorf("149211 scope = %s with all targets, want target", m.Scope)
	}
	// Occupations of the default corpus that the workbook lacks are kept.
	for _, b := range def.Occupations {
		if _, ok := c.Lookup(b.Code); !ok {
			t.Errorf("default occupation %s missing from the merged corpus", b.Code)
		}
	}
	// No title is listed twice in one occupation.
	for _, occ := range c.Occupations {
		for lang, tx := range occ.Text {
			seen := map[string]bool{strings.ToLower(tx.Title): true}
			for _, s := range append(append(append([]string{}, tx.AlternativeTitles...), tx.Specialisations...), tx.EverydayTitles...) {
				if seen[strings.ToLower(s)] {
					t.Errorf("%s %s: title %q listed twice", occ.Code, lang, s)
				}
				seen[strings.ToLower(s)] = true
			}
		}
	}
}

// TestReadErrors checks that a workbook in an unexpected layout gives one
// line naming the sheet, the row or the column.
func TestReadErrors(t *testing.T) {
	good := titlesBook(t, smallTitles)
	goodStructure := structureBook(t, smallOccs)
	setCell := func(sheet, cell string, v any) func(f *excelize.File) error {
		return func(f *excelize.File) error { return f.SetCellValue(sheet, cell, v) }
	}
	tests := []struct {
		name      string
		structure bool
		data      []byte
		want      []string // parts of the message
	}{
		{"empty file", false, nil, []string{"titles.xlsx", "empty"}},
		{"not a workbook", false, []byte("code,title\n541111,Team Leader\n"), []string{"titles.xlsx", "not an Excel workbook"}},
		{"truncated", false, good[:len(good)/2], []string{"titles.xlsx", "workbook"}},
		{"no sheet", false, edit(t, good, func(f *excelize.File) error {
			if err := f.DeleteSheet("Table 1"); err != nil {
				return err
			}
			return f.DeleteSheet("Table 2")
		}), []string{`no sheet "Table 2"`, `"Contents"`}},
		{"no category column", false, edit(t, good, setCell("Table 2", "C6", "Kind")),
			[]string{`sheet "Table 2"`, `no column "Category"`, `"Kind"`}},
		{"no header", false, edit(t, good, setCell("Table 2", "A6", "Code")),
			[]string{`sheet "Table 2"`, `no header row with column "Occupation Code"`}},
		{"bad code", false, edit(t, good, setCell("Table 2", "A9", "26131")),
			[]string{`sheet "Table 2" row 9 column A (Occupation Code)`, `"26131" is not a six-digit`}},
		{"bad category", false, edit(t, good, setCell("Table 2", "C8", "Nickname")),
			[]string{`row 8 column C (Category)`, `unknown category "Nickname"`}},
		{"empty title", false, edit(t, good, setCell("Table 2", "B8", "")),
			[]string{`row 8 column B (Description)`, "empty title"}},
		{"two principal titles", false, edit(t, good, setCell("Table 2", "C9", "Principal Title")),
			[]string{"row 10", "second principal title", "row 9"}},
		{"no principal title", false, edit(t, good, setCell("Table 2", "C7", "Alternative Title")),
			[]string{"row 7", "149211 has no principal title"}},
		{"no skill column", true, edit(t, goodStructure, setCell("Table 5", "G10", "Level")),
			[]string{`sheet "Table 5"`, `no column "Skill Level"`}},
		{"no structure sheet", true, edit(t, goodStructure, func(f *excelize.File) error { return f.DeleteSheet("Table 5") }),
			[]string{`no sheet "Table 5"`}},
		{"bad skill level", true, edit(t, goodStructure, setCell("Table 5", "G15", "high")),
			[]string{`row 15 column G (Skill Level)`, `"high"`}},
		{"occupation outside its unit group", true, edit(t, goodStructure, setCell("Table 5", "E15", 149311)),
			[]string{`row 15 column E (Occupation)`, "149311", `"1492"`}},
		{"bad group code", true, edit(t, goodStructure, setCell("Table 5", "D14", 14923)),
			[]string{`row 14 column D (Unit Group)`, `"14923" is not a 4-digit unit group code`}},
		{"index of titles as structure", true, good, []string{`no sheet "Table 5"`}},
		{"part that unpacks too far", false, withPart(t, good, "xl/media/image1.png", 40<<20),
			[]string{"titles.xlsx", `part "xl/media/image1.png" unpacks to 40 MiB, over the limit of 32 MiB`}},
		{"workbook that unpacks too far", false, withPart(t, withPart(t, withPart(t, good, "xl/media/a.bin", 30<<20), "xl/media/b.bin", 30<<20), "xl/media/c.bin", 30<<20),
			[]string{"titles.xlsx", "unpacks to more than 64 MiB"}},
		{"sheet over the row limit", false, edit(t, good, setCell("Table 2", "A300000", "x")),
			[]string{`sheet "Table 2"`, "more than 200000 rows, the limit"}},
		{"sheet dimension over the cell limit", false, edit(t, good, func(f *excelize.File) error { return f.SetSheetDimension("Table 2", "A1:Z100000") }),
			[]string{`sheet "Table 2"`, "dimension A1:Z100000 is 100000 rows and 2600000 cells, over the limits"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.structure {
				_, err = abs.ReadStructure(bytes.NewReader(tt.data), "structure.xlsx")
			} else {
				_, err = abs.ReadTitles(bytes.NewReader(tt.data), "titles.xlsx")
			}
			if err == nil {
				t.Fatalf("read = no error, want one with %q", tt.want)
			}
			msg := err.Error()
			t.Log(msg)
			if strings.Contains(msg, "\n") {
				t.Errorf("error has more than one line: %q", msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error = %q, want it to contain %q", msg, w)
				}
			}
		})
	}
}

func TestSyntheticImport(t *testing.T) {
	const n = 120
	titles, occs, groups := abstest.Synthetic(n, 1)
	tb, err := abstest.IndexOfTitles(titles)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := abstest.Structure(occs, groups)
	if err != nil {
		t.Fatal(err)
	}
	rt, err := abs.ReadTitles(bytes.NewReader(tb), "synthetic titles")
	if err != nil {
		t.Fatal(err)
	}
	ro, err := abs.ReadStructure(bytes.NewReader(sb), "synthetic structure")
	if err != nil {
		t.Fatal(err)
	}
	c, st, err := abs.Build(rt, ro, abs.Options{Targets: abs.AllTargets()})
	if err != nil {
		t.Fatal(err)
	}
	if len(rt) != len(titles) || len(ro) != n || len(c.Occupations) != n || st.Structured != n {
		t.Errorf("synthetic import: %d titles (want %d), %d structure occupations, %d in the corpus, %d structured; want %d",
			len(rt), len(titles), len(ro), len(c.Occupations), st.Structured, n)
	}
	if per := float64(len(titles)) / n; per < 2.5 || per > 3.6 {
		t.Errorf("synthetic classification has %.2f titles per occupation, want about 3 as the published index", per)
	}
}
