package crosswalk

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestSplitLabel(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Diretor técnico/Diretora técnica", []string{"Diretor técnico", "Diretora técnica"}},
		{"redator médico/redatora médica", []string{"redator médico", "redatora médica"}},
		{"maestro/maestrina", []string{"maestro", "maestrina"}},
		{"Monge/Freira", []string{"Monge", "Freira"}},
		{"Modelador de metais ornamentais/Modeladora", []string{"Modelador de metais ornamentais", "Modeladora de metais ornamentais"}},
		{"Nadador-salvador/Nadadora-salvadora", []string{"Nadador-salvador", "Nadadora-salvadora"}},
		{"criador de jogos de azar /criadora de jogos de azar", []string{"criador de jogos de azar", "criadora de jogos de azar"}},
		{"Auxiliar de cozinha/Ajudante de cozinha", []string{"Auxiliar de cozinha", "Ajudante de cozinha"}},
		{"Operador(a)", []string{"Operador", "Operadora"}},
		{"Camareiro(a) de teatro", []string{"Camareiro de teatro", "Camareira de teatro"}},
		{"Secretária(o) executiva(o)", []string{"Secretária executiva", "Secretário executivo"}},
		{"Motorista (m/f)", []string{"Motorista"}},
		{"Motorista de camião (M/F/D)", []string{"Motorista de camião"}},
		{"Cegonheiro ( motorista de caminhão)", []string{"Cegonheiro (motorista de caminhão)"}},
		// Slashes that do not join two titles.
		{"Manicure/pedicure", []string{"Manicure/pedicure"}},
		{"Técnico de TI/TIC", []string{"Técnico de TI/TIC"}},
		{"Engenheira especialista em energia eólica/solar", []string{"Engenheira especialista em energia eólica/solar"}},
		{"Médico patologista clínico / medicina laboratorial", []string{"Médico patologista clínico / medicina laboratorial"}},
		{"Diretor de importação/exportação de flores/Diretora de importação/exportação de flores",
			[]string{"Diretor de importação/exportação de flores", "Diretora de importação/exportação de flores"}},
		{"Labirinteira bordadeira, a mão.", []string{"Labirinteira bordadeira, a mão"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		if got := SplitLabel(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Motorista de Camião", "motorista de camiao"},
		{"  Técnico   de  Saúde ", "tecnico de saude"},
		{"ENFERMEIRO", "enfermeiro"},
		{"Diretor de operações — vestuário", "diretor de operacoes - vestuario"}, // the index's folding: dashes as ASCII
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTargets(t *testing.T) {
	many := func(minors int) []string {
		var occs []string
		for i := 0; i < minors; i++ {
			occs = append(occs, string(rune('1'+i))+"11111")
		}
		return occs
	}
	tests := []struct {
		name string
		occs []string
		want []string
	}{
		{"one occupation", []string{"254111"}, []string{"254111"}},
		{"one, repeated", []string{"254111", "254111"}, []string{"254111"}},
		{"one unit group", []string{"733111", "733112", "733115"}, []string{"7331"}},
		{"one minor group", []string{"254211", "254311", "254411"}, []string{"254"}},
		{"two minor groups", []string{"121312", "121313", "121511", "363211"}, []string{"121", "363211"}},
		{"at the limit", many(MaxMinorGroups), many(MaxMinorGroups)},
		{"too wide", many(MaxMinorGroups + 1), nil},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		if got := Targets(tt.occs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Targets(%v) = %v, want %v", tt.name, tt.occs, got, tt.want)
		}
	}
}

func TestAnzscoByISCOPrefersFullRows(t *testing.T) {
	got := anzscoByISCO([]ISCORow{
		{ANZSCO: "111111", ISCO08: "1120", Partial: true},
		{ANZSCO: "111211", ISCO08: "1120", Partial: false},
		{ANZSCO: "733111", ISCO08: "8332", Partial: true},
		{ANZSCO: "733112", ISCO08: "8332", Partial: true},
	}, nil)
	want := map[string][]string{"1120": {"111211"}, "8332": {"733111", "733112"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("anzscoByISCO = %v, want %v", got, want)
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		g    string
		list []string
		want []string
	}{
		{"8111", []string{"3121", "8111"}, []string{"8111"}},
		{"2230", []string{"1342", "1343", "2221", "2222", "3221", "3222"}, []string{"2221", "2222"}},
		{"2131", []string{"2511", "2512"}, nil},
	}
	for _, tt := range tests {
		if got := nearest(tt.g, tt.list); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("nearest(%s, %v) = %v, want %v", tt.g, tt.list, got, tt.want)
		}
	}
}

// smallSources is a hand-built set of crosswalks: trucks, nurses and farms.
func smallSources() Sources {
	return Sources{
		Correspondence: []ISCORow{
			{ANZSCO: "733111", ANZSCOTitle: "Truck Driver (General)", ISCO08: "8332", Partial: true},
			{ANZSCO: "733112", ANZSCOTitle: "Aircraft Refueller", ISCO08: "8332", Partial: true},
			{ANZSCO: "254111", ISCO08: "2222"},
			{ANZSCO: "254411", ISCO08: "2221", Partial: true},
			{ANZSCO: "254311", ISCO08: "2221", Partial: true},
			{ANZSCO: "121312", ISCO08: "6121", Partial: true},
			{ANZSCO: "363211", ISCO08: "6121", Partial: true},
			{ANZSCO: "212111", ISCO08: "2654", Partial: true},
		},
		ESCO: []ESCOOccupation{
			{URI: "u1", ISCO08: "8332", Preferred: "Motorista de camião/Motorista de camião",
				Alt: []string{"camionista", "Motorista de pesados (m/f)", "Operador"}, Hidden: []string{"Camionista", "Canalizador"}},
			{URI: "u4", ISCO08: "8332", Preferred: "Motorista de reabastecimento"},
			{URI: "u3", ISCO08: "2654", Preferred: "Diretor técnico/Diretora técnica", Hidden: []string{"Director técnico"}},
			{URI: "u2", ISCO08: "2222", Preferred: "Parteira/Parteiro", Alt: []string{"Enfermeiro"}},
		},
		ESCOEnglish: []ESCOEnglish{
			{URI: "u1", ISCO08: "8332", Preferred: "Truck driver", Alt: []string{"lorry driver"}},
			// Alternative labels do not count: no narrower target.
			{URI: "u4", ISCO08: "8332", Preferred: "fuel tanker driver", Alt: []string{"truck driver"}},
		},
		ANZSCOTitles:   map[string][]string{"733111": {"Truck Driver", "Heavy Truck Driver (Aus)"}},
		ESCOGroups:     map[string]string{"8332": "Motoristas de veículos pesados de mercadorias", "833": "Condutores de veículos pesados"},
		CBOOccupations: []CBOEntry{{"782510", "Motorista de caminhão"}, {"223505", "Enfermeiro"}, {"999999", "Desconhecido"}},
		CBOSynonyms:    []CBOEntry{{"782510", "Motorista de camião"}, {"782515", "Caminhoneiro"}, {"612305", "Criador de gado"}},
		CBOToISCO88:    map[string]string{"782510": "8324", "223505": "2230", "612310": "6121"},
		ISCO88To08: []ISCO88Row{
			{"8324", "8332", false},
			{"2230", "1342", true}, {"2230", "2221", true},
			{"6121", "6121", true},
		},
		CPP: []CPPProfession{{"8332.0", "8332", "Motorista de veículos pesados de mercadorias"}, {"2221.1", "2221", "Enfermeiro de cuidados gerais"}},
		CPPMapping: []CPPMapping{
			{ESCOURI: "u2", CPPCode: "2221.1", CPPTitle: "Enfermeiro de cuidados gerais", Relation: "skos:broadMatch"},
			{ESCOURI: "u1", CPPCode: "8332.0", CPPTitle: "Motorista de veículos pesados de mercadorias", Relation: "skos:exactMatch"},
		},
	}
}

func TestPortugueseTitles(t *testing.T) {
	got, st, err := PortugueseTitles(smallSources())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteTSV(&b, got); err != nil {
		t.Fatal(err)
	}
	want := `target	text	variant	source
121312	Criador de gado	pt-BR	CBO 2002 synonym of 6123-05, via its family 6123, ISCO-88 6121 → ISCO-08 6121; shared with ANZSCO 363211
212111	Director técnico	pt-PT	ESCO 1.2 hidden label of 'diretor técnico', ISCO-08 2654
212111	Diretor técnico	pt-PT	ESCO 1.2 preferred label, ISCO-08 2654
212111	Diretora técnica	pt-PT	ESCO 1.2 preferred label, ISCO-08 2654
254	Enfermeiro	pt-BR	CBO 2002 occupation 2235-05, via ISCO-88 2230 → ISCO-08 2221
254	Enfermeiro de cuidados gerais	pt-PT	CPP 2010 profession 2221.1, ISCO-08 2221
254111	Enfermeiro	pt-PT	ESCO 1.2 alternative label of 'parteira', ISCO-08 2222
254111	Parteira	pt-PT	ESCO 1.2 preferred label, ISCO-08 2222
254111	Parteiro	pt-PT	ESCO 1.2 preferred label, ISCO-08 2222
363211	Criador de gado	pt-BR	CBO 2002 synonym of 6123-05, via its family 6123, ISCO-88 6121 → ISCO-08 6121; shared with ANZSCO 121312
7331	Caminhoneiro	pt-BR	CBO 2002 synonym of 7825-15, via its family 7825, ISCO-88 8324 → ISCO-08 8332
7331	Motorista de camião	pt-BR	CBO 2002 synonym of 7825-10, via ISCO-88 8324 → ISCO-08 8332
7331	Motorista de caminhão	pt-BR	CBO 2002 occupation 7825-10, via ISCO-88 8324 → ISCO-08 8332
7331	Motorista de reabastecimento	pt-PT	ESCO 1.2 preferred label, ISCO-08 8332
7331	Motoristas de veículos pesados de mercadorias	pt-PT	ESCO name of ISCO-08 unit group 8332
733111	camionista	pt-PT	ESCO 1.2 alternative label of 'motorista de camião', ISCO-08 8332; its English label 'Truck driver' is a title of ANZSCO 733111
733111	Motorista de camião	pt-PT	ESCO 1.2 preferred label, ISCO-08 8332; its English label 'Truck driver' is a title of ANZSCO 733111
733111	Motorista de pesados	pt-PT	ESCO 1.2 alternative label of 'motorista de camião', ISCO-08 8332; its English label 'Truck driver' is a title of ANZSCO 733111
733111	Motorista de veículos pesados de mercadorias	pt-PT	CPP 2010 profession 8332.0, ISCO-08 8332; the same as ESCO 'motorista de camião'; its English label 'Truck driver' is a title of ANZSCO 733111
`
	if b.String() != want {
		t.Errorf("PortugueseTitles:\n%s\nwant:\n%s", b.String(), want)
	}
	// "Operador" alone is generic; the hidden "Camionista" is a duplicate;
	// "Desconhecido" (999999) has no ISCO-88 code, nor has its family;
	// "Criador de gado" goes to two minor groups; the hidden "Canalizador"
	// is not a spelling of a truck driver's label. The ESCO truck driver
	// goes to 733111 alone, its English label being an ANZSCO title of it,
	// and the CPP profession that matches it exactly follows it.
	if st.Generic != 1 || st.Duplicates != 1 || st.NoISCO08 != 1 || st.CBOFamily != 2 || st.Spread != 1 || st.NotSpelling != 1 ||
		st.Pinned != 1 || st.PinnedCPP != 1 {
		t.Errorf("stats = %+v, want 1 generic, 1 duplicate, 1 without ISCO-08, 2 via family, 1 spread, 1 hidden label not a spelling, 1 ESCO and 1 CPP pinned", st)
	}
	if st.Levels[6] != 12 || st.Levels[4] != 5 || st.Levels[3] != 2 {
		t.Errorf("levels = %v, want 12 occupation, 5 unit group, 2 minor group titles", st.Levels)
	}
}

func TestTSVRoundTrip(t *testing.T) {
	titles, _, err := PortugueseTitles(smallSources())
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := WriteGzipTSV(&a, titles); err != nil {
		t.Fatal(err)
	}
	if err := WriteGzipTSV(&b, titles); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("WriteGzipTSV wrote different bytes for the same titles")
	}
	var plain bytes.Buffer
	if err := WriteTSV(&plain, titles); err != nil {
		t.Fatal(err)
	}
	back, err := ReadTSV(&plain, "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, titles) {
		t.Errorf("ReadTSV(WriteTSV(titles)) = %v, want %v", back, titles)
	}
}

func TestReadTSVErrors(t *testing.T) {
	const head = "target\ttext\tvariant\tsource\n"
	tests := []struct{ in, want string }{
		{"", "t.tsv: bad crosswalk file: no titles"},
		{"code\ttext\n", `t.tsv:1: bad crosswalk file: want the header "target\ttext\tvariant\tsource"`},
		{head + "7331\tMotorista\tpt-BR\n", "t.tsv:2: bad crosswalk file: 3 fields, want 4 (target, text, variant, source)"},
		{head + "73311\tMotorista\tpt-BR\tCBO\n", `t.tsv:2: bad crosswalk file: target "73311" is not a 3-, 4- or 6-digit ANZSCO code`},
		{head + "7331\t\tpt-BR\tCBO\n", "t.tsv:2: bad crosswalk file: empty text"},
		{head + "7331\tMotorista\tpt\tCBO\n", `t.tsv:2: bad crosswalk file: variant "pt", want pt-BR, pt-PT or nothing`},
		{head + "7331\tMotorista\tpt-BR\t\n", "t.tsv:2: bad crosswalk file: empty source"},
	}
	for _, tt := range tests {
		_, err := ReadTSV(strings.NewReader(tt.in), "t.tsv")
		if err == nil || err.Error() != tt.want {
			t.Errorf("ReadTSV(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
	if err := WriteTSV(&bytes.Buffer{}, []PTTitle{{Text: "a\tb", Target: "7331", Source: "x"}}); err == nil {
		t.Error("WriteTSV wrote a title with a tab in it")
	}
}

func TestCoverageOf(t *testing.T) {
	titles := []PTTitle{{Target: "254111"}, {Target: "7331"}, {Target: "121"}}
	got := CoverageOf(titles, []string{"254111", "733111", "733112", "121617", "999999", "12"})
	want := Coverage{Occupation: 1, UnitGroup: 2, MinorGroup: 1, Missing: []string{"12", "999999"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CoverageOf = %+v, want %+v", got, want)
	}
}

func TestGenericPatterns(t *testing.T) {
	p, err := ReadPatterns(strings.NewReader("# roles\nGerente\noutros *\n* n.e\n"), "g.txt")
	if err != nil {
		t.Fatal(err)
	}
	for s, want := range map[string]bool{"gerente": true, "GERENTE": true, "Gerente de loja": false, "Outros oficiais do Exército": true, "outros": false,
		"Director de outros serviços, n.e": true, "Director de serviços": false} {
		if got := p.Match(s); got != want {
			t.Errorf("Match(%q) = %v, want %v", s, got, want)
		}
	}
	if _, err := ReadPatterns(strings.NewReader("gerente\nGerênte\n"), "g.txt"); err == nil || err.Error() != `g.txt:2: bad crosswalk file: "Gerênte" repeats line 1` {
		t.Errorf("ReadPatterns with a repeated line: error = %v", err)
	}
	if _, err := Generic(); err != nil {
		t.Errorf("embedded generic list: %v", err)
	}
}

func TestOrigin(t *testing.T) {
	for source, want := range map[string]string{
		"CBO 2002 synonym of 7825-10, via ISCO-88 8324 → ISCO-08 8332": "CBO 2002",
		"ESCO 1.2 preferred label, ISCO-08 8332":                       "ESCO",
		"ESCO name of ISCO-08 unit group 8332":                         "ESCO",
		"CPP 2010 profession 8332.0, ISCO-08 8332":                     "CPP 2010",
		"hand-written": "",
	} {
		if got := (PTTitle{Source: source}).Origin(); got != want {
			t.Errorf("Origin(%q) = %q, want %q", source, got, want)
		}
	}
}
