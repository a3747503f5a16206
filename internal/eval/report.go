package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/batch"
	"github.com/anzsco/anzsco/internal/oneline"
)

// Source is what a report is of: the labelled file (its name for
// people) and the corpus of the index that classified it.
type Source struct {
	File   string
	Corpus *corpus.Corpus
	Info   index.CorpusInfo
}

// hasGroupCodes reports whether a label or a result is a group's code.
func hasGroupCodes(outs []Outcome) bool {
	for _, o := range outs {
		for _, c := range []string{o.Row.Label, o.Got} {
			if c != None && c != "ERROR" && len(c) < 6 {
				return true
			}
		}
	}
	return false
}

// RelabelNote says, for people, which labels OutsideLabels rewrote to None
// (its result) and how many rows each had.
func RelabelNote(m map[string]int, version string) string {
	codes := make([]string, 0, len(m))
	n := 0
	for c, k := range m {
		codes = append(codes, c)
		n += k
	}
	sort.Strings(codes)
	var parts []string
	for i, c := range codes {
		if i == 8 {
			parts = append(parts, fmt.Sprintf("and %d more codes", len(codes)-8))
			break
		}
		parts = append(parts, fmt.Sprintf("%s ×%d", c, m[c]))
	}
	are := "are"
	if n == 1 {
		are = "is"
	}
	return fmt.Sprintf("%s %s labelled with codes that corpus %s does not target (%s); they count as outside (NONE)",
		batch.Count(n, "row", "rows"), are, version, strings.Join(parts, ", "))
}

// classOrder sorts codes, then NONE, then ERROR.
func classOrder(keys []string) []string {
	rank := func(k string) int {
		switch k {
		case None:
			return 1
		case "ERROR":
			return 2
		}
		return 0
	}
	sort.Slice(keys, func(i, j int) bool {
		if ri, rj := rank(keys[i]), rank(keys[j]); ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
	return keys
}

// WriteText writes the report for people: accuracy, per class and per
// language, the confusion matrix, at most maxMisses misses (0: all), the
// reliability table, the coverage curve and the ambiguous rows, in
// columns aligned with spaces.
func WriteText(w io.Writer, src Source, rep *Report, outs []Outcome, maxMisses int) error {
	info := src.Info
	titles := func(code string) string {
		if o, ok := src.Corpus.Lookup(code); ok {
			return o.Title()
		}
		if g, ok := src.Corpus.Group(code); ok {
			return g.Title
		}
		switch code {
		case None:
			return "outside the targets"
		case "ERROR":
			return "could not be classified"
		}
		return ""
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("anzsco eval %s: %s, corpus %s (%s)\n", src.File, batch.Count(len(outs), "row", "rows"), info.Version, batch.Count(len(src.Corpus.Targets()), "target", "targets"))
	p("\nAccuracy: %d/%d = %.3f", rep.Correct, rep.N, rep.Accuracy)
	if hasGroupCodes(outs) {
		p(", unit group %d/%d = %.3f", rep.UnitCorrect, rep.N, rep.UnitAccuracy)
	}
	if rep.Ambiguous != nil {
		p(" (%s reported apart)", batch.Count(rep.Ambiguous.N, "ambiguous row", "ambiguous rows"))
	}
	if rep.Errors > 0 {
		p("; %s could not be classified", batch.Count(rep.Errors, "row", "rows"))
	}
	p("\n\nPer class\tn\tcorrect\trecall\tpredicted\tprecision\n")
	var classes []string
	for c := range rep.PerClass {
		classes = append(classes, c)
	}
	for _, c := range classOrder(classes) {
		cs := rep.PerClass[c]
		if cs.N == 0 && cs.Predicted == 0 {
			continue
		}
		p("%s %s\t%d\t%d\t%s\t%d\t%s\n", c, titles(c), cs.N, cs.Correct, ratio(cs.Correct, cs.N), cs.Predicted, ratio(cs.Correct, cs.Predicted))
	}
	if len(rep.PerLanguage) > 1 {
		p("\nPer language\tn\tcorrect\taccuracy\n")
		langs := slices.Sorted(maps.Keys(rep.PerLanguage))
		for _, l := range langs {
			cs := rep.PerLanguage[l]
			p("%s\t%d\t%d\t%s\n", l, cs.N, cs.Correct, ratio(cs.Correct, cs.N))
		}
	}

	// Confusion matrix: a row per label, a column per answer.
	set := map[string]bool{}
	for l, row := range rep.Confusion {
		set[l] = true
		for g := range row {
			set[g] = true
		}
	}
	var cols []string
	for c := range set {
		cols = append(cols, c)
	}
	cols = classOrder(cols)
	p("\nConfusion (rows: label, columns: classified as)\n")
	p("label \\ got\t%s\n", strings.Join(cols, "\t"))
	for _, l := range cols {
		row, ok := rep.Confusion[l]
		if !ok {
			continue
		}
		cells := []string{l}
		for _, c := range cols {
			if n := row[c]; n > 0 {
				cells = append(cells, fmt.Sprint(n))
			} else {
				cells = append(cells, ".")
			}
		}
		p("%s\n", strings.Join(cells, "\t"))
	}

	p("\nMisses (%d)\n", len(rep.Misses))
	if len(rep.Misses) > 0 {
		p("line\tlabel\tgot\tconfidence\ttitle\n")
		for i, m := range rep.Misses {
			if maxMisses > 0 && i == maxMisses {
				p("... and %d more (--max-misses 0 lists all)\n", len(rep.Misses)-maxMisses)
				break
			}
			p("%d\t%s\t%s\t%s\t%s\n", m.Row.Line, m.Row.Label, m.Got, confText(m), oneline.String(m.Row.Title))
		}
	}

	p("\nReliability (confidence buckets against observed accuracy)\n")
	p("confidence\tn\tmean confidence\taccuracy\tgap\n")
	for _, b := range rep.Reliability {
		if b.N == 0 {
			p("%.1f-%.1f\t0\t-\t-\t-\n", b.Lo, b.Hi)
			continue
		}
		p("%.1f-%.1f\t%d\t%.3f\t%.3f\t%+.3f\n", b.Lo, b.Hi, b.N, b.Confidence, b.Accuracy, b.Accuracy-b.Confidence)
	}
	p("Expected calibration error (ECE): %.3f\n", rep.ECE)

	p("\nCoverage curve (rows coded automatically at each confidence threshold)\n")
	p("threshold\tcoverage\tprecision\n")
	for _, c := range rep.Coverage {
		prec := "-"
		if c.Coverage > 0 {
			prec = fmt.Sprintf("%.3f", c.Precision)
		}
		p("%.2f\t%.3f\t%s\n", c.Threshold, c.Coverage, prec)
	}
	if rep.Threshold95 != nil {
		p("Precision reaches 95%% at threshold %.2f, where %.1f%% of rows are coded automatically.\n", *rep.Threshold95, 100*rep.Coverage95)
	} else {
		p("Precision does not reach 95%% at any threshold.\n")
	}

	if a := rep.Ambiguous; a != nil {
		p("\nAmbiguous rows (%d, reported apart): %d agree with the suggested label\n", a.N, a.Correct)
		p("line\tlabel\tgot\tconfidence\ttitle\n")
		for _, o := range outs {
			if o.Row.Ambiguous() {
				p("%d\t%s\t%s\t%s\t%s\n", o.Row.Line, o.Row.Label, o.Got, confText(o), oneline.String(o.Row.Title))
			}
		}
	}
	return tw.Flush()
}

func ratio(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

func confText(o Outcome) string {
	if o.Err != nil {
		return "error: " + oneline.String(o.Err.Error())
	}
	return fmt.Sprintf("%.2f", o.Confidence)
}

// evalRowJSON is one miss or ambiguous row in the JSON report.
type evalRowJSON struct {
	Line        int     `json:"line"`
	Title       string  `json:"title"`
	Description string  `json:"description,omitempty"`
	Label       string  `json:"label"`
	Got         string  `json:"got"`
	Confidence  float64 `json:"confidence"`
	Language    string  `json:"language,omitempty"`
	Note        string  `json:"note,omitempty"`
	Error       string  `json:"error,omitempty"`
}

func rowJSON(o Outcome) evalRowJSON {
	r := evalRowJSON{Line: o.Row.Line, Title: o.Row.Title, Description: o.Row.Description, Label: o.Row.Label,
		Got: o.Got, Confidence: o.Confidence, Language: o.Row.Language, Note: o.Row.Note}
	if o.Err != nil {
		r.Error = o.Err.Error()
	}
	return r
}

type evalAmbiguousJSON struct {
	*Report
	Rows []evalRowJSON `json:"rows"`
}

type evalJSON struct {
	File   string           `json:"file"`
	Corpus index.CorpusInfo `json:"corpus"`
	*Report
	Misses     []evalRowJSON      `json:"misses"`
	Ambiguous  *evalAmbiguousJSON `json:"ambiguous,omitempty"`
	Relabelled map[string]int     `json:"relabelled_outside,omitempty"`
}

// WriteJSON writes the report as one indented JSON object: the Report's
// fields, the file, the corpus, every miss and ambiguous row with its
// title, and the labels OutsideLabels rewrote. Fields may be added, never
// renamed.
func WriteJSON(w io.Writer, src Source, rep *Report, outs []Outcome, relabelled map[string]int) error {
	out := evalJSON{File: src.File, Corpus: src.Info, Report: rep, Misses: []evalRowJSON{}, Relabelled: relabelled}
	for _, m := range rep.Misses {
		out.Misses = append(out.Misses, rowJSON(m))
	}
	if rep.Ambiguous != nil {
		out.Ambiguous = &evalAmbiguousJSON{Report: rep.Ambiguous, Rows: []evalRowJSON{}}
		for _, o := range outs {
			if o.Row.Ambiguous() {
				out.Ambiguous.Rows = append(out.Ambiguous.Rows, rowJSON(o))
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
