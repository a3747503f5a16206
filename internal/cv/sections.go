package cv

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of section heading.
const (
	headingNone = iota
	headingExperience
	headingOther
	headingEducation
)

// line is one line of a CV's text, with what the finder needs to know of it.
type line struct {
	text   string // without bullet or Markdown markers, trimmed
	n      int    // 1-based line number in the text
	blank  bool
	bullet bool
	// heading is the kind of section heading the line is, if any.
	heading int
	// fields are the labelled fields of a form line ("Cargo: Operador",
	// "Dates<TAB>01/06/2020 – Present"), nil for other lines.
	fields []field
	// duration is true for a line that only gives a length of time ("6
	// yrs 2 mos", "Full-time · 3 years"): under a company, it heads
	// several roles there.
	duration bool
	// md is the level of a Markdown heading ("### Team Leader" is 3), 0
	// for other lines.
	md int
}

// field is one labelled field of a form line.
type field struct {
	kind  string // title, employer, dates, start, end or other
	value string
}

// headingKey folds a line for comparison with the word lists: lower case,
// no accents, letters and spaces only, no trailing colon or parenthesis
// ("EXPERIÊNCIA PROFISSIONAL:" -> "experiencia profissional").
func headingKey(s string) string {
	if i := strings.IndexAny(s, "(["); i > 0 {
		s = s[:i]
	}
	return foldKey(s)
}

// foldKey folds s to lower-case letters, digits and single spaces.
func foldKey(s string) string {
	f, _ := fold(s)
	f = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == ' ':
			return r
		case r == '&' || r == '/' || r == '-' || r == '.' || r == ',' || r == '\'':
			return ' '
		case unicode.IsLetter(r):
			return r
		}
		return -1
	}, f)
	return strings.Join(strings.Fields(f), " ")
}

// bulletPrefix matches the markers that start a bullet line: Markdown
// "-", "*", "+", numbered "1." or "1)", and typographic bullets.
var bulletPrefix = regexp.MustCompile(`^(?:[-*+]\s+|\d{1,2}[.)]\s+|[•·◦▪▫●○■□➢➤►▸▹✓✔❖◆◇‣⁃→–—]\s*|o\s+)`)

// emphasis removes Markdown bold and code markers.
var emphasis = strings.NewReplacer("**", "", "__", "", "`", "")

// splitLines turns text into lines, stripping Markdown emphasis and
// heading markers and noting bullets, blanks, section headings, form
// fields and duration lines.
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
				l.md = len(s) - len(t)
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
			case lex().experienceHeadings[key]:
				l.heading = headingExperience
			case lex().educationHeadings[key]:
				l.heading = headingEducation
			case lex().otherHeadings[key]:
				l.heading = headingOther
			case mdHeading:
				l.heading = headingOther
			}
		}
		if !l.blank && l.heading == headingNone {
			l.fields = formFields(s)
			l.duration = l.fields == nil && isDurationLine(s)
		}
		out = append(out, l)
	}
	return out
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// fieldSep splits a form line into fields: "Empresa: X | Cargo: Y",
// "Dates<TAB>01/06/2020 – Present", "Cidade: Braga   País: Portugal".
var fieldSep = regexp.MustCompile(`\s+\|\s+|\t+|\s{3,}|;\s+`)

// labelRE matches a labelled field: "Cargo: Operador".
var labelRE = regexp.MustCompile(`^([\p{L} ]{2,45}?)\s*:\s*(.*)$`)

// formFields returns the labelled fields of a line whose first chunk is a
// known label, or nil. A chunk without a label continues the value of the
// field before it.
func formFields(s string) []field {
	chunks := fieldSep.Split(s, -1)
	var out []field
	for i := 0; i < len(chunks); i++ {
		c := strings.TrimSpace(chunks[i])
		if c == "" {
			continue
		}
		if m := labelRE.FindStringSubmatch(c); m != nil {
			if kind, ok := lex().labels[foldKey(m[1])]; ok {
				out = append(out, field{kind, strings.TrimSpace(m[2])})
				continue
			}
		}
		if kind, ok := lex().labels[foldKey(c)]; ok && i+1 < len(chunks) {
			// "Label<TAB>value", as Europass tables and side-by-side PDFs
			// write it.
			out = append(out, field{kind, strings.TrimSpace(chunks[i+1])})
			i++
			continue
		}
		if len(out) == 0 {
			if f, ok := labelPrefix(c); ok {
				out = append(out, f)
				continue
			}
			return nil
		}
		last := &out[len(out)-1]
		last.value = strings.TrimSpace(last.value + " " + c)
	}
	return out
}

// trailingLabel matches a label at the end of a text: "… (Período: ".
var trailingLabel = regexp.MustCompile(`([\p{L} ]{2,45}):\s*$`)

// trimDateLabel removes the label of the dates that follow before
// ("Auxiliar de Cozinha – Restaurante (Período: " loses "Período:").
func trimDateLabel(before string) string {
	m := trailingLabel.FindStringSubmatchIndex(before)
	if m == nil {
		return before
	}
	label := strings.TrimSpace(before[m[2]:m[3]])
	// The label is the last words before the colon: try the longest that
	// the lexicon knows.
	words := strings.Fields(label)
	for k := range words {
		switch lex().labels[foldKey(strings.Join(words[k:], " "))] {
		case "dates", "start":
			cut := m[2] + strings.LastIndex(before[m[2]:m[3]], words[k])
			return before[:cut]
		}
	}
	return before
}

// maxLabelWords bounds the words of a label ("Name and address of
// employer" has five, "Principais actividades e responsabilidades" four).
const maxLabelWords = 8

// labelPrefix reads a label followed by its value after a plain space, as
// a PDF writes a label beside its value: "Occupation or position held
// Team Leader". A label of one word qualifies only a date ("Dates
// 01/06/2020 – Present"): "Data Entry Operator" is a title.
func labelPrefix(s string) (field, bool) {
	words := strings.Fields(s)
	if len(words) < 2 || !lex().labelFirst[foldKey(words[0])] {
		return field{}, false
	}
	for k := min(len(words)-1, maxLabelWords); k >= 1; k-- {
		kind, ok := lex().labels[foldKey(strings.Join(words[:k], " "))]
		if !ok {
			continue
		}
		value := strings.Join(words[k:], " ")
		if k == 1 && (kind != "dates" && kind != "start" && kind != "end" || !strings.ContainsAny(value[:1], "0123456789[(")) {
			return field{}, false
		}
		return field{kind, value}, true
	}
	return field{}, false
}

// durationRE matches the length of a position that CVs write beside its
// dates ("· 2 yrs 3 mos", "(3 anos)", "1 year 2 months").
var durationRE = regexp.MustCompile(`(?i)\(?\s*(?:\b(?:less than a|menos de um|\d+)\s*(?:yrs?|years?|anos?|mos?|months?|meses|m[eê]s)\b[\s,e]*(?:and\s+)?)+\)?`)

// isDurationLine reports whether s only gives a length of time, perhaps
// with a kind of employment: "6 yrs 2 mos", "Full-time · 6 yrs 2 mos".
func isDurationLine(s string) bool {
	if !durationRE.MatchString(s) {
		return false
	}
	for _, p := range splitParts(durationRE.ReplaceAllString(s, " ")) {
		if !lex().employmentTypes[foldKey(p.text)] {
			return false
		}
	}
	return true
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
		if l.heading == headingExperience {
			hasExp = true
			break
		}
	}
	start := -1
	if !hasExp {
		start = 0
	}
	expLevel := 0 // Markdown level of the open experience heading
	for i, l := range lines {
		switch {
		case l.heading == headingExperience:
			if start >= 0 && start < i {
				spans = append(spans, span{start, i})
			}
			start, expLevel = i+1, l.md
		case l.heading == headingOther && l.md > 0 && expLevel > 0 && l.md > expLevel && start >= 0:
			// "### Team Leader — Acme" under "## Experience": a position's
			// header, not a section.
			lines[i].heading = headingNone
		case l.heading != headingNone:
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

// TitleScorer says how much a piece of text reads like a job title, from
// the title vocabulary of a corpus. *index.Index is one.
type TitleScorer interface {
	// TitleWordShare is the share of the words of s, from 0 to 1, that
	// the corpus uses in titles.
	TitleWordShare(s string) float64
	// TitleHead reports whether s ends (English) or starts (Portuguese)
	// with a word that heads a title of the corpus ("Manager",
	// "Operadora").
	TitleHead(s string) bool
}

// titleScore is how much s reads like a job title, from 0 to 1: half for
// its share of title words, half for a head word of a title at the end
// where titles have it. With the whole ANZSCO most words are title words
// somewhere ("Harvey Lane Furniture"); few names end with a head word.
// It also returns the share alone.
func titleScore(titles TitleScorer, s string) (score, share float64) {
	if titles == nil {
		return 0, 0
	}
	share = titles.TitleWordShare(s)
	return share/2 + b2f(titles.TitleHead(s))/2, share
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
	// Evidence says which lines gave the title, the employer and the
	// dates, and how the layout was read.
	Evidence Evidence
}

// Evidence is what a position was read from.
type Evidence struct {
	// Layout names how the position's lines were read: "form" (labelled
	// fields), "one line" (title beside the dates), "title first" (above
	// the dates), "dates first" (title below the dates), "title below"
	// (employer beside the dates, title below them).
	Layout string `json:"layout"`
	// TitleLine, EmployerLine and DatesLine are 1-based line numbers of
	// the extracted text, 0 when the CV gives none.
	TitleLine    int `json:"title_line"`
	EmployerLine int `json:"employer_line"`
	DatesLine    int `json:"dates_line"`
	// TitleScore is how much the title reads like a job title, from 0
	// to 1 (see TitleScorer).
	TitleScore float64 `json:"title_score"`
	// SharedEmployer is true when the employer heads several roles
	// (a company over its roles, as LinkedIn writes them).
	SharedEmployer bool `json:"shared_employer"`
}

// maxAnchorBytes: a line that holds a position's dates is short (title,
// employer, place and dates); a longer one is description.
const maxAnchorBytes = 300

// maxHeaderWords: a title or employer line is short; a longer line is a
// sentence of description.
const maxHeaderWords = 12

// maxBulletRestWords: a bullet line with dates and more words than this is
// a dated sentence of a description, unless it is split into fields
// ("• Title | Employer | City | Jul 2023 – Present").
const maxBulletRestWords = 8

// FindPositions finds the dated work-experience positions in a CV's text.
// ref is the month "present" stands for; titles, which may be nil, says
// which part of a position's lines reads like a job title (without it,
// only the layout and the employer markers decide).
//
// Sections of labelled fields (Europass, Brazilian forms) are read field
// by field. Elsewhere every line with a date range anchors a position.
// Its title and employer are in the rest of that line and in the short
// header lines right above it (a line naming only a place is passed
// over) or, when the section writes dates first, right below it; a line
// below may name the employer, or the title when the employer sits beside
// the dates. The part that reads clearly more like a title is the title;
// when the parts of a position do not tell, the place where the other
// positions of the section have their title does, else the first part.
//
// It returns at most MaxPositions+1 positions: more than MaxPositions says
// that the text has more positions than Analyze classifies.
func FindPositions(text string, ref Month, titles TitleScorer) []Found {
	lines := splitLines(text)
	var found []Found
	for _, sp := range experienceSpans(lines) {
		if len(found) > MaxPositions {
			break
		}
		var got []Found
		if isForm(lines, sp) {
			got = findInForm(lines, sp, ref, titles)
		} else {
			got = findInSpan(lines, sp, ref, titles, MaxPositions+1-len(found))
		}
		for _, f := range got {
			if !isEducation(f.Title) {
				found = append(found, f)
			}
		}
	}
	if len(found) > MaxPositions+1 {
		found = found[:MaxPositions+1]
	}
	return found
}

// isEducation reports whether a title names a qualification
// ("Licenciatura em Gestão", "Certificate III in Business").
func isEducation(title string) bool {
	key := foldKey(title)
	for _, e := range lex().education {
		if key == e || strings.HasPrefix(key, e+" ") {
			return true
		}
	}
	return false
}

// isForm reports whether a section writes its positions as labelled
// fields: a title or employer label and a dates label.
func isForm(lines []line, sp span) bool {
	var who, when bool
	for i := sp.from; i < sp.to; i++ {
		for _, f := range lines[i].fields {
			switch f.kind {
			case "title", "employer":
				who = true
			case "dates", "start", "end":
				when = true
			}
		}
	}
	return who && when
}

// findInForm reads positions written as labelled fields. A position ends
// where a field it already has comes again.
func findInForm(lines []line, sp span, ref Month, titles TitleScorer) []Found {
	type record struct {
		title, employer, dates, start, end string
		ev                                 Evidence
		desc                               []string
		open                               bool
		// header is the first unlabelled line of the record when it may
		// hold a title, -1 else: a form that labels the employer and the
		// dates but not the title ("Empresa: …", "Operador de
		// Telemarketing", "Período: …").
		header int
	}
	var out []Found
	rec := record{header: -1}
	flush := func() {
		if !rec.open {
			return
		}
		if rec.title == "" && rec.header >= 0 {
			rec.title, rec.ev.TitleLine = lines[rec.header].text, lines[rec.header].n
			rec.desc = rec.desc[1:]
		}
		dates := rec.dates
		if dates == "" && rec.start != "" {
			end := rec.end
			if end == "" {
				end = "present"
			}
			dates = rec.start + " - " + end
		}
		if r, ok := FindRange(dates, ref); ok && len(out) <= MaxPositions {
			emp := ""
			if ps := headerParts(rec.employer, 0, titles); len(ps) > 0 {
				emp = ps[0].text
			}
			rec.ev.Layout = "form"
			if titles != nil {
				rec.ev.TitleScore, _ = titleScore(titles, rec.title)
			}
			out = append(out, Found{Title: rec.title, Employer: emp, Range: r, Description: rec.desc, Line: rec.ev.DatesLine, Evidence: rec.ev})
		}
		rec = record{header: -1}
	}
	for i := sp.from; i < sp.to; i++ {
		l := lines[i]
		if l.blank {
			continue
		}
		if l.fields == nil {
			if rec.open {
				if len(rec.desc) == 0 && rec.title == "" && isHeaderLine(l) {
					rec.header = i
				}
				rec.desc = append(rec.desc, l.text)
			}
			continue
		}
		for _, f := range l.fields {
			switch f.kind {
			case "title":
				if rec.title != "" {
					flush()
				}
				rec.title, rec.ev.TitleLine = f.value, l.n
			case "employer":
				if rec.employer != "" {
					flush()
				}
				rec.employer, rec.ev.EmployerLine = f.value, l.n
			case "dates", "start":
				if rec.dates != "" || rec.start != "" {
					flush()
				}
				if _, ok := FindRange(f.value, ref); !ok && i+1 < sp.to && lines[i+1].fields == nil && !lines[i+1].blank {
					// A range wrapped over two lines: "04/2021 até o" and
					// "momento".
					if _, ok := FindRange(f.value+" "+lines[i+1].text, ref); ok {
						f.value += " " + lines[i+1].text
						i++
					}
				}
				if _, ok := FindRange(f.value, ref); ok || f.kind == "dates" {
					rec.dates = f.value
				} else {
					rec.start = f.value
				}
				rec.ev.DatesLine = l.n
			case "end":
				rec.end = f.value
			default:
				if f.value != "" {
					rec.desc = append(rec.desc, f.value)
				}
			}
			rec.open = true
		}
	}
	flush()
	return out
}

// anchor is a line with a date range and the lines that name its position.
type anchor struct {
	i      int // index of the line
	r      Range
	rest   []part // parts of the line beside the dates
	above  []int  // indexes of header lines above, in order
	below  []int  // indexes of header lines below, in order
	layout string
}

// findInSpan returns up to limit positions of one section.
func findInSpan(lines []line, sp span, ref Month, titles TitleScorer, limit int) []Found {
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
		restText := trimDateLabel(l.text[:r.From]) + " | " + l.text[r.To:]
		rest := headerParts(restText, 0, titles)
		if l.bullet && len(strings.Fields(joinParts(rest))) > maxBulletRestWords && len(rest) < 3 {
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
		if l := lines[i]; l.bullet && i+1 < sp.to && isAnchor[i+1] && (i == sp.from || lines[i-1].blank || lines[i-1].heading != 0) {
			// A bullet that opens a block right above a position's
			// dates names it ("• Teleperformance CRM S.A." over
			// "Supervisora – 04/2023 a atual"); a description's
			// bullets follow other lines.
			l.bullet = false
			return isHeaderLine(l)
		}
		return isHeaderLine(lines[i])
	}
	// The first position shows the layout of the section: with a title
	// beside or above its dates, titles come first; else dates come first
	// and titles follow them.
	datesFirst := len(anchors[0].rest) == 0 && !candidate(anchors[0].i-1)
	titleBelow := false // the section writes its titles below the employer and dates
	for k, a := range anchors {
		used[a.i] = true
		end := sp.to
		if k+1 < len(anchors) {
			end = anchors[k+1].i
		}
		// Above: up to two header lines, contiguous with the anchor,
		// unless the line itself holds a title and an employer and the
		// line above reads less like a title than they do.
		restHasTitle := len(a.rest) >= 2 && bestScore(a.rest) >= 0.5
		if restHasTitle && candidate(a.i-1) && bestScore(headerParts(lines[a.i-1].text, 0, titles)) > bestScore(a.rest) {
			restHasTitle = false
		}
		if !datesFirst && !restHasTitle {
			// A line that only names a place ("Melbourne, VIC") is
			// passed over.
			for i := a.i - 1; i >= a.i-3 && len(a.above) < 2 && candidate(i); i-- {
				if isPlaceLine(lines[i].text) {
					used[i] = true
					continue
				}
				a.above = append([]int{i}, a.above...)
			}
		}
		for _, i := range a.above {
			used[i] = true
		}
		below := func(i int) bool {
			// When titles come first, a line below belongs to this
			// position unless it opens the next position's header: the
			// next dates follow it directly, or after one more header
			// line ("Acme Energy", "Receptionist", "Jan 2016 – Oct 2018").
			if i >= end || !candidate(i) {
				return false
			}
			if datesFirst || k+1 == len(anchors) {
				return true
			}
			return end-i > 2 || end-i == 2 && !candidate(i+1)
		}
		switch {
		case len(a.above) == 0 && len(a.rest) == 0:
			// Dates first: the title and employer follow.
			for i := a.i + 1; i <= a.i+3 && len(a.below) < 2 && i < end; i++ {
				if lines[i].fields != nil || isPlaceLine(lines[i].text) {
					used[i] = true
					continue
				}
				if !below(i) {
					break
				}
				a.below = append(a.below, i)
				used[i] = true
			}
			a.layout = "dates first"
		case len(a.above)+btoi(len(a.rest) > 0) == 1 && below(a.i+1) && employerLike(lines[a.i+1].text, titles),
			len(a.above) == 0 && len(a.rest) == 1 && k+1 < len(anchors) && end == a.i+2 && len(anchors[k+1].rest) == 1 &&
				candidate(a.i+1) && employerLike(lines[a.i+1].text, titles):
			// Title above or beside the dates, employer below; also
			// when the next position's title and dates follow at once
			// ("Officer<TAB>2022 – Present", "Tasmanian Water",
			// "Kitchen Hand<TAB>2019 – 2022").
			a.below = append(a.below, a.i+1)
			used[a.i+1] = true
		case len(a.above) == 0 && len(a.rest) > 0 && below(a.i+1) && !lines[a.i+1].bullet &&
			(titleBelow || bestScore(headerParts(lines[a.i+1].text, 0, titles)) > bestScore(a.rest)):
			// Employer beside the dates, title below ("ACME, Sydney |
			// 2019 – 2021" over "Team Leader"): the line below reads more
			// like a title, or did in the section's positions before.
			a.below = append(a.below, a.i+1)
			used[a.i+1] = true
			titleBelow = true
			a.layout = "title below"
		}
		if a.layout == "" {
			if len(a.above) > 0 {
				a.layout = "title first"
			} else {
				a.layout = "one line"
			}
		}
	}
	// The section's vote: where do titles sit when a position's parts
	// tell? That place decides for the positions whose parts do not.
	votes := map[string]float64{}
	perAnchor := make([][]part, len(anchors))
	for k, a := range anchors {
		perAnchor[k] = anchorParts(lines, a, titles)
		if best, ok := clearTitle(perAnchor[k]); ok {
			votes[perAnchor[k][best].slot] += voteWeight(perAnchor[k], best)
		}
	}
	slot, slotVotes := "", 0.0
	for s, n := range votes {
		if n > slotVotes || n == slotVotes && s < slot {
			slot, slotVotes = s, n
		}
	}
	groups := sharedEmployers(lines, sp)
	var out []Found
	group := -1
	for k, a := range anchors {
		if k == limit {
			break
		}
		parts := perAnchor[k]
		title, employer, ev := titleAndEmployer(parts, slot)
		ev.Layout, ev.DatesLine = a.layout, lines[a.i].n
		// A company over several roles (LinkedIn): its name is the
		// employer of the roles below it that name none.
		prev := sp.from - 1
		if k > 0 {
			prev = anchors[k-1].i
		}
		for g := range groups {
			if g > prev && g < a.i {
				group = g
			}
		}
		switch {
		case employer == "" && group >= 0:
			if ps := headerParts(lines[group].text, lines[group].n, titles); len(ps) > 0 {
				employer, ev.EmployerLine, ev.SharedEmployer = ps[0].text, lines[group].n, true
			}
		case employer != "":
			group = -1
		}
		if titles != nil && title != "" {
			ev.TitleScore, _ = titleScore(titles, title)
		}
		// Description: from after the anchor to the next position's first
		// line.
		end := sp.to
		if k+1 < len(anchors) {
			next := anchors[k+1]
			end = next.i
			if len(next.above) > 0 && next.above[0] < end {
				end = next.above[0]
			}
		}
		var desc []string
		for i := a.i + 1; i < end; i++ {
			if used[i] || lines[i].blank || lines[i].heading != 0 || groups[i] || lines[i].duration {
				continue
			}
			desc = append(desc, lines[i].text)
		}
		out = append(out, Found{Title: title, Employer: employer, Range: a.r, Description: desc, Line: lines[a.i].n, Evidence: ev})
	}
	return out
}

// sharedEmployers returns the lines that name a company over several
// roles: a header line right above a duration line ("Northwind Utilities"
// over "6 yrs 2 mos").
func sharedEmployers(lines []line, sp span) map[int]bool {
	out := map[int]bool{}
	for i := sp.from + 1; i < sp.to; i++ {
		if lines[i].duration && isHeaderLine(lines[i-1]) {
			out[i-1] = true
		}
	}
	return out
}

// anchorParts returns the parts of a position's header lines in reading
// order (lines above, the rest of the dates line, lines below), each with
// its slot: where it sits relative to the dates.
func anchorParts(lines []line, a *anchor, titles TitleScorer) []part {
	var out []part
	add := func(ps []part, slot string) {
		for j, p := range ps {
			p.slot = slot + string(rune('0'+min(j, 9)))
			p.group = slot
			out = append(out, p)
		}
	}
	header := func(i int) []part {
		l := lines[i]
		if l.fields == nil {
			return headerParts(l.text, l.n, titles)
		}
		var ps []part
		for _, f := range l.fields {
			if f.kind != "title" && f.kind != "employer" || f.value == "" {
				continue
			}
			p := part{text: f.value, src: f.value, to: len(f.value), line: l.n, label: f.kind}
			if titles != nil {
				p.score, p.share = titleScore(titles, f.value)
			}
			ps = append(ps, p)
		}
		return ps
	}
	for k, i := range a.above {
		add(header(i), "a"+string(rune('0'+len(a.above)-k)))
	}
	rest := make([]part, len(a.rest))
	copy(rest, a.rest)
	for j := range rest {
		rest[j].line = lines[a.i].n
	}
	add(rest, "r")
	for k, i := range a.below {
		add(header(i), "b"+string(rune('1'+k)))
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
// line that is not a bullet, a heading, a form field, a length of time or
// a sentence.
func isHeaderLine(l line) bool {
	if l.blank || l.bullet || l.heading != 0 || l.duration {
		return false
	}
	if l.fields != nil {
		for _, f := range l.fields {
			if f.kind == "title" || f.kind == "employer" {
				return true
			}
		}
		return false
	}
	t := strings.TrimSpace(l.text)
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "Ltd.") && !strings.HasSuffix(t, "Inc.") && !strings.HasSuffix(t, "S.A.") && !strings.HasSuffix(t, "Lda.") && !strings.HasSuffix(t, "Ltda.") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ":") {
		return false
	}
	words := strings.Fields(t)
	if len(words) > maxHeaderWords || startsLower(t) {
		// Titles and employers start with a capital; a line in lower
		// case carries on the line above.
		return false
	}
	return !sentenceLike(words)
}

// sentenceLike reports whether words read as a sentence rather than a
// name: five or more words, most of the longer ones in lower case.
func sentenceLike(words []string) bool {
	if len(words) < 5 {
		return false
	}
	long, lower := 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		long++
		if startsLower(w) {
			lower++
		}
	}
	return long > 0 && 2*lower > long
}

// part is one piece of a header line: "Team Leader", "Acme", "Sydney NSW".
type part struct {
	text     string
	line     int     // line number
	score    float64 // how much it reads like a title (titleScore)
	share    float64 // its share of title words
	employer bool    // it has a word that marks an organisation
	legal    bool    // that word is a legal form ("Pty Ltd"), which no title has
	qual     bool    // a qualifier of the title ("Inbound", "Receptivo")
	label    string  // "title" or "employer" when a form label says so
	sepDash  bool    // the separator before the part is a dash, which may sit inside a title
	sepComma bool    // the separator before the part is a comma
	slot     string  // where it sits: "a2", "a1" above, "r" beside, "b1" below the dates, and its index on the line
	group    string  // the line's slot
	from, to int     // byte offsets in the line's text
	src      string  // the line's text
}

// partSep splits a header line into parts: "Team Leader, Acme", "Acme —
// Operator", "Operador | Empresa X", "Agent at Acme", tabs and runs of
// spaces from columns. A hyphen inside a word is no separator.
var partSep = regexp.MustCompile(`\s*(?:\t+|\s{3,}|\s[|·•–—-]+\s|[|·•]|,\s|\s@\s|\s+at\s+)\s*`)

// splitParts splits s into trimmed parts with their offsets.
func splitParts(s string) []part {
	var out []part
	pos, dash, comma := 0, false, false
	emit := func(from, to int) {
		seg := s[from:to]
		t := trimBrackets(strings.TrimSpace(strings.Trim(seg, " \t-–—|,:;·•")))
		if t == "" {
			return
		}
		off := strings.Index(seg, t)
		if off < 0 {
			off = 0
		}
		out = append(out, part{text: t, from: from + off, to: from + off + len(t), src: s, sepDash: dash, sepComma: comma})
	}
	for _, loc := range partSep.FindAllStringIndex(s, -1) {
		emit(pos, loc[0])
		pos = loc[1]
		dash = strings.Trim(s[loc[0]:loc[1]], " -–—") == ""
		comma = strings.TrimSpace(s[loc[0]:loc[1]]) == ","
	}
	emit(pos, len(s))
	return out
}

// headerParts splits a header text into parts, leaving out places, kinds
// of employment, lengths of time and labels of other fields, and scores
// each.
func headerParts(s string, n int, titles TitleScorer) []part {
	s = durationRE.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
	var out []part
	for _, p := range splitParts(s) {
		if m := trailingNote.FindStringSubmatchIndex(p.text); m != nil && isPlace(p.text[m[2]:m[3]]) {
			// "Teleperformance CRM S.A. (São Paulo/SP)": the place in
			// brackets goes.
			p.text = strings.TrimSpace(p.text[:m[0]])
			p.to = p.from + len(p.text)
		}
		key := foldKey(p.text)
		if isPlace(p.text) || lex().employmentTypes[key] || key == "" {
			continue
		}
		if onlyLegalForm(p.text) {
			// "Limpezas Costa do Sol, Lda.": the legal form marks the
			// name before it.
			if len(out) > 0 {
				out[len(out)-1].employer, out[len(out)-1].legal = true, true
			}
			continue
		}
		if m := labelRE.FindStringSubmatch(p.text); m != nil {
			if kind, ok := lex().labels[foldKey(m[1])]; ok && kind != "title" && kind != "employer" {
				continue
			}
		}
		p.line = n
		p.qual = lex().qualifiers[key]
		if titles != nil {
			scored := stripBrackets(p.text)
			if strings.TrimSpace(scored) == "" {
				scored = p.text
			}
			p.score, p.share = titleScore(titles, scored)
		}
		p.employer = hasEmployerMarker(p.text, p.score)
		p.legal = hasLegalForm(p.text)
		out = append(out, p)
	}
	return out
}

// trailingNote matches a bracketed note at the end of a part.
var trailingNote = regexp.MustCompile(`\s*\(([^()]*)\)$`)

var bracketed = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

// stripBrackets removes bracketed notes: "(maternity cover)".
func stripBrackets(s string) string { return bracketed.ReplaceAllString(s, " ") }

func joinParts(ps []part) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text)
		b.WriteByte(' ')
	}
	return b.String()
}

func bestScore(ps []part) float64 {
	best := 0.0
	for _, p := range ps {
		best = max(best, p.score)
	}
	return best
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
		if p == "()" || p == "[]" {
			p = ""
		}
		p = strings.TrimSpace(strings.Trim(p, " \t-–—|,:;·•"))
		if p == before {
			return p
		}
	}
}

// hasEmployerMarker reports whether p names an organisation: a legal form
// ("Pty Ltd", "S.A.", "Lda.") anywhere, or a kind of organisation
// ("Banco", "Hospital", "Lojas") when p does not read like a title (share
// below one half) and the word does not follow "de" or "of".
func hasEmployerMarker(p string, share float64) bool {
	words := strings.Fields(foldKey(strings.NewReplacer("S.A.", "sa", "S/A", "sa", "Lda.", "lda", "Ltda.", "ltda").Replace(p)))
	for i, w := range words {
		if lex().legalForms[w] {
			return true
		}
		if lex().orgWords[w] && share < 0.5 && (i == 0 || !lex().ofWords[words[i-1]]) {
			return true
		}
	}
	return false
}

// hasLegalForm reports whether p has a legal form ("Pty Ltd", "S.A.").
func hasLegalForm(p string) bool {
	for _, w := range strings.Fields(foldKey(strings.NewReplacer("S.A.", "sa", "S/A", "sa", "Lda.", "lda", "Ltda.", "ltda").Replace(p))) {
		if lex().legalForms[w] {
			return true
		}
	}
	return false
}

// onlyLegalForm reports whether p is a legal form and nothing else
// ("Lda.", "Pty Ltd", "S.A.").
func onlyLegalForm(p string) bool {
	words := strings.Fields(foldKey(strings.NewReplacer("S.A.", "sa", "S/A", "sa").Replace(p)))
	for _, w := range words {
		if !lex().legalForms[w] {
			return false
		}
	}
	return len(words) > 0
}

// stateRE matches a place written with its state: "Sydney NSW 2000",
// "São Paulo - SP", "Porto Alegre/RS".
var stateRE = regexp.MustCompile(`^(?:[\p{L} .'-]+?[ ,/-]+)?(\p{Lu}{2,3})(?:\s+\d{4})?$`)

// isPlace reports whether a part is a place: a city, state or country of
// the list, or a name followed by a state code.
func isPlace(p string) bool {
	key := foldKey(p)
	if lex().places[key] {
		return true
	}
	if m := stateRE.FindStringSubmatch(strings.TrimSpace(p)); m != nil && lex().stateCodes[strings.ToLower(m[1])] {
		return true
	}
	return false
}

// isPlaceLine reports whether every part of s is a place ("Brisbane,
// Queensland, Australia").
//
// A town the list does not hold passes as a place when it comes first and
// two or more places follow it ("Maitland, New South Wales, Australia"), as
// LinkedIn writes locations, unless it names an organisation.
func isPlaceLine(s string) bool {
	if isPlace(s) {
		return true
	}
	ps := splitParts(s)
	unknown, places := -1, 0
	for i, p := range ps {
		switch {
		case isPlace(p.text):
			places++
		case lex().employmentTypes[foldKey(p.text)]:
		case unknown < 0 && i == 0:
			unknown = i
		default:
			return false
		}
	}
	if unknown >= 0 {
		return places >= 2 && !hasEmployerMarker(ps[0].text, 0) && len(strings.Fields(ps[0].text)) <= 3
	}
	return len(ps) > 0
}

// voteWeight is how surely a position's parts place its title: the lead
// of the title over the next part, and more when the other parts name an
// organisation.
func voteWeight(parts []part, best int) float64 {
	w, next := 1.0, -1.0
	for i, p := range parts {
		if i == best || p.qual {
			continue
		}
		next = max(next, titleness(p))
		if p.employer {
			w = 1.5
		}
	}
	if next < -0.5 {
		return w
	}
	return w * (titleness(parts[best]) - next)
}

// slotLead is the lead that the section's layout gives the part where
// its other positions have their titles: more than a title word in three
// ("Eureka Aged Care"), less than half the words.
const slotLead = 0.4

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// minTitleLead is how much more the best part must read like a title than
// the next for the position's parts to decide alone.
const minTitleLead = 0.25

// employerPenalty lowers the title score of a part with a legal form
// ("Acme Contact Centre Pty Ltd"), orgPenalty that of one with a kind of
// organisation ("Ballarat Base Hospital"), which some titles have too
// ("Bank Teller").
const (
	employerPenalty = 0.6
	orgPenalty      = 0.3
)

func titleness(p part) float64 {
	switch {
	case p.legal:
		return p.score - employerPenalty
	case p.employer:
		return p.score - orgPenalty
	}
	return p.score
}

// clearTitle returns the part that reads clearly more like a title than
// every other, if there is one.
func clearTitle(parts []part) (int, bool) {
	best, second := -1, -1
	for i, p := range parts {
		if p.qual {
			continue
		}
		switch {
		case best < 0 || titleness(p) > titleness(parts[best]):
			best, second = i, best
		case second < 0 || titleness(p) > titleness(parts[second]):
			second = i
		}
	}
	if best < 0 {
		return -1, false
	}
	if second < 0 {
		return best, len(parts) > 0 && (parts[best].score > 0 || !parts[best].employer)
	}
	return best, titleness(parts[best])-titleness(parts[second]) >= minTitleLead
}

// titleAndEmployer picks the title and the employer among the parts of a
// position's header lines. The title is the part that reads clearly more
// like a title than the others; when none does, the part in the section's
// title slot, else the first. Parts beside it on its line that are
// qualifiers ("Inbound") or title words only ("Apoio ao Cliente") stay in
// the title. The employer is the part that marks an organisation, else
// the first other part on the title's line, else of another line.
func titleAndEmployer(parts []part, slot string) (title, employer string, ev Evidence) {
	if len(parts) == 0 {
		return "", "", ev
	}
	best, ok := clearTitle(parts)
	labelled := -1
	for i, p := range parts {
		if p.label == "title" {
			labelled = i
		}
		if p.label == "employer" {
			employer, ev.EmployerLine = p.text, p.line
		}
	}
	if labelled >= 0 {
		return parts[labelled].text, employer, Evidence{TitleLine: parts[labelled].line, EmployerLine: ev.EmployerLine}
	}
	if !ok || slot != "" && parts[best].slot != slot {
		// The section's layout weighs in: the part in the slot where the
		// section's other positions have their titles gets a lead.
		best = -1
		for i, p := range parts {
			if p.qual {
				continue
			}
			lead := func(p part) float64 {
				if p.slot == slot && !p.legal {
					return titleness(p) + slotLead
				}
				return titleness(p)
			}
			if best < 0 || lead(p) > lead(parts[best]) {
				best = i
			}
		}
		if best < 0 {
			best = 0
		}
	}
	if !ok && slot == "" {
		// Nothing tells: the first part that names no organisation, as
		// most CVs put the title first.
		for i, p := range parts {
			if !p.qual && !p.employer {
				best = i
				break
			}
		}
	}
	t := parts[best]
	// Extend the title over its neighbours on the same line.
	lo, hi := best, best
	// A dash joins a part of title words to the title; a comma does too
	// when another line names the employer ("Team Leader, Inbound
	// Customer Care" over "Acme — Sydney"); pipes and tabs separate
	// fields.
	otherLine := false
	for _, p := range parts {
		if p.group != t.group && !p.qual {
			otherLine = true
		}
	}
	joinable := func(p part) bool {
		return p.group == t.group && (p.qual || p.share >= 1 && !p.employer && p.label == "")
	}
	// sepJoins: the separator before p may sit inside a title.
	sepJoins := func(p part) bool { return p.sepDash || otherLine && p.sepComma }
	for lo > 0 && sepJoins(parts[lo]) && joinable(parts[lo-1]) && !parts[lo-1].qual {
		lo--
	}
	for hi+1 < len(parts) && sepJoins(parts[hi+1]) && joinable(parts[hi+1]) {
		hi++
	}
	title = t.src[parts[lo].from:parts[hi].to]
	ev.TitleLine = t.line
	inTitle := func(i int) bool { return i >= lo && i <= hi }
	// Qualifiers elsewhere on the title's line rejoin it.
	for i, p := range parts {
		if !inTitle(i) && p.qual && p.group == t.group {
			title += " " + p.text
		}
	}
	emp := -1
	better := func(i int) bool {
		p, e := parts[i], parts[emp]
		if p.employer != e.employer {
			return p.employer
		}
		pSame, eSame := p.group == t.group, e.group == t.group
		if pSame != eSame {
			return pSame
		}
		return false
	}
	for i, p := range parts {
		if inTitle(i) || p.qual || employer != "" {
			continue
		}
		if emp < 0 || better(i) {
			emp = i
		}
	}
	if emp >= 0 {
		employer, ev.EmployerLine = parts[emp].text, parts[emp].line
	}
	return title, employer, ev
}

// employerLike reports whether a line below the dates names an employer
// or a place rather than starting a description or the next title.
func employerLike(s string, titles TitleScorer) bool {
	parts := splitParts(s)
	if len(parts) == 0 {
		return false
	}
	score, _ := titleScore(titles, s)
	if isPlaceLine(s) {
		// A place alone names no employer: the title's line or the
		// company over the roles does.
		return false
	}
	if isPlace(parts[0].text) || hasEmployerMarker(s, score) {
		return true
	}
	for _, p := range parts[1:] {
		if isPlace(p.text) {
			return true
		}
	}
	if score >= 0.5 {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && utf8.RuneCountInString(w) > 3 {
			return false
		}
	}
	return true
}
