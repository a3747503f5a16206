package index

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/kljensen/snowball/english"
)

// Analyzer and filter names. They are stored inside a persisted index's
// mapping, so a change in behaviour gets a new name (v2, v3, ...) and old
// indexes are reported as incompatible instead of silently analysed
// differently.
const (
	AnalyzerEN = "anzsco_en_v1"
	AnalyzerPT = "anzsco_pt_v1"
	// AnalyzerBilingual emits the union of the English and Portuguese
	// terms of its input. The bleve fields use it, so that one term query
	// serves both languages; coverage is measured per language with the
	// two analyzers above.
	AnalyzerBilingual = "anzsco_bilingual_v1"

	foldCharFilter   = "anzsco_fold_v1"
	variantsFilterEN = "anzsco_variants_en_v1"
	variantsFilterPT = "anzsco_variants_pt_v1"
	stemFilterEN     = "anzsco_stem_en_v1"
	stemFilterPT     = "anzsco_stem_pt_v1"
	wordsTokenizer   = "anzsco_words_v1"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(fmt.Sprintf("index: registering analysis components: %v", err))
		}
	}
	must(registry.RegisterCharFilter(foldCharFilter, func(map[string]interface{}, *registry.Cache) (analysis.CharFilter, error) {
		return foldFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(variantsFilterEN, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return newVariantFilter(variantsEN, stopEN), nil
	}))
	must(registry.RegisterTokenFilter(variantsFilterPT, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return newVariantFilter(variantsPT, stopPT), nil
	}))
	must(registry.RegisterTokenFilter(stemFilterEN, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return stemFilter{stem: stemEN, canon: canonEN}, nil
	}))
	must(registry.RegisterTokenFilter(stemFilterPT, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return stemFilter{stem: stemPT, canon: canonPT}, nil
	}))
	must(registry.RegisterTokenizer(wordsTokenizer, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordsTok{}, nil
	}))
	must(registry.RegisterAnalyzer(AnalyzerEN, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		return newAnalyzer(c, variantsFilterEN, stemFilterEN)
	}))
	must(registry.RegisterAnalyzer(AnalyzerPT, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		return newAnalyzer(c, variantsFilterPT, stemFilterPT)
	}))
	must(registry.RegisterAnalyzer(AnalyzerBilingual, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		en, err := c.AnalyzerNamed(AnalyzerEN)
		if err != nil {
			return nil, err
		}
		pt, err := c.AnalyzerNamed(AnalyzerPT)
		if err != nil {
			return nil, err
		}
		return bilingual{en: en, pt: pt}, nil
	}))
}

func newAnalyzer(c *registry.Cache, variants, stem string) (analysis.Analyzer, error) {
	tok, err := c.TokenizerNamed(wordsTokenizer)
	if err != nil {
		return nil, err
	}
	v, err := c.TokenFilterNamed(variants)
	if err != nil {
		return nil, err
	}
	s, err := c.TokenFilterNamed(stem)
	if err != nil {
		return nil, err
	}
	return &cachedAnalyzer{inner: &analysis.DefaultAnalyzer{
		CharFilters:  []analysis.CharFilter{foldFilter{}},
		Tokenizer:    tok,
		TokenFilters: []analysis.TokenFilter{v, s},
	}}, nil
}

// cachedAnalyzer remembers the analysis of short strings. A corpus repeats
// its titles (a title is indexed several times to weigh more, and
// coverage analyses it again) and job ads repeat titles, so most analyses
// are of a string seen before. The cache stops growing at
// maxCachedAnalyses strings; every call gets tokens of its own.
type cachedAnalyzer struct {
	inner analysis.Analyzer
	m     sync.Map // string -> []cachedToken
	n     atomic.Int64
}

type cachedToken struct {
	term       string
	start, end int
	keyword    bool
}

const (
	maxCachedAnalyses = 1 << 15
	maxCachedInput    = 256
)

func (a *cachedAnalyzer) Analyze(input []byte) analysis.TokenStream {
	if len(input) > maxCachedInput {
		return a.inner.Analyze(input)
	}
	if v, ok := a.m.Load(string(input)); ok {
		cts := v.([]cachedToken)
		out := make(analysis.TokenStream, len(cts))
		toks := make([]analysis.Token, len(cts))
		for i, ct := range cts {
			toks[i] = analysis.Token{Term: []byte(ct.term), Start: ct.start, End: ct.end, Position: i + 1, Type: analysis.AlphaNumeric, KeyWord: ct.keyword}
			out[i] = &toks[i]
		}
		return out
	}
	ts := a.inner.Analyze(input)
	if a.n.Load() < maxCachedAnalyses {
		cts := make([]cachedToken, len(ts))
		for i, t := range ts {
			cts[i] = cachedToken{term: string(t.Term), start: t.Start, end: t.End, keyword: t.KeyWord}
		}
		if _, loaded := a.m.LoadOrStore(string(input), cts); !loaded {
			a.n.Add(1)
		}
	}
	return ts
}

// wordsTok splits folded text into runs of letters and digits, the same
// words as Words, with their byte offsets.
type wordsTok struct{}

func (wordsTok) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, &analysis.Token{Term: input[start:end], Start: start, End: end, Position: len(out) + 1, Type: analysis.AlphaNumeric})
			start = -1
		}
	}
	for i := 0; i < len(input); {
		r, size := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(input[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
		i += size
	}
	flush(len(input))
	return out
}

// bilingual analyses with both language analyzers and keeps each distinct
// term once per position of the English stream.
type bilingual struct{ en, pt analysis.Analyzer }

func (b bilingual) Analyze(input []byte) analysis.TokenStream {
	en := b.en.Analyze(input)
	pt := b.pt.Analyze(input)
	out := make(analysis.TokenStream, 0, len(en)+len(pt))
	seen := make(map[string]bool, len(en)+len(pt))
	for _, ts := range []analysis.TokenStream{en, pt} {
		for _, t := range ts {
			if k := string(t.Term); !seen[k] {
				seen[k] = true
				out = append(out, t)
			}
		}
	}
	for i, t := range out {
		t.Position = i + 1
	}
	return out
}

// foldFilter lowercases and removes diacritics, so "Técnico", "TECNICO" and
// "tecnico" are one word, and maps typographic punctuation to ASCII.
type foldFilter struct{}

func (foldFilter) Filter(input []byte) []byte { return []byte(Fold(string(input))) }

// Fold lowercases s and folds Latin diacritics to their base letters.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(toLower(r))
	}
	return b.String()
}

func toLower(r rune) rune { return []rune(strings.ToLower(string(r)))[0] }

var foldTable = func() map[rune]string {
	m := map[rune]string{
		'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
		'ª': "a", 'º': "o", '‘': "'", '’': "'", '“': "\"", '”': "\"",
		'–': "-", '—': "-", '‐': "-", '‑': "-", '•': " ", '·': " ", '\u00a0': " ",
	}
	groups := map[string]string{
		"a": "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "c": "çćĉċčÇĆĈĊČ", "e": "èéêëēĕėęěÈÉÊËĒĔĖĘĚ",
		"i": "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "n": "ñńņňÑŃŅŇ", "o": "òóôõöōŏőÒÓÔÕÖŌŎŐ",
		"u": "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "y": "ýÿŷÝŸŶ", "s": "śŝşšŚŜŞŠ", "z": "źżžŹŻŽ",
		"g": "ĝğġģĜĞĠĢ", "l": "ĺļľŀłĹĻĽĿŁ", "r": "ŕŗřŔŖŘ", "t": "ţťŧŢŤŦ", "d": "ďđĎĐ",
	}
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// Words splits folded text into runs of letters and digits.
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= utf8.RuneSelf && isLetter(r)
}

func isLetter(r rune) bool {
	return strings.ContainsRune("ğıł", r) || (r > 0xbf && r < 0x250 && r != 0xd7 && r != 0xf7)
}

// variantFilter drops stop words, numbers and single letters, and rewrites
// spelling variants, joined forms, abbreviations and words for the same
// role to one canonical wording before stemming: center -> centre,
// callcentre -> call centre, csr -> customer service representative,
// tl -> team leader, atendente -> operador. A replacement written "=word"
// is kept unstemmed (telefonista must not stem to telefon, "telephone").
type variantFilter struct {
	variants map[string][]string
	stop     map[string]bool
}

func newVariantFilter(v map[string]string, stop string) variantFilter {
	f := variantFilter{variants: map[string][]string{}, stop: map[string]bool{}}
	for k, val := range v {
		f.variants[k] = strings.Fields(val)
	}
	for _, w := range strings.Fields(stop) {
		f.stop[w] = true
	}
	return f
}

func (f variantFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input)+2)
	for _, t := range input {
		term := string(t.Term)
		rep, ok := f.variants[term]
		if !ok {
			// the common case: the token is kept (or dropped) as it is
			if !f.stop[term] && len(term) >= 2 && !isNumber(term) {
				t.Position = len(out) + 1
				out = append(out, t)
			}
			continue
		}
		for _, r := range rep {
			keyword := t.KeyWord
			if strings.HasPrefix(r, "=") {
				// "=word": keep the word as it is, unstemmed.
				r, keyword = r[1:], true
			}
			if f.stop[r] || len(r) < 2 || isNumber(r) {
				continue
			}
			out = append(out, &analysis.Token{Term: []byte(r), Start: t.Start, End: t.End, Position: len(out) + 1, Type: t.Type, KeyWord: keyword})
		}
	}
	return out
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// stemFilter stems each token and then maps stems of words that mean the
// same role to one canonical stem (agent, consultant, adviser -> operator).
type stemFilter struct {
	stem  func(string) string
	canon map[string]string
}

func (f stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if t.KeyWord {
			continue
		}
		s := f.stem(string(t.Term))
		if c, ok := f.canon[s]; ok {
			s = c
		}
		t.Term = []byte(s)
	}
	return input
}

// Stems are cached: titles reuse a small vocabulary, and stemming is the
// most expensive step of the analysis. The caches stop growing at
// maxCachedStems words.
var (
	stemCacheEN, stemCachePT stemCache
)

const maxCachedStems = 1 << 16

type stemCache struct {
	m sync.Map
	n atomic.Int64
}

func (c *stemCache) get(w string, stem func(string) string) string {
	if s, ok := c.m.Load(w); ok {
		return s.(string)
	}
	s := stem(w)
	if c.n.Load() < maxCachedStems {
		if _, loaded := c.m.LoadOrStore(w, s); !loaded {
			c.n.Add(1)
		}
	}
	return s
}

func stemEN(w string) string {
	return stemCacheEN.get(w, func(w string) string { return english.Stem(w, true) })
}

func stemPT(w string) string {
	return stemCachePT.get(w, func(w string) string {
		env := snowballstem.NewEnv(w)
		portuguese.Stem(env)
		return env.Current()
	})
}

// Stop words. Besides grammatical words they hold the words of a job title
// that say nothing about the occupation (grades, seniority, employment
// terms), so that they neither score nor count against coverage.
const (
	stopEN = `a an and or of the for in at to with on by as from our your we you is are be de do da dos das e em
		bilingual multilingual speaking speaker fluent english spanish mandarin cantonese chinese french german italian
		japanese korean vietnamese arabic hindi portuguese dutch greek russian polish turkish thai indonesian tagalog
		senior snr sr junior jnr jr trainee graduate entry level experienced principal
		i ii iii iv casual temporary temp permanent perm contract contractor fixed term
		full part time fulltime parttime ftc fte immediate start urgent urgently hiring needed
		new role job vacancy position opportunity opportunities based remote hybrid wfh home office
		work working shift shifts day night weekend weekends hours hour per week weekly month months year years
		am pm hr hrs rate pay salary super superannuation plus bonus bonuses incentive incentives ote
		australia australian nz zealand m f d x h`
	stopPT = `a o as os um uma uns umas de do da dos das e ou em no na nos nas para por com ao aos
		bilingue bilingual fluente ingles espanhol frances alemao italiano japones mandarim english spanish french
		à pelo pela pelos pelas que se sem sob sobre
		a of the and or for in at to with on
		senior pleno junior jr sr estagiario estagiaria trainee aprendiz efetivo efetiva temporario temporaria
		meio periodo integral part time full turno noturno diurno vaga vagas urgente contrato termo certo
		remoto hibrido presencial home office escritorio horas hora semana mes meses ano anos salario
		m f h d x lda sa`
)

// Spelling variants, joined forms and abbreviations, on folded words. Both
// analyzers carry the English call-centre vocabulary, since Portuguese job
// titles use it too ("Operador de Call Center").
var variantsEN = map[string]string{
	"center": "centre", "centers": "centres", "centered": "centred",
	"callcentre": "call centre", "callcenter": "call centre", "callcentres": "call centres", "callcenters": "call centres",
	"contactcentre": "call centre", "contactcenter": "call centre", "contact": "call", "contacts": "calls",
	"helpdesk": "help desk", "servicedesk": "service desk", "helpline": "help line", "hotline": "hot line",
	"email": "email", "emails": "emails", "e": "", "mail": "mail", "webchat": "web chat", "livechat": "live chat",
	"organization": "organisation", "organizations": "organisations", "organize": "organise",
	"specialization": "specialisation", "specializations": "specialisations", "specialize": "specialise",
	"prioritize": "prioritise", "utilization": "utilisation", "optimization": "optimisation",
	"advisor": "adviser", "advisors": "advisers", "counselor": "counsellor", "labor": "labour",
	"program": "programme", "programs": "programmes", "enquiry": "inquiry", "enquiries": "inquiries",
	"csr": "customer service representative", "csrs": "customer service representatives",
	"cso": "customer service officer", "csa": "customer service adviser", "cse": "customer service executive",
	"tsr": "telesales representative", "tl": "team leader", "tls": "team leaders",
	"wfm": "workforce management", "rta": "real time analyst", "qa": "quality assurance", "cx": "customer experience",
	"rep": "representative", "reps": "representatives", "mgr": "manager", "asst": "assistant",
	"supv": "supervisor", "supvr": "supervisor", "ops": "operations",
	"inbound": "inbound", "outbound": "outbound", "telesale": "telesales",
	"teamleader": "team leader", "teamlead": "team leader", "lead": "leader",
}

// Portuguese adds its own joined forms and spelling variants to the English
// ones (call center is written both ways in Brazil and Portugal).
var variantsPT = func() map[string]string {
	m := map[string]string{}
	for k, v := range variantsEN {
		m[k] = v
	}
	delete(m, "lead")
	for k, v := range map[string]string{
		"telemarketing": "telemarketing", "tele": "tele", "sac": "servico atendimento consumidor",
		"bilingue": "bilingue", "teleoperadora": "teleoperador", "teleatendente": "teleatendimento atendente",
		"operadora": "operador", "operadores": "operador",
		"equipa": "equipe", "equipas": "equipes", "facturas": "faturas", "factura": "fatura", "facturacao": "faturacao",
		"accao": "acao", "direccao": "direcao", "coordenacao": "coordenacao", "optimizacao": "otimizacao",
		"tecnico": "tecnico", "ti": "tecnologia informacao", "tic": "tecnologia informacao comunicacao",
		"contactcenter": "call centre", "helpdesk": "help desk", "leader": "supervisor", "lead": "supervisor",
		"atendente": "operador", "atendentes": "operador", "agente": "operador", "agentes": "operador",
		"assistente": "operador", "assistentes": "operador", "consultor": "operador", "consultora": "operador",
		"consultores": "operador", "representante": "operador", "representantes": "operador", "operadoras": "operador",
		"lider": "supervisor", "lideres": "supervisor", "chefe": "supervisor", "chefes": "supervisor",
		"encarregado": "supervisor", "encarregada": "supervisor", "supervisora": "supervisor", "supervisores": "supervisor",
		"contato": "contacto", "contatos": "contactos", // Brazilian and European spelling
		"telefonista": "=telefonista", "telefonistas": "=telefonista", "teleoperadores": "teleoperador", "teleoperadoras": "teleoperador",
	} {
		m[k] = v
	}
	return m
}()

// Canonical stems: different words for the same role in a contact centre.
// Applied after stemming, to index and query alike.
var canonEN = map[string]string{
	// operator = agent = consultant = representative = adviser = officer = associate
	"agent": "oper", "consult": "oper", "repres": "oper", "advis": "oper", "offic": "oper", "associ": "oper",
	"oper": "oper", "executive": "oper",
	// supervisor = team leader
	"leader": "supervisor", "supervis": "supervisor",
	// telephone = phone
	"phone": "telephon",
}

var canonPT = map[string]string{
	// English role words inside Portuguese titles ("Team Leader de Contact Center")
	"operator": "oper", "agent": "oper", "advis": "oper", "consult": "oper", "representativ": "oper",
	"operador": "oper", "supervis": "supervisor",
}
