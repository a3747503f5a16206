package cv

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"

	"github.com/anzsco/anzsco/internal/oneline"
)

// errPDFLimit stops reading a PDF that needs more work than any CV: its
// structure loops (a page tree or cross-reference chain that points back
// to itself) or it holds more content than a CV has.
var errPDFLimit = errors.New("pdf limit")

// Bounds on the work one PDF may cause. The PDF library re-reads the file
// for every object it resolves and keeps no cache, so a loop in the file's
// structure shows as reads without end: the reads are budgeted.
const (
	// minReadBudget and readBudgetFactor: a CV PDF is read about ten times
	// over; the budget is the larger of 16 MiB and 64 times the file.
	minReadBudget    = 16 << 20
	readBudgetFactor = 64
	// maxPageTreeDepth and maxPageTreeNodes bound the page-tree walk.
	maxPageTreeDepth = 32
	maxPageTreeNodes = 10000
	// maxKidsPerNode: a page-tree node with more kids is read in part.
	maxKidsPerNode = 1000
	// maxPageContent and maxContentBytes bound the decompressed content
	// streams of a page and of the whole PDF; a CV page has tens of KiB.
	maxPageContent  = 4 << 20
	maxContentBytes = 16 << 20
	// maxCMapBytes bounds a font's ToUnicode map once decompressed.
	maxCMapBytes = 1 << 20
	// maxFontWidths bounds the /Widths array read for a font.
	maxFontWidths = 1 << 16
)

// budgetReaderAt is the PDF's bytes, with a budget of bytes that may be
// read; past it a read panics with errPDFLimit, which the library turns
// into an error in NewReader and which pageRuns and extractPDF recover.
type budgetReaderAt struct {
	r    *bytes.Reader
	left int64
}

func (b *budgetReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if b.left <= 0 {
		panic(errPDFLimit)
	}
	n, err := b.r.ReadAt(p, off)
	b.left -= int64(n)
	return n, err
}

// pdfBudget is the work left for the pages of one PDF.
type pdfBudget struct {
	ops     int   // content-stream operators
	content int64 // decompressed content-stream bytes
}

// errLoop is the message for a PDF stopped by a limit.
const errLoop = "its structure loops or holds far more than a CV (stopped reading)"

// extractPDF reads the text layer of a PDF. The library panics on some
// malformed files; every call into it runs under recover, and a panic
// becomes ErrCorrupt (or ErrEncrypted when the file is encrypted).
func extractPDF(ctx context.Context, data []byte) (doc *Document, err error) {
	encrypted := bytes.Contains(data, []byte("/Encrypt"))
	defer func() {
		if p := recover(); p != nil {
			doc = nil
			e, _ := p.(error)
			switch {
			case e != nil && errors.Is(e, errPDFLimit):
				err = fmt.Errorf("%w: not a readable PDF: %s", ErrCorrupt, errLoop)
			case encrypted:
				err = fmt.Errorf("%w: the PDF is encrypted and could not be decrypted (%s); save a copy without protection", ErrEncrypted, oneLine(p))
			default:
				err = fmt.Errorf("%w: not a readable PDF: %s", ErrCorrupt, oneLine(p))
			}
		}
	}()
	src := &budgetReaderAt{r: bytes.NewReader(data), left: max(minReadBudget, readBudgetFactor*int64(len(data)))}
	r, err := pdf.NewReader(src, int64(len(data)))
	if err != nil {
		switch {
		case errors.Is(err, errPDFLimit):
			return nil, fmt.Errorf("%w: not a readable PDF: %s", ErrCorrupt, errLoop)
		case errors.Is(err, pdf.ErrInvalidPassword):
			return nil, fmt.Errorf("%w: the PDF needs a password to open; save a copy without a password", ErrEncrypted)
		case encrypted && strings.Contains(strings.ToLower(err.Error()), "encrypt"):
			return nil, fmt.Errorf("%w: the PDF is encrypted with a method this reader does not support (%s); save a copy without protection", ErrEncrypted, oneLine(err))
		}
		return nil, fmt.Errorf("%w: not a readable PDF: %s", ErrCorrupt, oneLine(err))
	}
	doc = &Document{Format: FormatPDF}
	pages, more := pdfPages(r.Trailer().Key("Root").Key("Pages"), MaxPDFPages)
	n := len(pages)
	if n == 0 {
		return nil, fmt.Errorf("%w: the PDF has no pages", ErrCorrupt)
	}
	if more {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("the PDF has more than %d pages: read only the first %d", MaxPDFPages, MaxPDFPages))
	}
	doc.Pages = n
	var out strings.Builder
	var pageErrs int
	var limitErr error
	budget := &pdfBudget{ops: maxPDFOps, content: maxContentBytes}
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		runs, err := pageRuns(ctx, p, budget)
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return nil, err
			}
			if errors.Is(err, errPDFLimit) {
				limitErr = err
				doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: more content than a CV has: read only part of the PDF", i+1))
				writeLines(&out, runs)
				break
			}
			pageErrs++
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: %v", i+1, err))
		}
		if out.Len() > 0 && len(runs) > 0 {
			out.WriteString("\n")
		}
		writeLines(&out, runs)
		if out.Len() > MaxTextBytes {
			break
		}
	}
	if limitErr != nil && strings.TrimSpace(out.String()) == "" {
		if errors.Is(limitErr, ErrExpands) {
			return nil, fmt.Errorf("%w: a page's content decompresses to more than %d MiB", ErrExpands, maxPageContent>>20)
		}
		return nil, fmt.Errorf("%w: not a readable PDF: %s", ErrCorrupt, errLoop)
	}
	if pageErrs == n {
		if encrypted {
			return nil, fmt.Errorf("%w: the PDF is encrypted and its pages could not be decrypted; save a copy without protection", ErrEncrypted)
		}
		return nil, fmt.Errorf("%w: no page of the PDF could be read (%s)", ErrCorrupt, doc.Warnings[len(doc.Warnings)-1])
	}
	doc.Text, doc.Warnings = capText(out.String(), doc.Warnings)
	return doc, nil
}

// pdfPages walks the page tree from root, in order, and returns up to max
// pages, and whether there are more. The walk is bounded in depth and in
// nodes, so a tree whose kids point back to an ancestor ends.
func pdfPages(root pdf.Value, limit int) (pages []pdf.Page, more bool) {
	type node struct {
		v     pdf.Value
		depth int
	}
	stack := []node{{root, 0}}
	for visited := 0; len(stack) > 0 && visited < maxPageTreeNodes; visited++ {
		nd := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		v := nd.v
		if v.Kind() != pdf.Dict {
			continue
		}
		kids := v.Key("Kids")
		if typ := v.Key("Type").Name(); typ == "Pages" || typ != "Page" && kids.Kind() == pdf.Array {
			if nd.depth >= maxPageTreeDepth {
				continue
			}
			n := min(kids.Len(), maxKidsPerNode)
			for i := n - 1; i >= 0; i-- {
				stack = append(stack, node{kids.Index(i), nd.depth + 1})
			}
			continue
		}
		if len(pages) == limit {
			return pages, true
		}
		pages = append(pages, pdf.Page{V: v})
	}
	return pages, false
}

// streamSize returns the decompressed size of a stream, or of an array of
// streams, up to limit+1.
func streamSize(v pdf.Value, limit int64) int64 {
	if v.Kind() == pdf.Array {
		var n int64
		for i := 0; i < v.Len() && n <= limit; i++ {
			n += streamSize(v.Index(i), limit-n)
		}
		return n
	}
	if v.Kind() != pdf.Stream {
		return 0
	}
	rc := v.Reader()
	defer rc.Close()
	n, _ := io.Copy(io.Discard, io.LimitReader(rc, limit+1))
	return n
}

// oneLine formats v on one line, for messages from the PDF library.
func oneLine(v any) string {
	// The library writes some messages with a doubled "%%".
	s := strings.ReplaceAll(oneline.String(fmt.Sprint(v)), "%%", "%")
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "..."
	}
	return s
}

// textRun is a string shown by one text operator, placed on the page.
type textRun struct {
	x, y  float64 // start, in page space
	end   float64 // x where the run ends
	size  float64 // font size in page space
	text  string
	order int // position in the content stream
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(tx, ty float64) matrix { return matrix{1, 0, 0, 1, tx, ty} }

// textState is the part of the graphics state that places text.
type textState struct {
	ctm                  matrix
	tc, tw, th, tl, rise float64
	size                 float64
	font                 *pdfFont
}

// pdfFont is a page font with its widths read once.
type pdfFont struct {
	f      *pdf.Font
	first  int
	widths []float64
}

// width returns the width of code in thousandths of an em, or 0.
func (f *pdfFont) width(code int) float64 {
	if i := code - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return 0
}

// pageRuns interprets a page's content stream and returns its text runs.
// It follows the text-positioning operators of PDF 32000-1 §9.4 (Td TD Tm
// T* ' " TJ Tj) and the CTM (cm q Q); text in form XObjects is not read.
func pageRuns(ctx context.Context, p pdf.Page, budget *pdfBudget) (runs []textRun, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && (errors.Is(e, errPDFLimit) || errors.Is(e, context.Canceled) || errors.Is(e, context.DeadlineExceeded)) {
				err = e
				return
			}
			err = fmt.Errorf("unreadable content: %s", oneLine(r))
		}
	}()
	strm := p.V.Key("Contents")
	if strm.IsNull() {
		return nil, nil
	}
	// The content is decompressed twice, once here to measure it: a page
	// whose content inflates past the bound is not interpreted.
	size := streamSize(strm, min(maxPageContent, budget.content))
	if budget.content -= size; size > maxPageContent || budget.content < 0 {
		return nil, fmt.Errorf("%w: %w: the page content decompresses to more than %d MiB", errPDFLimit, ErrExpands, min(maxPageContent, maxContentBytes)>>20)
	}
	fonts := map[string]*pdfFont{}
	fontNamed := func(name string) *pdfFont {
		if f, ok := fonts[name]; ok {
			return f
		}
		f := p.Font(name)
		if tu := f.V.Key("ToUnicode"); tu.Kind() == pdf.Stream && streamSize(tu, maxCMapBytes) > maxCMapBytes {
			panic(errPDFLimit)
		}
		pf := &pdfFont{f: &f, first: f.FirstChar()}
		if w := f.V.Key("Widths"); w.Len() <= maxFontWidths {
			pf.widths = f.Widths()
		}
		fonts[name] = pf
		return pf
	}
	gs := textState{ctm: identity, th: 1}
	var stack []textState
	tm, tlm := identity, identity
	ops, textBytes := 0, 0

	show := func(raw string) {
		if gs.font == nil {
			return
		}
		text := gs.font.f.Encoder().Decode(raw)
		trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm)
		// Advance by the font's widths; without widths (the 14 standard
		// fonts need none) estimate half an em per character.
		var w float64
		for i := 0; i < len(raw); i++ {
			w += gs.font.width(int(raw[i])) / 1000
		}
		adv := w*gs.size + gs.tc*float64(len(raw)) + gs.tw*float64(strings.Count(raw, " "))
		if w == 0 {
			adv = 0.5*gs.size*float64(len([]rune(text))) + gs.tc*float64(len(raw))
		}
		adv *= gs.th
		scale := math.Hypot(trm[0], trm[1]) / math.Max(gs.size*gs.th, 1e-9)
		size := math.Hypot(trm[2], trm[3])
		if text != "" {
			runs = append(runs, textRun{x: trm[4], y: trm[5], end: trm[4] + adv*scale, size: size, text: text, order: len(runs)})
			textBytes += len(text)
		}
		tm = translate(adv, 0).mul(tm)
	}
	nextLine := func() {
		tlm = translate(0, -gs.tl).mul(tlm)
		tm = tlm
	}

	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		if ops++; ops%4096 == 0 {
			if err := ctx.Err(); err != nil {
				panic(err)
			}
		}
		if budget.ops--; budget.ops < 0 || textBytes > MaxTextBytes {
			panic(errPDFLimit)
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, gs)
			}
		case "Q":
			if len(stack) > 0 {
				gs = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			gs.tc = num(0)
		case "Tw":
			gs.tw = num(0)
		case "Tz":
			gs.th = num(0) / 100
		case "TL":
			gs.tl = num(0)
		case "Ts":
			gs.rise = num(0)
		case "Tf":
			if len(args) == 2 {
				gs.font = fontNamed(args[0].Name())
				gs.size = num(1)
			}
		case "Td", "TD":
			if len(args) == 2 {
				if op == "TD" {
					gs.tl = -num(1)
				}
				tlm = translate(num(0), num(1)).mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(args) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			nextLine()
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'":
			if len(args) == 1 {
				nextLine()
				show(args[0].RawString())
			}
		case "\"":
			if len(args) == 3 {
				gs.tw, gs.tc = num(0), num(1)
				nextLine()
				show(args[2].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				a := args[0]
				for i := 0; i < a.Len(); i++ {
					x := a.Index(i)
					if x.Kind() == pdf.String {
						show(x.RawString())
					} else {
						tm = translate(-x.Float64()/1000*gs.size*gs.th, 0).mul(tm)
					}
				}
			}
		}
	})
	return runs, nil
}

// writeLines writes a page's runs as lines, top to bottom. A page set in
// columns (a sidebar beside the main text, each column its own text
// objects) is written column by column, so that their lines do not
// interleave: the lines above the columns first, then the left column,
// then the right.
func writeLines(out *strings.Builder, runs []textRun) {
	if len(runs) == 0 {
		return
	}
	if top, left, right, ok := splitColumns(runs); ok {
		writeRows(out, top)
		writeRows(out, left)
		out.WriteByte('\n')
		writeRows(out, right)
		return
	}
	writeRows(out, runs)
}

// minGutter is the narrowest gap between two columns, in points.
const minGutter = 6

// maxGutters bounds the gaps tried as the gutter of a page, widest first,
// so that a page of scattered strings costs no more than a CV's.
const maxGutters = 4

// minColumnLines: a column has at least this many lines of its own.
const minColumnLines = 3

// minColumnTurns: reading down a page in columns, the side of the rows
// with text on one side only changes at least this often.
const minColumnTurns = 4

// splitColumns looks for a vertical gutter that no run crosses, below at
// most a few lines at the top of the page (a name across the page), with
// text on both sides. The page is in columns when most lines on each side
// have no text beside them on the other side: a sidebar and a main column
// set with their own line spacing. A label beside its value, a date beside
// its title or at the right margin always has its partner on the same
// baseline, and stays one line.
func splitColumns(runs []textRun) (top, left, right []textRun, ok bool) {
	rows := groupRows(runs)
	for skip := 0; skip <= 3 && skip < len(rows); skip++ {
		var body []textRun
		for _, r := range rows[skip:] {
			body = append(body, r.runs...)
		}
		for _, gx := range gutters(body) {
			leftRows, rightRows, leftAlone, rightAlone, turns := 0, 0, 0, 0, 0
			prev := 0 // side of the last row with text on one side only
			// deltas are the differences between the baselines of the
			// two sides of the rows with text on both.
			var deltas []float64
			for _, r := range rows[skip:] {
				var l, rt bool
				var yl, yr float64
				for _, x := range r.runs {
					if strings.TrimSpace(x.text) == "" {
						continue
					}
					if x.end <= gx {
						l, yl = true, x.y
					} else {
						rt, yr = true, x.y
					}
				}
				if l && rt {
					deltas = append(deltas, yl-yr)
				}
				side := 0
				if l {
					leftRows++
					if !rt {
						leftAlone++
						side = -1
					}
				}
				if rt {
					rightRows++
					if !l {
						rightAlone++
						side = 1
					}
				}
				if side != 0 {
					if prev != 0 && side != prev {
						turns++
					}
					prev = side
				}
			}
			// Columns run side by side: reading down the page, rows of
			// one column and of the other alternate again and again, and
			// most rows have text on one side only (where both have, the
			// baselines met by chance). A label beside its value, or a
			// date beside its title, has its partner on every row; a
			// table of dates and titles has the rows of its second column
			// together under each date.
			paired := leftRows - leftAlone
			byLayout := leftAlone >= minColumnLines && rightAlone >= minColumnLines && turns >= minColumnTurns && leftAlone+rightAlone >= paired
			// The order of the content stream tells too: a writer sets a
			// column, a text frame, at a time, but a table or a line of
			// label and value row by row.
			byStream := leftRows >= minColumnLines && rightRows >= minColumnLines && leftAlone > 0 && rightAlone > 0 &&
				streamSwitches(body, gx) <= maxStreamSwitches
			// And the baselines: where two columns set with their own
			// spacing meet on a row, their baselines differ, by more on
			// some rows than on others; a table's cells, even in two
			// fonts, differ by the same amount on every row.
			byBaselines := leftRows >= minColumnLines && rightRows >= minColumnLines && leftAlone > 0 && rightAlone > 0 &&
				chanceBaselines(deltas)
			if !byLayout && !byStream && !byBaselines {
				continue
			}
			for _, r := range rows[:skip] {
				top = append(top, r.runs...)
			}
			for _, x := range body {
				if x.end <= gx {
					left = append(left, x)
				} else {
					right = append(right, x)
				}
			}
			return top, left, right, true
		}
	}
	return nil, nil, nil, false
}

// Baselines that meet by chance: they differ by more than minBaselineGap
// points on two rows in three, and the differences spread over more than
// minBaselineSpread points.
const (
	minBaselineGap    = 0.5
	minBaselineSpread = 1.0
)

// chanceBaselines reports whether the baselines of rows with text in both
// columns met by chance (see minBaselineGap).
func chanceBaselines(deltas []float64) bool {
	if len(deltas) < 2 {
		return false
	}
	apart := 0
	lo, hi := deltas[0], deltas[0]
	for _, d := range deltas {
		if math.Abs(d) > minBaselineGap {
			apart++
		}
		lo, hi = math.Min(lo, d), math.Max(hi, d)
	}
	return 3*apart >= 2*len(deltas) && hi-lo > minBaselineSpread
}

// maxStreamSwitches: a page written column by column crosses from one
// column to the other a few times in its content stream (a header, a
// sidebar, the main text, a footer); a table crosses at every row.
const maxStreamSwitches = 4

// streamSwitches counts how often the runs, in the order of the content
// stream, cross the gutter at gx.
func streamSwitches(runs []textRun, gx float64) int {
	runs = append([]textRun(nil), runs...)
	sort.Slice(runs, func(i, j int) bool { return runs[i].order < runs[j].order })
	n, prev := 0, 0
	for _, r := range runs {
		if strings.TrimSpace(r.text) == "" {
			continue
		}
		side := 1
		if r.end <= gx {
			side = -1
		}
		if prev != 0 && side != prev {
			n++
		}
		prev = side
	}
	return n
}

// gutters returns the middles of the vertical gaps, at least minGutter
// wide, that no run with text crosses, widest first, at most maxGutters.
func gutters(runs []textRun) []float64 {
	type iv struct{ a, b float64 }
	var ivs []iv
	for _, r := range runs {
		if strings.TrimSpace(r.text) == "" {
			continue
		}
		ivs = append(ivs, iv{r.x, math.Max(r.end, r.x)})
	}
	if len(ivs) < 2 {
		return nil
	}
	sort.Slice(ivs, func(i, j int) bool { return ivs[i].a < ivs[j].a })
	type gap struct{ mid, width float64 }
	var gaps []gap
	reach := ivs[0].b
	for _, v := range ivs[1:] {
		if v.a-reach >= minGutter {
			gaps = append(gaps, gap{(v.a + reach) / 2, v.a - reach})
		}
		reach = math.Max(reach, v.b)
	}
	sort.Slice(gaps, func(i, j int) bool { return gaps[i].width > gaps[j].width })
	gaps = gaps[:min(len(gaps), maxGutters)]
	out := make([]float64, len(gaps))
	for i, g := range gaps {
		out[i] = g.mid
	}
	return out
}

// row is the runs on one baseline.
type row struct {
	y, size float64
	runs    []textRun
}

// groupRows groups runs into rows, top to bottom: runs on one baseline
// (within half a font size) form a row.
func groupRows(runs []textRun) []*row {
	runs = append([]textRun(nil), runs...)
	sort.SliceStable(runs, func(i, j int) bool {
		if math.Abs(runs[i].y-runs[j].y) > 0.01 {
			return runs[i].y > runs[j].y
		}
		return runs[i].order < runs[j].order
	})
	var rows []*row
	for _, r := range runs {
		if strings.TrimSpace(r.text) == "" && len(rows) > 0 {
			// Spaces carry no position worth a row of their own.
			last := rows[len(rows)-1]
			if math.Abs(last.y-r.y) <= math.Max(last.size, r.size)/2 {
				last.runs = append(last.runs, r)
			}
			continue
		}
		if n := len(rows); n > 0 && math.Abs(rows[n-1].y-r.y) <= math.Max(rows[n-1].size, r.size)/2 {
			rows[n-1].runs = append(rows[n-1].runs, r)
			rows[n-1].size = math.Max(rows[n-1].size, r.size)
			continue
		}
		rows = append(rows, &row{y: r.y, size: r.size, runs: []textRun{r}})
	}
	return rows
}

// writeRows writes runs as lines, top to bottom: runs on one baseline
// ordered left to right; a gap wider than a fifth of the font size is a
// space, one wider than two ems a tab. A gap between lines wider than 1.7
// line heights is a blank line.
func writeRows(out *strings.Builder, runs []textRun) {
	lines := groupRows(runs)
	for i, l := range lines {
		if i > 0 {
			gap := lines[i-1].y - l.y
			if gap > 1.7*math.Max(l.size, lines[i-1].size)*1.2 {
				out.WriteByte('\n')
			}
		}
		sort.SliceStable(l.runs, func(a, b int) bool {
			if math.Abs(l.runs[a].x-l.runs[b].x) > 0.01 {
				return l.runs[a].x < l.runs[b].x
			}
			return l.runs[a].order < l.runs[b].order
		})
		var sb strings.Builder
		prevEnd := math.Inf(-1)
		for _, r := range l.runs {
			if sb.Len() > 0 {
				gap := r.x - prevEnd
				s := sb.String()
				endsSpace := strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\t")
				switch {
				case gap > 2*l.size:
					sb.WriteByte('\t')
				case gap > 0.2*l.size && !endsSpace && !strings.HasPrefix(r.text, " "):
					sb.WriteByte(' ')
				}
			}
			sb.WriteString(r.text)
			prevEnd = math.Max(prevEnd, r.end)
		}
		out.WriteString(strings.TrimRight(sb.String(), " \t"))
		out.WriteByte('\n')
	}
}
