package index

import (
	"slices"
	"unsafe"

	"github.com/anzsco/anzsco/corpus"
)

// Titles repeat far less than what ranking reads of them. A word the
// corpus lacks (a name, a made-up word, a slip the speller cannot place)
// matches no document, no entry and no pattern; all it changes is the
// number of query terms and, in a hierarchical corpus, their weights, by
// whether it is in the title's first part. So "Dovamu Registered Nurse"
// and "Bibaba Registered Nurse" have the same candidates with the same
// features, and the candidates of a query are remembered under a key that
// spells its terms with every such word as a mark of its place.

// candidateCacheBytes is the budget of an index's cache of candidates.
const candidateCacheBytes = 16 << 20

// Marks of a term the corpus lacks, in the first part of the title (core)
// or after it.
const (
	inertCore = "\x03"
	inertTail = "\x04"
)

// rankedCandidates returns the candidates of a query with their features,
// best first, as candidates does after a search, from the cache when a
// query with the same key was ranked before. The slice is the caller's.
//
// dterms are the description's terms that are searched, measured those
// the candidates are measured with (see describe); also are the languages
// measured besides qlang: the translation's (also[0], which is searched
// too) and the description's.
func (ix *Index) rankedCandidates(qterms, dterms, measured, core *byLang, qlang string, also []string) ([]features, error) {
	bridge := also[0]
	key := ix.candidateKey(qterms, dterms, core, qlang, bridge)
	// A description makes the key as rare as the description: a reposted
	// ad is answered by the caches of results, and others would only fill
	// this one.
	ok := measured.count() == 0
	if ok {
		if c, hit := ix.candCache.Get(key); hit {
			return slices.Clone(c), nil
		}
	}
	scores, err := ix.search(qterms, dterms, qlang, bridge)
	if err != nil {
		return nil, err
	}
	cands := ix.candidates(scores, qterms, measured, qlang, also, core)
	if ok {
		ix.candCache.Put(key, slices.Clone(cands), int64(len(cands))*int64(unsafe.Sizeof(features{})))
	}
	return cands, nil
}

// candidateKey spells what search and candidates read of a query: the
// languages, and in each language the query's terms, its first part's and
// the description's, with a mark for each term the corpus lacks. Every
// language a byLang holds is spelt.
func (ix *Index) candidateKey(qterms, dterms, core *byLang, qlang, bridge string) string {
	k := make([]byte, 0, 128)
	k = append(append(append(k, qlang...), 0), bridge...)
	for _, lang := range corpus.Languages {
		k = append(append(k, 1), lang...)
		for i, ts := range [...][]string{qterms.get(lang), dterms.get(lang), core.get(lang)} {
			k = append(k, 2)
			for _, t := range ts {
				switch {
				case !ix.inert(lang, t):
					k = append(k, t...)
				case i == 0 && !bag(core.get(lang)).has(t):
					k = append(k, inertTail...)
				default:
					k = append(k, inertCore...)
				}
				k = append(k, 0)
			}
		}
	}
	return string(k)
}

// inert tells whether no document, entry or pattern of the corpus holds t
// and its weight is the default: every such term ranks alike.
func (ix *Index) inert(lang, t string) bool {
	if ix.indexed[t] != 0 {
		return false
	}
	if ix.hier {
		if _, ok := ix.idf[lang][t]; ok {
			return false
		}
	}
	return true
}
