package crosswalk

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReaders checks that no input makes a reader panic.
func FuzzReaders(f *testing.F) {
	f.Add("CODIGO;TITULO\n782510;Motorista de caminhão\n")
	f.Add("CBO2002; Título; CBO94; CIUO88\n7825-10; Motorista; 9-85.60; 8324\n2241-20; Preparador 1-81.25 3475\n")
	f.Add("anzsco_code,anzsco_title,isco08_code,partial,isco08_title\n733111,Truck Driver,8332,p,x\n")
	f.Add("Level;CIUO-88 Título SP;Código CIUO-88;Código CIUO-08; CIUO-08 parte\n4;x;8324;8332;;\n")
	f.Add("target\ttext\tvariant\tsource\n7331\tMotorista\tpt-BR\tCBO\n")
	f.Add("cbo 4110 → 4110: why\nisco88 4222 → 4226 4224: why\nmain 3343 → 521111: why\n")
	f.Fuzz(func(t *testing.T, in string) {
		ReadCBO(strings.NewReader(in), "f")
		ReadCBOToISCO88(strings.NewReader(in), "f")
		ReadANZSCOToISCO08(strings.NewReader(in), "f")
		ReadISCO88To08(strings.NewReader(in), "f")
		ReadESCOOccupations(strings.NewReader(in), "f")
		ReadESCOEnglish(strings.NewReader(in), "f")
		ReadCPPProfessions(strings.NewReader(in), "f")
		ReadCPPMapping(strings.NewReader(in), "f")
		ReadESCOGroupNames(strings.NewReader(in), "f", strings.NewReader(in), "g")
		ReadPatterns(strings.NewReader(in), "f")
		ReadTSV(strings.NewReader(in), "f")
		ReadCorrections(strings.NewReader(in), "f")
	})
}

// FuzzSplitLabel checks that splitting never panics and never gives an
// empty title or one with a gender note left in it.
func FuzzSplitLabel(f *testing.F) {
	for _, s := range []string{"Diretor técnico/Diretora técnica", "Operador(a)", "Motorista (m/f)", "a/b/c", "(a)", "/", "Ç(os)/ç(as)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, label string) {
		for _, s := range SplitLabel(label) {
			if s == "" {
				t.Fatalf("SplitLabel(%q) gave an empty title", label)
			}
			if genderMarker.MatchString(s) {
				t.Fatalf("SplitLabel(%q) left a gender note in %q", label, s)
			}
		}
	})
}

// FuzzPortugueseTitles derives titles from hand-built sources with fuzzed
// codes and labels, which must not panic.
func FuzzPortugueseTitles(f *testing.F) {
	f.Add("733111", "8332", "8324", "782510", "Motorista de camião/Motorista de camião", "8332.0")
	f.Add("1", "", "x", "12", "(a)", "1")
	f.Fuzz(func(t *testing.T, anzsco, isco08, isco88, cbo, label, cpp string) {
		src := Sources{
			Correspondence: []ISCORow{{ANZSCO: anzsco, ISCO08: isco08}},
			ESCO:           []ESCOOccupation{{URI: "u", ISCO08: isco08, Preferred: label, Alt: []string{label}, Hidden: []string{label}}},
			ESCOEnglish:    []ESCOEnglish{{URI: "u", ISCO08: isco08, Preferred: label}},
			ESCOGroups:     map[string]string{isco08: label},
			CBOOccupations: []CBOEntry{{cbo, label}},
			CBOToISCO88:    map[string]string{cbo: isco88},
			ISCO88To08:     []ISCO88Row{{isco88, isco08, false}},
			CPP:            []CPPProfession{{cpp, isco08, label}},
			CPPMapping:     []CPPMapping{{ESCOURI: "u", CPPCode: cpp, CPPTitle: label, Relation: "skos:exactMatch"}},
		}
		titles, _, err := PortugueseTitles(src)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteTSV(&buf, titles); err != nil {
			return
		}
		if _, err := ReadTSV(&buf, "f"); err != nil && len(titles) > 0 {
			t.Fatalf("ReadTSV(WriteTSV(%v)): %v", titles, err)
		}
	})
}
