package index_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/anzsco/anzsco/index"
)

// The product's promises: a supervisor of a contact centre is a team
// leader; managers, telemarketers and software engineers are outside, with
// the nearest outside occupation named.
func TestClassifyProductExamples(t *testing.T) {
	ix := defaultIndex(t)
	tests := []struct {
		in, code, nearest string
	}{
		{"Contact Center Supervisor", "541111", ""},
		{"Call or Contact Centre Operator", "541112", ""},
		{"Operador de telemarketing receptivo", "541112", ""},
		{"Supervisor de Call Center", "541111", ""},
		{"Call Centre Manager", "", "149211"},
		{"Telemarketer", "", "639311"},
		{"Software Engineer", "", "313112"},
		{"Switchboard Operator", "", "561611"},
		{"Debt Collector", "", "599311"},
	}
	for _, tt := range tests {
		r, err := ix.Classify(index.Query{Text: tt.in})
		if err != nil {
			t.Fatalf("Classify(%q): %v", tt.in, err)
		}
		if r.Code != tt.code {
			t.Errorf("Classify(%q).Code = %q, want %q", tt.in, r.Code, tt.code)
		}
		if tt.code != "" {
			if r.Confidence < 0.5 || r.Matches[0].Code != tt.code || r.Matches[0].Score <= 0 {
				t.Errorf("Classify(%q): confidence %.2f, top match %+v: want %s first with a score and confidence >= 0.5", tt.in, r.Confidence, r.Matches[0], tt.code)
			}
		}
		if tt.nearest != "" {
			if r.NearestOutside == nil || r.NearestOutside.Code != tt.nearest {
				t.Errorf("Classify(%q).NearestOutside = %+v, want %s", tt.in, r.NearestOutside, tt.nearest)
			}
			if r.Confidence < 0.5 {
				t.Errorf("Classify(%q): confidence outside %.2f, want >= 0.5", tt.in, r.Confidence)
			}
		}
	}
}

func TestClassifyStripsNoise(t *testing.T) {
	ix := defaultIndex(t)
	r, err := ix.Classify(index.Query{Text: "Inbound CSR - 12 month contract - Sydney CBD", Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Code != "541112" {
		t.Errorf("Code = %q, want 541112", r.Code)
	}
	rules := map[string]string{}
	for _, s := range r.Explanation.Stripped {
		rules[s.Rule] = s.Text
	}
	if rules["contract"] != "12 month contract" || rules["place"] != "sydney cbd" {
		t.Errorf("Stripped = %+v, want the contract term and the place", r.Explanation.Stripped)
	}
	if r.Cleaned == "" || strings.Contains(r.Cleaned, "sydney") {
		t.Errorf("Cleaned = %q, want the title without noise", r.Cleaned)
	}
	if len(r.Explanation.Candidates) == 0 || len(r.Explanation.Candidates[0].Fields) == 0 || r.Explanation.Decision == "" {
		t.Errorf("explanation lacks candidates, fields or decision: %+v", r.Explanation)
	}
}

// A trainee, intern or apprentice of a call centre is read as an operator
// when the title names no other role; a title that names its role, or
// another workplace, is read as it is.
func TestClassifyEntryWords(t *testing.T) {
	ix := defaultIndex(t)
	tests := []struct{ in, code, read string }{
		{"Contact Centre Trainee", "541112", "trainee"},
		{"Call Center Intern", "541112", "intern"},
		{"Jovem Aprendiz - Central de Atendimento", "541112", "jovem aprendiz"},
		{"Estagiária - Call Center", "541112", "estagiaria"},
		{"Call Centre Supervisor Trainee", "541111", ""},
		{"Apprentice Call Centre Manager", "", ""},
		{"Warehouse Trainee - Inbound", "", ""},
		{"Trainee", "", ""},
	}
	for _, tt := range tests {
		r, err := ix.Classify(index.Query{Text: tt.in, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		read := ""
		for _, s := range r.Explanation.Stripped {
			if strings.HasPrefix(s.Rule, "entry word") {
				read = s.Text
			}
		}
		if r.Code != tt.code || read != tt.read {
			t.Errorf("Classify(%q) = %q, entry word %q; want %q, %q", tt.in, r.Code, read, tt.code, tt.read)
		}
	}
}

// An inverted index form ("Operator, telephone", as the ABS index of titles
// writes titles) is coded as the title in its usual order; a comma after a
// longer first part is a list, which keeps its parts.
func TestClassifyInvertedForms(t *testing.T) {
	ix := defaultIndex(t)
	for _, tt := range []struct{ inverted, usual string }{
		{"Operator, telephone", "Telephone Operator"},
		{"Operator, call centre (inbound)", "Inbound Call Centre Operator"},
		{"Clerk, telephone betting", "Telephone Betting Clerk"},
		{"Leader, team (contact centre)", "Contact Centre Team Leader"},
		{"Supervisora, Central de Atendimento", "Supervisora de Central de Atendimento"},
	} {
		inv, err := ix.Classify(index.Query{Text: tt.inverted})
		if err != nil {
			t.Fatal(err)
		}
		usual, err := ix.Classify(index.Query{Text: tt.usual})
		if err != nil {
			t.Fatal(err)
		}
		if inv.Code != usual.Code || nearestOutside(inv) != nearestOutside(usual) {
			t.Errorf("Classify(%q) = %q (nearest outside %q), but %q is %q (%q)", tt.inverted, inv.Code, nearestOutside(inv), tt.usual, usual.Code, nearestOutside(usual))
		}
	}
	// "Telephone Operator" is the ABS's switchboard operator, outside 5411;
	// the check above would pass if both were coded alike for another reason.
	r, err := ix.Classify(index.Query{Text: "Operator, telephone"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Code != "" || nearestOutside(r) != "561611" {
		t.Errorf(`Classify("Operator, telephone") = %q, nearest outside %q; want outside, 561611`, r.Code, nearestOutside(r))
	}
}

func nearestOutside(r *index.Result) string {
	if r.NearestOutside == nil {
		return ""
	}
	return r.NearestOutside.Code
}

// One-letter slips in longer words are corrected; unrelated words are not
// bent towards the corpus.
func TestClassifyTypingSlips(t *testing.T) {
	ix := defaultIndex(t)
	tests := []struct{ in, code, from, to string }{
		{"Call Centre Supervsior", "541111", "supervsior", "supervisor"},
		{"Custmer Service Agent - Call Centre", "541112", "custmer", "customer"},
		{"Call Centre Opertor", "541112", "opertor", "operator"},
		{"Cal Centre Agent", "541112", "cal", "call"},
	}
	for _, tt := range tests {
		r, err := ix.Classify(index.Query{Text: tt.in, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range r.Explanation.Corrected {
			found = found || (c.From == tt.from && c.To == tt.to)
		}
		if r.Code != tt.code || !found {
			t.Errorf("Classify(%q) = %q corrected %+v, want %s with %s -> %s", tt.in, r.Code, r.Explanation.Corrected, tt.code, tt.from, tt.to)
		}
	}
	for _, in := range []string{"Nurse", "Chef", "Barista", "Paediatric Physiotherapist", "Carpenter", "Plumber"} {
		r, _ := ix.Classify(index.Query{Text: in, Explain: true})
		if len(r.Explanation.Corrected) > 0 || r.Code != "" {
			t.Errorf("Classify(%q): corrected %+v, code %q; want no correction and outside", in, r.Explanation.Corrected, r.Code)
		}
	}
}

// A description supplies the channel that a bare title lacks.
func TestClassifyDescription(t *testing.T) {
	ix := defaultIndex(t)
	title := "Customer Service Officer"
	bare, _ := ix.Classify(index.Query{Text: title})
	if bare.Code != "" {
		t.Errorf("Classify(%q) = %s, want outside on the title alone", title, bare.Code)
	}
	r, _ := ix.Classify(index.Query{Text: title, Description: "answering inbound calls and emails in our contact centre"})
	if r.Code != "541112" {
		t.Errorf("Classify(%q with a contact-centre description) = %q, want 541112", title, r.Code)
	}
}

func TestClassifyAccents(t *testing.T) {
	ix := defaultIndex(t)
	a, _ := ix.Classify(index.Query{Text: "Técnico de apoio ao cliente (contact center)"})
	b, _ := ix.Classify(index.Query{Text: "TECNICO DE APOIO AO CLIENTE (CONTACT CENTER)"})
	if a.Code != b.Code || a.Confidence != b.Confidence {
		t.Errorf("accents or case changed the result: %s %.3f vs %s %.3f", a.Code, a.Confidence, b.Code, b.Confidence)
	}
}

func TestClassifyBadInput(t *testing.T) {
	ix := defaultIndex(t)
	for _, in := range []string{"", "   ", "\t\n", "\x00\x00"} {
		if _, err := ix.Classify(index.Query{Text: in}); !errors.Is(err, index.ErrEmptyQuery) {
			t.Errorf("Classify(%q) error = %v, want ErrEmptyQuery", in, err)
		}
	}
	huge := strings.Repeat("call centre supervisor ", 50000) // about 1 MB
	r, err := ix.Classify(index.Query{Text: huge})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Input) > index.MaxTitleBytes || len(r.Warnings) == 0 || !strings.Contains(r.Warnings[0], "cut") {
		t.Errorf("1 MB title: input %d bytes, warnings %q; want it cut to %d bytes with a warning", len(r.Input), r.Warnings, index.MaxTitleBytes)
	}
	r, err = ix.Classify(index.Query{Text: "Call Centre \xff\xfe Agent"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Code != "541112" || len(r.Warnings) == 0 || !strings.Contains(r.Warnings[0], "UTF-8") {
		t.Errorf("invalid UTF-8: code %q warnings %q; want 541112 and a repair warning", r.Code, r.Warnings)
	}
	r, err = ix.Classify(index.Query{Text: "Call Centre Agent", Description: strings.Repeat("\x00\x01binary", 100000)})
	if err != nil || r.Code == "" {
		t.Errorf("binary description: %v %+v", err, r)
	}
}

func TestClassifyMinConfidence(t *testing.T) {
	ix := defaultIndex(t)
	plain, _ := ix.Classify(index.Query{Text: "Contact Center Supervisor"})
	r, _ := ix.Classify(index.Query{Text: "Contact Center Supervisor", MinConfidence: 0.999999})
	if r.Code != "" || len(r.Warnings) == 0 {
		t.Errorf("MinConfidence 0.999999: code %q warnings %q; want no code and a warning", r.Code, r.Warnings)
	}
	// The demoted code is reported as such, and the confidence keeps its
	// meaning for an uncoded result: the probability of lying outside,
	// which for a title this clearly inside is small.
	if r.Demoted == nil || r.Demoted.Code != plain.Code || r.Demoted.Confidence != plain.Confidence {
		t.Errorf("Demoted = %+v, want the code %s with confidence %.4f", r.Demoted, plain.Code, plain.Confidence)
	}
	if r.Confidence > 0.1 {
		t.Errorf("confidence of the demoted result %.4f: want the small probability that it lies outside", r.Confidence)
	}
	// Outside without demotion: no Demoted.
	o, _ := ix.Classify(index.Query{Text: "Software Engineer", MinConfidence: 0.5})
	if o.Code != "" || o.Demoted != nil {
		t.Errorf("Software Engineer: code %q demoted %+v; want outside, nothing demoted", o.Code, o.Demoted)
	}
}

// The JSON result is a contract: field names and null code when outside.
func TestResultJSONContract(t *testing.T) {
	ix := defaultIndex(t)
	for _, tt := range []struct {
		in      string
		outside bool
	}{{"Contact Center Supervisor", false}, {"Chef", true}} {
		r, _ := ix.Classify(index.Query{Text: tt.in})
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"input", "code", "title", "confidence", "matches", "nearest_outside", "corpus"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s: JSON lacks %q: %s", tt.in, k, data)
			}
		}
		if tt.outside != (string(m["code"]) == "null") || tt.outside != (string(m["title"]) == "null") {
			t.Errorf("%s: code %s title %s, want null exactly when outside", tt.in, m["code"], m["title"])
		}
		var back index.Result
		if err := json.Unmarshal(data, &back); err != nil || back.Code != r.Code || back.Corpus != r.Corpus {
			t.Errorf("%s: JSON round trip = %+v, %v", tt.in, back, err)
		}
		var matches []map[string]any
		if err := json.Unmarshal(m["matches"], &matches); err != nil || matches == nil {
			t.Errorf("%s: matches = %s, want an array", tt.in, m["matches"])
		}
		if !tt.outside && (len(matches) == 0 || matches[0]["code"] == nil || matches[0]["score"] == nil || matches[0]["confidence"] == nil) {
			t.Errorf("%s: matches = %s", tt.in, m["matches"])
		}
	}
}

// Index and Classify are safe for concurrent use (run with -race): many
// goroutines classify and search one index, built in memory or opened from
// disk as 'serve --index' does, while another reads its corpus and info;
// every answer equals the sequential one.
func TestClassifyConcurrent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a.idx")
	if err := index.Write(defaultIndex(t).Corpus(), dir, "test"); err != nil {
		t.Fatal(err)
	}
	opened, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	for _, tc := range []struct {
		name string
		ix   *index.Index
	}{{"in memory", defaultIndex(t)}, {"opened", opened}} {
		t.Run(tc.name, func(t *testing.T) { hammer(t, tc.ix) })
	}
}

func hammer(t *testing.T, ix *index.Index) {
	answer := func(s string, i int) string {
		var v any
		var err error
		if i%4 == 3 {
			v, err = ix.Search(s, 5)
		} else {
			v, err = ix.Classify(index.Query{Text: s, Description: benchTitles[i%len(benchTitles)], Explain: i%4 == 0})
		}
		data, _ := json.Marshal(v)
		return fmt.Sprintf("%s %v", data, err)
	}
	want := map[string]string{}
	for _, s := range benchTitles {
		for i := 0; i < 4; i++ {
			want[fmt.Sprint(s, i)] = answer(s, i)
		}
	}
	info, targets := ix.Info(), strings.Join(ix.Corpus().Targets(), ",")
	docs, err := ix.DocCount()
	if err != nil {
		t.Fatal(err)
	}

	var wg sync.WaitGroup
	done := make(chan struct{})
	errs := make(chan string, 100)
	report := func(format string, args ...any) {
		select {
		case errs <- fmt.Sprintf(format, args...):
		default:
		}
	}
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				s := benchTitles[(g+i)%len(benchTitles)]
				if got := answer(s, i%4); got != want[fmt.Sprint(s, i%4)] {
					report("concurrent answer %d for %q differed from the sequential one:\n%s\n%s", i%4, s, got, want[fmt.Sprint(s, i%4)])
				}
			}
		}(g)
	}
	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			n, err := ix.DocCount()
			if ix.Info() != info || strings.Join(ix.Corpus().Targets(), ",") != targets || n != docs || err != nil {
				report("Info, Corpus or DocCount changed under load: %+v %v %d %v", ix.Info(), ix.Corpus().Targets(), n, err)
			}
			for _, code := range ix.Corpus().Targets() {
				if o, err := ix.Lookup(code); err != nil || o.Code != code {
					report("Lookup(%s) under load = %v, %v", code, o, err)
				}
			}
		}
	}()
	wg.Wait()
	close(done)
	readers.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestSearchHighlights(t *testing.T) {
	ix := defaultIndex(t)
	hits, err := ix.Search("workforce planner", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Code != "541111" {
		t.Fatalf("Search(workforce planner) = %+v, want 541111 first", hits)
	}
	found := false
	for _, m := range hits[0].Matched {
		found = found || strings.Contains(m.Text, "[Workforce]") && strings.Contains(m.Text, "[Planner]")
	}
	if !found {
		t.Errorf("no highlighted match in %+v", hits[0].Matched)
	}
	if _, err := ix.Search("  ", 5); !errors.Is(err, index.ErrEmptyQuery) {
		t.Errorf("Search(blank) error = %v, want ErrEmptyQuery", err)
	}
}
