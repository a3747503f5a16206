package crosswalk

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/anzsco/anzsco/corpus/abs/abstest"
)

// sharedCrosswalks returns the directory shared/crosswalks beside the
// repository, found by walking up from the working directory. Without it
// the test is skipped, except in CI (CI=true), where it fails: there the
// files must be present.
func sharedCrosswalks(t testing.TB) string {
	t.Helper()
	if p := abstest.FindSharedDir("crosswalks", FileCorrespondence); p != "" {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("the crosswalks (shared/crosswalks, see its SOURCES.md) are missing, and CI=true requires them")
	}
	t.Skip("the crosswalks (shared/crosswalks) are not present")
	return ""
}

var (
	realOnce   sync.Once
	realSrc    Sources
	realTitles []PTTitle
	realStats  Stats
	realErr    error
)

// derive reads the shared crosswalks and derives the titles, once per test
// binary.
func derive(t *testing.T) (Sources, []PTTitle, Stats) {
	t.Helper()
	dir := sharedCrosswalks(t)
	absDir := abstest.FindShared()
	if absDir == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("the ABS index of titles (shared/abs) is missing, and CI=true requires it")
		}
		t.Skip("the ABS index of titles (shared/abs) is not present")
	}
	realOnce.Do(func() {
		if realSrc, realErr = LoadSources(dir); realErr != nil {
			return
		}
		if realSrc.ANZSCOTitles, realErr = ReadANZSCOTitlesFile(filepath.Join(absDir, abstest.TitlesFile)); realErr != nil {
			return
		}
		realTitles, realStats, realErr = PortugueseTitles(realSrc)
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	return realSrc, realTitles, realStats
}

// TestGeneratedIsCurrent checks that the committed data/pt-titles.tsv.gz
// is, byte for byte, what the crosswalks give today. Run go generate in
// corpus/crosswalk when it fails.
func TestGeneratedIsCurrent(t *testing.T) {
	_, titles, _ := derive(t)
	var buf bytes.Buffer
	if err := WriteGzipTSV(&buf, titles); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), titlesGz) {
		t.Errorf("data/pt-titles.tsv.gz is out of date (%d bytes, the crosswalks give %d): run go generate ./corpus/crosswalk", len(titlesGz), buf.Len())
	}
}

// TestRealCoverage checks that every occupation of the ABS correspondence
// has a Portuguese title of its own or through its unit or minor group, and
// that 121617 Wine Grape Grower, which has no ISCO-08 row, has none of its
// own but shares those of its unit group 1216 Horticultural Crop Growers.
func TestRealCoverage(t *testing.T) {
	src, titles, st := derive(t)
	occs := src.Occupations()
	if len(occs) != 1075 {
		t.Errorf("the correspondence has %d occupations, want 1,075", len(occs))
	}
	cov := CoverageOf(titles, occs)
	t.Logf("%d titles; of %d occupations: %d with titles of their own, %d through their unit group, %d through their minor group",
		len(titles), len(occs), cov.Occupation, cov.UnitGroup, cov.MinorGroup)
	t.Logf("titles per target level: occupation %d, unit group %d, minor group %d", st.Levels[6], st.Levels[4], st.Levels[3])
	if len(cov.Missing) > 0 {
		t.Errorf("%d occupations have no Portuguese title at any level: %v", len(cov.Missing), cov.Missing)
	}

	if slices.Contains(occs, "121617") {
		t.Error("121617 has an ISCO-08 row; the documentation says it has none")
	}
	wine := CoverageOf(titles, []string{"121617"})
	if wine.Occupation != 0 || wine.UnitGroup != 1 {
		t.Errorf("121617 Wine Grape Grower: coverage %+v, want titles through its unit group only", wine)
	}
}

// TestRealChains checks titles that must reach their ANZSCO target through
// a known path.
func TestRealChains(t *testing.T) {
	_, titles, _ := derive(t)
	checkChains(t, titles)
}

// TestEmbeddedChains runs the same checks on the embedded titles, which
// need no shared files.
func TestEmbeddedChains(t *testing.T) {
	titles, err := Titles()
	if err != nil {
		t.Fatal(err)
	}
	checkChains(t, titles)
	gen, err := Generic()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range titles {
		if gen.Match(tt.Text) {
			t.Errorf("embedded title %q of %s matches data/pt-generic.txt: regenerate the data", tt.Text, tt.Target)
		}
	}
}

func checkChains(t *testing.T, titles []PTTitle) {
	t.Helper()
	byText := map[string][]PTTitle{}
	for _, tt := range titles {
		byText[Fold(tt.Text)] = append(byText[Fold(tt.Text)], tt)
	}
	find := func(text string) []PTTitle { return byText[Fold(text)] }
	tests := []struct {
		text, target, source, variant string
	}{
		// A CBO synonym of a truck driver reaches Truck Drivers through
		// ISCO-88 8324 Heavy truck drivers and ISCO-08 8332.
		{"Motorista de caminhão", "7331", "CBO 2002 synonym of 7825-10, via ISCO-88 8324 → ISCO-08 8332", "pt-BR"},
		// The CPP 2010 profession for the same ISCO-08 group.
		{"Motorista de veículos pesados de mercadorias", "7331", "CPP 2010 profession 8332.0, ISCO-08 8332", "pt-PT"},
		// ISCO-08 2221 Nursing professionals covers nurse educators (2542),
		// managers (2543) and registered nurses (2544): minor group 254.
		{"Enfermeiro", "254", "CBO 2002 occupation 2235-05, via ISCO-88 2230 → ISCO-08 2221, 2222", "pt-BR"},
		// ISCO-08 7115 Carpenters and joiners holds carpenters, joiners,
		// boat builders and home improvement installers (minor groups 331,
		// 399 and 821); ESCO's English "carpenter" is 331212 Carpenter.
		{"Carpinteiro", "331212", "ESCO 1.2 preferred label, ISCO-08 7115; its English label 'carpenter' is a title of ANZSCO 331212", ""},
		// A CPP 2010 profession follows the ESCO occupation it matches
		// exactly: ISCO-08 2341 Primary school teachers holds ANZSCO 2412,
		// 2413 and two 4221 assistants; "primary school teacher" is 241213.
		{"Professor do ensino básico (1º ciclo)", "241213", "CPP 2010 profession 2341.0, ISCO-08 2341; the same as ESCO 'professor do ensino básico'; its English label 'primary school teacher' is a title of ANZSCO 241213", "pt-PT"},
		// ISCO-08 2222 is Midwife alone.
		{"Parteira", "254111", "", ""},
		// A gendered ESCO label gives both titles.
		// ISCO-08 2654 Film, stage and related directors and producers
		// covers ANZSCO 2121 and 2123 (minor group 212), but ESCO's English
		// "technical director" is ANZSCO 212317 Technical Director.
		{"Diretor técnico", "212317", "ESCO 1.2 preferred label, ISCO-08 2654; its English label 'technical director' is a title of ANZSCO 212317", ""},
		{"Diretora técnica", "212317", "ESCO 1.2 preferred label, ISCO-08 2654; its English label 'technical director' is a title of ANZSCO 212317", ""},
		// ISCO-08 2261 Dentists is ANZSCO 2523 Dental Practitioners.
		{"Médico dentista", "2523", "", "pt-PT"},
	}
	for _, tt := range tests {
		got := find(tt.text)
		ok := false
		for _, g := range got {
			if g.Target == tt.target && (tt.source == "" || g.Source == tt.source) && (tt.variant == "" || g.Variant == tt.variant) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: got %+v, want target %s, source %q, variant %q", tt.text, got, tt.target, tt.source, tt.variant)
		}
	}
	for _, g := range find("Enfermeiro") {
		if !strings.HasPrefix(g.Target, "254") {
			t.Errorf("Enfermeiro reaches %s (%s), outside minor group 254", g.Target, g.Source)
		}
	}
}
