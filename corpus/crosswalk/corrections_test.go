package crosswalk

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadCorrections(t *testing.T) {
	c, err := ReadCorrections(strings.NewReader(`# a comment
cbo 7825 → 8332: family 7825 drives trucks
cbo 7825-15 → 8331: the occupation wins over its family

isco88 2230 → 2221: nursing professionals
main 6121 → 121312: livestock farmers hold the bulk
`), "c.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := &Corrections{
		CBO: map[string]Fix{
			"7825":   {To: []string{"8332"}, Reason: "family 7825 drives trucks"},
			"782515": {To: []string{"8331"}, Reason: "the occupation wins over its family"},
		},
		ISCO88: map[string]Fix{"2230": {To: []string{"2221"}, Reason: "nursing professionals"}},
		Main:   map[string]Fix{"6121": {To: []string{"121312"}, Reason: "livestock farmers hold the bulk"}},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("ReadCorrections = %+v, want %+v", c, want)
	}
}

func TestReadCorrectionsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"cbo 7825 → 8332\n", "c.txt:1: bad crosswalk file: want KIND CODE → CODE...: reason"},
		{"cbo 7825 → 8332:   \n", "c.txt:1: bad crosswalk file: want KIND CODE → CODE...: reason"},
		{"isco 2230 → 2221: why\n", `c.txt:1: bad crosswalk file: kind "isco", want cbo, isco88 or main`},
		{"cbo 78251 → 8332: why\n", `c.txt:1: bad crosswalk file: CBO code "78251", want a family (4110) or an occupation (4110-10)`},
		{"isco88 223 → 2221: why\n", `c.txt:1: bad crosswalk file: isco88 code "223", want four digits`},
		{"main 6121 → 1213: why\n", `c.txt:1: bad crosswalk file: "1213", want 6 digits`},
		{"cbo 7825 → 83321: why\n", `c.txt:1: bad crosswalk file: "83321", want 4 digits`},
		{"cbo 7825 → 8332: why\n\ncbo 7825 → 8331: again\n", "c.txt:3: bad crosswalk file: cbo 7825 is corrected twice"},
	}
	for _, tt := range tests {
		_, err := ReadCorrections(strings.NewReader(tt.in), "c.txt")
		if err == nil || err.Error() != tt.want || !errors.Is(err, ErrFormat) {
			t.Errorf("ReadCorrections(%q) = %v, want %s", tt.in, err, tt.want)
		}
	}
}

func TestDefaultCorrections(t *testing.T) {
	c, err := DefaultCorrections()
	if err != nil {
		t.Fatal(err)
	}
	// The most common office job of Brazil: family 4110 are general office
	// clerks, not the accounting clerks of the Ministry's table.
	if got := c.CBO["4110"].To; !reflect.DeepEqual(got, []string{"4110"}) {
		t.Errorf("cbo 4110 → %v, want [4110]", got)
	}
	for kind, table := range map[string]map[string]Fix{FixCBO: c.CBO, FixISCO88: c.ISCO88, FixMain: c.Main} {
		for code, fix := range table {
			if fix.Reason == "" || strings.ContainsAny(fix.Reason, "\t\n") {
				t.Errorf("%s %s: reason %q", kind, code, fix.Reason)
			}
		}
	}
}

// TestCorrectionsApplied builds titles from smallSources with a correction
// of each kind and checks where the titles go and that their provenance
// says they were corrected.
func TestCorrectionsApplied(t *testing.T) {
	src := smallSources()
	src.Corrections = &Corrections{
		// Every caminhoneiro (family 7825) drives a fuel tanker.
		CBO: map[string]Fix{"7825": {To: []string{"8331"}, Reason: "test: tankers"}},
		// ISCO-88 2230 nurses are all midwives.
		ISCO88: map[string]Fix{"2230": {To: []string{"2222"}, Reason: "test: midwives"}},
		// ISCO-08 6121 is livestock farmers, not their senior workers.
		Main: map[string]Fix{"6121": {To: []string{"121312"}, Reason: "test: farmers"}},
	}
	src.Correspondence = append(src.Correspondence, ISCORow{ANZSCO: "733114", ISCO08: "8331", Partial: true})
	got, st, err := PortugueseTitles(src)
	if err != nil {
		t.Fatal(err)
	}
	find := func(text, target string) string {
		for _, x := range got {
			if x.Text == text && x.Target == target {
				return x.Source
			}
		}
		return ""
	}
	for _, tt := range []struct{ text, target, source string }{
		{"Caminhoneiro", "733114", "CBO 2002 synonym of 7825-15, via ISCO-08 8331 (corrected: test: tankers)"},
		{"Motorista de caminhão", "733114", "CBO 2002 occupation 7825-10, via ISCO-08 8331 (corrected: test: tankers)"},
		{"Criador de gado", "121312", "CBO 2002 synonym of 6123-05, via its family 6123, ISCO-88 6121 → ISCO-08 6121; ISCO-08 6121 taken as ANZSCO 121312 (corrected: test: farmers)"},
	} {
		if s := find(tt.text, tt.target); s != tt.source {
			t.Errorf("%s → %s: source %q, want %q", tt.text, tt.target, s, tt.source)
		}
	}
	// The CBO enfermeiro now goes to the midwives (254111), where ESCO's
	// label of the same text comes first, and no longer to the nurses.
	for _, x := range [][2]string{{"Criador de gado", "363211"}, {"Enfermeiro", "254"}} {
		if s := find(x[0], x[1]); s != "" {
			t.Errorf("%s still goes to %s (%s)", x[0], x[1], s)
		}
	}
	if st.Corrected != 5 {
		t.Errorf("Corrected = %d, want 5 (caminhão, camião, caminhoneiro, enfermeiro, criador: the CBO labels whose path a correction changed)", st.Corrected)
	}
	// A main correction may only narrow a group whose rows are all partial,
	// to occupations of the group.
	src.Corrections.Main = map[string]Fix{"6121": {To: []string{"733111"}, Reason: "wrong"}}
	if _, _, err := PortugueseTitles(src); err == nil {
		t.Error("a main correction to an occupation outside the group: no error")
	}
	src.Corrections.Main = map[string]Fix{"2222": {To: []string{"254111"}, Reason: "full"}}
	if _, _, err := PortugueseTitles(src); err == nil {
		t.Error("a main correction of a group with a full row: no error")
	}
}
