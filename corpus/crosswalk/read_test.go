package crosswalk

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestReadANZSCOToISCO08(t *testing.T) {
	in := "anzsco_code,anzsco_title,isco08_code,partial,isco08_title\n" +
		"733111,Truck Driver (General),8332,p,Heavy truck and lorry drivers\n" +
		"121512,\"Grain, Oilseed, Pulse or Pasture Grower\",6111,p,Field crop and vegetable growers\n" +
		"254111,Midwife,2222,,Midwifery professionals\n"
	rows, err := ReadANZSCOToISCO08(strings.NewReader(in), "t.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []ISCORow{
		{"733111", "Truck Driver (General)", "8332", true, "Heavy truck and lorry drivers"},
		{"121512", "Grain, Oilseed, Pulse or Pasture Grower", "6111", true, "Field crop and vegetable growers"},
		{"254111", "Midwife", "2222", false, "Midwifery professionals"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("ReadANZSCOToISCO08 = %+v, want %+v", rows, want)
	}
}

func TestReadESCOOccupations(t *testing.T) {
	in := "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,code\n" +
		"Occupation,http://e/1,2654,Diretor técnico/Diretora técnica,\"Diretora técnica\nDiretor técnico\",\"Director técnico\",2654.1.7\n"
	occs, err := ReadESCOOccupations(strings.NewReader(in), "e.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []ESCOOccupation{{URI: "http://e/1", ISCO08: "2654", Code: "2654.1.7", Preferred: "Diretor técnico/Diretora técnica",
		Alt: []string{"Diretora técnica", "Diretor técnico"}, Hidden: []string{"Director técnico"}}}
	if !reflect.DeepEqual(occs, want) {
		t.Errorf("ReadESCOOccupations = %+v, want %+v", occs, want)
	}
}

func TestReadESCOEnglish(t *testing.T) {
	in := "ORIGINURI,ID,ISCOGROUPCODE,CODE,PREFERREDLABEL,ALTLABELS\n" +
		"http://e/1,k1,2654,2654.1.7,technical director,\"technical and operations director\nhead of technical\"\n"
	got, err := ReadESCOEnglish(strings.NewReader(in), "en.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []ESCOEnglish{{URI: "http://e/1", ISCO08: "2654", Preferred: "technical director", Alt: []string{"technical and operations director", "head of technical"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadESCOEnglish = %+v, want %+v", got, want)
	}
}

func TestReadESCOGroupNames(t *testing.T) {
	labels := "C1_pt\tCondutores de veículos pesados\nC2_pt\tMotoristas de veículos pesados de mercadorias\nC3_pt\tcondutor\n"
	concepts := "C1_pt\thttp://data.europa.eu/esco/isco/C833\nC2_pt\thttp://data.europa.eu/esco/isco/C8332\nC3_pt\thttp://data.europa.eu/esco/occupation/x\n"
	names, err := ReadESCOGroupNames(strings.NewReader(labels), "l.tsv", strings.NewReader(concepts), "c.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"833": "Condutores de veículos pesados", "8332": "Motoristas de veículos pesados de mercadorias"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("ReadESCOGroupNames = %v, want %v", names, want)
	}
}

func TestReadCBO(t *testing.T) {
	utf := "CODIGO;TITULO\n782510;Motorista de caminhão\n7825-10;Caçambeiro\n"
	latin, err := charmap.ISO8859_1.NewEncoder().String(utf)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadCBO(strings.NewReader(latin), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []CBOEntry{{"782510", "Motorista de caminhão"}, {"782510", "Caçambeiro"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCBO = %+v, want %+v", got, want)
	}
}

func TestReadCBOToISCO88(t *testing.T) {
	in := "CBO2002; Título CBO2002; CBO94; CIUO88\r\n" +
		"7825-10; Motorista de caminhão; 9-85.60; 8324\r\n" +
		"2241-20; Preparador físico; 1-81.25 3475\r\n" + // separator lost
		"8485-15; Desossador 7-73.25 7411\r\n" +
		"8110-10; Operador de sala de controle; 7-05.50\r\n" + // no ISCO-88 code
		";;;\r\n"
	links, skipped, err := ReadCBOToISCO88(strings.NewReader(in), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"782510": "8324", "224120": "3475", "848515": "7411"}
	if !reflect.DeepEqual(links, want) || skipped != 1 {
		t.Errorf("ReadCBOToISCO88 = %v, %d skipped, want %v, 1 skipped", links, skipped, want)
	}
}

func TestReadISCO88To08(t *testing.T) {
	in := "\ufeffLevel;CIUO-88 Título SP;Código CIUO-88;Código CIUO-08; CIUO-08 parte;CIUO-08 Título SP;\r\n" +
		"4;Operadores;8111;3121;;Supervisores;\r\n" +
		"4;Operadores;8111;8111;p;Mineros;\r\n" +
		";Operadores;8111;8111;p;Mineros;\r\n" + // repeated
		";;;;;;\r\n"
	rows, err := ReadISCO88To08(strings.NewReader(in), "c.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []ISCO88Row{{"8111", "3121", false}, {"8111", "8111", true}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("ReadISCO88To08 = %+v, want %+v", rows, want)
	}
}

// A file saved as UTF-16 is refused by every reader with the one message
// that says how to convert it, not read as garbage.
func TestReadRefusesUTF16(t *testing.T) {
	in := "\xff\xfeL\x00e\x00v\x00e\x00l\x00\n\x00"
	_, err := ReadISCO88To08(strings.NewReader(in), "c.csv")
	if !errors.Is(err, ErrFormat) || !strings.HasPrefix(fmt.Sprint(err), "c.csv: ") || !strings.Contains(fmt.Sprint(err), "is UTF-16") {
		t.Errorf("ReadISCO88To08(UTF-16) error = %v, want c.csv: ... is UTF-16, wrapping ErrFormat", err)
	}
	_, err = ReadCBO(strings.NewReader(in), "cbo.csv")
	if !errors.Is(err, ErrFormat) || !strings.Contains(fmt.Sprint(err), "is UTF-16") {
		t.Errorf("ReadCBO(UTF-16) error = %v, want ... is UTF-16, wrapping ErrFormat", err)
	}
}

func TestReadCPP(t *testing.T) {
	profs, err := ReadCPPProfessions(strings.NewReader("cpp2010_code,isco08_unit_group,titulo\n83320,8332,Motorista de veículos pesados de mercadorias\n"), "p.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := []CPPProfession{{"8332.0", "8332", "Motorista de veículos pesados de mercadorias"}}; !reflect.DeepEqual(profs, want) {
		t.Errorf("ReadCPPProfessions = %+v, want %+v", profs, want)
	}
	mapping := "Mapping project name,ESCO - Portuguese occupations\n\n\n" +
		"Classification 1 URI,Classification 1 PrefLabel,Classification 1 URL,Classification 2 ID,Classification 2 PrefLabel,Classification 2 URL,Mapping relation\n" +
		"http://e/1,Soldador a laser/Soldadora a laser,http://e/1,7212.1,Soldador,,skos:broadMatch\n"
	m, err := ReadCPPMapping(strings.NewReader(mapping), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := []CPPMapping{{"http://e/1", "Soldador a laser/Soldadora a laser", "7212.1", "Soldador", "skos:broadMatch"}}; !reflect.DeepEqual(m, want) {
		t.Errorf("ReadCPPMapping = %+v, want %+v", m, want)
	}
}

// TestReadErrors checks that bad input gives one line naming the file, the
// line and the problem.
func TestReadErrors(t *testing.T) {
	read := map[string]func(string) error{
		"abs":    func(s string) error { _, err := ReadANZSCOToISCO08(strings.NewReader(s), "t.csv"); return err },
		"esco":   func(s string) error { _, err := ReadESCOOccupations(strings.NewReader(s), "t.csv"); return err },
		"escoEN": func(s string) error { _, err := ReadESCOEnglish(strings.NewReader(s), "t.csv"); return err },
		"cbo":    func(s string) error { _, err := ReadCBO(strings.NewReader(s), "t.csv"); return err },
		"cbo88": func(s string) error {
			_, _, err := ReadCBOToISCO88(strings.NewReader(s), "t.csv")
			return err
		},
		"isco88":  func(s string) error { _, err := ReadISCO88To08(strings.NewReader(s), "t.csv"); return err },
		"cpp":     func(s string) error { _, err := ReadCPPProfessions(strings.NewReader(s), "t.csv"); return err },
		"mapping": func(s string) error { _, err := ReadCPPMapping(strings.NewReader(s), "t.csv"); return err },
		"groups": func(s string) error {
			_, err := ReadESCOGroupNames(strings.NewReader(s), "t.csv", strings.NewReader("C1\thttp://data.europa.eu/esco/isco/C8332\n"), "c.tsv")
			return err
		},
	}
	const absHead = "anzsco_code,anzsco_title,isco08_code,partial,isco08_title\n"
	tests := []struct {
		reader, in, want string
	}{
		{"abs", "", "t.csv: bad crosswalk file: the file is empty"},
		{"abs", "code,title\n", `t.csv:1: bad crosswalk file: no column "anzsco_code" in the header`},
		{"abs", absHead + "73311,Truck Driver,8332,p,x\n", `t.csv:2: bad crosswalk file: ANZSCO code "73311" is not six digits`},
		{"abs", absHead + "733111,Truck Driver,833,p,x\n", `t.csv:2: bad crosswalk file: ISCO-08 code "833" is not four digits`},
		{"abs", absHead + "733111,Truck Driver,8332,x,x\n", `t.csv:2: bad crosswalk file: partial is "x", want "p" or nothing`},
		{"abs", absHead + "733111,\"Truck, Driver,8332,p,x\n", `t.csv:2: bad crosswalk file: extraneous or missing " in quoted-field`},
		{"abs", absHead + "733111,Caf\xe9,8332,p,x\n", "t.csv:2: bad crosswalk file: not UTF-8"},
		{"esco", "conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,code\nu,83,x,,,c\n", `t.csv:2: bad crosswalk file: iscoGroup "83" is not four digits`},
		{"escoEN", "ORIGINURI,ISCOGROUPCODE,PREFERREDLABEL\n", `t.csv:1: bad crosswalk file: no column "ALTLABELS" in the header`},
		{"escoEN", "ORIGINURI,ISCOGROUPCODE,PREFERREDLABEL,ALTLABELS\nu,2654,,\n", "t.csv:2: bad crosswalk file: empty ORIGINURI or PREFERREDLABEL"},
		{"cbo", "codigo,titulo\n", "t.csv:1: bad crosswalk file: want the header CODIGO;TITULO"},
		{"cbo", "CODIGO;TITULO\n78251;Motorista\n", `t.csv:2: bad crosswalk file: CBO code "78251" is not six digits`},
		{"cbo", "CODIGO;TITULO\n782510\n", "t.csv:2: bad crosswalk file: want CODIGO;TITULO"},
		{"cbo88", "CBO2002; Título\nMotorista; 8324\n", "t.csv:2: bad crosswalk file: the row does not start with a CBO 2002 code (9999-99)"},
		{"cbo88", "CBO2002; Título\n7825-10; a; 9-85.60; 8324\n7825-10; a; 9-85.60; 8322\n", "t.csv:3: bad crosswalk file: CBO 7825-10 has ISCO-88 8324 and 8322"},
		{"isco88", "Level;Código CIUO-88;Código CIUO-08;CIUO-08 parte\n4;832;8332;\n", `t.csv:2: bad crosswalk file: codes "832" and "8332" are not both four digits`},
		{"cpp", "cpp2010_code,isco08_unit_group,titulo\n83320,8331,Motorista\n", `t.csv:2: bad crosswalk file: ISCO-08 group "8331" is not the first four digits of CPP code 83320`},
		{"mapping", "a,b\n", `t.csv: bad crosswalk file: no header line starting "Classification 1 URI"`},
		{"groups", "C1 no tab\n", "t.csv:1: bad crosswalk file: want an id, a tab and a value"},
	}
	for _, tt := range tests {
		err := read[tt.reader](tt.in)
		if err == nil || err.Error() != tt.want || !errors.Is(err, ErrFormat) {
			t.Errorf("%s(%q) error = %v, want %q wrapping ErrFormat", tt.reader, tt.in, err, tt.want)
		}
	}
}

func TestReadTooLarge(t *testing.T) {
	big := strings.NewReader(strings.Repeat("x", MaxFileSize+1))
	_, err := ReadCBO(big, "big.csv")
	if want := "big.csv: bad crosswalk file: larger than 32 MiB"; err == nil || err.Error() != want {
		t.Errorf("ReadCBO(33 MiB) error = %v, want %q", err, want)
	}
}
