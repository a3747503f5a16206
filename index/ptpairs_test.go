package index

import "testing"

// TestBrazilianEuropeanPairs checks that whole titles written with the
// Brazilian word and with the European one for the same thing code alike,
// and to the occupation they name: the [variant pt] pairs of pt.lex, the
// glossary's words of both countries and the speller, which must not take
// a European or Brazilian form for a slip of another word ("contato" is
// not "contrato").
func TestBrazilianEuropeanPairs(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	pairs := []struct{ br, pt, code string }{
		{"Motorista de Ônibus Urbano", "Motorista de Autocarro Urbano", "731211"},
		{"Motorista de Caminhão", "Motorista de Camião", "733111"},
		{"Motorista de Caminhão", "Motorista de Pesados", "733111"},
		{"Chefe de Equipe - Call Center", "Chefe de Equipa - Call Center", "541111"},
		{"Operador de Contato - Call Center", "Operador de Contacto - Call Center", "541112"},
		{"Vendedor de Celulares", "Vendedor de Telemóveis", "621111"},
		{"Maquinista de Trem de Carga", "Maquinista de Comboio de Mercadorias", "731311"},
		{"Técnico de Refrigeração de Geladeiras", "Técnico de Refrigeração de Frigoríficos", "342111"},
		{"Auxiliar de Limpeza de Banheiros", "Auxiliar de Limpeza de Casas de Banho", "811211"},
		{"Gerente de Loja", "Gestor de Loja", "142111"},
		{"Açougueiro", "Talhante", "351211"},
		{"Garçom", "Empregado de Mesa", "431511"},
		{"Pedreiro", "Trolha", "331111"},
		{"Faxineira", "Empregada de Limpeza", "811211"},
		{"Encanador", "Canalizador", "334116"},
		{"Recepcionista de Hotel", "Rececionista de Hotel", "542113"},
		{"Operador de Empilhadeira", "Operador de Empilhador", "721311"},
		{"Confeiteiro", "Pasteleiro", "351112"},
		{"Contador", "Contabilista", "221111"},
	}
	for _, p := range pairs {
		for _, title := range []string{p.br, p.pt} {
			res, err := ix.Classify(Query{Text: title})
			if err != nil {
				t.Fatalf("Classify(%q): %v", title, err)
			}
			if res.Code != p.code {
				t.Errorf("%q = %s %q, want %s (as %q | %q)", title, res.Code, res.Title, p.code, p.br, p.pt)
			}
		}
	}
}
