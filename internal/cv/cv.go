package cv

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/jsonnull"
)

// DefaultMaxSize is the largest CV file Analyze reads when Options.MaxSize
// is 0.
const DefaultMaxSize = 10 << 20

// MaxPositions bounds the positions classified in one CV; a CV lists a
// few dozen at most.
const MaxPositions = 100

// Options tune Analyze. The zero value is ready to use.
type Options struct {
	// Now is the date that "Present", "atual" and the like stand for;
	// the zero time means time.Now().
	Now time.Time
	// MaxSize is the largest file accepted, in bytes; 0 means
	// DefaultMaxSize.
	MaxSize int64
	// MinConfidence is passed to each position's index.Query.
	MinConfidence float64
}

// ParseAsOf reads the date that "Present" stands for, as a person or a
// request gives it: YYYY-MM or YYYY-MM-DD.
func ParseAsOf(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date: want YYYY-MM or YYYY-MM-DD", s)
}

// Report is the analysis of one CV. Its JSON form is what `anzsco cv
// --json` prints and the HTTP service returns; fields may be added, never
// renamed.
type Report struct {
	// Source is the file name given to Analyze.
	Source string `json:"source"`
	// Format is "pdf", "docx" or "text".
	Format string `json:"format"`
	// AsOf is the month "present" was read as (YYYY-MM).
	AsOf string `json:"as_of"`
	// Positions are the dated positions found, in the order of the CV.
	Positions []Position `json:"positions"`
	// Code is the best-supported target code: the one with the most
	// months; ties go to the code worked most recently. Empty (null in
	// JSON) when no position is coded to a target.
	Code  string `json:"code"`
	Title string `json:"title"`
	// MonthsByCode counts, for each target code, the calendar months
	// covered by the positions coded to it; overlapping positions count
	// once.
	MonthsByCode map[string]int `json:"months_by_code"`
	// RequiredMonths is, for each target code, the relevant experience
	// that ANZSCO accepts in place of the formal qualifications
	// (corpus Qualifications.ExperienceYears, in months).
	RequiredMonths map[string]int `json:"required_months"`
	// ExperienceMeets says, for each code in RequiredMonths, whether
	// MonthsByCode reaches it. Months count per code as coded: experience
	// as a team leader is not counted as operator experience.
	ExperienceMeets map[string]bool `json:"experience_meets"`
	// Warnings report what was repaired, skipped or left out.
	Warnings []string `json:"warnings,omitempty"`
	// Corpus identifies the corpus of the classifier.
	Corpus index.CorpusInfo `json:"corpus"`
}

// Position is one dated position of the CV and its classification.
type Position struct {
	Title    string `json:"title"`
	Employer string `json:"employer"`
	// Start and End are YYYY-MM.
	Start string `json:"start"`
	End   string `json:"end"`
	// Months counts the calendar months from Start to End, both included.
	Months int `json:"months"`
	// Current is true when the CV says the position goes on.
	Current bool `json:"current"`
	// Approximate is true when a date was a year without a month.
	Approximate bool `json:"approximate"`
	// Code is the target occupation the position is coded to, or empty
	// (null in JSON) when it lies outside.
	Code       string  `json:"code"`
	CodeTitle  string  `json:"code_title"`
	Confidence float64 `json:"confidence"`
	// NearestOutside is the best contrast occupation, if any matched.
	NearestOutside *index.Neighbour `json:"nearest_outside"`
	// Line is the line of the extracted text that holds the dates.
	Line int `json:"line"`
	// Evidence says which lines gave the title, the employer and the
	// dates (`anzsco cv --explain`); it is not part of the JSON.
	Evidence Evidence `json:"-"`

	start, end Month
}

// MarshalJSON writes code and code_title as null when they are empty
// (outside).
func (p Position) MarshalJSON() ([]byte, error) {
	type plain Position // Position's fields and tags without this method
	var null []string
	if p.Code == "" {
		null = append(null, "code")
	}
	if p.CodeTitle == "" {
		null = append(null, "code_title")
	}
	return jsonnull.Marshal(plain(p), len(null) > 0, null...)
}

// MarshalJSON writes code and title as null when there is no verdict, and
// positions as [] when there are none.
func (r Report) MarshalJSON() ([]byte, error) {
	type plain Report // Report's fields and tags without this method
	out := plain(r)
	if out.Positions == nil {
		out.Positions = []Position{}
	}
	return jsonnull.Marshal(out, r.Code == "", "code", "title")
}

// Analyze reads a CV (PDF, DOCX, plain text or Markdown) from r, finds its
// dated work-experience positions, classifies each with c (the title as
// Query.Text, the employer and the description lines as
// Query.Description) and gives the verdict. size is the length of r when
// known, else -1; a known size over the limit is refused before reading.
// name is the file name, used for messages and the extension. Analyze is
// safe for concurrent use when c is.
func Analyze(ctx context.Context, r io.Reader, size int64, name string, c index.Classifier, opts Options) (*Report, error) {
	label := name
	if label == "" {
		label = "input"
	}
	maxSize := opts.MaxSize
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	if size > maxSize {
		return nil, fmt.Errorf("%s: %w: %s, the limit is %s", label, ErrTooLarge, mib(size), mib(maxSize))
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: reading: %w", label, err)
	}
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("%s: %w: more than %s", label, ErrTooLarge, mib(maxSize))
	}
	doc, err := Extract(ctx, data, name)
	if err != nil {
		return nil, err
	}
	return AnalyzeText(ctx, doc, name, c, opts)
}

// mib formats a size in bytes for people.
func mib(n int64) string {
	switch {
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// AnalyzeText finds and classifies the positions of an extracted document.
func AnalyzeText(ctx context.Context, doc *Document, name string, c index.Classifier, opts Options) (*Report, error) {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	ref := MonthOf(now)
	rep := &Report{Source: name, Format: doc.Format, AsOf: ref.String(), Warnings: append([]string(nil), doc.Warnings...)}
	if c == nil {
		return nil, errors.New("cv: no classifier")
	}
	corp := c.Corpus()
	// The classifier's corpus says which part of a position reads like a
	// job title, when it can.
	titles, _ := c.(TitleScorer)
	found := FindPositions(doc.Text, ref, titles)
	if len(found) > MaxPositions {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("more than %d dated positions found: classified only the first %d", MaxPositions, MaxPositions))
		found = found[:MaxPositions]
	}
	for _, f := range found {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := Position{Title: f.Title, Employer: f.Employer, Start: f.Range.Start.String(), End: f.Range.End.String(),
			Months: f.Range.Months(), Current: f.Range.Current, Approximate: f.Range.Approximate, Line: f.Line,
			Evidence: f.Evidence, start: f.Range.Start, end: f.Range.End}
		if strings.TrimSpace(p.Title) == "" {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("line %d: dates %s to %s without a title: not classified", f.Line, p.Start, p.End))
			rep.Positions = append(rep.Positions, p)
			continue
		}
		desc := f.Description
		if f.Employer != "" {
			desc = append([]string{f.Employer}, desc...)
		}
		res, err := c.Classify(index.Query{Text: f.Title, Description: strings.Join(desc, "\n"), MinConfidence: opts.MinConfidence})
		if err != nil {
			if errors.Is(err, index.ErrEmptyQuery) {
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("line %d: title %q has no words to classify", f.Line, f.Title))
				rep.Positions = append(rep.Positions, p)
				continue
			}
			return nil, fmt.Errorf("%s: line %d: classifying %q: %w", name, f.Line, f.Title, err)
		}
		p.Code, p.CodeTitle, p.Confidence, p.NearestOutside = res.Code, res.Title, res.Confidence, res.NearestOutside
		rep.Positions = append(rep.Positions, p)
		rep.Corpus = res.Corpus
	}
	if len(rep.Positions) == 0 {
		rep.Warnings = append(rep.Warnings, "no dated work-experience positions found (each position needs a date range such as \"Mar 2019 – Present\")")
	}
	rep.MonthsByCode, rep.RequiredMonths, rep.ExperienceMeets = map[string]int{}, map[string]int{}, map[string]bool{}
	latest := map[string]int{}
	for _, code := range corp.Targets() {
		var spans [][2]int
		latest[code] = -1
		for _, p := range rep.Positions {
			if p.Code == code {
				spans = append(spans, [2]int{p.start.serial(), p.end.serial()})
				latest[code] = max(latest[code], p.end.serial())
			}
		}
		rep.MonthsByCode[code] = unionMonths(spans)
		if o, ok := corp.Lookup(code); ok {
			if years := experienceYears(o); years > 0 {
				need := int(math.Round(years * 12))
				rep.RequiredMonths[code] = need
				rep.ExperienceMeets[code] = rep.MonthsByCode[code] >= need
			}
		}
	}
	best := ""
	for _, code := range corp.Targets() {
		m := rep.MonthsByCode[code]
		if m == 0 {
			continue
		}
		if best == "" || m > rep.MonthsByCode[best] || m == rep.MonthsByCode[best] && latest[code] > latest[best] {
			best = code
		}
	}
	if best != "" {
		rep.Code = best
		if o, ok := corp.Lookup(best); ok {
			rep.Title = o.Title()
		}
	}
	if rep.Corpus == (index.CorpusInfo{}) {
		rep.Corpus = index.CorpusInfo{Version: corp.Version, SHA256: corp.SHA256()}
	}
	return rep, nil
}

// experienceYears returns the experience that stands in for qualifications,
// from the first language that gives it.
func experienceYears(o *corpus.Occupation) float64 {
	for _, lang := range corpus.Languages {
		if t := o.Text[lang]; t != nil && t.Qualifications != nil && t.Qualifications.ExperienceYears > 0 {
			return t.Qualifications.ExperienceYears
		}
	}
	return 0
}

// unionMonths counts the months covered by inclusive [start, end] spans of
// month serials, each month once.
func unionMonths(spans [][2]int) int {
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	total, curStart, curEnd := 0, 0, -1
	for i, s := range spans {
		if i == 0 || s[0] > curEnd+1 {
			if i > 0 {
				total += curEnd - curStart + 1
			}
			curStart, curEnd = s[0], s[1]
			continue
		}
		curEnd = max(curEnd, s[1])
	}
	if len(spans) > 0 {
		total += curEnd - curStart + 1
	}
	return total
}
