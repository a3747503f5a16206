// Package index builds and searches the bleve index of a corpus and turns
// hits into a Result: the code, ranked matches with scores and calibrated
// confidences, the nearest outside occupation and an explanation. It is
// the only package that imports bleve.
//
// # Analysis
//
// Three analyzers are registered under versioned names, since a persisted
// index stores them in its mapping: AnalyzerEN (fold case and accents,
// spelling variants and abbreviations, English Snowball stemming with
// github.com/kljensen/snowball, canonical role terms), AnalyzerPT (the
// same with Portuguese folding and the Snowball Portuguese stemmer), and
// AnalyzerBilingual, the union of both, which the bleve fields use.
//
// # Documents and fields
//
// One document per occupation, with the keyword fields "code" and "scope"
// and two text fields: "t" holds the title-like strings of every language
// (title indexed 4 times, alternative titles 3, specialisations and
// everyday titles 2, pattern roles and contexts 1: term frequency carries
// the field boost), "x" the description and tasks, searched at textBoost.
// A query is a disjunction of one term query per distinct term and field.
//
// # Ranking and confidence
//
// For the best-scoring occupations (maxCandidates) the ranking computes,
// in the query's detected language, the coverage (share of query terms in
// the occupation's title-like strings) and the containment (share of the
// best-matching title's terms in the query; for a pattern, the share of
// its role times the square of the share of its context). Candidates are
// ordered by containment plus coverage, the bleve score breaking ties.
// Two logistic models (calibration.go) give P(inside the targets) and
// P(best target | inside); a query is coded when P(inside) >= 0.5, and the
// confidence of a code is their product. The constants are fitted on
// testdata/labelled with TestFitCalibration -fit.
//
// # Concurrency
//
// An Index is safe for concurrent use by multiple goroutines once built or
// opened; Close must not run concurrently with other calls.
package index
