package index

import (
	"math"
	"slices"
	"sort"
)

// The features of a candidate occupation: how much of the query its
// titles cover, how much of its best title the query contains, and the
// rank key that orders the candidates. The decision (classify.go for a
// corpus with contrasts, hierarchy.go for the whole ANZSCO) reads them.

// features are what the decision uses about one candidate occupation.
type features struct {
	code  string
	score float64 // bleve score: best title document + description documents
	cont  float64 // containment of the best title in the query
	// exact is true when one of the occupation's own titles has exactly
	// the query's terms (a hierarchical corpus ranks such a title first).
	exact bool
	// coreExact is true when one of the occupation's own titles has
	// exactly the terms of the query's first part ("Occupational
	// Therapist" of "Occupational Therapist - Paediatrics").
	coreExact bool
	contDesc  float64 // the same, counting description terms as present too
	cov       float64 // share of query terms in the title-like fields
	textCov   float64 // share of query terms in the description and tasks
	// unitCov is, in a hierarchical corpus, the share of the query's
	// terms in the titles of the occupation's whole unit group, and
	// headPrior the share of the titles headed by the query's head word
	// that are titles of that unit group (unitEvidence).
	unitCov, headPrior float64
	bestTitle          string
	lang               string
	// key is the rank key that orders the candidates: rankKey, or in a
	// hierarchical corpus the learned ranker's (setRankKeys).
	key float64
}

// candidates computes the coverage features of every occupation that
// scored, best first.
//
// When the query's language is known, coverage is measured in that
// language only, so that an English title is not coded by accident through
// the Portuguese titles (or the reverse), and in the languages of also:
// the one the query was translated into, and the description's ("Team
// Leader" over a Portuguese description is measured against the
// Portuguese titles too, which the description's words can complete).
func (ix *Index) candidates(scores map[string]float64, qterms, dterms *byLang, qlang string, also []string, core *byLang) []features {
	codes := topCodes(scores, ix.maxCandidates)
	fq := ix.newFeatureQuery(qterms, dterms, core)
	// The candidates' lookups first: the query's terms are then numbered
	// as far as any candidate holds them.
	occs := make([]*occInfo, 0, len(codes))
	for _, code := range codes {
		if oi := ix.occs[code]; oi != nil {
			ix.lookupOf(oi)
			occs = append(occs, oi)
		}
	}
	for i, lq := range fq.langs {
		if lq != nil {
			ix.lookupTerms.resolve(languages()[i], lq.terms, lq.ids)
		}
	}
	out := make([]features, 0, len(occs))
	var positions []int32
	for _, oi := range occs {
		f := features{code: oi.occ.Code, score: scores[oi.occ.Code]}
		bestKey, contDesc := -1.0, 0.0
		for li, lang := range oi.langs {
			lq := fq.lang(lang)
			if lq == nil || (qlang != "" && lang != qlang && !slices.Contains(also, lang) && slices.Contains(oi.lookup.vocabLangs, qlang)) {
				continue
			}
			var lf langFeatures
			lf, positions = ix.langFeaturesOf(oi, li, lang, lq, positions)
			f.exact = f.exact || lf.exact
			f.coreExact = f.coreExact || lf.coreExact
			// The language whose titles (and description) explain the query best.
			if key := math.Max(lf.cont, lf.contDesc) + lf.cov; key > bestKey {
				bestKey = key
				f.cont, f.cov, f.lang = lf.cont, lf.cov, lang
				f.contDesc = math.Max(lf.contDesc, lf.cont)
				f.textCov = lf.textCov
				f.bestTitle = lf.bestTitle
			}
			contDesc = math.Max(contDesc, lf.contDesc)
			// The unit group's evidence is read in whichever language has
			// it: only the classification's own titles give it.
			f.unitCov = math.Max(f.unitCov, lf.unitCov)
			f.headPrior = math.Max(f.headPrior, ix.headPriorOf(lang, lq.head, oi.unit.Code))
		}
		if dterms.count() > 0 {
			// A description completes a title in whichever language it does best.
			f.contDesc = math.Max(f.contDesc, contDesc)
		}
		out = append(out, f)
	}
	ix.setRankKeys(out)
	return sortByRankKey(out)
}

// topCodes returns the codes of the best-scoring occupations, at most n
// (ties to the smaller code), in no particular order: candidates sorts
// them by its own key.
func topCodes(scores map[string]float64, n int) []string {
	codes := make([]string, 0, min(n, len(scores)))
	if len(scores) <= n {
		for code := range scores {
			codes = append(codes, code)
		}
		return codes
	}
	// The n-th best score: every code above it is in, and of those at it
	// the smallest codes fill what is left.
	vals := make([]float64, 0, len(scores))
	for _, sc := range scores {
		vals = append(vals, sc)
	}
	slices.Sort(vals)
	cut := vals[len(vals)-n]
	var tied []string
	for code, sc := range scores {
		switch {
		case sc > cut:
			codes = append(codes, code)
		case sc == cut:
			tied = append(tied, code)
		}
	}
	slices.Sort(tied)
	return append(codes, tied[:n-len(codes)]...)
}

// featureQuery is what every candidate is measured against: the query's
// and the description's terms as sets, and the query's weights, by
// language (at its position in corpus.Languages; nil for none).
type featureQuery struct {
	langs [numLanguages]*langQuery
}

// lang returns the query of lang, nil when it has no terms there.
func (fq *featureQuery) lang(lang string) *langQuery {
	if i := langIndex(lang); i >= 0 {
		return fq.langs[i]
	}
	return nil
}

// langQuery holds the weights of the query's terms in one language and,
// in a hierarchical corpus, its first part (core) and head term: the words
// after the title's first part ("Truck Driver - Local Deliveries") weigh
// less. They are the same for every candidate.
type langQuery struct {
	terms    []string
	ids      []int32 // the terms' numbers (termIDs), -1 for none
	inQ, inD termSet
	noD      bool // no description terms: inD has none
	headInQ  bool // head is one of terms
	weights  []float64
	inCore   []bool // whether each term is in core
	core     bag
	head     string
}

func (ix *Index) newFeatureQuery(qterms, dterms, core *byLang) *featureQuery {
	fq := &featureQuery{}
	for li, lang := range languages() {
		qt := qterms.terms[li]
		if len(qt) == 0 {
			continue
		}
		lq := &langQuery{terms: qt, ids: make([]int32, len(qt)), inQ: newTermSet(qt), inD: newTermSet(dterms.get(lang)),
			noD: len(dterms.get(lang)) == 0, weights: make([]float64, len(qt)), inCore: make([]bool, len(qt))}
		if ix.hier {
			lq.core = bag(core.get(lang))
			lq.head = headOf(lq.core, lang)
			lq.headInQ = lq.head != "" && lq.inQ.has(lq.head)
		}
		for i, t := range qt {
			lq.weights[i] = 1
			if ix.hier {
				lq.inCore[i] = lq.core.has(t)
				lq.weights[i] = weightOf(lq.core, t, ix.idfOf(lang, t))
			}
		}
		fq.langs[li] = lq
	}
	return fq
}

// langFeatures are the features of a candidate in one language.
type langFeatures struct {
	cont, contDesc, cov, textCov, unitCov float64
	bestTitle                             string
	exact, coreExact                      bool
}

// langFeaturesOf measures an occupation's titles and patterns in its
// language li (lang) against the query's terms in lq. posts is scratch
// space, returned for the next call.
func (ix *Index) langFeaturesOf(oi *occInfo, li int, lang string, lq *langQuery, posts []int32) (langFeatures, []int32) {
	ll := &oi.lookup.langs[li]
	// Entries that hold no query term have no containment: only the first
	// one can be the best title, when no entry holds one.
	posts = posts[:0]
	if ll.first >= 0 {
		posts = append(posts, newPost(ll.first, postNoTerm))
	}
	var cov, covN, ucov float64
	textCov := 0
	for i, id := range lq.ids {
		w := lq.weights[i]
		covN += w
		ti := ll.find(id)
		if ti.title {
			cov += w
		}
		if ti.unit {
			ucov += w
		}
		if ti.text {
			textCov++
		}
		var core int32
		if lq.inCore[i] {
			core = postCore
		}
		for _, p := range ti.posts {
			posts = append(posts, p|core)
		}
	}
	slices.Sort(posts)
	lf := ix.titleMatch(ll.entries, posts, lq, lang)
	ix.patternMatch(oi, lang, lq.inQ, lq.inD, &lf)
	lf.cov = cov / covN
	lf.unitCov = ucov / covN
	lf.textCov = float64(textCov) / float64(len(lq.terms))
	return lf, posts
}

// titleMatch finds the title entry (among those posts name) that the
// query contains best, with and without the description's terms, and
// whether one is exactly the query. The posts of one entry are together
// and say which of its terms are the query's.
func (ix *Index) titleMatch(es []*entry, posts []int32, lq *langQuery, lang string) langFeatures {
	var lf langFeatures
	bestM := 0
	for k := 0; k < len(posts); {
		pos := posts[k] >> postShift
		var inQ, inCore uint64 // bits: the entry's terms in the query, in its first part
		for ; k < len(posts) && posts[k]>>postShift == pos; k++ {
			if i := posts[k] & postTerm; i < postNoTerm {
				inQ |= 1 << i
				if posts[k]&postCore != 0 {
					inCore |= 1 << i
				}
			}
		}
		e := es[pos]
		var m, mc int // terms of the entry in the query, in its first part
		var mw, mdw, n float64
		// Indexes, not range over the terms: most entries need none of
		// the strings.
		for i := range len(e.terms) {
			w := 1.0
			if ix.hier {
				w = e.idf[i]
			}
			n += w
			if i < postNoTerm && inQ&(1<<i) != 0 || i >= postNoTerm && lq.inQ.has(e.terms[i]) {
				m++
				switch {
				case !ix.hier:
					mw++
				case i < postNoTerm && inCore&(1<<i) != 0 || i >= postNoTerm && lq.core.has(e.terms[i]):
					mw += w
					mc++
				default:
					mw += tailWeight * w
				}
				mdw += w
			} else if !lq.noD && lq.inD.has(e.terms[i]) {
				mdw += w
			}
		}
		f := e.weight
		if ix.hier {
			f *= lq.headWeight(e, inQ, lang)
			n += float64(e.lost)
		}
		c := mw / n * f
		if lf.bestTitle == "" || c > lf.cont || (c == lf.cont && m > bestM) {
			lf.cont, lf.bestTitle, bestM = c, e.text, m
		}
		// An exact own title, not a group's (a residual title is exact
		// only when the query says "nec" too).
		if ix.hier && !e.shared && e.lost == 0 && m == len(e.terms) && m == len(lq.terms) {
			lf.exact = true
		}
		// The same for the query's first part, when words follow it, and
		// a title of the classification's own, not another's.
		if ix.hier && !e.shared && e.lost == 0 && e.kind != kindSourced && mc == len(e.terms) && mc == len(lq.core) && len(lq.core) < len(lq.terms) {
			lf.coreExact = true
		}
		if cd := mdw / n * f; m > 0 && cd > lf.contDesc {
			lf.contDesc = cd
		}
	}
	return lf
}

// headWeight is headWeight of the entry e's terms, inQ the bits of those
// in the query: when the query's head is one of its terms, a head term of
// e outside the query is neither the query's head nor in it.
func (lq *langQuery) headWeight(e *entry, inQ uint64, lang string) float64 {
	if h := headIndex(len(e.terms), lang); lq.headInQ && h >= 0 && h < postNoTerm && inQ&(1<<h) == 0 {
		return headAbsentWeight
	}
	return headWeight(e.terms, lq.inQ, lq.head, lang)
}

// patternMatch raises lf's containment where a pattern of the occupation
// (a role with a context) explains the query better than its titles.
func (ix *Index) patternMatch(oi *occInfo, lang string, inQ, inD termSet, lf *langFeatures) {
	for _, p := range oi.patterns {
		if p.lang != lang {
			continue
		}
		r := bestPart(p.roles, inQ, nil)
		if r == nil {
			continue
		}
		// The context must add words of its own: "Customer Contact
		// Centre" does not make "Customer Service Officer" a call-centre
		// title through the word "customer".
		rt := bag(r.terms)
		ctx := bestPart(p.contexts, inQ, rt)
		// A context met only in part counts as its share squared: "call"
		// is half of "call centre" but much less than half the evidence.
		share := 0.0
		if ctx != nil {
			share = partShare(ctx, inQ, rt)
			share *= share
		}
		rs := partShare(r, inQ, nil)
		if c := rs * share; ctx != nil && (c > lf.cont || (c == lf.cont && lf.bestTitle == "")) {
			lf.cont, lf.bestTitle = c, ctx.text+" "+r.text
		}
		// A context named in the description completes the title for the
		// containment with description.
		if ctxD := wholePart(p.contexts, inD, rt); ctxD != nil {
			share = 1
		} else if ctx != nil {
			share = math.Pow(partShare(ctx, union{inQ, inD}, rt), 2)
		}
		if c := rs * share; c > lf.contDesc {
			lf.contDesc = c
		}
	}
}

// sortByRankKey orders candidates best first by their keys (setRankKeys),
// in place.
func sortByRankKey(out []features) []features {
	sort.Sort(byRankKey(out))
	return out
}

// byRankKey sorts features by their keys, larger first, ties to the
// smaller code: an order without ties, so any sort gives the same.
type byRankKey []features

func (r byRankKey) Len() int { return len(r) }

func (r byRankKey) Less(i, j int) bool {
	if r[i].key != r[j].key {
		return r[i].key > r[j].key
	}
	return r[i].code < r[j].code
}

func (r byRankKey) Swap(i, j int) { r[i], r[j] = r[j], r[i] }

// weightOf is the weight of a term of idf idf in a hierarchical corpus:
// its idf in the first part of the query (core), tailWeight of it after.
func weightOf(core bag, t string, idf float64) float64 {
	if core.has(t) {
		return idf
	}
	return tailWeight * idf
}

// bestPart returns the entry with the largest share of its terms (those
// not in skip) in the set, ties to more terms matched, or nil when none
// matches at all.
func bestPart(es []*entry, in, skip termSet) *entry {
	var best *entry
	bestShare, bestM := 0.0, 0
	for _, e := range es {
		m, n := partCount(e, in, skip)
		if m == 0 {
			continue
		}
		share := float64(m) / float64(n)
		if share > bestShare || (share == bestShare && m > bestM) {
			best, bestShare, bestM = e, share, m
		}
	}
	return best
}

// partCount counts e's terms that are not in skip (n) and, of those, the
// ones in the set (m).
func partCount(e *entry, in, skip termSet) (m, n int) {
	for _, t := range e.terms {
		if skip != nil && skip.has(t) {
			continue
		}
		n++
		if in.has(t) {
			m++
		}
	}
	return m, n
}

// partShare is the share of e's terms (those not in skip) that are in the
// set.
func partShare(e *entry, in, skip termSet) float64 {
	m, n := partCount(e, in, skip)
	if n == 0 {
		return 0
	}
	return float64(m) / float64(n)
}

// wholePart returns the first entry all of whose terms (those not in skip)
// are in the set, and that has at least one such term.
func wholePart(es []*entry, in, skip termSet) *entry {
	for _, e := range es {
		if partShare(e, in, skip) == 1 {
			return e
		}
	}
	return nil
}

// termSet is a set of terms. Query term sets are small, and a linear scan
// of a few strings beats hashing them.
type termSet interface{ has(t string) bool }

type bag []string

func (b bag) has(t string) bool {
	for _, x := range b {
		if x == t {
			return true
		}
	}
	return false
}

type mapSet map[string]bool

func (m mapSet) has(t string) bool { return m[t] }

type union struct{ a, b termSet }

func (u union) has(t string) bool { return u.a.has(t) || u.b.has(t) }

// newTermSet returns a set of ts, a slice when small.
func newTermSet(ts []string) termSet {
	if len(ts) <= 16 {
		return bag(ts)
	}
	m := make(mapSet, len(ts))
	for _, t := range ts {
		m[t] = true
	}
	return m
}

// rankKey orders the candidates of a corpus with contrasts (a hierarchical
// corpus uses its learned ranker, ranker.go): how well a title of the
// occupation matches the query first, the bleve score to break ties.
func rankKey(f features) float64 {
	k := f.contDesc + f.cov + rankScoreWeight*math.Log1p(f.score) + unitCovWeight*f.unitCov + headPriorWeight*f.headPrior
	if f.exact {
		k += exactTitleBonus
	}
	return k
}

// exactTitleBonus ranks first, in a hierarchical corpus, an occupation one
// of whose own titles is exactly the query: as an ABS coder who finds the
// title in the index of titles codes it without weighing the others
// ("Painter (Visual Arts)" is 211411, not the trades painter whose title
// it also contains).
const exactTitleBonus = 0.5

// rankScoreWeight keeps the bleve score a tie-breaker: log1p of scores in
// this index stays below about 3, so it moves the key by at most 0.3.
const rankScoreWeight = 0.1

// Weights of the unit-group evidence in the rank key of a hierarchical
// corpus (unitEvidence): enough to order occupations whose own titles
// explain the query alike ("Aged Care Nurse" matches the word "nurse" in
// many titles; the unit group whose titles also hold "aged" and "care"
// goes first), not enough to outrank a title the query contains. Measured
// on the fit halves of the job-ad titles and the held-out ABS titles:
// 0.3 each raises the held-out titles' best candidate from 29% to 32%
// (unit group 40% to 44%), and 0.5 or more starts to cost Portuguese.
const (
	unitCovWeight   = 0.3
	headPriorWeight = 0.3
)
