package cv

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of a CV's text, with what the finder needs to know of it.
type line struct {
	text   string // without bullet or Markdown markers, trimmed
	n      int    // 1-based line number in the text
	blank  bool
	bullet bool
	// heading is 1 for an experience heading, 2 for another section
	// heading, 0 for neither.
	heading int
}

// Section headings, folded (lower case, no accents, no punctuation).
var experienceHeadings = wordSet(`experience|work experience|professional experience|employment|employment history|work history|career history|career|career summary|professional history|relevant experience|work experience and history|experience summary|professional background|working experience|recent experience|positions held|other experience|additional experience|previous experience|earlier experience|other work experience|outras experiencias|experiencias anteriores|experiencia anterior|experiencia|experiencias|experiencia profissional|experiencias profissionais|historico profissional|experiencia de trabalho|experiencia laboral|trajetoria profissional|percurso profissional|carreira|historico de empregos|experiencia na area|atuacao profissional|principais experiencias`)

var otherHeadings = wordSet(`education|education and training|academic background|qualifications|formal qualifications|skills|key skills|core skills|technical skills|skills and abilities|competencies|core competencies|languages|language skills|certifications|certificates|licences|licenses|licences and certifications|courses|training|professional development|references|referees|summary|professional summary|profile|professional profile|career objective|objective|objectives|about me|contact|contact details|contact information|personal details|personal information|interests|hobbies|interests and hobbies|awards|achievements|volunteering|volunteer experience|volunteer work|community involvement|projects|publications|additional information|other information|availability|formacao|formacao academica|escolaridade|educacao|habilidades|competencias|qualificacoes|idiomas|linguas|cursos|cursos complementares|cursos e certificacoes|certificacoes|referencias|resumo|resumo profissional|perfil|perfil profissional|objetivo|objetivos|objetivo profissional|sobre mim|contato|contatos|dados pessoais|informacoes pessoais|interesses|atividades complementares|voluntariado|trabalho voluntario|projetos|informacoes adicionais|informacoes complementares|disponibilidade|conhecimentos|conhecimentos em informatica|informatica`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(s, "|") {
		m[w] = true
	}
	return m
}

// headingKey folds a line for comparison with the heading lists: lower
// case, no accents, letters and spaces only, no trailing colon or
// parenthesis ("EXPERIÊNCIA PROFISSIONAL:" -> "experiencia profissional").
func headingKey(s string) string {
	if i := strings.IndexAny(s, "(["); i > 0 {
		s = s[:i]
	}
	f, _ := fold(s)
	f = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r == ' ' {
			return r
		}
		if r == '&' || r == '/' || r == '-' {
			return ' '
		}
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, f)
	f = strings.Join(strings.Fields(f), " ")
	f = strings.ReplaceAll(f, " and ", " and ")
	return f
}

// bulletPrefix matches the markers that start a bullet line: Markdown
// "-", "*", "+", numbered "1." or "1)", and typographic bullets.
var bulletPrefix = regexp.MustCompile(`^(?:[-*+]\s+|\d{1,2}[.)]\s+|[•·◦▪▫●○■□➢➤►▸▹✓✔❖◆◇‣⁃→–—]\s*|o\s+)`)

// emphasis removes Markdown bold and code markers.
var emphasis = strings.NewReplacer("**", "", "__", "", "`", "")

// splitLines turns text into lines, stripping Markdown emphasis and
// heading markers and noting bullets, blanks and section headings.
func splitLines(text string) []line {
	raw := strings.Split(text, "\n")
	out := make([]line, 0, len(raw))
	for i, s := range raw {
		l := line{n: i + 1}
		s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
		mdHeading := false
		if strings.HasPrefix(s, "#") {
			t := strings.TrimLeft(s, "#")
			if t == "" || t[0] == ' ' {
				s, mdHeading = strings.TrimSpace(t), true
			}
		}
		s = emphasis.Replace(s)
		if m := bulletPrefix.FindString(s); m != "" && !mdHeading {
			rest := strings.TrimSpace(s[len(m):])
			// "o Coached..." is a Word bullet; "o" alone or before a
			// capitalised name is not.
			if !strings.HasPrefix(m, "o") || startsLower(rest) {
				s, l.bullet = rest, true
			}
		}
		s = strings.TrimSpace(strings.Trim(s, "*_"))
		l.text = s
		l.blank = s == ""
		if !l.blank && !l.bullet {
			key := headingKey(s)
			switch {
			case experienceHeadings[key]:
				l.heading = 1
			case otherHeadings[key]:
				l.heading = 2
			case mdHeading:
				l.heading = 2
			}
		}
		out = append(out, l)
	}
	return out
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// span is a run of lines [from, to) in which positions are looked for.
type span struct{ from, to int }

// experienceSpans returns the experience sections. Without an experience
// heading, the whole text is searched except the sections under other
// headings (education, courses, ...), whose dates are not work.
func experienceSpans(lines []line) []span {
	var spans []span
	hasExp := false
	for _, l := range lines {
		if l.heading == 1 {
			hasExp = true
			break
		}
	}
	start := -1
	if !hasExp {
		start = 0
	}
	for i, l := range lines {
		switch {
		case l.heading == 1:
			if start >= 0 && start < i {
				spans = append(spans, span{start, i})
			}
			start = i + 1
		case l.heading == 2:
			if start >= 0 && start < i {
				spans = append(spans, span{start, i})
			}
			start = -1
		}
	}
	if start >= 0 && start < len(lines) {
		spans = append(spans, span{start, len(lines)})
	}
	return spans
}

// Found is a position as the CV writes it.
type Found struct {
	Title    string
	Employer string
	Range    Range
	// Description is the position's bullet and paragraph lines.
	Description []string
	// Line is the line number of the position's dates.
	Line int
}

// maxAnchorBytes: a line that holds a position's dates is short (title,
// employer, place and dates); a longer one is description.
const maxAnchorBytes = 300

// maxHeaderWords: a title or employer line is short; a longer line is a
// sentence of description.
const maxHeaderWords = 12

// FindPositions finds the dated work-experience positions in a CV's text.
// ref is the month "present" stands for.
//
// In each experience section, every line with a date range anchors a
// position. Its title and employer are the rest of that line and the short
// non-bullet lines right above it (title, employer, or both on one line:
// "Team Leader, Acme", "Acme — Operator", "Operador | Empresa X"); when
// there are none above, the lines right below (dates written first). The
// lines from there to the next position are its description.
//
// It returns at most MaxPositions+1 positions: more than MaxPositions says
// that the text has more positions than Analyze classifies.
func FindPositions(text string, ref Month) []Found {
	lines := splitLines(text)
	var found []Found
	for _, sp := range experienceSpans(lines) {
		if len(found) > MaxPositions {
			break
		}
		found = append(found, findInSpan(lines, sp, ref, MaxPositions+1-len(found))...)
	}
	return found
}

// findInSpan returns up to limit positions of one section.
func findInSpan(lines []line, sp span, ref Month, limit int) []Found {
	type anchor struct {
		i      int
		r      Range
		rest   string
		header []int // line indexes of header lines, in order
	}
	var anchors []*anchor
	for i := sp.from; i < sp.to; i++ {
		l := lines[i]
		if l.blank || l.heading != 0 || len(l.text) > maxAnchorBytes {
			continue
		}
		r, ok := FindRange(l.text, ref)
		if !ok {
			continue
		}
		rest := cleanRest(l.text[:r.From] + " | " + l.text[r.To:])
		if l.bullet && len(strings.Fields(rest)) > 8 {
			// A dated sentence in a description, not a position.
			continue
		}
		anchors = append(anchors, &anchor{i: i, r: r, rest: rest})
		if len(anchors) > limit {
			// One anchor past the limit ends the last position's
			// description.
			break
		}
	}
	if len(anchors) == 0 {
		return nil
	}
	isAnchor := map[int]bool{}
	for _, a := range anchors {
		isAnchor[a.i] = true
	}
	used := map[int]bool{}
	candidate := func(i int) bool {
		if i < sp.from || i >= sp.to || used[i] || isAnchor[i] {
			return false
		}
		return isHeaderLine(lines[i])
	}
	// The first position shows the layout of the section: with a title
	// beside or above its dates, titles come first; else dates come first
	// and titles follow them.
	datesFirst := anchors[0].rest == "" && !candidate(anchors[0].i-1)
	for k, a := range anchors {
		used[a.i] = true
		// Above: up to two header lines, contiguous with the anchor.
		var above []int
		for i := a.i - 1; i >= a.i-2 && !datesFirst && len(splitParts(a.rest)) < 2 && candidate(i); i-- {
			above = append([]int{i}, above...)
		}
		for _, i := range above {
			used[i] = true
		}
		a.header = above
		limit := sp.to
		if k+1 < len(anchors) {
			limit = anchors[k+1].i
		}
		below := func(i int) bool {
			// When titles come first, a line below belongs to this
			// position unless the next position's dates follow it
			// directly (it is that position's title).
			return i < limit && candidate(i) && (datesFirst || !(i+1 < sp.to && isAnchor[i+1]))
		}
		switch {
		case len(above) == 0 && a.rest == "":
			// Dates first: the title and employer follow.
			for i := a.i + 1; i <= a.i+2 && below(i); i++ {
				a.header = append(a.header, i)
				used[i] = true
			}
		case len(above)+btoi(a.rest != "") == 1 && below(a.i+1) && employerLike(lines[a.i+1].text):
			// Title above or beside the dates, employer below.
			a.header = append(a.header, a.i+1)
			used[a.i+1] = true
		}
	}
	var out []Found
	for k, a := range anchors {
		if k == limit {
			break
		}
		var texts []string
		for _, i := range a.header {
			if i < a.i {
				texts = append(texts, lines[i].text)
			}
		}
		if a.rest != "" {
			texts = append(texts, a.rest)
		}
		for _, i := range a.header {
			if i > a.i {
				texts = append(texts, lines[i].text)
			}
		}
		title, employer := titleAndEmployer(texts)
		// Description: from after the anchor to the next position's first
		// line.
		end := sp.to
		if k+1 < len(anchors) {
			next := anchors[k+1]
			end = next.i
			if len(next.header) > 0 && next.header[0] < end {
				end = next.header[0]
			}
		}
		var desc []string
		for i := a.i + 1; i < end; i++ {
			if used[i] || lines[i].blank || lines[i].heading != 0 {
				continue
			}
			desc = append(desc, lines[i].text)
		}
		out = append(out, Found{Title: title, Employer: employer, Range: a.r, Description: desc, Line: lines[a.i].n})
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isHeaderLine reports whether l may hold a title or an employer: a short
// line that is not a bullet, a heading or a sentence.
func isHeaderLine(l line) bool {
	if l.blank || l.bullet || l.heading != 0 {
		return false
	}
	t := strings.TrimSpace(l.text)
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "Ltd.") && !strings.HasSuffix(t, "Inc.") && !strings.HasSuffix(t, "S.A.") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ":") {
		return false
	}
	return len(strings.Fields(t)) <= maxHeaderWords
}

// durationRE matches the length of a position that CVs write beside its
// dates ("· 2 yrs 3 mos", "(3 anos)").
var durationRE = regexp.MustCompile(`(?i)\(?\s*(?:\d+\s*(?:yrs?|years?|anos?|mos?|months?|meses|m[eê]s)\b[\s,e]*(?:and\s+)?)+\)?`)

// cleanRest removes what surrounds the dates on a line: the length of the
// position, empty brackets and leftover separators.
func cleanRest(s string) string {
	s = durationRE.ReplaceAllString(s, " ")
	s = strings.NewReplacer("()", " ", "[]", " ", "( )", " ", "[ ]", " ").Replace(s)
	var keep []string
	for _, p := range splitParts(s) {
		if !otherLabels[headingKey(p)] {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " | ")
}

// partSep splits a header line into parts: "Team Leader, Acme", "Acme —
// Operator", "Operador | Empresa X", "Agent at Acme", tabs from PDF
// columns. A hyphen inside a word is no separator.
var partSep = regexp.MustCompile(`\s*(?:\t+|\s[|·•–—-]+\s|[|·•]|,\s|\s@\s|\s+at\s+)\s*`)

func splitParts(s string) []string {
	var out []string
	for _, p := range partSep.Split(s, -1) {
		p = trimBrackets(strings.TrimSpace(strings.Trim(p, " \t-–—|,:;·•")))
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// trimBrackets removes brackets left unbalanced at the ends of p once the
// dates inside them are gone: "(Mar 2019 – Present)" leaves "(" and ")".
func trimBrackets(p string) string {
	for {
		before := p
		for _, pair := range [][2]string{{"(", ")"}, {"[", "]"}} {
			if strings.Count(p, pair[0]) > strings.Count(p, pair[1]) {
				if strings.HasSuffix(p, pair[0]) {
					p = p[:len(p)-1]
				} else if strings.HasPrefix(p, pair[0]) {
					p = p[1:]
				}
			}
			if strings.Count(p, pair[1]) > strings.Count(p, pair[0]) {
				if strings.HasPrefix(p, pair[1]) {
					p = p[1:]
				} else if strings.HasSuffix(p, pair[1]) {
					p = p[:len(p)-1]
				}
			}
		}
		p = strings.TrimSpace(strings.Trim(p, " \t-–—|,:;·•"))
		if p == before {
			return p
		}
	}
}

// Words that end (English) or start (Portuguese) a job title.
var titleWords = wordSet(`leader|lead|supervisor|manager|operator|agent|representative|rep|consultant|officer|assistant|coordinator|analyst|specialist|executive|clerk|receptionist|telemarketer|telesales|engineer|developer|nurse|teacher|barista|attendant|cashier|driver|technician|advisor|adviser|associate|director|trainer|coach|planner|administrator|worker|hand|chef|cook|salesperson|waiter|waitress|cleaner|labourer|packer|picker|storeperson|accountant|bookkeeper|designer|programmer|tutor|carer|intern|trainee|apprentice|collector|dispatcher|despatcher|controller|scheduler|head|president|owner|founder|secretary|server|bartender|host|hostess|crew|member|guard|mechanic|electrician|plumber|builder|carpenter|pharmacist|doctor|therapist|instructor|lecturer|professor|operador|operadora|atendente|supervisora|coordenador|coordenadora|gerente|assistente|auxiliar|analista|consultor|consultora|vendedor|vendedora|recepcionista|tecnico|tecnica|professor|professora|motorista|caixa|estagiario|estagiaria|aprendiz|lider|teleoperador|teleoperadora|agente|encarregado|encarregada|diretor|diretora|promotor|promotora|representante|secretario|secretaria|enfermeiro|enfermeira|cozinheiro|cozinheira|garcom|garconete|repositor|repositora|estoquista|almoxarife|monitor|monitora|instrutor|instrutora|treinador|treinadora|programador|programadora|desenvolvedor|desenvolvedora|engenheiro|engenheira|contador|contadora|empregado|empregada|telefonista|cobrador|cobradora|balconista|porteiro|vigilante|zelador|faxineiro|faxineira|padeiro|acougueiro|frentista|entregador|montador|soldador|pedreiro|eletricista|mecanico|planejador|planejadora|especialista|executivo|executiva|administrador|administradora|backoffice|sdr|bdr`)

// Words and suffixes that mark an employer's name.
var employerWords = wordSet(`ltd|pty|inc|llc|plc|corp|corporation|company|co|group|grupo|sa|s/a|ltda|eireli|bank|banco|insurance|seguros|seguradora|telecom|telecommunications|energy|energia|services|servicos|solutions|solucoes|holdings|limited|australia|brasil|brazil|portugal|bpo|council|department|government|governo|university|universidade|school|escola|hospital|clinic|clinica|hotel|restaurant|restaurante|cafe|store|stores|loja|lojas|supermarket|supermercado|mercado|airlines|airways|telstra|optus|vodafone|atento|teleperformance|concentrix|tivit|algar|foundever|sitel|serco|salmat|stellar|tp|vivo|claro|nextel|itau|bradesco|santander|nubank|net|sky|magazine|americanas`)

// qualifierWords, found alone in a part, qualify the title rather than
// name an employer ("Operador de Telemarketing - Receptivo").
var qualifierWords = wordSet(`inbound|outbound|receptivo|ativo|ativo e receptivo|bilingual|bilingue|sac|retention|retencao|retencoes|vendas|sales|customer service|atendimento|suporte|help desk|helpdesk|cobranca|collections|night shift|part time|full time|casual|temporary|temporario|pj|clt|i|ii|iii|senior|junior|pleno|jr|sr`)

// locationRE matches parts that are a place: "Sydney NSW", "São Paulo -
// SP", "Remote".
var locationRE = regexp.MustCompile(`(?i)^(?:[\p{L} .'-]+[ ,-]+(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT|AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)|(?:NSW|VIC|QLD|TAS|ACT)|remote|remoto|home office|hybrid|hibrido|h[ií]brido|sydney|melbourne|brisbane|perth|adelaide|hobart|darwin|canberra|auckland|wellington|s[aã]o paulo|rio de janeiro|belo horizonte|curitiba|porto alegre|salvador|recife|fortaleza|bras[ií]lia|campinas|lisboa|lisbon|porto|australia|brasil|brazil|portugal)$`)

// titleAndEmployer picks the title and the employer among the header texts
// of a position. Each text is split into parts; the title is the part that
// reads most like a job title (ties to the first), the employer the part
// that reads most like an employer among the others, places left out.
// Qualifiers ("Receptivo", "Inbound") rejoin the title.
func titleAndEmployer(texts []string) (title, employer string) {
	type part struct {
		text          string
		titleScore    int
		employerScore int
		qualifier     bool
		group         int // index of the text the part comes from
	}
	var parts []part
	for g, t := range texts {
		if m := labelRE.FindStringSubmatch(t); m != nil {
			switch label := headingKey(m[1]); {
			case titleLabels[label]:
				title = strings.TrimSpace(m[2])
				continue
			case employerLabels[label]:
				employer = strings.TrimSpace(m[2])
				continue
			case otherLabels[label]:
				continue
			}
		}
		for _, p := range splitParts(t) {
			if locationRE.MatchString(p) {
				continue
			}
			key := headingKey(p)
			parts = append(parts, part{text: p, titleScore: titleScore(p), employerScore: employerScore(p), qualifier: qualifierWords[key], group: g})
		}
	}
	if title != "" || len(parts) == 0 {
		if employer == "" && len(parts) > 0 {
			employer = parts[0].text
		}
		return title, employer
	}
	best := -1
	for i, p := range parts {
		if p.qualifier {
			continue
		}
		if best < 0 || p.titleScore-p.employerScore > parts[best].titleScore-parts[best].employerScore {
			best = i
		}
	}
	if best < 0 {
		best = 0
	}
	title = parts[best].text
	// The employer: a part beside the title on its line if there is one
	// ("Team Leader, Acme"), else a part of another line.
	emp := -1
	better := func(i int) bool {
		p, e := parts[i], parts[emp]
		pSame, eSame := p.group == parts[best].group, e.group == parts[best].group
		if pSame != eSame {
			return pSame
		}
		return p.employerScore-p.titleScore > e.employerScore-e.titleScore
	}
	for i, p := range parts {
		if i == best {
			continue
		}
		if p.qualifier {
			title += " " + p.text
			continue
		}
		if emp < 0 || better(i) {
			emp = i
		}
	}
	if emp >= 0 && employer == "" {
		employer = parts[emp].text
	}
	return title, employer
}

// labelRE matches a labelled header line: "Cargo: Operador", "Empresa:
// Atento", "Período: 2016 a 2018".
var labelRE = regexp.MustCompile(`^([\p{L} ]{3,25}):\s*(.*)$`)

var (
	titleLabels    = wordSet(`cargo|funcao|position|role|title|job title|ocupacao|posicao`)
	employerLabels = wordSet(`empresa|company|employer|organisation|organization|empregador|local`)
	otherLabels    = wordSet(`periodo|period|dates|datas|data|duration|duracao|location|localizacao|cidade|city`)
)

// titleScore counts how much p reads like a job title: a title word last
// (English "Call Centre Operator") or first (Portuguese "Operador de
// Telemarketing") counts 2, one elsewhere 1.
func titleScore(p string) int {
	words := strings.Fields(headingKey(p))
	score := 0
	for i, w := range words {
		if !titleWords[w] {
			continue
		}
		if i == 0 || i == len(words)-1 {
			score += 2
		} else {
			score++
		}
	}
	return score
}

// employerScore counts the words of p that mark an employer, and the
// legal-form suffixes written with dots ("S.A.", "Pty. Ltd.").
func employerScore(p string) int {
	score := 0
	for _, w := range strings.Fields(headingKey(strings.NewReplacer("S.A.", "sa", "S/A", "sa", "Pty.", "pty", "Ltd.", "ltd", "Ltda.", "ltda", "Inc.", "inc").Replace(p))) {
		if employerWords[w] {
			score++
		}
	}
	return score
}

// employerLike reports whether a line below the dates names an employer
// or a place rather than starting a description.
func employerLike(s string) bool {
	parts := splitParts(s)
	if len(parts) == 0 {
		return false
	}
	if locationRE.MatchString(parts[0]) {
		return true
	}
	return employerScore(s) > titleScore(s)
}
