package index

import (
	"regexp"
	"strings"
)

// Job-ad titles carry words that are not about the occupation: contract
// terms, places, pay, grades, gender markers and reference numbers.
// cleanTitle removes them, rule by rule, and reports what it removed so that
// --explain can show it. Each rule is a named pattern on folded text.

type noiseRule struct {
	name string
	// mayMatch is a cheap test that must be true for re to match; most
	// titles skip most rules without running the expression.
	mayMatch func(s string) bool
	re       *regexp.Regexp
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// hasWord reports whether s contains one of words (substring test; the
// expression checks word boundaries).
func hasWord(words ...string) func(string) bool {
	return func(s string) bool {
		for _, w := range words {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
}

var noiseRules = []noiseRule{
	{"pay", mayPay1, regexp.MustCompile(`(?:up to |ate |até |from |desde )?(?:r\$|a\$|nz\$|us\$|\$|€|£|aud|nzd|eur|brl)\s?\d[\d,.]*\s?k?(?:\s?(?:-|to|a)\s?(?:r\$|\$|€|£)?\d[\d,.]*\s?k?)?(?:\s?(?:/|per |p/|por |an |a )\s?(?:hr|hour|hora|h|session|sessao|annum|year|yr|ano|day|dia|week|semana|month|mes|shift))?(?:\s?\+\s?(?:super(?:annuation)?|commission|comissao|comissoes|bonus|bonuses|benefits|beneficios|incentives|penalty rates|vt|vr|va|plr))*`)},
	{"pay", mayPay2, regexp.MustCompile(`\b\d+(?:[.,]\d+)?\s?k\b(?:\s?(?:\+|plus)\s?(?:super|bonus|commission))?|\+\s?(?:super(?:annuation)?|commission|comissao|bonus|vt|vr|va|beneficios)\b|\bsalario\s+(?:a combinar|competitivo)\b|\bpenalty rates\b|\bote\b`)},
	{"gender", mayGender, regexp.MustCompile(`\(\s?(?:[mfwhdx]\s?/\s?)+[mfwhdx]\s?\)|\b(?:[mfwhd]\s?/\s?)+[mfwhdx]\b|\(a\)|/a\b|\(o\)|\(as\)|\(os\)|\bpcd\b|\bpcds\b`)},
	{"contract", mayContract, regexp.MustCompile(`\b\d+\s?(?:-\s?)?(?:months?|mths?|weeks?|wks?|years?|yrs?|meses|mes|anos?|semanas?)(?:\s(?:contract|ftc|fixed term|assignment|temp|contrato))?\b|\b(?:fixed[- ]term(?: contract)?|temp(?:orary)?[- ]to[- ]perm(?:anent)?|full[- ]?time|part[- ]?time|casual|permanent|contract(?:or)?|ftc|fte|temp|maternity (?:leave )?cover|parental leave cover|immediate start|start (?:asap|immediately|now)|asap|urgent(?:ly)?(?: hiring| required| start)?|now hiring|hiring now|work from home|working from home|wfh|remote(?: first| friendly)?|hybrid|flexible hours|flexible|home office|onsite|on-site|in-office|meio periodo|periodo integral|tempo inteiro|tempo parcial|efetivo|efetiva|temporario|temporaria|estagio|jovem aprendiz|sem experiencia|com experiencia|com ou sem experiencia|clt|pj|freelance|day shift|night shift|afternoon shift|weekend shift|weekends?|nights|days|rotating roster|roster|shifts?|turno (?:da )?(?:manha|tarde|noite)|noturno|diurno|24h|24/7|24x7|mon-fri|monday to friday|segunda a sexta|scale 6x1|escala \d+x\d+)\b`)},
	{"grade", mayGrade, regexp.MustCompile(`\b(?:level|lvl|nivel|grade|band|aps|tier|step|l)\s?\d+\b|\b\d+\s?(?:st|nd|rd|th|a|o)\b|\b(?:ii|iii|iv)\b`)},
	{"reference", mayReference, regexp.MustCompile(`\b(?:ref(?:erence)?|job ref|req|requisition|job id|vaga|cod|codigo|id|no)\s?[:#.]?\s?[a-z]{0,3}\d[\w-]*\b|#\s?\d+`)},
	{"marketing", mayMarketing, regexp.MustCompile(`\b(?:great|amazing|exciting|fantastic|awesome|brilliant|rewarding|excellent|new) (?:team|culture|opportunity|benefits|role|company|perks|pay|rates)\b|\b(?:apply (?:now|today)|sign[- ]on bonus|training provided|no experience (?:required|needed|necessary)|immediate starts?|multiple positions|multiple roles|various locations|all locations|vagas? (?:abertas|disponiveis)|processo seletivo)\b`)},
}

var (
	mayPay1 = func(s string) bool { return hasDigit(s) || strings.ContainsAny(s, "$€£") }
	mayPay2 = func(s string) bool {
		return hasDigit(s) || strings.Contains(s, "+") || hasWord("salario", "penalty", "ote")(s)
	}
	mayGender    = func(s string) bool { return strings.ContainsAny(s, "/(") || strings.Contains(s, "pcd") }
	mayGrade     = func(s string) bool { return hasDigit(s) || strings.Contains(s, "ii") || strings.Contains(s, "iv") }
	mayReference = func(s string) bool { return hasDigit(s) }
	mayContract  = func(s string) bool {
		return hasDigit(s) || hasWord("term", "temp", "time", "casual", "perm", "contract", "ftc", "fte", "cover", "start", "asap", "urgent",
			"hiring", "home", "wfh", "remote", "hybrid", "flexible", "office", "site", "periodo", "tempo", "efetiv", "estagio", "aprendiz",
			"experiencia", "clt", "pj", "freelance", "shift", "weekend", "night", "days", "roster", "turno", "noturno", "diurno", "24", "mon",
			"segunda", "escala")(s)
	}
	mayMarketing = hasWord("great", "amazing", "exciting", "fantastic", "awesome", "brilliant", "rewarding", "excellent", "new ",
		"apply", "sign", "training", "experience", "immediate", "multiple", "various", "all locations", "vaga", "processo")
)

// places are dropped when a segment of the title holds nothing else.
var places = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(`sydney|melbourne|brisbane|perth|adelaide|hobart|darwin|canberra|gold coast|sunshine coast|newcastle|wollongong|geelong|parramatta|penrith|liverpool|townsville|cairns|toowoomba|rockhampton|ballarat|bendigo|launceston|mackay|bundaberg|albury|wodonga|orange|dubbo|tamworth|wagga wagga|mildura|shepparton|ipswich|logan|north sydney|macquarie park|chatswood|norwest|docklands|southbank|fortitude valley|cbd|sydney cbd|melbourne cbd|brisbane cbd|perth cbd|adelaide cbd|nsw|vic|qld|wa|sa|tas|act|nt|new south wales|victoria|queensland|western australia|south australia|tasmania|northern territory|australian capital territory|australia|auckland|wellington|christchurch|hamilton|tauranga|dunedin|palmerston north|napier|nelson|new zealand|nz|london|leeds|manchester|birmingham|glasgow|edinburgh|cardiff|bristol|belfast|sheffield|nottingham|newcastle upon tyne|uk|united kingdom|england|scotland|wales|ireland|dublin|cork|new york|chicago|los angeles|houston|phoenix|dallas|austin|atlanta|denver|seattle|boston|miami|usa|us|canada|toronto|vancouver|manila|cebu|philippines|india|bangalore|lisboa|lisbon|porto|braga|coimbra|aveiro|faro|setubal|viseu|leiria|oeiras|amadora|sintra|cascais|almada|funchal|evora|guimaraes|matosinhos|maia|vila nova de gaia|gaia|loures|odivelas|seixal|barreiro|algarve|madeira|acores|portugal|grande lisboa|grande porto|sao paulo|rio de janeiro|belo horizonte|curitiba|porto alegre|salvador|recife|fortaleza|brasilia|campinas|guarulhos|barueri|osasco|santos|sao bernardo do campo|santo andre|manaus|belem|goiania|florianopolis|ribeirao preto|sorocaba|joinville|londrina|uberlandia|natal|joao pessoa|maceio|teresina|cuiaba|campo grande|vitoria|niteroi|contagem|alphaville|zona sul|zona norte|zona leste|zona oeste|centro|regiao metropolitana|grande sao paulo|sp|rj|mg|pr|rs|sc|ba|pe|ce|go|df|es|brasil|brazil|north|south|east|west|northern|southern|eastern|western|inner|outer|greater|metro|metropolitan|region|regional|suburbs|city|cidade|area|various|multiple|nationwide|national|remote|anywhere`, "|") {
		m[p] = true
	}
	return m
}()

// segmentSep splits a title into parts: " - ", "|", brackets, commas and
// the like. Hyphens inside words ("e-mail", "on-site") are not separators.
var segmentSep = regexp.MustCompile(`\s[-–—]+\s|\s[-–—]+|[-–—]+\s|[|•;:()\[\]{}/\\,]+`)

// cleanTitle returns the title with noise removed, and what was removed.
// When nothing would be left it returns the folded title unchanged.
func cleanTitle(title string) (string, []Stripped) {
	folded := Fold(title)
	var stripped []Stripped
	s := folded
	for _, r := range noiseRules {
		if !r.mayMatch(s) {
			continue
		}
		s = r.re.ReplaceAllStringFunc(s, func(m string) string {
			if t := strings.TrimSpace(m); t != "" {
				stripped = append(stripped, Stripped{Text: t, Rule: r.name})
			}
			return " | "
		})
	}
	var keep []string
	for _, seg := range segmentSep.Split(s, -1) {
		seg = strings.TrimSpace(strings.Trim(seg, " .!*+&'\""))
		if seg == "" {
			continue
		}
		if isPlace(seg) {
			stripped = append(stripped, Stripped{Text: seg, Rule: "place"})
			continue
		}
		if len(Words(seg)) == 0 {
			continue
		}
		if isNumber(strings.ReplaceAll(seg, " ", "")) {
			stripped = append(stripped, Stripped{Text: seg, Rule: "reference"})
			continue
		}
		keep = append(keep, seg)
	}
	out := strings.Join(keep, " ")
	if len(Words(out)) == 0 {
		return folded, nil
	}
	return out, stripped
}

// isPlace reports whether every word of seg belongs to a place name.
func isPlace(seg string) bool {
	words := Words(seg)
	if len(words) == 0 {
		return false
	}
	for i := 0; i < len(words); {
		n := 0
		for k := min(4, len(words)-i); k > 0; k-- {
			if places[strings.Join(words[i:i+k], " ")] {
				n = k
				break
			}
		}
		if n == 0 {
			if words[i] == "de" || words[i] == "do" || words[i] == "da" || words[i] == "em" || words[i] == "in" || words[i] == "near" || words[i] == "based" {
				n = 1
			} else {
				return false
			}
		}
		i += n
	}
	return true
}
