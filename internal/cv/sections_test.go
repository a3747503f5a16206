package cv

import (
	"fmt"
	"strings"
	"testing"
)

func TestHeadings(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"Experience", 1},
		{"WORK EXPERIENCE", 1},
		{"Work history:", 1},
		{"Employment", 1},
		{"Professional Experience", 1},
		{"## Experiência profissional", 1},
		{"HISTÓRICO PROFISSIONAL", 1},
		{"Experiência", 1},
		{"**Experiências Profissionais**", 1},
		{"Career History", 1},
		{"Education", 3},
		{"FORMAÇÃO ACADÊMICA", 3},
		{"Skills & Abilities", 0},
		{"Skills and abilities", 2},
		{"Idiomas", 2},
		{"Volunteer experience", 2},
		{"## Anything else", 2},
		{"Customer Experience Consultant", 0},
		{"Team Leader, Acme", 0},
		{"- Experience", 0},
	}
	for _, tt := range tests {
		if got := splitLines(tt.line)[0].heading; got != tt.want {
			t.Errorf("splitLines(%q).heading = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestSplitLinesBullets(t *testing.T) {
	tests := []struct {
		line   string
		text   string
		bullet bool
	}{
		{"- Coached agents", "Coached agents", true},
		{"• Atendimento receptivo", "Atendimento receptivo", true},
		{"* Rostering", "Rostering", true},
		{"1. Answered calls", "Answered calls", true},
		{"o answered calls", "answered calls", true},
		{"o Manel", "o Manel", false},
		{"–Monitorou ligações", "Monitorou ligações", true},
		{"**Team Leader** — Acme", "Team Leader — Acme", false},
		{"*June 2020 – present*", "June 2020 – present", false},
		{"-2019", "-2019", false},
		{"2019 - 2021", "2019 - 2021", false},
	}
	for _, tt := range tests {
		l := splitLines(tt.line)[0]
		if l.text != tt.text || l.bullet != tt.bullet {
			t.Errorf("splitLines(%q) = %q bullet %v, want %q bullet %v", tt.line, l.text, l.bullet, tt.text, tt.bullet)
		}
	}
}

func TestTitleAndEmployer(t *testing.T) {
	tests := []struct {
		texts           []string
		title, employer string
	}{
		{[]string{"Team Leader, Acme Contact Centre"}, "Team Leader", "Acme Contact Centre"},
		{[]string{"Acme — Call Centre Operator"}, "Call Centre Operator", "Acme"},
		{[]string{"Operador de Telemarketing | Empresa X"}, "Operador de Telemarketing", "Empresa X"},
		{[]string{"Call Centre Operator", "Telstra"}, "Call Centre Operator", "Telstra"},
		{[]string{"Atento Brasil S.A.", "Operadora de Telemarketing"}, "Operadora de Telemarketing", "Atento Brasil S.A."},
		{[]string{"Customer Service Agent at Acme Energy"}, "Customer Service Agent", "Acme Energy"},
		{[]string{"Operador de Telemarketing - Receptivo - Atento"}, "Operador de Telemarketing - Receptivo", "Atento"},
		{[]string{"Team Leader – Apoio ao Cliente (Inbound)", "Teleperformance Portugal"}, "Team Leader – Apoio ao Cliente (Inbound)", "Teleperformance Portugal"},
		{[]string{"Contact Centre Team Leader", "Northwind Utilities, Brisbane"}, "Contact Centre Team Leader", "Northwind Utilities"},
		{[]string{"Northwind Utilities", "Contact Centre Team Leader"}, "Contact Centre Team Leader", "Northwind Utilities"},
		{[]string{"Customer Service Officer (maternity cover)", "Acme Contact Centre Pty Ltd"}, "Customer Service Officer (maternity cover)", "Acme Contact Centre Pty Ltd"},
		{[]string{"Telemarketer", "Outbound Direct Pty Ltd, Perth"}, "Telemarketer", "Outbound Direct Pty Ltd"},
		{[]string{"Empresa: AeC", "Cargo: Supervisor de Atendimento"}, "Supervisor de Atendimento", "AeC"},
		{[]string{"Warehouse Supervisor — Coles Distribution Centre, Eastern Creek"}, "Warehouse Supervisor", "Coles Distribution Centre"},
		{[]string{"Barista"}, "Barista", ""},
		{[]string{"Sydney NSW"}, "", ""},
	}
	ix := realIndex(t)
	for _, tt := range tests {
		// The texts are the lines above a position's dates.
		text := "Experience\n" + strings.Join(append(tt.texts, "Jan 2020 – Dec 2021"), "\n")
		var title, employer string
		if found := FindPositions(text, testRef, ix); len(found) == 1 {
			title, employer = found[0].Title, found[0].Employer
		}
		if title != tt.title || employer != tt.employer {
			t.Errorf("FindPositions(%q) = %q, %q, want %q, %q", tt.texts, title, employer, tt.title, tt.employer)
		}
	}
}

// TestFindPositions covers the layouts CVs use: title and employer on one
// line or two, above or below the dates, dates beside the title, labelled
// fields, sections that are not experience.
func TestFindPositions(t *testing.T) {
	tests := []struct {
		name string
		text string
		// want: one "title | employer | start..end | description lines" per position.
		want []string
	}{
		{"title line then dates", `Experience
Team Leader, Acme Contact Centre
Mar 2019 – Present
- Coached 12 agents
- Built rosters`,
			[]string{"Team Leader | Acme Contact Centre | 2019-03..2026-06 | 2"}},
		{"employer first, dates beside", `Work history
Acme — Call Centre Operator | Jan 2017 – Feb 2019
• Answered calls`,
			[]string{"Call Centre Operator | Acme | 2017-01..2019-02 | 1"}},
		{"title and employer on separate lines", `EMPLOYMENT
Call Centre Operator
Acme Insurance
2017-2019
Answered customer calls about claims.

Receptionist
Smile Dental
2015-2017
Greeted patients.`,
			[]string{"Call Centre Operator | Acme Insurance | 2017-07..2019-06 | 1", "Receptionist | Smile Dental | 2015-07..2017-06 | 1"}},
		{"dates first", `Work Experience
2021 – 2024
Customer Contact Centre Agent, Contact Energy
• Handled inbound calls
2018 – 2021
Checkout Operator, Countdown
• Served customers`,
			[]string{"Customer Contact Centre Agent | Contact Energy | 2021-07..2024-06 | 1", "Checkout Operator | Countdown | 2018-07..2021-06 | 1"}},
		{"dates first without descriptions", `Experience
2021 – 2024
Agent, Telstra
2018 – 2021
Team Leader, Optus`,
			[]string{"Agent | Telstra | 2021-07..2024-06 | 0", "Team Leader | Optus | 2018-07..2021-06 | 0"}},
		{"title above dates, employer below", `Experience
Call Centre Operator
Jan 2016 – Feb 2019
Acme Insurance, Sydney NSW
- Answered calls`,
			[]string{"Call Centre Operator | Acme Insurance | 2016-01..2019-02 | 1"}},
		{"headers without descriptions", `Experience
Team Leader, Acme
Mar 2019 – Present
Operator, Acme
Jan 2016 – Feb 2019`,
			[]string{"Team Leader | Acme | 2019-03..2026-06 | 0", "Operator | Acme | 2016-01..2019-02 | 0"}},
		{"Portuguese, employer line first", `EXPERIÊNCIA PROFISSIONAL
Atento Brasil S.A.
Operadora de Telemarketing Receptivo
03/2016 a 12/2018
Atividades: atendimento receptivo e registro de chamados.`,
			[]string{"Operadora de Telemarketing Receptivo | Atento Brasil S.A. | 2016-03..2018-12 | 1"}},
		{"Portuguese, labelled fields", `Experiências
Empresa: AeC Centros de Contato
Cargo: Supervisor de Atendimento
Período: fev. 2021 – até o momento
Atividades: monitoria de ligações e feedback.`,
			[]string{"Supervisor de Atendimento | AeC Centros de Contato | 2021-02..2026-06 | 1"}},
		{"one line with brackets", `Histórico profissional
Gerente de Call Center — Liq S.A. (03/2020 – atual)
Gestão de 300 posições.
Supervisora — Liq S.A. (01/2016 – 02/2020)`,
			[]string{"Gerente de Call Center | Liq S.A. | 2020-03..2026-06 | 1", "Supervisora | Liq S.A. | 2016-01..2020-02 | 0"}},
		{"LinkedIn durations", `Experience
Call Centre Operator
Telstra
Jul 2023 - Present · 2 yrs 11 mos
Inbound calls.`,
			[]string{"Call Centre Operator | Telstra | 2023-07..2026-06 | 1"}},
		{"education dates ignored", `Experience
Agent, Acme
2019 – 2021
Education
Bachelor of Arts, 2012 – 2015`,
			[]string{"Agent | Acme | 2019-07..2021-06 | 0"}},
		{"no experience heading: other sections skipped", `Jane Doe
Operator, Acme
2019 – 2021
EDUCATION
Diploma, 2012 – 2015`,
			[]string{"Operator | Acme | 2019-07..2021-06 | 0"}},
		{"two experience sections", `Experience
Agent, Acme
2019 – 2021
Skills
Typing
Other experience
Barista, Cafe Uno
2016 – 2019`,
			[]string{"Agent | Acme | 2019-07..2021-06 | 0", "Barista | Cafe Uno | 2016-07..2019-06 | 0"}},
		{"dated sentence in a bullet is not a position", `Experience
Team Leader, Acme
Mar 2019 – Present
- From 2020 to 2022 led the migration of the phone system to the cloud platform`,
			[]string{"Team Leader | Acme | 2019-03..2026-06 | 1"}},
		{"undated positions are not found", `Experience
Team Leader, Acme
- Coached agents`, nil},
		{"title line, then employer and place beside the dates", `Experience
Contact Centre Team Leader
Northwind Utilities, Brisbane | March 2021 - Present
Supervisora de Atendimento
Central Sul Serviços, Porto Alegre | jan/2021 - atual`,
			[]string{"Contact Centre Team Leader | Northwind Utilities | 2021-03..2026-06 | 0", "Supervisora de Atendimento | Central Sul Serviços | 2021-01..2026-06 | 0"}},
		{"employer — place, dates", `Experience
Customer Service Operator
Northwind Utilities — Brisbane, March 2021 – Present
- Inbound calls`,
			[]string{"Customer Service Operator | Northwind Utilities | 2021-03..2026-06 | 1"}},
		{"education entries with dates are not positions", `Experience
Licenciatura em Gestão (2011 – 2015)
Certificate III in Customer Engagement, 2016 – 2017
Call Centre Operator, Acme
2017 – 2019`,
			[]string{"Call Centre Operator | Acme | 2017-07..2019-06 | 0"}},
		{"a skills section full of call-centre words is not a position", `Jane Doe
Key skills
Call centre team leader skills: coaching, call monitoring, rostering 2019 – 2024
Inbound and outbound calls, Genesys, Avaya
Employment
Barista, Cafe Uno
2016 – 2019`,
			[]string{"Barista | Cafe Uno | 2016-07..2019-06 | 0"}},
		{"a bracketed note does not empty the title", `Experience
Customer Service Officer (maternity cover)
Acme Contact Centre Pty Ltd | 2019 – 2020
(Contract) Call Centre Operator | Acme | Jan 2021 – Mar 2021`,
			[]string{"Customer Service Officer (maternity cover) | Acme Contact Centre Pty Ltd | 2019-07..2020-06 | 0", "(Contract) Call Centre Operator | Acme | 2021-01..2021-03 | 0"}},
		{"several roles under one company", `Experience
Northwind Utilities
6 yrs 2 mos
Contact Centre Team Leader
Jan 2020 - Present · 6 yrs 6 mos
Brisbane, Queensland, Australia
Customer Service Consultant
Nov 2018 - Dec 2019 · 1 yr 2 mos
Acme Energy
Receptionist
Jan 2016 - Oct 2018`,
			[]string{"Contact Centre Team Leader | Northwind Utilities | 2020-01..2026-06 | 0", "Customer Service Consultant | Northwind Utilities | 2018-11..2019-12 | 0", "Receptionist | Acme Energy | 2016-01..2018-10 | 0"}},
		{"a form without a title label", `Experiência Profissional
Empresa: Atento Brasil S.A.
Operadora de Telemarketing Receptivo
Período: 04/2017 a 08/2020
Atendimento a clientes de cartão de crédito.`,
			[]string{"Operadora de Telemarketing Receptivo | Atento Brasil S.A. | 2017-04..2020-08 | 1"}},
		{"title and dates on one line, employer below, no descriptions", `Experience
Contact Centre Officer	Aug 2022 – Present
Tasmanian Water
Kitchen Hand	Nov 2019 – Jul 2022
The Salamanca Bakehouse`,
			[]string{"Contact Centre Officer | Tasmanian Water | 2022-08..2026-06 | 0", "Kitchen Hand | The Salamanca Bakehouse | 2019-11..2022-07 | 0"}},
		{"empty", ``, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range FindPositions(tt.text, testRef, realIndex(t)) {
			got = append(got, fmt.Sprintf("%s | %s | %s..%s | %d", f.Title, f.Employer, f.Range.Start, f.Range.End, len(f.Description)))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("FindPositions(%s) =\n  %s\nwant\n  %s", tt.name, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
		}
	}
}
