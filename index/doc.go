// Package index builds and searches the bleve index of a corpus and turns
// hits into a Result: the code, ranked matches with scores and calibrated
// confidences, the nearest outside occupation and an explanation. It is
// the only package that imports bleve.
//
// It owns the analysis, the bleve mapping, the index on disk, ranking,
// confidence and the Result a query gets. It must not print, read flags or
// know HTTP: the command line and the server only call it.
//
// # Analysis
//
// The index analyses every string itself (lexicon.go, analysis.go): fold
// case, accents and typographic punctuation, split into words, rewrite
// variants and abbreviations, drop function and stop words, numbers and
// single letters, stem (English with github.com/kljensen/snowball,
// Portuguese with the Snowball Portuguese stemmer) and map stems to their
// canonical stem. kljensen/snowball is the one English stemmer the
// analysis calls; bleve's own English stemmers (analysis/lang/en, on
// blevesearch/snowballstem/english and go-porterstemmer, about 20 KB of
// code) are linked only because bleve's mapping package imports its
// standard analyzer, which registers them: no analyzer of this package
// uses them, and leaving them out would take a fork of bleve. Every word
// list comes from the lexicons the corpus names (package corpus,
// corpus/lexicon/*.lex); the engine protects the words
// of the corpus's titles from stop words, places and noise patterns. bleve
// indexes the resulting terms with the one registered analyzer,
// TermsAnalyzer, which only splits them; a persisted index records a
// fingerprint of the analysis (the lexicons and the terms of a fixed word
// list) and is refused when it differs. The speller (speller.go) corrects
// one-letter slips, and two in a long word, against the corpus's words and
// the lexicons' (variants, context, workplace and stop words), never a real
// English or Portuguese word (dictionary.go) or a lexicon word.
//
// # Documents and fields
//
// One document per occupation, with the keyword fields "code" and "scope"
// and two text fields: "t" holds the title-like strings of every language
// (title indexed 4 times, alternative titles 3, specialisations and
// everyday titles 2, pattern roles and contexts and titles from other
// classifications 1: term frequency carries the field boost), "x" the
// description and tasks, searched at textBoost. In a hierarchical corpus
// each unit or minor group with titles of its own is one more document,
// "g:CODE", whose hits count for each of its occupations. A query is a
// disjunction of one term query per distinct term and field.
//
// # Ranking and confidence
//
// For the best-scoring occupations the ranking computes, in the query's
// detected language, the coverage (share of query terms in the
// occupation's title-like strings) and the containment (share of the
// best-matching title's terms in the query; for a pattern, the share of
// its role times the square of the share of its context). Candidates are
// ordered by containment plus coverage, the bleve score breaking ties
// (features.go); in a hierarchical corpus by a ranker fitted on the same
// inputs (ranker.go). Each candidate's entries holding a query term are found
// through its lookup, made on first use (lookup.go), and the ranked
// candidates of a query are remembered under its terms, with words the
// corpus lacks marked by place (candcache.go).
//
// A corpus with contrast occupations (the 5411 default) uses two logistic
// models (calibration.go): P(inside the targets) from the named features
// of InScope, and P(best target | inside) from the margin over the
// runner-up; a query is coded when P(inside) >= 0.5, and the confidence of
// a code is their product. They are fitted on the fit part of the labelled
// titles with TestFitCalibration -fit.
//
// A hierarchical corpus (every occupation a target, with its groups: the
// whole ANZSCO) weighs terms by their inverse document frequency among the
// titles, the words after the title's first part at tailWeight and a title
// by where its head word is, adds to the rank key the evidence of the
// candidate's whole unit group (the query's words in all its own titles,
// the query's head word heading its titles: unitEvidence), ranks an exact
// title first (the ranker's weights of these inputs, a conditional logit
// over each query's candidates, are fitted by TestFitANZSCO -fit on the
// same data as the confidence models), and codes to the occupation, its unit group or its minor
// group, as a decision rule fitted with each level's model decides
// (hierarchy.go, calibration_anzsco.go, TestFitANZSCO -fit: fitted on the
// held-out ABS titles of nine folds, each coded by an index without it, and
// the fit halves of the job-ad titles). With a minimum confidence a result
// under it backs off to the first broader group that reaches it. Titles from
// another classification in a language the corpus has titles of its own
// in (ESCO's English titles) count for containment, not for coverage or
// idf (ownLanguages). A query in a language whose lexicons hold a glossary
// into another ([translate pt-en]) is also read in that language and
// measured against its titles (translate.go).
//
// # Concurrency
//
// An Index is safe for concurrent use by multiple goroutines once built or
// opened; Close must not run concurrently with other calls.
package index
