// Package adgen generates synthetic job ads for benchmarks: titles drawn
// from a mix of call-centre occupations, their usual neighbours and common
// jobs elsewhere, with the noise real ads carry (seniority, places,
// contract terms, pay, reference numbers, letter case, typing slips), and
// optional descriptions of about 150 words.
//
// Titles follow a Zipf-like law, as in real ads: a few are very common and
// most are rare. A Generator is deterministic for a seed and not safe for
// concurrent use.
//
// It is for benchmarks and the genads command only: the classifier must not
// import it, and its word lists are test data, not knowledge the classifier
// uses.
package adgen
