package eval

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// Plot geometry, in SVG user units: two square panels side by side.
const (
	plotPanel  = 300.0 // side of a panel's drawing area
	plotMargin = 50.0  // room for axis labels around a panel
	plotWidth  = 2*plotPanel + 4*plotMargin
	plotHeight = plotPanel + 2*plotMargin + 30 // and a line for the caption
)

// WriteSVG draws the report's coverage curve (the share of rows coded
// automatically, and the precision among them, at each confidence
// threshold) and its reliability diagram (observed accuracy against mean
// confidence per bucket, with the diagonal of perfect calibration) as a
// standalone SVG document. The curves are <polyline> elements with the ids
// "coverage", "precision", "reliability" and "diagonal".
func WriteSVG(w io.Writer, r *Report, title string) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" font-family="sans-serif" font-size="12">`+"\n",
		plotWidth, plotHeight, plotWidth, plotHeight)
	p(`<title>%s</title>`+"\n", html.EscapeString(title))
	p(`<rect width="100%%" height="100%%" fill="white"/>` + "\n")

	// Left panel: coverage and precision against the threshold.
	x0, y0 := plotMargin, plotMargin
	axes(p, x0, y0, "confidence threshold", "share of rows", "Coverage curve")
	var cov, prec []point
	for _, c := range r.Coverage {
		cov = append(cov, point{c.Threshold, c.Coverage})
		if c.Coverage > 0 {
			prec = append(prec, point{c.Threshold, c.Precision})
		}
	}
	polyline(p, "coverage", "#1f77b4", "", x0, y0, cov)
	polyline(p, "precision", "#d62728", "", x0, y0, prec)
	legend(p, x0+10, y0+plotPanel-40, "#1f77b4", "coverage (coded automatically)")
	legend(p, x0+10, y0+plotPanel-22, "#d62728", "precision of those coded")
	if r.Threshold95 != nil {
		x := x0 + *r.Threshold95*plotPanel
		p(`<line id="threshold95" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#555" stroke-dasharray="4 3"/>`+"\n", x, y0, x, y0+plotPanel)
		p(`<text x="%.1f" y="%.1f" fill="#555">95%% precision at %.2f: %.0f%% coded</text>`+"\n", x+4, y0+plotPanel/2, *r.Threshold95, 100*r.Coverage95)
	}

	// Right panel: reliability diagram.
	x1 := x0 + plotPanel + 2*plotMargin
	axes(p, x1, y0, "mean confidence", "observed accuracy", fmt.Sprintf("Reliability (ECE %.3f)", r.ECE))
	polyline(p, "diagonal", "#999", `stroke-dasharray="4 3"`, x1, y0, []point{{0, 0}, {1, 1}})
	var rel []point
	for _, b := range r.Reliability {
		if b.N > 0 {
			rel = append(rel, point{b.Confidence, b.Accuracy})
		}
	}
	polyline(p, "reliability", "#2ca02c", "", x1, y0, rel)
	for _, pt := range rel {
		cx, cy := scale(x1, y0, pt)
		p(`<circle cx="%.1f" cy="%.1f" r="3" fill="#2ca02c"/>`+"\n", cx, cy)
	}
	legend(p, x1+10, y0+14, "#2ca02c", "observed accuracy per bucket")
	legend(p, x1+10, y0+32, "#999", "perfect calibration")

	p(`<text x="%g" y="%g">%s</text>`+"\n", plotMargin, plotHeight-12,
		html.EscapeString(fmt.Sprintf("%s: %d rows, accuracy %.3f", title, r.N, r.Accuracy)))
	p("</svg>\n")
	return bw.Flush()
}

type point struct{ x, y float64 }

// scale maps a point of [0,1]² to the panel whose top-left corner is x0, y0.
func scale(x0, y0 float64, pt point) (float64, float64) {
	return x0 + clamp01(pt.x)*plotPanel, y0 + (1-clamp01(pt.y))*plotPanel
}

func clamp01(v float64) float64 {
	switch {
	case v < 0:
		return 0
	case v > 1:
		return 1
	}
	return v
}

func polyline(p func(string, ...any), id, colour, extra string, x0, y0 float64, pts []point) {
	var b strings.Builder
	for i, pt := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		x, y := scale(x0, y0, pt)
		fmt.Fprintf(&b, "%.1f,%.1f", x, y)
	}
	p(`<polyline id="%s" fill="none" stroke="%s" stroke-width="2" %s points="%s"/>`+"\n", id, colour, extra, b.String())
}

func axes(p func(string, ...any), x0, y0 float64, xlabel, ylabel, title string) {
	p(`<rect x="%g" y="%g" width="%g" height="%g" fill="none" stroke="#333"/>`+"\n", x0, y0, plotPanel, plotPanel)
	for k := 0; k <= 4; k++ {
		v := float64(k) / 4
		x, y := scale(x0, y0, point{v, v})
		p(`<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="#eee"/>`+"\n", x, y0, x, y0+plotPanel)
		p(`<line x1="%g" y1="%.1f" x2="%g" y2="%.1f" stroke="#eee"/>`+"\n", x0, y, x0+plotPanel, y)
		p(`<text x="%.1f" y="%g" text-anchor="middle">%.2f</text>`+"\n", x, y0+plotPanel+16, v)
		p(`<text x="%g" y="%.1f" text-anchor="end">%.2f</text>`+"\n", x0-6, y+4, v)
	}
	p(`<text x="%g" y="%g" text-anchor="middle">%s</text>`+"\n", x0+plotPanel/2, y0+plotPanel+34, xlabel)
	p(`<text transform="translate(%g %g) rotate(-90)" text-anchor="middle">%s</text>`+"\n", x0-36, y0+plotPanel/2, ylabel)
	p(`<text x="%g" y="%g" text-anchor="middle" font-size="14" font-weight="bold">%s</text>`+"\n", x0+plotPanel/2, y0-14, html.EscapeString(title))
}

func legend(p func(string, ...any), x, y float64, colour, label string) {
	p(`<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="2"/>`+"\n", x, y-4, x+18, y-4, colour)
	p(`<text x="%g" y="%g">%s</text>`+"\n", x+24, y, html.EscapeString(label))
}
