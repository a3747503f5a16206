package crosswalk

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// PTTitle is a Portuguese title of an ANZSCO occupation or group.
type PTTitle struct {
	Text string
	// Target is a six-digit ANZSCO occupation, or the four-digit unit group
	// or three-digit minor group that the title supports when the data
	// points at several occupations.
	Target string
	// Source says where the title comes from and the path it took, e.g.
	// "CBO 2002 synonym of 7825-10, via ISCO-88 8324 → ISCO-08 8332".
	Source string
	// Variant is "pt-BR" for a title from a Brazilian source, "pt-PT" for
	// one from a European source, and "" for one that both give.
	Variant string
}

// Origin names the classification a title comes from: "ESCO", "CBO 2002"
// or "CPP 2010", for grouping titles by source.
func (t PTTitle) Origin() string {
	for _, o := range []string{"ESCO", "CBO 2002", "CPP 2010"} {
		if strings.HasPrefix(t.Source, o) {
			return o
		}
	}
	return ""
}

// Variants of Portuguese.
const (
	Brazil   = "pt-BR"
	Portugal = "pt-PT"
)

// MaxMinorGroups is the number of ANZSCO minor groups over which a label
// may be spread. A label whose ISCO-08 groups reach occupations in several
// minor groups is given to each of them, since the ISCO-08 group covers
// them all: ISCO-08 6121 Livestock and dairy producers holds ANZSCO's
// livestock farmers (121) and their senior farm workers (363), 7213 Sheet
// metal workers holds sheetmetal workers (322), panelbeaters (324) and
// others. Dropping such labels would leave 443 of the 1,075 occupations of
// the ABS table without a Portuguese title. The widest ISCO-08 group of the
// table, 3339 Business services agents not elsewhere classified, reaches 7
// minor groups; past 8, which only a CBO occupation whose ISCO-88 group
// splits over several wide ISCO-08 groups can reach, the label says too
// little to support any of them and is dropped.
const MaxMinorGroups = 8

// Sources holds the parsed crosswalk files. LoadSources reads them from the
// layout of the shared crosswalks directory; tests build them by hand.
type Sources struct {
	Correspondence []ISCORow        // ABS ANZSCO 2022 → ISCO-08
	ESCO           []ESCOOccupation // ESCO v1.2 occupations in Portuguese
	ESCOEnglish    []ESCOEnglish    // ESCO v1.1.1 occupations in English
	// ANZSCOTitles holds English titles of ANZSCO occupations beyond the
	// principal titles of Correspondence, which are always used: the
	// alternative titles and specialisations of the ABS index of titles.
	ANZSCOTitles   map[string][]string
	ESCOGroups     map[string]string // ISCO-08 code → ESCO Portuguese name
	CBOOccupations []CBOEntry        // CBO 2002 occupations
	CBOSynonyms    []CBOEntry        // CBO 2002 synonyms
	CBOToISCO88    map[string]string // CBO 2002 occupation → ISCO-88 unit group
	ISCO88To08     []ISCO88Row       // ILO ISCO-88 → ISCO-08
	CPP            []CPPProfession   // CPP 2010 professions
	CPPMapping     []CPPMapping      // ESCO ↔ CPP 2010
	Generic        *Patterns         // labels too generic to be titles; nil for the embedded list
	Corrections    *Corrections      // corrections to the public tables; nil for none
	CBOSkipped     int               // rows of the CBO conversion table without an ISCO-88 code
}

// Occupations returns the ANZSCO occupations of the correspondence, each
// once, in the order of its rows.
func (s Sources) Occupations() []string {
	var occs []string
	seen := map[string]bool{}
	for _, r := range s.Correspondence {
		if !seen[r.ANZSCO] {
			seen[r.ANZSCO] = true
			occs = append(occs, r.ANZSCO)
		}
	}
	return occs
}

// The files of the shared crosswalks directory, relative to it.
const (
	FileCorrespondence = "abs/anzsco2022_to_isco08.csv"
	FileESCO           = "esco/occupations_pt_v1.2.csv"
	FileESCOEnglish    = "esco/occupations_en_v1.1.1.csv"
	FileESCOLabels     = "esco/labels_pt_v1.0.3.tsv"
	FileESCOConcepts   = "esco/labels_pt_v1.0.3_concepts.tsv"
	FileCBOOccupations = "cbo/CBO2002 - Ocupacao.csv"
	FileCBOSynonyms    = "cbo/CBO2002 - Sinonimo.csv"
	FileCBOToISCO88    = "cbo/RelatorioTabuaCBO2002_CBO94_CIUO88.csv"
	FileISCO88To08     = "cbo/corrtab88-08.csv"
	FileCPP            = "cpp/cpp2010_profissoes_intrack.csv"
	FileCPPMapping     = "cpp/PT_mapping_20.08.2021.csv"
)

// Files lists every file LoadSources reads.
var Files = []string{
	FileCorrespondence, FileESCO, FileESCOEnglish, FileESCOLabels, FileESCOConcepts,
	FileCBOOccupations, FileCBOSynonyms, FileCBOToISCO88, FileISCO88To08,
	FileCPP, FileCPPMapping,
}

// LoadSources reads every source file from dir, laid out as Files says,
// and takes the embedded corrections (data/corrections.txt). It leaves
// ANZSCOTitles empty: the index of titles is a workbook, which the caller
// reads (see internal/gen).
func LoadSources(dir string) (Sources, error) {
	var s Sources
	var err error
	if s.Corrections, err = DefaultCorrections(); err != nil {
		return Sources{}, err
	}
	open := func(rel string, read func(f *os.File, name string) error) error {
		f, err := os.Open(filepath.Join(dir, rel))
		if err != nil {
			return err
		}
		defer f.Close()
		return read(f, f.Name())
	}
	steps := []struct {
		file string
		read func(f *os.File, name string) error
	}{
		{FileCorrespondence, func(f *os.File, n string) (err error) { s.Correspondence, err = ReadANZSCOToISCO08(f, n); return }},
		{FileESCO, func(f *os.File, n string) (err error) { s.ESCO, err = ReadESCOOccupations(f, n); return }},
		{FileESCOEnglish, func(f *os.File, n string) (err error) { s.ESCOEnglish, err = ReadESCOEnglish(f, n); return }},
		{FileESCOLabels, func(f *os.File, n string) error {
			return open(FileESCOConcepts, func(c *os.File, cn string) (err error) {
				s.ESCOGroups, err = ReadESCOGroupNames(f, n, c, cn)
				return
			})
		}},
		{FileCBOOccupations, func(f *os.File, n string) (err error) { s.CBOOccupations, err = ReadCBO(f, n); return }},
		{FileCBOSynonyms, func(f *os.File, n string) (err error) { s.CBOSynonyms, err = ReadCBO(f, n); return }},
		{FileCBOToISCO88, func(f *os.File, n string) (err error) {
			s.CBOToISCO88, s.CBOSkipped, err = ReadCBOToISCO88(f, n)
			return
		}},
		{FileISCO88To08, func(f *os.File, n string) (err error) { s.ISCO88To08, err = ReadISCO88To08(f, n); return }},
		{FileCPP, func(f *os.File, n string) (err error) { s.CPP, err = ReadCPPProfessions(f, n); return }},
		{FileCPPMapping, func(f *os.File, n string) (err error) { s.CPPMapping, err = ReadCPPMapping(f, n); return }},
	}
	for _, st := range steps {
		if err := open(st.file, st.read); err != nil {
			return Sources{}, err
		}
	}
	return s, nil
}

// Stats counts what PortugueseTitles read, kept and dropped.
type Stats struct {
	// Labels counts the labels read per kind of source ("ESCO preferred
	// label", "CBO 2002 synonym"...), before splitting.
	Labels map[string]int
	// Titles counts the titles kept per kind of source; a title given to
	// several targets counts once for each.
	Titles map[string]int
	// Levels counts the titles kept per target level: 6 (occupation), 4
	// (unit group) and 3 (minor group).
	Levels map[int]int
	// Generic counts titles dropped as too generic.
	Generic int
	// Duplicates counts titles dropped because the same target already has
	// the same title (up to case and accents).
	Duplicates int
	// NoISCO08 counts CBO labels dropped because neither their occupation
	// nor its family is in the conversion table to ISCO-88.
	NoISCO08 int
	// NoANZSCO counts labels dropped because no ANZSCO occupation
	// corresponds to their ISCO-08 group.
	NoANZSCO int
	// TooWide counts labels dropped because their occupations lie in more
	// than MaxMinorGroups minor groups.
	TooWide int
	// Spread counts labels given to two to MaxMinorGroups minor groups.
	Spread int
	// NotSpelling counts ESCO hidden labels dropped because they are not
	// an older spelling of one of their occupation's labels.
	NotSpelling int
	// Pinned counts ESCO occupations whose English preferred label is an ANZSCO
	// title of some of the occupations of their ISCO-08 group, and which go
	// to those occupations only; PinnedCPP counts CPP 2010 professions that
	// follow the ESCO occupation they match exactly.
	Pinned, PinnedCPP int
	// CBOFamily counts CBO labels placed through their family's ISCO-88
	// group, their own occupation being absent from the conversion table.
	CBOFamily int
	// Corrected counts the CBO labels whose path a correction changed.
	Corrected int
}

// builder gathers titles, deduplicated per target.
type builder struct {
	stats   Stats
	generic *Patterns
	anzsco  map[string][]string // ISCO-08 → ANZSCO occupations
	corr    *Corrections
	titles  []PTTitle
	index   map[[2]string]int // target, folded text → titles index
}

// PortugueseTitles derives Portuguese titles for ANZSCO occupations and
// groups from the crosswalks, following the rules of the package
// documentation. The titles are sorted by target, then folded text.
func PortugueseTitles(src Sources) ([]PTTitle, Stats, error) {
	if len(src.Correspondence) == 0 {
		return nil, Stats{}, fmt.Errorf("crosswalk: no ANZSCO to ISCO-08 correspondence")
	}
	gen := src.Generic
	if gen == nil {
		var err error
		if gen, err = Generic(); err != nil {
			return nil, Stats{}, err
		}
	}
	if err := src.Corrections.checkMain(src.Correspondence); err != nil {
		return nil, Stats{}, err
	}
	b := &builder{
		generic: gen,
		anzsco:  anzscoByISCO(src.Correspondence, src.Corrections),
		corr:    src.Corrections,
		index:   map[[2]string]int{},
		stats:   Stats{Labels: map[string]int{}, Titles: map[string]int{}, Levels: map[int]int{}},
	}

	// Pins look at every occupation of the group: an English label that is
	// an ANZSCO title outweighs a main correction.
	pins := pinESCO(src, anzscoByISCO(src.Correspondence, nil))
	b.stats.Pinned = len(pins)

	// Sources in order of precedence: when two give the same title to the
	// same target, the first one's wording and provenance are kept.
	for _, o := range src.ESCO {
		occs, why := b.occs(o.ISCO08)
		if p, ok := pins[o.URI]; ok {
			occs, why = p.occs, p.why
		}
		name := escoName(o)
		b.add("ESCO preferred label", o.Preferred, Portugal, occs,
			fmt.Sprintf("ESCO 1.2 preferred label, ISCO-08 %s%s", o.ISCO08, why))
		for _, l := range o.Alt {
			b.add("ESCO alternative label", l, Portugal, occs,
				fmt.Sprintf("ESCO 1.2 alternative label of '%s', ISCO-08 %s%s", name, o.ISCO08, why))
		}
	}
	exact := exactESCO(src.CPPMapping)
	escoByURI := map[string]ESCOOccupation{}
	for _, o := range src.ESCO {
		escoByURI[o.URI] = o
	}
	for _, p := range cppProfessions(src.CPP, src.CPPMapping) {
		occs, why := b.occs(p.ISCO08)
		if uri, ok := exact[p.Code]; ok {
			if pin, ok := pins[uri]; ok && escoByURI[uri].ISCO08 == p.ISCO08 {
				occs = pin.occs
				why = fmt.Sprintf("; the same as ESCO '%s'%s", escoName(escoByURI[uri]), pin.why)
				b.stats.PinnedCPP++
			}
		}
		b.add("CPP 2010 profession", p.Title, Portugal, occs,
			fmt.Sprintf("CPP 2010 profession %s, ISCO-08 %s%s", p.Code, p.ISCO08, why))
	}
	groups := make([]string, 0, len(src.ESCOGroups))
	for code := range src.ESCOGroups {
		if digits4.MatchString(code) {
			groups = append(groups, code)
		}
	}
	sort.Strings(groups)
	for _, code := range groups {
		occs, why := b.occs(code)
		b.add("ESCO ISCO-08 group name", src.ESCOGroups[code], Portugal, occs,
			fmt.Sprintf("ESCO name of ISCO-08 unit group %s%s", code, why))
	}
	cbo := newCBOPath(src.CBOToISCO88, src.ISCO88To08, src.Corrections)
	for _, set := range []struct {
		kind, word string
		list       []CBOEntry
	}{
		{"CBO 2002 occupation", "occupation", src.CBOOccupations},
		{"CBO 2002 synonym", "synonym of", src.CBOSynonyms},
	} {
		for _, e := range set.list {
			isco08, via, family, corrected := cbo.path(e.Code)
			if len(isco08) == 0 {
				b.stats.Labels[set.kind]++
				b.stats.NoISCO08++
				continue
			}
			if family {
				b.stats.CBOFamily++
			}
			occs, why := b.occs(isco08...)
			if corrected || why != "" {
				b.stats.Corrected++
			}
			b.add(set.kind, e.Title, Brazil, occs,
				fmt.Sprintf("CBO 2002 %s %s-%s, %s%s", set.word, e.Code[:4], e.Code[4:], via, why))
		}
	}
	for _, o := range src.ESCO {
		occs, why := b.occs(o.ISCO08)
		if p, ok := pins[o.URI]; ok {
			occs, why = p.occs, p.why
		}
		name := escoName(o)
		for _, l := range o.Hidden {
			if !olderSpelling(l, o) {
				b.stats.Labels["ESCO hidden label"]++
				b.stats.NotSpelling++
				continue
			}
			b.add("ESCO hidden label", l, Portugal, occs,
				fmt.Sprintf("ESCO 1.2 hidden label of '%s', ISCO-08 %s%s", name, o.ISCO08, why))
		}
	}

	folded := make([]string, len(b.titles))
	for i, t := range b.titles {
		folded[i] = Fold(t.Text)
	}
	order := make([]int, len(b.titles))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		a, c := b.titles[order[i]], b.titles[order[j]]
		if a.Target != c.Target {
			return a.Target < c.Target
		}
		if fa, fc := folded[order[i]], folded[order[j]]; fa != fc {
			return fa < fc
		}
		return a.Text < c.Text
	})
	sorted := make([]PTTitle, len(order))
	for i, k := range order {
		sorted[i] = b.titles[k]
	}
	b.titles = sorted
	return b.titles, b.stats, nil
}

// olderSpelling says whether a hidden label is one of the occupation's
// preferred or alternative labels in the spelling from before the 1990
// agreement ("Director técnico" for "Diretor técnico", "Óptico" for
// "Ótico"). ESCO's hidden labels are search terms: besides such spellings
// they hold misspellings ("Oftlamologista") and words that name other
// occupations ("Psicólogo" under médico especialista, "Canalizador" under
// supervisor de canalização), which are no titles of the occupation.
func olderSpelling(hidden string, o ESCOOccupation) bool {
	h := dropMute(Fold(hidden))
	for _, l := range append([]string{o.Preferred}, o.Alt...) {
		for _, t := range SplitLabel(l) {
			if dropMute(Fold(t)) == h {
				return true
			}
		}
	}
	return false
}

// dropMute removes the c and p that the 1990 agreement dropped before c
// and t (folded "accao" and "acao", "director" and "diretor" become one).
func dropMute(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if (s[i] == 'c' || s[i] == 'p') && i+1 < len(s) && (s[i+1] == 'c' || s[i+1] == 't') {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// occs returns the ANZSCO occupations of ISCO-08 groups, and the
// provenance to add when a main correction narrowed a group.
func (b *builder) occs(isco08 ...string) ([]string, string) {
	var out []string
	for _, g := range isco08 {
		out = append(out, b.anzsco[g]...)
	}
	return out, mainNote(b.corr, isco08...)
}

// mainNote says which of the ISCO-08 groups a main correction narrowed.
func mainNote(c *Corrections, isco08 ...string) string {
	if c == nil {
		return ""
	}
	var s string
	for _, g := range isco08 {
		if fix, ok := c.Main[g]; ok {
			s += fmt.Sprintf("; ISCO-08 %s taken as ANZSCO %s (corrected: %s)", g, strings.Join(fix.To, ", "), fix.Reason)
		}
	}
	return s
}

// add splits a label into titles and gives them to the targets of the
// ANZSCO occupations occs.
func (b *builder) add(kind, label, variant string, occs []string, source string) {
	b.stats.Labels[kind]++
	if len(occs) == 0 {
		b.stats.NoANZSCO++
		return
	}
	targets := Targets(occs)
	if targets == nil {
		b.stats.TooWide++
		return
	}
	if len(targets) > 1 {
		b.stats.Spread++
	}
	for _, text := range SplitLabel(label) {
		if b.generic.Match(text) {
			b.stats.Generic++
			continue
		}
		f := Fold(text)
		for _, t := range targets {
			key := [2]string{t, f}
			if i, ok := b.index[key]; ok {
				b.stats.Duplicates++
				if b.titles[i].Variant != variant {
					b.titles[i].Variant = ""
				}
				continue
			}
			src := source
			if len(targets) > 1 {
				src += "; shared with ANZSCO " + strings.Join(others(targets, t), ", ")
			}
			b.index[key] = len(b.titles)
			b.titles = append(b.titles, PTTitle{Text: text, Target: t, Source: src, Variant: variant})
			b.stats.Titles[kind]++
			b.stats.Levels[len(t)]++
		}
	}
}

// others returns list without s.
func others(list []string, s string) []string {
	out := make([]string, 0, len(list)-1)
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// anzscoByISCO inverts the ABS table: for each ISCO-08 unit group, the
// ANZSCO occupations that correspond to it. Where a group has full
// (non-partial) rows, only their occupations are kept: an occupation that
// lies wholly in the group is a better home for the group's titles than one
// that only reaches into it. Where all rows are partial, all are kept,
// unless a main correction names those that hold the bulk of the group.
func anzscoByISCO(rows []ISCORow, c *Corrections) map[string][]string {
	all, full := correspondence(rows, func(r ISCORow) (string, string, bool) { return r.ISCO08, r.ANZSCO, r.Partial })
	for g, occs := range full {
		all[g] = occs
	}
	if c != nil {
		for g, fix := range c.Main {
			if len(full[g]) == 0 {
				all[g] = fix.To
			}
		}
	}
	return all
}

// correspondence maps each code of one classification to the codes of
// the other that rows give it, in the order of the rows: all of them, and
// those of full (not partial) rows. row says what a row links.
func correspondence[R any](rows []R, row func(R) (from, to string, partial bool)) (all, full map[string][]string) {
	all, full = map[string][]string{}, map[string][]string{}
	for _, r := range rows {
		from, to, partial := row(r)
		all[from] = appendNew(all[from], to)
		if !partial {
			full[from] = appendNew(full[from], to)
		}
	}
	return all, full
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Targets returns where a title that points at the ANZSCO occupations occs
// goes: the occupation if there is one, else their unit group if they share
// one, else their minor group if they share one. Occupations in several
// minor groups are split by minor group and each part gets its own target
// by the same rule; past MaxMinorGroups minor groups, Targets returns nil.
// The targets are sorted.
func Targets(occs []string) []string {
	byMinor := map[string][]string{}
	for _, o := range occs {
		if digits6.MatchString(o) {
			byMinor[o[:3]] = appendNew(byMinor[o[:3]], o)
		}
	}
	if len(byMinor) == 0 || len(byMinor) > MaxMinorGroups {
		return nil
	}
	var out []string
	for minor, list := range byMinor {
		switch {
		case len(list) == 1:
			out = append(out, list[0])
		case sharePrefix(list, 4):
			out = append(out, list[0][:4])
		default:
			out = append(out, minor)
		}
	}
	sort.Strings(out)
	return out
}

func sharePrefix(list []string, n int) bool {
	for _, s := range list[1:] {
		if s[:n] != list[0][:n] {
			return false
		}
	}
	return true
}

// cppProfessions lists the CPP 2010 professions: those of the ESCO mapping,
// which is INE's and ESCO's own list, with the titles it gives; then those
// of the profession list that the mapping does not name.
func cppProfessions(list []CPPProfession, mapping []CPPMapping) []CPPProfession {
	var out []CPPProfession
	seen := map[string]bool{}
	for _, m := range mapping {
		if !cppCodeRE.MatchString(m.CPPCode) {
			continue
		}
		key := m.CPPCode + "\x00" + m.CPPTitle
		if seen[key] {
			continue
		}
		seen[key] = true
		seen[m.CPPCode] = true
		out = append(out, CPPProfession{Code: m.CPPCode, ISCO08: m.CPPCode[:4], Title: m.CPPTitle})
	}
	for _, p := range list {
		if !seen[p.Code] {
			out = append(out, p)
		}
	}
	return out
}

// cboPath leads a CBO 2002 occupation to ISCO-08 through ISCO-88.
type cboPath struct {
	links  map[string]string   // CBO occupation → ISCO-88
	family map[string]string   // CBO family → the one ISCO-88 group of all its linked occupations
	to08   map[string][]string // ISCO-88 → the ISCO-08 groups chosen for it
	fixed  map[string]string   // ISCO-88 → the reason of its correction
	cbo    map[string]Fix      // corrections of CBO families and occupations
}

// nearest returns the ISCO-08 groups of list whose codes share the longest
// prefix with the ISCO-88 code g, if that prefix is two digits or more: a
// group that kept its code (ISCO-88 8111 → ISCO-08 8111, not 3121 Mining
// supervisors), else the groups of the same sub-major group, which keeps
// the skill level (ISCO-88 2230 Nursing and midwifery professionals →
// ISCO-08 2221 and 2222, not the managers of 1342 nor the associate
// professionals of 3221). It returns nil when no group shares two digits.
func nearest(g string, list []string) []string {
	best := 2
	var out []string
	for _, c := range list {
		n := 0
		for n < len(g) && n < len(c) && g[n] == c[n] {
			n++
		}
		switch {
		case n > best:
			best, out = n, []string{c}
		case n == best:
			out = append(out, c)
		}
	}
	return out
}

func newCBOPath(links map[string]string, rows []ISCO88Row, c *Corrections) *cboPath {
	p := &cboPath{links: links, family: map[string]string{}, to08: map[string][]string{}, fixed: map[string]string{}}
	if c != nil {
		p.cbo = c.CBO
	}
	fam := map[string]map[string]bool{}
	for code, g := range links {
		if !digits6.MatchString(code) {
			continue
		}
		if fam[code[:4]] == nil {
			fam[code[:4]] = map[string]bool{}
		}
		fam[code[:4]][g] = true
	}
	for f, gs := range fam {
		if len(gs) == 1 {
			for g := range gs {
				p.family[f] = g
			}
		}
	}
	all, full := correspondence(rows, func(r ISCO88Row) (string, string, bool) { return r.ISCO88, r.ISCO08, r.Partial })
	for g, list := range all {
		if near := nearest(g, list); near != nil {
			list = near
		} else if len(full[g]) > 0 {
			list = full[g]
		}
		sort.Strings(list)
		p.to08[g] = list
	}
	if c != nil {
		for g, fix := range c.ISCO88 {
			p.to08[g], p.fixed[g] = fix.To, fix.Reason
		}
	}
	return p
}

// path returns the ISCO-08 groups of a CBO occupation, the path in words,
// whether it went through the occupation's family, and whether a
// correction changed it. A correction of the occupation, else of its
// family, sends it straight to ISCO-08.
func (p *cboPath) path(code string) (isco08 []string, via string, family, corrected bool) {
	if !digits6.MatchString(code) {
		return nil, "", false, false
	}
	for _, key := range []string{code, code[:4]} {
		if fix, ok := p.cbo[key]; ok {
			return fix.To, fmt.Sprintf("via ISCO-08 %s (corrected: %s)", strings.Join(fix.To, ", "), fix.Reason), false, true
		}
	}
	g, ok := p.links[code]
	if !ok {
		if g, ok = p.family[code[:4]]; !ok {
			return nil, "", false, false
		}
		family = true
	}
	isco08 = p.to08[g]
	if len(isco08) == 0 {
		return nil, "", false, false
	}
	note := ""
	if why, ok := p.fixed[g]; ok {
		note, corrected = fmt.Sprintf(" (corrected: %s)", why), true
	}
	via = fmt.Sprintf("via ISCO-88 %s → ISCO-08 %s%s", g, strings.Join(isco08, ", "), note)
	if family {
		via = fmt.Sprintf("via its family %s, ISCO-88 %s → ISCO-08 %s%s", code[:4], g, strings.Join(isco08, ", "), note)
	}
	return isco08, via, family, corrected
}

// escoName is how provenance names an ESCO occupation: its first preferred
// title, in lower case.
func escoName(o ESCOOccupation) string {
	if pref := SplitLabel(o.Preferred); len(pref) > 0 {
		return strings.ToLower(pref[0])
	}
	return strings.ToLower(o.Preferred)
}

// pin sends an ESCO occupation to some of the ANZSCO occupations of its
// ISCO-08 group.
type pin struct {
	occs []string
	why  string // provenance to add
}

// pinESCO finds the ESCO occupations whose English preferred label is an
// English title (principal, alternative or specialisation) of some, not
// all, of the ANZSCO occupations of their ISCO-08 group: ESCO "technical
// director" in ISCO-08 2654 is ANZSCO 212317 Technical Director, not the
// whole of minor group 212. Alternative labels are not used: they reach
// too far ("chief financial officer" is an alternative label of bank
// treasurer, "stage manager" one of audio production technician). English
// text is compared in lower case with "(Aus)" and "(NZ)" and everything but
// letters removed.
func pinESCO(src Sources, anzsco map[string][]string) map[string]pin {
	titles := map[string]map[string]bool{} // occupation → normalised English titles
	addTitle := func(code, t string) {
		for _, part := range strings.Split(t, " / ") {
			if n := normEnglish(part); n != "" {
				if titles[code] == nil {
					titles[code] = map[string]bool{}
				}
				titles[code][n] = true
			}
		}
	}
	for _, r := range src.Correspondence {
		addTitle(r.ANZSCO, r.ANZSCOTitle)
	}
	for code, list := range src.ANZSCOTitles {
		for _, t := range list {
			addTitle(code, t)
		}
	}
	pins := map[string]pin{}
	for _, e := range src.ESCOEnglish {
		group := anzsco[e.ISCO08]
		if len(group) < 2 {
			continue
		}
		var match []string
		label := ""
		for _, occ := range group {
			if titles[occ][normEnglish(e.Preferred)] {
				match = append(match, occ)
				label = e.Preferred
			}
		}
		if len(match) == 0 || len(match) == len(group) {
			continue
		}
		sort.Strings(match)
		pins[e.URI] = pin{match, fmt.Sprintf("; its English label '%s' is a title of ANZSCO %s", label, strings.Join(match, ", "))}
	}
	return pins
}

// normEnglish lower-cases an English title and keeps only its letters,
// without a country marker.
func normEnglish(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(strings.ReplaceAll(s, "(aus)", " "), "(nz)", " ")
	s = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// exactESCO maps each CPP 2010 profession that the mapping matches
// exactly (skos:exactMatch) with one ESCO occupation to that occupation.
func exactESCO(mapping []CPPMapping) map[string]string {
	uris := map[string][]string{}
	for _, m := range mapping {
		if m.Relation == "skos:exactMatch" {
			uris[m.CPPCode] = appendNew(uris[m.CPPCode], m.ESCOURI)
		}
	}
	out := map[string]string{}
	for code, list := range uris {
		if len(list) == 1 {
			out[code] = list[0]
		}
	}
	return out
}
