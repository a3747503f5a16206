package index

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

func testIndex(t *testing.T) *Index {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestAnalyzers(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		lang, in, want string
	}{
		{"en", "Contact Center Supervisor", "call centr supervisor"},
		{"en", "Call Centre Team Leader", "call centr team supervisor"},
		{"en", "callcentre operator", "call centr oper"},
		{"en", "Customer Service Advisor", "custom servic oper"},
		{"en", "Inbound CSR", "inbound custom servic oper"},
		{"en", "TL - Contact Centre", "team supervisor call centr"},
		{"en", "Agents, consultants and representatives", "oper"},
		{"en", "Senior Casual Bilingual Agent 2", "oper"},
		{"en", "Organization", "organis"},
		{"pt", "Atendente de Telemarketing", "oper telemarketing"},
		{"pt", "Operadora de Call Center", "oper call centr"},
		{"pt", "Técnico", "tecnic"},
		{"pt", "tecnico", "tecnic"},
		{"pt", "Líder de equipe", "supervisor equip"},
		{"pt", "Chefe de Equipa", "supervisor equip"},
		{"pt", "Telefonista", "telefonista"},
		{"pt", "Atendimento telefônico", "atend telefonico"},
		{"pt", "Central telefônica", "central telefon"},
		{"en", "Telephone Operator", "switchboard oper"},
		{"en", "Telephone Adviser", "telephon oper"},
		{"en", "Customer Service - Telephony", "custom servic telephon"},
		{"pt", "Operador de telemarketing bilíngüe", "oper telemarketing"},
		// a variant holds for the plural and the feminine of the form listed
		{"pt", "Arquitectos", "arquitet"},
		{"pt", "Inspectora", "inspetor"},
		{"pt", "Directores", "diretor"},
		{"pt", "Caminhões", "caminha"},
		{"pt", "Camião", "caminha"},
		// -ão nouns and irregular feminines join their masculine singular
		{"pt", "Cirurgiões", "cirurgia"},
		{"pt", "Garçonete", "garcom"},
		{"pt", "Garçons", "garcom"},
	}
	for _, tt := range tests {
		if got := strings.Join(ix.terms(tt.lang, tt.in), " "); got != tt.want {
			t.Errorf("terms(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Técnico de Informação": "tecnico de informacao", "SÃO PAULO": "sao paulo", "Operação – Nível 2": "operacao - nivel 2",
		"ascii only": "ascii only", "Bilíngüe": "bilingue", "Straße": "strasse",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		in, want, rules string
	}{
		{"Inbound CSR - 12 month contract - Sydney CBD", "inbound csr", "contract place"},
		{"Psychologist | Bring Your Area of Interest | Up to $150/Session | Penrith", "psychologist bring your area of interest", "pay place"},
		{"Contact Centre Consultant | Adelaide | $30.50/hr + super", "contact centre consultant", "pay place"},
		{"Operador de Telemarketing (R$ 1.412 + VT + VR)", "operador de telemarketing", "pay"},
		{"Teleoperador Inbound (m/f)", "teleoperador inbound", "gender"},
		{"Operador(a) de Contact Center - Setor Energia", "operador de contact center setor energia", "gender"},
		{"Customer Service Officer - Level 3 - Part Time", "customer service officer", "contract grade"},
		{"Técnico de Customer Care IT - 140", "tecnico de customer care it", "reference"},
		{"Call Centre Agent", "call centre agent", ""},
		{"Sydney", "sydney", ""},
		{"Operator, callcentre", "operator callcentre", ""},
		{"Técnico de Enfermagem - Plantão 12x36", "tecnico de enfermagem", "pt-schedule"},
		{"Motorista Carreteiro CNH E - CLT", "motorista carreteiro", "contract pt-requirement"},
		{"Eletricista de Manutenção - NR10 - Salvador/BA", "eletricista de manutencao", "pt-requirement place"},
		{"Operador de Logística (m/f) - Azambuja", "operador de logistica", "gender place"},
		{"Auxiliar de Cozinha - Vale Transporte + Vale Refeição", "auxiliar de cozinha", "pt-pay"},
		{"Técnico de Manutenção - Turno A/B/C - Segunda a Sábado", "tecnico de manutencao", "pt-schedule"},
		{"Motorista Entregador - Categoria D", "motorista entregador", "pt-requirement"},
		// a field of work, not the noise of an ad
		{"Analista de Recrutamento e Seleção", "analista de recrutamento e selecao", ""},
		// a segment that is a role in English ads is not a Brazilian state
		{"Nurse - RN", "nurse rn", ""},
	}
	for _, tt := range tests {
		got, stripped := ix.an.cleanTitle(tt.in)
		var rules []string
		seen := map[string]bool{}
		for _, s := range stripped {
			if !seen[s.Rule] {
				seen[s.Rule] = true
				rules = append(rules, s.Rule)
			}
		}
		if got != tt.want || strings.Join(rules, " ") != tt.rules {
			t.Errorf("cleanTitle(%q) = %q, rules %v; want %q, rules %q", tt.in, got, rules, tt.want, tt.rules)
		}
	}
}

func TestSpeller(t *testing.T) {
	s := newSpeller(map[string]int{"supervisor": 5, "customer": 9, "operator": 7, "call": 9, "centre": 9, "leader": 4, "manager": 3, "agent": 3,
		"representative": 2, "administrator": 1, "administrative": 1, "pneumonoultramicroscopicsilicovolcanoconiosis": 1})
	tests := []struct{ in, want string }{
		{"supervsior", "supervisor"},        // swap
		{"custmer", "customer"},             // deletion
		{"opertor", "operator"},             // deletion
		{"leaader", "leader"},               // insertion
		{"managar", "manager"},              // substitution
		{"cal", "call"},                     // short word missing a doubled letter
		{"supervisor", ""},                  // known word
		{"nurse", ""},                       // unrelated
		{"coperator", ""},                   // first letter differs
		{"agenda", ""},                      // one slip from agent? no: two
		{"ceb", ""},                         // short, no double
		{"técnico", ""},                     // not folded ASCII: left alone
		{"reprsenattive", "representative"}, // two slips in a long word
		{"supervsoir", "supervisor"},        // two swaps
		{"opertro", ""},                     // two slips in a short word
		{"administratoie", ""},              // two slips from two words: administrator, administrative
		{"representatixy", ""},              // another form, not two slips
		{"erpresentatvie", ""},              // first letter differs
		// longer than the speller's deletion buffer: an extra and a wrong letter
		{"pneumonoultramicroscopicsilicovolcanoconiosiss", "pneumonoultramicroscopicsilicovolcanoconiosis"},
		{"pneumonoultramicroscopicsilicovolcanoconiosys", "pneumonoultramicroscopicsilicovolcanoconiosis"},
		{"leaader", "leader"}, // asked again: the remembered answer is unchanged
	}
	for _, tt := range tests {
		if got := s.correct(tt.in, 0); got != tt.want {
			t.Errorf("correct(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	ix := testIndex(t)
	tests := []struct{ in, want string }{
		{"telemarketing operator", "en"},
		{"operador de telemarketing", "pt"},
		{"supervisor de call center", "pt"},
		{"team leader de contact center", "en"},
		{"contact center supervisor", ""},
	}
	for _, tt := range tests {
		if got := ix.detectLanguage(Words(tt.in)); got != tt.want {
			t.Errorf("detectLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWordsAmpersand checks that letters joined by an ampersand make one
// word and that other ampersands still separate words.
func TestWordsAmpersand(t *testing.T) {
	for in, want := range map[string]string{
		"gerente de b&b":        "gerente de bb",
		"r&d manager":           "rd manager",
		"(f&b) supervisor":      "fb supervisor",
		"sales & marketing":     "sales marketing",
		"health&safety officer": "health safety officer",
		"p&&c":                  "p c",
	} {
		if got := strings.Join(Words(in), " "); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHasWord checks hasWord against Words, which it stands in for where
// only the presence of a word matters.
func TestHasWord(t *testing.T) {
	for _, s := range []string{"", " ", "&", " & ", "b&b", "r&d ltd", "-- 123", "(.)", "ção", "\xff\xfe", "ğ", "×÷", "a"} {
		if got, want := hasWord(s), len(Words(s)) > 0; got != want {
			t.Errorf("hasWord(%q) = %v, want %v (Words: %q)", s, got, want, Words(s))
		}
	}
}

// TestFingerprintSeesEveryLexiconEntry: changing one entry of a lexicon,
// even one no word of the fixed list meets and that leaves every count as
// it was, changes the fingerprint, so an index built with the old entry
// is refused rather than searched with terms it does not hold.
func TestFingerprintSeesEveryLexiconEntry(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	lx, err := c.Lexicon()
	if err != nil {
		t.Fatal(err)
	}
	base, err := newAnalyser(lx, c)
	if err != nil {
		t.Fatal(err)
	}
	changed := *lx
	changed.Variants = maps.Clone(lx.Variants)
	en := slices.Clone(changed.Variants["en"])
	if len(en) == 0 {
		t.Fatal("the default corpus has no English variants")
	}
	en[len(en)-1] = corpus.Rewrite{From: en[len(en)-1].From, To: []string{"zzyzx"}}
	changed.Variants["en"] = en
	other, err := newAnalyser(&changed, c)
	if err != nil {
		t.Fatal(err)
	}
	if base.Fingerprint() == other.Fingerprint() {
		t.Errorf("Fingerprint is %s with %v and with the last English variant rewritten to zzyzx", base.Fingerprint(), lx.Variants["en"][len(en)-1])
	}
	again, err := newAnalyser(lx, c)
	if err != nil {
		t.Fatal(err)
	}
	if base.Fingerprint() != again.Fingerprint() {
		t.Errorf("Fingerprint of the same lexicons = %s, then %s", base.Fingerprint(), again.Fingerprint())
	}
}

// TestAppendWordsMatchesWords checks the allocation-free splitters against
// Words, which they stand in for on the classification path.
func TestAppendWordsMatchesWords(t *testing.T) {
	for _, s := range []string{"", " ", "&", " & ", "b&b", "r&d ltd", "gerente de b&b (porto)", "-- 123", "(.)",
		"ção técnico", "\xff\xfe", "a\xffb", "ğ", "×÷", "a", "chef  de  partie", "senior-developer/lead", "1st-class"} {
		want := Words(s)
		buf := []string{"kept"}
		if got := appendWords(buf, s); !slices.Equal(got[1:], want) || got[0] != "kept" {
			t.Errorf("appendWords(%q) = %q, want %q after the kept word", s, got, want)
		}
		if got := countWords(s); got != len(want) {
			t.Errorf("countWords(%q) = %d, want %d", s, got, len(want))
		}
		joined := strings.Join(want, " ")
		if !joinsTo(joined, s) {
			t.Errorf("joinsTo(%q, %q) = false, want true", joined, s)
		}
		for _, other := range []string{joined + " ", " " + joined, joined + "x", "x", "", strings.Join(want, "  ")} {
			if other != joined && joinsTo(other, s) {
				t.Errorf("joinsTo(%q, %q) = true, want false", other, s)
			}
		}
	}
}

func TestIsSpacedNumber(t *testing.T) {
	for _, s := range []string{"", " ", "12 345", "12345", "12a", "a 1", " 1 ", "1-2", "١٢"} {
		want := isNumber(strings.ReplaceAll(s, " ", ""))
		if got := isSpacedNumber(s); got != want {
			t.Errorf("isSpacedNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
