package adgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Ad is one generated job ad.
type Ad struct {
	ID          string
	Title       string
	Description string
}

// Generator makes ads.
type Generator struct {
	r    *rand.Rand
	zipf *rand.Zipf
	n    int
	// distinct puts a word made from the ad's number before each title.
	distinct bool
}

// New returns a generator seeded with seed.
func New(seed uint64) *Generator {
	r := rand.New(rand.NewPCG(seed, 0x5411))
	return &Generator{r: r, zipf: rand.NewZipf(r, 1.1, 4, uint64(len(bases)-1))}
}

// NewDistinct returns a generator whose titles are all distinct: each is
// a generated title with a made-up word before it ("Dovamu Registered
// Nurse - Perth"), a word no corpus holds and no two ads share, the way
// real ads differ by an employer's name or a product. Caches keyed by the
// whole title never hit on its ads.
func NewDistinct(seed uint64) *Generator {
	g := New(seed)
	g.distinct = true
	return g
}

// Next returns the next ad; words is the length of its description in
// words (0 for none).
func (g *Generator) Next(words int) Ad {
	g.n++
	b := bases[g.zipf.Uint64()]
	ad := Ad{ID: fmt.Sprintf("ad-%07d", g.n), Title: g.title(b)}
	if g.distinct {
		ad.Title = madeUpWord(g.n) + " " + ad.Title
	}
	if words > 0 {
		ad.Description = g.description(b, words)
	}
	return ad
}

// base is an occupation title and the pool of sentences its ads use.
type base struct {
	title string
	pool  []string
}

func (g *Generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *Generator) chance(p float64) bool { return g.r.Float64() < p }

func (g *Generator) title(b base) string {
	t := b.title
	if g.chance(0.2) && !strings.Contains(t, " de ") {
		t = g.pick(seniority) + " " + t
	}
	switch {
	case g.chance(0.25):
		t += g.pick([]string{" - ", " | ", " – ", ", "}) + g.pick(places)
	case g.chance(0.15):
		t += " (" + g.pick(terms) + ")"
	}
	if g.chance(0.15) {
		t += g.pick([]string{" - ", " | "}) + g.pick(terms)
	}
	if g.chance(0.08) {
		t += fmt.Sprintf(" - $%d/hr", 25+g.r.IntN(40))
	}
	if g.chance(0.05) {
		t += fmt.Sprintf(" (Ref %d)", 10000+g.r.IntN(90000))
	}
	switch {
	case g.chance(0.05):
		t = strings.ToUpper(t)
	case g.chance(0.05):
		t = strings.ToLower(t)
	}
	if g.chance(0.03) && len(t) > 4 {
		// Swap two neighbouring letters: a typing slip.
		rs := []rune(t)
		i := 1 + g.r.IntN(len(rs)-2)
		rs[i], rs[i+1] = rs[i+1], rs[i]
		t = string(rs)
	}
	return t
}

// syllables make the made-up words of NewDistinct: 100 of them, so that
// a word of n syllables numbers 100^n ads.
var syllables = func() []string {
	var out []string
	for _, c := range "bcdfghjklmnprstvwxyz" {
		for _, v := range "aeiou" {
			out = append(out, string(c)+string(v))
		}
	}
	return out
}()

// madeUpWord spells n (from 1) in syllables, capitalised, at least three
// syllables long: a distinct word for each n.
func madeUpWord(n int) string {
	var b strings.Builder
	for i := 0; i < 3 || n > 0; i++ {
		b.WriteString(syllables[n%len(syllables)])
		n /= len(syllables)
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

func (g *Generator) description(b base, words int) string {
	var parts []string
	n := 0
	for n < words {
		var s string
		switch {
		case g.chance(0.55):
			s = g.pick(b.pool)
		default:
			s = g.pick(boilerplate)
		}
		parts = append(parts, s)
		n += len(strings.Fields(s))
	}
	return strings.Join(parts, " ")
}

var seniority = []string{"Senior", "Junior", "Lead", "Trainee", "Graduate", "Assistant", "Principal", "Casual"}

var places = []string{"Sydney CBD", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart", "Darwin", "Canberra",
	"Parramatta", "Geelong", "Newcastle", "Wollongong", "Gold Coast", "Townsville", "Auckland", "Wellington",
	"Christchurch", "Remote", "Hybrid", "North Sydney", "Southbank", "Fortitude Valley", "Rockhampton", "Ballarat",
	"São Paulo", "Lisboa", "Porto", "Rio de Janeiro"}

var terms = []string{"Full Time", "Part Time", "Casual", "12 month contract", "Permanent", "Temp to Perm",
	"Fixed Term", "Immediate Start", "Night Shift", "Weekend Work", "Work from Home", "Contract", "FTC"}

var callCentre = []string{
	"Our inbound contact centre answers customer calls, emails and chats about accounts, billing and orders.",
	"You will handle a high volume of incoming calls and resolve enquiries at the first point of contact.",
	"Record every interaction accurately in our CRM system and update customer details as they change.",
	"Meet service levels and quality targets while delivering a warm and professional customer experience.",
	"Promote our products and services where they fit the customer's needs and process payments over the phone.",
	"Previous call centre or customer service experience is highly regarded but full training is provided.",
	"Lead a team of twelve contact centre agents, coaching them on call quality and handling escalations.",
	"Monitor calls, give regular performance feedback and run daily huddles to keep the team on target.",
	"Plan rosters and manage intraday staffing to meet forecast call volumes across the week.",
	"Atender chamadas de clientes, registar pedidos no sistema e esclarecer dúvidas sobre produtos e serviços.",
	"Experiência em call center ou atendimento ao cliente é valorizada; oferecemos formação completa.",
}

var nearby = []string{
	"Make outbound calls to new and existing customers to sell our energy and telecommunications plans.",
	"Manage the customer service function, set the strategy and report to the executive team on service results.",
	"Greet visitors at the front desk, answer the switchboard and manage meeting room bookings.",
	"Provide first level technical support to users by phone and email and log incidents in the ticketing system.",
	"Contact customers with overdue accounts, negotiate payment arrangements and keep accurate collection notes.",
	"Answer and direct calls on a busy switchboard for a large hospital and page staff when required.",
	"Schedule patient appointments, manage the reception of a busy medical practice and handle Medicare billing.",
}

var general = []string{
	"Deliver safe, high quality care to patients on a busy medical and surgical ward.",
	"Design, build and maintain scalable services in Go and TypeScript with a small product team.",
	"Drive a heavy rigid truck on metropolitan delivery runs and load and unload freight safely.",
	"Prepare and cook dishes to a high standard in a fast paced restaurant kitchen.",
	"Prepare monthly management accounts, reconcile ledgers and support the annual audit.",
	"Install, test and maintain electrical systems on commercial construction sites.",
	"Serve customers, process sales and keep the store well presented and stocked.",
	"Pick, pack and dispatch orders accurately in a large distribution centre using RF scanners.",
	"Plan and teach engaging lessons and report on student progress to parents.",
	"Provide administrative support to the office, manage diaries and prepare correspondence.",
	"Build relationships with business clients and grow sales across the territory.",
	"Maintain and repair light vehicles, diagnose faults and complete logbook services.",
	"Analyse data, build dashboards and present insights to business stakeholders.",
	"Deliver projects on time and on budget, managing scope, risks and stakeholders.",
}

var boilerplate = []string{
	"We offer a competitive salary, ongoing training and genuine career progression.",
	"This is a great opportunity to join a growing organisation with a supportive culture.",
	"You must have full working rights in Australia and be able to pass a police check.",
	"Flexible working arrangements are available, including some work from home days.",
	"To apply, click the apply button and attach your resume and a short cover letter.",
	"Only shortlisted candidates will be contacted; we thank all applicants for their interest.",
	"We are an equal opportunity employer and encourage people of all backgrounds to apply.",
	"Benefits include salary packaging, paid parental leave and an employee assistance program.",
	"Strong communication skills, attention to detail and a positive attitude are essential.",
	"The role is based in modern offices close to public transport with parking available.",
}

// bases are the titles, most common first (the Zipf law favours the front).
var bases = func() []base {
	var out []base
	add := func(pool []string, titles ...string) {
		for _, t := range titles {
			out = append(out, base{title: t, pool: pool})
		}
	}
	// Interleave so that each group has common and rare titles.
	gen := []string{"Registered Nurse", "Software Engineer", "Truck Driver", "Chef", "Accountant", "Electrician",
		"Retail Assistant", "Warehouse Worker", "Primary School Teacher", "Administration Assistant",
		"Sales Representative", "Barista", "Cleaner", "Carpenter", "Diesel Mechanic", "Pharmacist",
		"Data Analyst", "Project Manager", "Forklift Driver", "Store Manager", "Civil Engineer", "Plumber",
		"Receptionist and Administrator", "Disability Support Worker", "Aged Care Worker", "Bookkeeper",
		"Payroll Officer", "Business Analyst", "Graphic Designer", "Marketing Coordinator", "HR Advisor",
		"Security Officer", "Kitchen Hand", "Bar Attendant", "Labourer", "Early Childhood Educator",
		"Physiotherapist", "Dental Assistant", "Real Estate Agent", "Property Manager", "Lawyer",
		"Legal Secretary", "Paralegal", "Quantity Surveyor", "Site Supervisor", "Warehouse Supervisor",
		"Retail Supervisor", "Nursing Team Leader", "Operations Manager", "Office Manager",
		"Customer Success Manager", "Account Manager", "Bus Driver", "Courier", "Storeperson",
		"Machine Operator", "Process Worker", "Welder", "Fitter and Turner", "Auto Electrician",
		"Enfermeiro", "Motorista de Camião", "Cozinheiro", "Assistente Administrativo", "Vendedor",
		"Desenvolvedor de Software", "Técnico de Contabilidade", "Operador de Armazém"}
	cc := []string{"Call Centre Operator", "Customer Service Representative", "Contact Centre Team Leader",
		"Call Centre Agent", "Customer Service Officer", "Contact Centre Consultant", "Inbound Sales Consultant",
		"Call Centre Supervisor", "Customer Care Advisor", "Contact Centre Quality Coach", "Workforce Planner",
		"Operador de Telemarketing", "Operador de Call Center", "Supervisor de Teleatendimento",
		"Assistente de Contact Center", "Atendente de Central de Atendimento"}
	nb := []string{"Telemarketer", "Customer Service Manager", "Call Centre Manager", "Receptionist",
		"Help Desk Officer", "IT Service Desk Analyst", "Debt Collector", "Switchboard Operator",
		"Medical Receptionist", "Collections Officer", "Outbound Sales Agent", "Client Service Manager"}
	for i := 0; i < len(gen) || i < len(cc) || i < len(nb); i++ {
		for k := 0; k < 4 && 4*i+k < len(gen); k++ {
			add(general, gen[4*i+k])
		}
		if i < len(cc) {
			add(callCentre, cc[i])
		}
		if i < len(nb) {
			add(nearby, nb[i])
		}
	}
	return out
}()
