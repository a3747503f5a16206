package lexicon

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadNoise(t *testing.T) {
	in := "# comment\n[contract]\nCLT\n  PJ  \n\n[work mode]\nHíbrido\n"
	got, err := ReadNoise(strings.NewReader(in), "n.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []Noise{{"contract", "CLT", 3}, {"contract", "PJ", 4}, {"work mode", "Híbrido", 7}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadNoise = %+v, want %+v", got, want)
	}
}

func TestReadVariants(t *testing.T) {
	in := "[transport]\nônibus | autocarro\ncaminhão|camião\n"
	got, err := ReadVariants(strings.NewReader(in), "v.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []Variant{{"transport", "ônibus", "autocarro", 2}, {"transport", "caminhão", "camião", 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadVariants = %+v, want %+v", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	noise := func(s string) error { _, err := ReadNoise(strings.NewReader(s), "n.txt"); return err }
	variants := func(s string) error { _, err := ReadVariants(strings.NewReader(s), "v.txt"); return err }
	tests := []struct {
		read func(string) error
		in   string
		want string
	}{
		{noise, "[contract]\nCLT\nPJ\nclt\n", `n.txt:4: bad lexicon file: "clt" repeats line 2`},
		{noise, "[a]\nHíbrido\n[b]\nhibrido\n", `n.txt:4: bad lexicon file: "hibrido" repeats line 2`},
		{noise, "CLT\n", `n.txt:1: bad lexicon file: entry "CLT" before the first [group] line`},
		{noise, "[contract\nCLT\n", "n.txt:1: bad lexicon file: a group line is a name in brackets, as [contract]"},
		{noise, "[ ]\nCLT\n", "n.txt:1: bad lexicon file: a group line is a name in brackets, as [contract]"},
		{noise, "# nothing\n", "n.txt: bad lexicon file: no entries"},
		{noise, "[a]\nh\xedbrido\n", "n.txt:2: bad lexicon file: not UTF-8"},
		{variants, "[t]\nônibus\n", `v.txt:2: bad lexicon file: want "Brazilian form | European form"`},
		{variants, "[t]\nônibus | autocarro | bus\n", `v.txt:2: bad lexicon file: want "Brazilian form | European form"`},
		{variants, "[t]\n | autocarro\n", `v.txt:2: bad lexicon file: want "Brazilian form | European form"`},
		{variants, "[t]\neletrônico | eletrónico\n", `v.txt:2: bad lexicon file: "eletrônico" and "eletrónico" differ only in case or accents`},
		{variants, "[t]\nônibus | autocarro\nonibus | machimbombo\n", `v.txt:3: bad lexicon file: the Brazilian form "onibus" repeats line 2`},
		{variants, "[t]\nônibus | autocarro\ncoletivo | Autocarro\n", `v.txt:3: bad lexicon file: the European form "Autocarro" repeats line 2`},
	}
	for _, tt := range tests {
		err := tt.read(tt.in)
		if err == nil || err.Error() != tt.want || !errors.Is(err, ErrFormat) {
			t.Errorf("read(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
	big := strings.Repeat("x", MaxFileSize+1)
	if err := noise(big); err == nil || err.Error() != "n.txt: bad lexicon file: larger than 1024 KiB" {
		t.Errorf("read(1 MiB + 1) error = %v", err)
	}
}

// TestEmbedded reads the shipped files and checks the entries the
// analyzer relies on.
func TestEmbedded(t *testing.T) {
	noise, err := PTNoise()
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]string{}
	for _, n := range noise {
		groups[Fold(n.Text)] = n.Group
	}
	for text, group := range map[string]string{
		"CLT": "contract", "PJ": "contract", "Home Office": "work mode", "Híbrido": "work mode",
		"Presencial": "work mode", "PCD": "inclusion", "(m/f)": "gender", "Jovem Aprendiz": "programme",
	} {
		if got := groups[Fold(text)]; got != group {
			t.Errorf("pt-noise.txt: %q is in group %q, want %q", text, got, group)
		}
	}
	variants, err := PTVariants()
	if err != nil {
		t.Fatal(err)
	}
	pt := map[string]string{}
	for _, v := range variants {
		pt[Fold(v.BR)] = Fold(v.PT)
	}
	for br, want := range map[string]string{"ônibus": "autocarro", "caminhão": "camiao", "equipe": "equipa", "contato": "contacto"} {
		if got := pt[Fold(br)]; got != want {
			t.Errorf("pt-variants.txt: %q pairs with %q, want %q", br, got, want)
		}
	}
	if _, ok := pt["gerente"]; ok {
		t.Error("pt-variants.txt pairs gerente, which both countries use")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Híbrido": "hibrido", "  Home   Office ": "home office", "CAMIÃO": "camiao"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
