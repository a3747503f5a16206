package abstest

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Title is one row of the index of titles.
type Title struct {
	Code, Description, Category string
}

// Occupation is one occupation of the structure. Its groups are taken from
// its code and Groups.
type Occupation struct {
	Code, Title string
	Skill       string // "3", "4 Aus,3 NZ", or empty
}

// Categories of the index of titles, as the workbook spells them.
const (
	Principal   = "Principal Title"
	Alternative = "Alternative Title"
	Special     = "Specialisation"
	Nec         = "Occupation in nec category"
)

const (
	release   = "ANZSCO - Australian and New Zealand Standard Classification of Occupations, 2022 Australian Update"
	released  = "Released at 11:30am (Canberra time) 22 November 2022"
	copyright = "© Commonwealth of Australia"
	crown     = "Crown Copyright ©"
)

type sheetWriter struct {
	f     *excelize.File
	sheet string
	row   int
	err   error
}

func (w *sheetWriter) put(values ...any) {
	w.row++
	if w.err != nil || len(values) == 0 {
		return
	}
	cell, err := excelize.CoordinatesToCellName(1, w.row)
	if err == nil {
		err = w.f.SetSheetRow(w.sheet, cell, &values)
	}
	if err != nil {
		w.err = err
	}
}

func newSheet(f *excelize.File, name string, first bool) (*sheetWriter, error) {
	if first {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	return &sheetWriter{f: f, sheet: name}, nil
}

// head writes the rows above a table: a blank row, the release, the table
// title, the release date and a blank row, as the published sheets do.
func (w *sheetWriter) head(title string) {
	w.put()
	w.put(release)
	w.put(title)
	w.put(released)
	w.put()
}

func (w *sheetWriter) foot() {
	w.put()
	w.put(copyright)
	w.put(crown)
}

func save(f *excelize.File, ws ...*sheetWriter) ([]byte, error) {
	for _, w := range ws {
		if w.err != nil {
			return nil, fmt.Errorf("sheet %q: %w", w.sheet, w.err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), f.Close()
}

func contents(f *excelize.File, tables []string) (*sheetWriter, error) {
	w, err := newSheet(f, "Contents", true)
	if err != nil {
		return nil, err
	}
	w.put()
	w.put(release)
	w.put("Contents")
	w.put(released)
	w.put()
	for i, t := range tables {
		w.put("", strconv.Itoa(i+1), t)
	}
	w.put("", "Explanatory Notes ")
	w.foot()
	return w, nil
}

func notes(f *excelize.File) (*sheetWriter, error) {
	w, err := newSheet(f, "Explanatory Notes", false)
	if err != nil {
		return nil, err
	}
	w.head("Explanatory Notes")
	w.put("", "Abbreviations")
	w.put()
	w.put("", "nec -- not elsewhere classified\nnfd -- not further defined")
	w.foot()
	return w, nil
}

// IndexOfTitles returns the index of titles workbook listing titles: sheet
// "Table 1" sorted by title, "Table 2" by code, each with the header row
// "Occupation Code | Description | Category" in row 6.
func IndexOfTitles(titles []Title) ([]byte, error) {
	f := excelize.NewFile()
	c, err := contents(f, []string{
		"Table 1: Index of Alternative Titles, Occupations in nec Categories, Principal Titles, and Specialisations by description",
		"Table 2: Index of Alternative Titles, Occupations in nec Categories, Principal Titles, and Specialisations by occupation code ",
	})
	if err != nil {
		return nil, err
	}
	byName := append([]Title(nil), titles...)
	sort.SliceStable(byName, func(i, j int) bool { return byName[i].Description < byName[j].Description })
	byCode := append([]Title(nil), titles...)
	sort.SliceStable(byCode, func(i, j int) bool {
		if byCode[i].Code != byCode[j].Code {
			return byCode[i].Code < byCode[j].Code
		}
		return byCode[i].Description < byCode[j].Description
	})
	ws := []*sheetWriter{c}
	for i, list := range [][]Title{byName, byCode} {
		w, err := newSheet(f, fmt.Sprintf("Table %d", i+1), false)
		if err != nil {
			return nil, err
		}
		by := "description"
		if i == 1 {
			by = "occupation code "
		}
		w.head("Table " + strconv.Itoa(i+1) + ": Index of Alternative Titles, Occupations in nec Categories, Principal Titles, and Specialisations by " + by)
		w.put("Occupation Code", "Description", "Category")
		for _, t := range list {
			w.put(t.Code, t.Description, t.Category)
		}
		w.foot()
		ws = append(ws, w)
	}
	n, err := notes(f)
	if err != nil {
		return nil, err
	}
	return save(f, append(ws, n)...)
}

// Structure returns the structure workbook of occs. groups gives the title
// of every major, sub-major, minor and unit group code that occs use; a
// missing one is an error.
func Structure(occs []Occupation, groups map[string]string) ([]byte, error) {
	f := excelize.NewFile()
	c, err := contents(f, []string{
		"Table 1: Major Groups", "Table 2: Major and Sub-Major Groups", "Table 3: Major, Sub-Major and Minor Groups",
		"Table 4: Major, Sub-Major, Minor and Unit Groups", "Table 5: Major, Sub-Major, Minor, Unit Groups and Occupations",
		"Table 6: Six-digit codes used in ANZSCO Australian Coder",
	})
	if err != nil {
		return nil, err
	}
	sorted := append([]Occupation(nil), occs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Code < sorted[j].Code })
	title := func(code string) (string, error) {
		t, ok := groups[code]
		if !ok {
			return "", fmt.Errorf("abstest: no title for group %s", code)
		}
		return t, nil
	}
	ws := []*sheetWriter{c}
	headings := []string{"Major Group", "Sub-Major Group", "Minor Group", "Unit Group"}
	names := []string{"Major Groups", "Major and Sub-Major Groups", "Major, Sub-Major and Minor Groups",
		"Major, Sub-Major, Minor and Unit Groups", "Major, Sub-Major, Minor, Unit Groups and Occupations"}
	// Tables 1 to 5: one more level each; the last one lists occupations.
	for depth := 1; depth <= 5; depth++ {
		w, err := newSheet(f, "Table "+strconv.Itoa(depth), false)
		if err != nil {
			return nil, err
		}
		w.head(fmt.Sprintf("Table %d: %s", depth, names[depth-1]))
		for lvl := 0; lvl < depth; lvl++ {
			row := make([]any, lvl)
			for i := range row {
				row[i] = ""
			}
			if lvl < 4 {
				row = append(row, headings[lvl])
			} else {
				row = append(row, "Occupation")
			}
			if lvl == depth-1 {
				row = append(row, "", "Skill Level")
				if depth < 5 {
					row[len(row)-1] = "Predominant Skill Levels"
				}
			}
			w.put(row...)
		}
		prev := make([]string, 5)
		for _, o := range sorted {
			if len(o.Code) != 6 {
				return nil, fmt.Errorf("abstest: occupation code %q is not six digits", o.Code)
			}
			for lvl := 0; lvl < depth && lvl < 4; lvl++ {
				g := o.Code[:lvl+1]
				if prev[lvl] == g {
					continue
				}
				if lvl == 0 && prev[0] != "" {
					w.put()
				}
				prev[lvl] = g
				for k := lvl + 1; k < 5; k++ {
					prev[k] = ""
				}
				t, err := title(g)
				if err != nil {
					return nil, err
				}
				row := make([]any, lvl)
				for i := range row {
					row[i] = ""
				}
				n, _ := strconv.Atoi(g)
				w.put(append(row, n, t)...)
			}
			if depth == 5 {
				n, _ := strconv.Atoi(o.Code)
				row := []any{"", "", "", "", n, o.Title}
				if o.Skill != "" {
					if k, err := strconv.Atoi(o.Skill); err == nil {
						row = append(row, k)
					} else {
						row = append(row, o.Skill)
					}
				}
				w.put(row...)
			}
		}
		w.foot()
		ws = append(ws, w)
	}
	t6, err := newSheet(f, "Table 6", false)
	if err != nil {
		return nil, err
	}
	t6.head("Table 6: Six-digit codes used in ANZSCO Australian Coder")
	t6.put("Code", "Title")
	for _, o := range sorted {
		t6.put(o.Code, o.Title)
	}
	t6.foot()
	n, err := notes(f)
	if err != nil {
		return nil, err
	}
	return save(f, append(ws, t6, n)...)
}

// Synthetic returns the titles, occupations and group titles of a made-up
// classification of n occupations, with as many titles per occupation as
// the real index has (about three: one principal title, and alternative
// titles, specialisations and nec titles in the published proportions).
// The same seed gives the same classification.
func Synthetic(n int, seed uint64) ([]Title, []Occupation, map[string]string) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	word := func() string { return syntheticWords[r.IntN(len(syntheticWords))] }
	phrase := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = word()
		}
		return strings.Join(w, " ")
	}
	groups := map[string]string{}
	var titles []Title
	var occs []Occupation
	seen := map[string]bool{}
	unique := func(s string) string {
		for k := 2; seen[strings.ToLower(s)]; k++ {
			s = fmt.Sprintf("%s %s", s, syntheticWords[k%len(syntheticWords)])
		}
		seen[strings.ToLower(s)] = true
		return s
	}
	// Eight major groups, as ANZSCO; about 5 occupations per unit group.
	for i := 0; len(occs) < n; i++ {
		major := 1 + i%8
		unit := fmt.Sprintf("%d%d%d%d", major, 1+(i/8)%9, 1+(i/72)%9, 1+(i/648)%9)
		for k := 1; k <= 4; k++ {
			if _, ok := groups[unit[:k]]; !ok {
				groups[unit[:k]] = titleCase(phrase(2)) + " Workers"
			}
		}
		per := 2 + r.IntN(7)
		for j := 1; j <= per && len(occs) < n; j++ {
			code := fmt.Sprintf("%s%02d", unit, 10+j)
			principal := unique(titleCase(phrase(1+r.IntN(3)) + " " + syntheticHeads[r.IntN(len(syntheticHeads))]))
			occs = append(occs, Occupation{Code: code, Title: principal, Skill: strconv.Itoa(1 + r.IntN(5))})
			titles = append(titles, Title{code, principal, Principal})
			// The published index: 3,269 titles for 1,076 occupations, of which
			// 467 alternative titles, 1,408 specialisations and 318 nec titles.
			for k := 0; k < poisson(r, 0.43); k++ {
				titles = append(titles, Title{code, unique(titleCase(phrase(2) + " " + syntheticHeads[r.IntN(len(syntheticHeads))])), Alternative})
			}
			for k := 0; k < poisson(r, 1.31); k++ {
				titles = append(titles, Title{code, unique(titleCase(phrase(1+r.IntN(2)) + " " + principal)), Special})
			}
			for k := 0; k < poisson(r, 0.30); k++ {
				titles = append(titles, Title{code, unique(titleCase(phrase(2) + " " + syntheticHeads[r.IntN(len(syntheticHeads))])), Nec})
			}
		}
	}
	return titles, occs, groups
}

func poisson(r *rand.Rand, mean float64) int {
	// Knuth's method; the means here are small.
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// titleCase capitalises the first letter of each word (the words here are
// ASCII).
func titleCase(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		w[i] = strings.ToUpper(x[:1]) + x[1:]
	}
	return strings.Join(w, " ")
}

var syntheticHeads = []string{"worker", "officer", "clerk", "manager", "technician", "operator", "assistant",
	"engineer", "analyst", "attendant", "inspector", "supervisor", "adviser", "designer", "teacher", "driver",
	"mechanic", "nurse", "labourer", "coordinator", "specialist", "consultant", "instructor", "planner"}

var syntheticWords = []string{"accounts", "agricultural", "aircraft", "animal", "aquatic", "archive", "asset",
	"audio", "bakery", "bank", "beverage", "boat", "boiler", "building", "bus", "cabinet", "cargo", "cattle",
	"ceramic", "chemical", "child", "civil", "claims", "clinical", "coal", "community", "compliance", "concrete",
	"conference", "construction", "contract", "credit", "crop", "customs", "dairy", "data", "dental", "diesel",
	"digital", "drainage", "education", "electrical", "emergency", "energy", "environmental", "equipment",
	"event", "exhibition", "facilities", "farm", "fashion", "film", "finance", "fire", "fish", "fleet", "flight",
	"floor", "food", "forest", "freight", "fruit", "funeral", "furniture", "gaming", "garden", "gas", "glass",
	"grain", "graphic", "health", "heritage", "horse", "hospital", "hotel", "housing", "hydraulic", "industrial",
	"insurance", "interior", "irrigation", "jewellery", "kitchen", "laboratory", "land", "laundry", "leather",
	"legal", "library", "livestock", "loans", "logistics", "machine", "marine", "market", "meat", "media",
	"medical", "metal", "mining", "museum", "music", "network", "nursery", "office", "optical", "packaging",
	"paint", "parts", "patient", "payroll", "pest", "petroleum", "pharmacy", "photo", "pipe", "plant", "plastics",
	"port", "postal", "poultry", "power", "print", "prison", "product", "project", "property", "public", "quality",
	"radio", "rail", "records", "recreation", "recycling", "research", "retail", "road", "roof", "safety",
	"sales", "school", "security", "service", "sheet", "ship", "signal", "site", "software", "soil", "sound",
	"sports", "stage", "steel", "stock", "store", "survey", "systems", "tax", "textile", "theatre", "timber",
	"tourism", "traffic", "training", "transport", "travel", "tree", "tyre", "vehicle", "veterinary", "video",
	"warehouse", "waste", "water", "web", "welding", "wine", "wool", "youth"}
