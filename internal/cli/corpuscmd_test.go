package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/corpus/abs"
	"github.com/anzsco/anzsco/corpus/abs/abstest"
	"github.com/anzsco/anzsco/internal/atomicfile"
)

func TestNewCmdCorpusImportABS(t *testing.T) {
	def, _ := abs.ParseTargets("5411")
	all := abs.AllTargets()
	two, _ := abs.ParseTargets("2613,5411")
	tests := []struct {
		name     string
		args     []string
		want     importABSOptions
		wantCode int
	}{
		{name: "defaults", args: []string{"--index-of-titles", "t.xlsx", "--out", "c.json"},
			want: importABSOptions{Titles: "t.xlsx", Out: "c.json", Targets: def}},
		{name: "all flags", args: []string{"--index-of-titles", "t.xlsx", "--structure", "s.xlsx", "--target-group", "all", "--no-merge", "--out", "-"},
			want: importABSOptions{Titles: "t.xlsx", Structure: "s.xlsx", Targets: all, NoMerge: true, Out: "-"}},
		{name: "group list", args: []string{"--index-of-titles", "t.xlsx", "--target-group", "5411, 2613", "--out", "c.json"},
			want: importABSOptions{Titles: "t.xlsx", Out: "c.json", Targets: two}},
		{name: "no titles", args: []string{"--out", "c.json"}, wantCode: ExitUsage},
		{name: "no out", args: []string{"--index-of-titles", "t.xlsx"}, wantCode: ExitUsage},
		{name: "bad group", args: []string{"--index-of-titles", "t.xlsx", "--out", "c.json", "--target-group", "54111"}, wantCode: ExitUsage},
		{name: "empty group", args: []string{"--index-of-titles", "t.xlsx", "--out", "c.json", "--target-group", ""}, wantCode: ExitUsage},
		{name: "index flag", args: []string{"--index", "x.idx", "--index-of-titles", "t.xlsx", "--out", "c.json"}, wantCode: ExitUsage},
		{name: "argument", args: []string{"--index-of-titles", "t.xlsx", "--out", "c.json", "extra"}, wantCode: ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _ := Test("")
			f := &Factory{IO: ios}
			var got *importABSOptions
			sub := newCmdCorpus(f)
			for _, c := range sub.Commands() {
				sub.RemoveCommand(c)
			}
			sub.AddCommand(newCmdCorpusImportABS(f, func(o *importABSOptions) error { got = o; return nil }))
			code, err := execSub(f, sub, append([]string{"corpus", "import-abs"}, tt.args...))
			if code != tt.wantCode {
				t.Fatalf("corpus import-abs %q: exit code %d (%v), want %d", tt.args, code, err, tt.wantCode)
			}
			if tt.wantCode != 0 {
				return
			}
			g := *got
			g.IO, g.Base = nil, nil
			if g.Titles != tt.want.Titles || g.Structure != tt.want.Structure || g.Out != tt.want.Out ||
				g.NoMerge != tt.want.NoMerge || g.Targets.String() != tt.want.Targets.String() {
				t.Errorf("corpus import-abs %q = %+v, want %+v", tt.args, g, tt.want)
			}
		})
	}
}

// smallWorkbooks writes an index of titles and a structure in the published
// layout to dir.
func smallWorkbooks(t *testing.T, dir string) (titles, structure string) {
	t.Helper()
	ts := []abstest.Title{
		{Code: "541111", Description: "Call or Contact Centre Team Leader", Category: abstest.Principal},
		{Code: "541111", Description: "Call Centre Supervisor", Category: abstest.Alternative},
		{Code: "541112", Description: "Call or Contact Centre Operator", Category: abstest.Principal},
		{Code: "149211", Description: "Call or Contact Centre Manager", Category: abstest.Principal},
		{Code: "261312", Description: "Developer Programmer", Category: abstest.Principal},
		{Code: "261312", Description: "Applications Developer", Category: abstest.Alternative},
		{Code: "261312", Description: "Database Developer", Category: abstest.Special},
		{Code: "261313", Description: "Software Engineer", Category: abstest.Principal},
	}
	occs := []abstest.Occupation{
		{Code: "541111", Title: "Call or Contact Centre Team Leader", Skill: "3"},
		{Code: "541112", Title: "Call or Contact Centre Operator", Skill: "4"},
		{Code: "149211", Title: "Call or Contact Centre Manager", Skill: "2"},
		{Code: "261312", Title: "Developer Programmer", Skill: "1"},
		{Code: "261313", Title: "Software Engineer", Skill: "1"},
	}
	groups := map[string]string{"1": "Managers", "14": "Hospitality, Retail and Service Managers", "149": "Miscellaneous Hospitality, Retail and Service Managers",
		"1492": "Call or Contact Centre and Customer Service Managers", "2": "Professionals", "26": "ICT Professionals",
		"261": "Business and Systems Analysts, and Programmers", "2613": "Software and Applications Programmers",
		"5": "Clerical and Administrative Workers", "54": "Inquiry Clerks and Receptionists", "541": "Call or Contact Centre Information Clerks",
		"5411": "Call or Contact Centre Workers"}
	tb, err := abstest.IndexOfTitles(ts)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := abstest.Structure(occs, groups)
	if err != nil {
		t.Fatal(err)
	}
	titles, structure = filepath.Join(dir, "titles.xlsx"), filepath.Join(dir, "structure.xlsx")
	for p, data := range map[string][]byte{titles: tb, structure: sb} {
		if err := atomicfile.WriteFile(p, data); err != nil {
			t.Fatal(err)
		}
	}
	return titles, structure
}

// classifyCode runs 'anzsco --corpus FILE classify --json TEXT' and returns
// the code (empty for outside) and the nearest outside code.
func classifyCode(t *testing.T, corpusFile, text string) (code, nearest string) {
	t.Helper()
	ios, out, errOut := Test("")
	f := &Factory{IO: ios}
	defer f.Close()
	if c := run(f, []string{"--corpus", corpusFile, "classify", "--json", text}); c != ExitOK && c != ExitOutside {
		t.Fatalf("classify %q with %s: exit code %d, stderr %q", text, corpusFile, c, errOut)
	}
	var res struct {
		Code    *string `json:"code"`
		Nearest *struct {
			Code string `json:"code"`
		} `json:"nearest_outside"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("classify --json output %q: %v", out, err)
	}
	if res.Code != nil {
		code = *res.Code
	}
	if res.Nearest != nil {
		nearest = res.Nearest.Code
	}
	return code, nearest
}

func TestCorpusImportABSRun(t *testing.T) {
	dir := t.TempDir()
	titles, structure := smallWorkbooks(t, dir)
	tests := []struct {
		name        string
		args        []string
		wantOccs    int      // the workbook's 5, and the default corpus's when merged
		wantTargets []string // nil: all
		wantCode    string   // code of "Applications Developer"
		wantNearest string
	}{
		{name: "default targets", args: nil, wantOccs: 16, wantTargets: []string{"541111", "541112"}, wantNearest: "261312"},
		{name: "all", args: []string{"--target-group", "all"}, wantOccs: 16, wantCode: "261312"},
		{name: "unit group 2613", args: []string{"--target-group", "2613", "--no-merge"}, wantOccs: 5, wantTargets: []string{"261312", "261313"}, wantCode: "261312"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".json")
			ios, stdout, errOut := Test("")
			f := &Factory{IO: ios}
			args := append([]string{"corpus", "import-abs", "--index-of-titles", titles, "--structure", structure, "--out", out}, tt.args...)
			if code := run(f, args); code != ExitOK {
				t.Fatalf("%q: exit code %d, stderr %q", args, code, errOut)
			}
			if stdout.Len() != 0 || !strings.Contains(errOut.String(), "imported ") {
				t.Errorf("%q: stdout %q, stderr %q; want nothing and a summary", args, stdout, errOut)
			}
			c, err := corpus.LoadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.wantTargets
			if want == nil {
				for _, o := range c.Occupations {
					want = append(want, o.Code)
				}
			}
			if got := c.Targets(); len(c.Occupations) != tt.wantOccs || strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%q: %d occupations, targets %v; want %d, %v", args, len(c.Occupations), got, tt.wantOccs, want)
			}
			o, _ := c.Lookup("541111")
			merged := o.Text["pt"] != nil
			if wantMerged := !strings.Contains(strings.Join(tt.args, " "), "--no-merge"); merged != wantMerged {
				t.Errorf("%q: 541111 has Portuguese text %v, want %v (merge of the default corpus)", args, merged, wantMerged)
			}
			if o.SkillLevel != 3 || len(o.Hierarchy) != 4 {
				t.Errorf("%q: 541111 skill %d hierarchy %v, want 3 and four groups", args, o.SkillLevel, o.Hierarchy)
			}
			code, nearest := classifyCode(t, out, "Applications Developer")
			if code != tt.wantCode || (tt.wantNearest != "" && nearest != tt.wantNearest) {
				t.Errorf("classify \"Applications Developer\" with %s = code %q nearest %q, want code %q nearest %q",
					tt.name, code, nearest, tt.wantCode, tt.wantNearest)
			}
		})
	}
}

func TestCorpusImportABSStdoutAndErrors(t *testing.T) {
	dir := t.TempDir()
	titles, structure := smallWorkbooks(t, dir)

	ios, stdout, errOut := Test("")
	if code := run(&Factory{IO: ios}, []string{"corpus", "import-abs", "--index-of-titles", titles, "--out", "-"}); code != ExitOK {
		t.Fatalf("--out -: exit code %d, stderr %q", code, errOut)
	}
	if _, err := corpus.Load(bytes.NewReader(stdout.Bytes()), "stdout"); err != nil {
		t.Errorf("--out - wrote a corpus that does not load: %v", err)
	}

	// A structure whose skill level column was renamed.
	f, err := excelize.OpenFile(structure)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Table 5", "G10", "Level"); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.xlsx")
	if err := f.SaveAs(broken); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.json")
	if err := os.WriteFile(out, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"layout", []string{"--index-of-titles", titles, "--structure", broken, "--out", out},
			[]string{"anzsco: structure " + broken, `sheet "Table 5"`, `no column "Skill Level"`}},
		{"titles swapped", []string{"--index-of-titles", structure, "--out", out},
			[]string{"anzsco: index of titles " + structure, `sheet "Table 2"`, `no header row with column "Occupation Code"`}},
		{"missing file", []string{"--index-of-titles", filepath.Join(dir, "none.xlsx"), "--out", out},
			[]string{"anzsco: index of titles " + filepath.Join(dir, "none.xlsx") + ": no such file"}},
		{"not a workbook", []string{"--index-of-titles", out, "--out", out}, []string{"not an Excel workbook"}},
		{"group absent", []string{"--index-of-titles", titles, "--target-group", "9999", "--out", out}, []string{"no occupation is in group 9999"}},
		{"out directory missing", []string{"--index-of-titles", titles, "--out", filepath.Join(dir, "no", "c.json")}, []string{filepath.Join(dir, "no", "c.json")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, errOut := Test("")
			code := run(&Factory{IO: ios}, append([]string{"corpus", "import-abs"}, tt.args...))
			if code != ExitError {
				t.Fatalf("%q: exit code %d, want %d; stderr %q", tt.args, code, ExitError, errOut)
			}
			msg := errOut.String()
			if strings.Count(msg, "\n") != 1 {
				t.Errorf("stderr = %q, want one line", msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("stderr = %q, want it to contain %q", msg, w)
				}
			}
			if data, _ := os.ReadFile(out); string(data) != "previous" {
				t.Errorf("a failed import changed %s", out)
			}
		})
	}
}

// sharedABSDir finds the published workbooks beside the repository, or
// skips the test.
func sharedABSDir(t *testing.T) string {
	t.Helper()
	dir := abstest.FindShared()
	if dir == "" {
		t.Skip("the ABS workbooks (shared/abs/anzsco-2022-*.xlsx) are not present")
	}
	return dir
}

// TestCorpusImportABSReal imports the published workbooks and checks that
// "Applications Developer" is 261312 when every occupation is a target and
// outside, nearest 261312, with the default targets.
func TestCorpusImportABSReal(t *testing.T) {
	shared := sharedABSDir(t)
	dir := t.TempDir()
	tests := []struct {
		targets              string
		wantCode, wantNearst string
	}{
		{"all", "261312", ""},
		{"5411", "", "261312"},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, tt.targets+".json")
		ios, _, errOut := Test("")
		args := []string{"corpus", "import-abs", "--index-of-titles", filepath.Join(shared, "anzsco-2022-index-of-titles.xlsx"),
			"--structure", filepath.Join(shared, "anzsco-2022-structure.xlsx"), "--target-group", tt.targets, "--out", out}
		if code := run(&Factory{IO: ios}, args); code != ExitOK {
			t.Fatalf("import with --target-group %s: exit code %d, stderr %q", tt.targets, code, errOut)
		}
		if !strings.Contains(errOut.String(), "imported 1076 occupations") {
			t.Errorf("stderr = %q, want 1076 occupations imported", errOut)
		}
		code, nearest := classifyCode(t, out, "Applications Developer")
		if code != tt.wantCode || (tt.wantNearst != "" && nearest != tt.wantNearst) {
			t.Errorf("classify \"Applications Developer\" with --target-group %s = code %q nearest %q, want code %q nearest %q",
				tt.targets, code, nearest, tt.wantCode, tt.wantNearst)
		}
	}
}
