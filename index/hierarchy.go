package index

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// Coding to a hierarchy, as ABS coders do. In a hierarchical corpus (every
// occupation a target, each with its unit and minor group) the ranked
// candidates become a probability distribution over occupations; summed
// over each unit group and each minor group it says how well the words
// support a group. The result is the occupation when the words decide one,
// else its unit group, else its minor group, else nothing (hierDecision
// weighs the levels): "Registered Nurse" fits every registered nurse of
// unit group 2544 equally well, so it is coded 2544 Registered Nurses.

// Levels of a result.
const (
	LevelOccupation = "occupation"
	LevelUnitGroup  = "unit_group"
	LevelMinorGroup = "minor_group"
)

// Weights of a title by its head word. "National Account Manager" is a
// manager: a manager's title whose words it holds counts fully, the title
// "Management Accountant", whose head (accountant) is in the query but is
// not the query's head, counts for headMismatchWeight, and a title whose
// head is not in the query at all ("Automotive Designer" for "Automotive
// Technician") for headAbsentWeight.
const (
	headMismatchWeight = 0.75
	headAbsentWeight   = 0.5
)

// tailWeight is how much a word after the first part of a title counts in
// a hierarchical corpus: "Lawyer - Family Law" is a lawyer who works in
// family law, not a family worker.
const tailWeight = 0.35

// headOf returns the head term of analysed terms: the last of an English
// title ("Truck Driver"), the first of a Portuguese one ("Motorista de
// Caminhão").
func headOf(terms []string, lang string) string {
	if h := headIndex(len(terms), lang); h >= 0 {
		return terms[h]
	}
	return ""
}

// headIndex is the index of the head among n terms, or -1 when n is 0.
func headIndex(n int, lang string) int {
	switch {
	case n == 0:
		return -1
	case lang == "pt":
		return 0
	}
	return n - 1
}

// headWeight weighs a title's containment by where its head term is.
func headWeight(title []string, in termSet, qhead, lang string) float64 {
	h := headOf(title, lang)
	switch {
	case h == "" || h == qhead:
		return 1
	case in.has(h):
		return headMismatchWeight
	}
	return headAbsentWeight
}

// hierSharpness turns rank-key differences into odds: a candidate whose
// key is 0.25 below the best one is about e^2 = 7 times less likely.
const hierSharpness = 8

// hierPool bounds the candidates that share the probability.
const hierPool = maxCandidatesHier

// levelChoice is the decision of a hierarchical corpus.
type levelChoice struct {
	level      string // LevelOccupation, LevelUnitGroup, LevelMinorGroup or "" (outside)
	code       string // the occupation's or group's code
	confidence float64
	// probs are the candidates' shares, in candidate order.
	probs []float64
	// features of the decision, for --explain and the fit.
	hf hierFeatures
	// outside is the probability that no level is right; levels the
	// calibrated probability of each level.
	outside float64
	levels  map[string]float64
	// rule is the level the decision rule chose, before any back-off to
	// a minimum confidence.
	rule string
}

// hierFeatures are what the confidence models of the levels see: the
// probability share of the best occupation, unit group and minor group,
// and the best candidate's containment and coverage.
type hierFeatures struct {
	POcc, PUnit, PMinor float64
	Containment         float64
	Coverage            float64
	// Margin is how far the best candidate's rank key is above the
	// second's: nothing when a title attached to a whole group ties its
	// occupations.
	Margin float64
	// Spread says how many unit groups explain the query's words as well
	// as the best candidate does: log(1+k)/log(1+hierPool) for k unit
	// groups among the pool's candidates of the highest coverage. A
	// generic title ("Consultant", "Vaga de emprego") is covered alike by
	// occupations of many groups and says none of them; "Registered
	// Nurse" is covered by many occupations of one.
	Spread float64
	// Exact says a title of the best candidate is exactly the query's
	// words.
	Exact float64
	// UnitCov and HeadPrior are the best candidate's unit-group evidence
	// (features.unitCov, features.headPrior): the query's words in the
	// titles of its whole unit group, and how many of the titles headed
	// by the query's head word are of that group.
	UnitCov, HeadPrior float64
	// UnitMargin is how far the best candidate's rank key is above the
	// best candidate of another unit group: a title whose best two
	// occupations are of one group is sure of the group.
	UnitMargin  float64
	unit, minor string
	// tiedInUnit says the best two candidates tie and are of one unit
	// group.
	tiedInUnit bool
}

// The inputs of a level's logistic model, in the order of
// logistic.Weights (hierFeatures.vector).
const (
	hiLogit       = iota // logit of the level's probability share
	hiContainment        // containment of the best candidate's best title
	hiCoverage           // share of the query's words in its titles
	hiContCov            // containment times coverage
	hiMargin             // rank-key margin over the second candidate
	hiSpread             // unit groups that explain the words alike
	hiExact              // a title of its own is exactly the query
	hiUnitCov            // the query's words in its unit group's titles
	hiHeadPrior          // titles headed by the query's head that are its unit group's
	hiUnitMargin         // rank-key margin over another unit group
	numHierInputs
)

// vector returns the inputs of a level's logistic model.
func (h hierFeatures) vector(p float64) []float64 {
	x := make([]float64, numHierInputs)
	x[hiLogit] = logit(p)
	x[hiContainment] = h.Containment
	x[hiCoverage] = h.Coverage
	x[hiContCov] = h.Containment * h.Coverage
	x[hiMargin] = h.Margin
	x[hiSpread] = h.Spread
	x[hiExact] = h.Exact
	x[hiUnitCov] = h.UnitCov
	x[hiHeadPrior] = h.HeadPrior
	x[hiUnitMargin] = h.UnitMargin
	return x
}

func logit(p float64) float64 {
	p = math.Min(math.Max(p, 1e-4), 1-1e-4)
	return math.Log(p / (1 - p))
}

// hierFeaturesOf computes the shares of the candidates and the features.
func (ix *Index) hierFeaturesOf(cands []features) (hierFeatures, []float64) {
	var h hierFeatures
	if len(cands) == 0 {
		return h, nil
	}
	n := min(len(cands), hierPool)
	probs := make([]float64, n)
	best := cands[0].key
	sum := 0.0
	for i := 0; i < n; i++ {
		probs[i] = math.Exp(hierSharpness * (cands[i].key - best))
		sum += probs[i]
	}
	units, minors := map[string]float64{}, map[string]float64{}
	for i := range probs {
		probs[i] /= sum
		oi := ix.occs[cands[i].code]
		units[oi.unit.Code] += probs[i]
		minors[oi.minor.Code] += probs[i]
	}
	h.POcc = probs[0]
	h.unit, h.PUnit = argmax(units)
	h.minor, h.PMinor = argmax(minors)
	h.Containment, h.Coverage = cands[0].cont, cands[0].cov
	h.Spread = ix.spreadOf(cands[:n])
	h.Exact = b2f(cands[0].exact)
	h.UnitCov, h.HeadPrior = cands[0].unitCov, cands[0].headPrior
	h.UnitMargin = 1
	for i := 1; i < n; i++ {
		if ix.occs[cands[i].code].unit.Code != ix.occs[cands[0].code].unit.Code {
			h.UnitMargin = min(1, cands[0].key-cands[i].key)
			break
		}
	}
	h.Margin = 1
	if len(cands) > 1 {
		h.Margin = min(1, cands[0].key-cands[1].key)
		h.tiedInUnit = h.Margin < hierTieMargin && ix.occs[cands[1].code].unit.Code == ix.occs[cands[0].code].unit.Code
	}
	return h, probs
}

// spreadOf returns hierFeatures.Spread of the pool's candidates.
func (ix *Index) spreadOf(pool []features) float64 {
	best := 0.0
	for i := range pool {
		best = max(best, pool[i].cov)
	}
	if best == 0 {
		return 0
	}
	var buf [16]string
	units := buf[:0]
	for i := range pool {
		if pool[i].cov < best-1e-9 {
			continue
		}
		if u := ix.occs[pool[i].code].unit.Code; !slices.Contains(units, u) {
			units = append(units, u)
		}
	}
	return math.Log(1+float64(len(units))) / math.Log(1+float64(hierPool))
}

// argmax returns the key of the largest value, ties to the smaller key.
func argmax(m map[string]float64) (string, float64) {
	keys := slices.Sorted(maps.Keys(m))
	best, bestV := "", -1.0
	for _, k := range keys {
		if m[k] > bestV {
			best, bestV = k, m[k]
		}
	}
	return best, bestV
}

// chooseLevel weighs the calibrated confidence of each level and picks
// one as the fitted decision rule says (hierDecision). With a minimum
// confidence (Query.MinConfidence), a level whose confidence is under it
// gives way to the first broader level that reaches it, as an ABS coder
// who is not sure of the occupation codes its unit group (backOff).
func (ix *Index) chooseLevel(cands []features, minConf float64) levelChoice {
	h, probs := ix.hierFeaturesOf(cands)
	ch := levelChoice{probs: probs, hf: h}
	if len(cands) == 0 {
		ch.confidence = 1
		return ch
	}
	m := ix.model
	pOcc, pUnit, pMinor := m.levelConfidences(h)
	ch.outside = 1 - pMinor
	ch.levels = map[string]float64{LevelOccupation: round(pOcc), LevelUnitGroup: round(pUnit), LevelMinorGroup: round(pMinor)}
	level := m.level(m.Decision, h, pOcc, pUnit, pMinor)
	ch.rule = level
	if minConf > 0 {
		level = backOff(level, minConf, m.Decision.GroupAbstain, pOcc, pUnit, pMinor)
	}
	switch level {
	case LevelOccupation:
		ch.level, ch.code, ch.confidence = LevelOccupation, cands[0].code, pOcc
	case LevelUnitGroup:
		ch.level, ch.code, ch.confidence = LevelUnitGroup, h.unit, pUnit
	case LevelMinorGroup:
		ch.level, ch.code, ch.confidence = LevelMinorGroup, h.minor, pMinor
	default:
		ch.confidence = 1 - pMinor
	}
	return ch
}

// backOff returns level, or the first broader level whose confidence
// reaches minConf (a group only from groupAbstain, a minor group only
// from minorGroupFloor), or level when none does: the caller then leaves
// it uncoded as below the minimum. Nothing ("") stays nothing.
func backOff(level string, minConf, groupAbstain, pOcc, pUnit, pMinor float64) string {
	levels := []string{LevelOccupation, LevelUnitGroup, LevelMinorGroup}
	ps := []float64{pOcc, pUnit, pMinor}
	i := slices.Index(levels, level)
	if i < 0 {
		return level
	}
	for ; i < len(levels); i++ {
		if ps[i] >= minConf && (i == 0 || ps[i] >= groupAbstain) && (levels[i] != LevelMinorGroup || ps[i] >= minorGroupFloor) {
			return levels[i]
		}
	}
	return level
}

// levelConfidences returns the calibrated confidence of each level: a
// group is at least as sure as the occupation it holds.
func (m hierModel) levelConfidences(h hierFeatures) (pOcc, pUnit, pMinor float64) {
	pOcc = m.Occupation.prob(h.vector(h.POcc))
	pUnit = math.Max(pOcc, m.UnitGroup.prob(h.vector(h.PUnit)))
	pMinor = math.Max(pUnit, m.MinorGroup.prob(h.vector(h.PMinor)))
	return pOcc, pUnit, pMinor
}

// level applies the decision rule d to the confidences of the levels.
func (m hierModel) level(d hierDecision, h hierFeatures, pOcc, pUnit, pMinor float64) string {
	if h.tiedInUnit {
		// The words do not tell the best occupation from the next one of
		// its unit group.
		pOcc = 0
	}

	return d.choose(pOcc, pUnit, pMinor)
}

// hierDecision is the rule that turns the confidence of each level into a
// level. A group is surer than any of its occupations, so the rule asks
// how much surer: the unit group is chosen over the occupation when its
// confidence times UnitFactor is higher than the occupation's, the minor
// group over both when its confidence times MinorFactor is higher than
// theirs; a level whose confidence is under Abstain is never chosen, and
// when no level reaches it nothing is coded. The factors are fitted with the models
// (TestFitANZSCO), to code as many titles right as possible at the
// occupation and at the unit group.
type hierDecision struct {
	UnitFactor, MinorFactor, Abstain float64
	// GroupAbstain is the least confidence of a group result (0: Abstain
	// alone): a generic title ("Consultant") can be a little likely in
	// one unit group and no more, which is no reason to code it.
	GroupAbstain float64
}

// hierTieMargin is the margin of rank keys under which two candidates
// tie. When the best two tie and are of one unit group, the occupation is
// never chosen: they explain the words alike ("Registered Nurse" fits each
// registered nurse of 2544) and only the group can be right. This is not
// fitted: a coin toss between two occupations of a group is never an
// answer, however often it would fall right on the fit titles.
const hierTieMargin = 0.01

// minorGroupFloor is the least confidence of a minor-group result: a
// minor group holds dozens of occupations, and coding one is worth it only
// when the words mostly point into it.
const minorGroupFloor = 0.5

// choose returns the level for the confidences of the three levels, or ""
// to code nothing.
func (d hierDecision) choose(pOcc, pUnit, pMinor float64) string {
	level, best := "", 0.0
	for _, c := range []struct {
		level     string
		p, factor float64
	}{{LevelOccupation, pOcc, 1}, {LevelUnitGroup, pUnit, d.UnitFactor}, {LevelMinorGroup, pMinor, d.MinorFactor}} {
		if c.p >= d.Abstain && (c.level == LevelOccupation || c.p >= d.GroupAbstain) && (c.level != LevelMinorGroup || c.p >= minorGroupFloor) && c.p*c.factor > best {
			level, best = c.level, c.p*c.factor
		}
	}
	return level
}

// logistic is one fitted logistic model.
type logistic struct {
	Weights []float64
	Bias    float64
}

func (l logistic) prob(x []float64) float64 {
	z := l.Bias
	for i, v := range x {
		if i < len(l.Weights) {
			z += l.Weights[i] * v
		}
	}
	return sigmoid(z)
}

// hierModel holds the confidence models of the three levels and the
// decision rule between them.
type hierModel struct {
	Occupation, UnitGroup, MinorGroup logistic
	Decision                          hierDecision
}

// decideHier turns the candidates of a hierarchical corpus into a Result.
func (ix *Index) decideHier(cands []features, top int, minConf float64) *Result {
	ch := ix.chooseLevel(cands, minConf)
	res := &Result{}
	if ch.level != ch.rule {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the %s has confidence %.2f, below the minimum %.2f: coded to the %s", levelName(ch.rule), ch.levels[ch.rule], minConf, levelName(ch.level)))
	}
	pOcc := 0.0
	if len(cands) > 0 {
		pOcc = ix.model.Occupation.prob(ch.hf.vector(ch.hf.POcc))
	}
	for i := range cands {
		if len(res.Matches) >= top {
			break
		}
		conf := 0.0
		if i < len(ch.probs) && ch.probs[0] > 0 {
			conf = pOcc * ch.probs[i] / ch.probs[0]
		}
		f := &cands[i]
		res.Matches = append(res.Matches, Match{Code: f.code, Title: ix.occs[f.code].title, Score: round(f.score), Confidence: round(conf)})
	}
	res.Confidence = round(ch.confidence)
	res.pOutside, res.probs = ch.outside, ch.levels
	switch ch.level {
	case LevelOccupation:
		oi := ix.occs[ch.code]
		res.Code, res.Title, res.Level = ch.code, oi.title, LevelOccupation
		if oi.unit.Code != "" {
			res.Group = &GroupRef{Level: LevelUnitGroup, Code: oi.unit.Code, Title: oi.unit.Title}
		}
	case LevelUnitGroup, LevelMinorGroup:
		res.Code, res.Title, res.Level = ch.code, ix.groups[ch.code], ch.level
		res.Group = &GroupRef{Level: ch.level, Code: ch.code, Title: ix.groups[ch.code]}
	}
	return res
}

// levelName is a level in words.
func levelName(level string) string {
	return strings.ReplaceAll(level, "_", " ")
}

// idfOf is the inverse document frequency of a term among the
// occupations' title-like strings of one language: "officer" is in
// hundreds of titles, "accounts" in a few, so "Accounts Officer" is about
// accounts first. Terms no title holds weigh as the rarest.
func (ix *Index) idfOf(lang, t string) float64 {
	if v, ok := ix.idf[lang][t]; ok {
		return v
	}
	return ix.idfMax
}

// computeIDF fills ix.idf from the occupations' title vocabularies, with
// the titles of their groups, language by language.
func (ix *Index) computeIDF() {
	n := float64(len(ix.occs))
	ix.idfMax = math.Log(1 + n)
	ix.idf = map[string]map[string]float64{}
	for _, lang := range corpus.Languages {
		df := map[string]int{}
		for _, oi := range ix.occs {
			seen := map[string]bool{}
			for _, v := range []map[string]bool{oi.vocab[lang], ix.groupVocab[oi.unit.Code][lang], ix.groupVocab[oi.minor.Code][lang]} {
				for t := range v {
					if !seen[t] {
						seen[t] = true
						df[t]++
					}
				}
			}
		}
		ix.idf[lang] = make(map[string]float64, len(df))
		for t, d := range df {
			ix.idf[lang][t] = math.Log(1 + n/float64(d))
		}
	}
}

// precompute makes what ranking reads for every candidate of every query:
// each occupation's entries by language and, in a hierarchical corpus,
// the idf of each entry's terms.
func (ix *Index) precompute() {
	for _, oi := range ix.occs {
		oi.langEntries = make(map[string][]*entry, len(oi.langs))
		for _, lang := range oi.langs {
			es := make([]*entry, 0, len(oi.entries)+len(ix.groupEntries[oi.unit.Code][lang])+len(ix.groupEntries[oi.minor.Code][lang]))
			ix.entriesOf(oi, lang, func(e *entry) { es = append(es, e) })
			oi.langEntries[lang] = es
		}
	}
	if !ix.hier {
		return
	}
	setIDF := func(e *entry) {
		if e.idf != nil {
			return
		}
		e.idf = make([]float64, len(e.terms))
		for i, t := range e.terms {
			e.idf[i] = ix.idfOf(e.lang, t)
		}
		e.lost = ix.lostWeight(e)
	}
	for _, oi := range ix.occs {
		for _, es := range oi.langEntries {
			for _, e := range es {
				setIDF(e)
			}
		}
	}
}

// lostWeight is the weight of the words of e's title that the stop words
// of its language take out of its terms, each as the rarest term: the
// crosswalk title "Rececionista noturno" (a night receptionist) is
// analysed as "rececionista" alone, and without its lost word would be
// exactly the bare query "Rececionista" and rank a hotel receptionist
// first. A query word that is a stop word is taken out of the query too,
// so the title is then contained in part, as a title of which the query
// says only some words. Function words and single letters are no loss.
func (ix *Index) lostWeight(e *entry) float32 {
	la := ix.an.langs[e.lang]
	if la == nil {
		return 0
	}
	n := 0
	for _, w := range Words(Fold(ix.an.titleText(e.text))) {
		if len(w) >= 2 && la.stop[w] && !ix.an.isFunction(w) {
			n++
		}
	}
	return float32(float64(n) * ix.idfMax)
}

// entriesOf calls fn for an occupation's own title entries in lang, then
// for those of its unit and minor group. Ranking reads the same, made once,
// in occInfo.langEntries.
func (ix *Index) entriesOf(oi *occInfo, lang string, fn func(*entry)) {
	for _, e := range oi.entries {
		if e.lang == lang {
			fn(e)
		}
	}
	for _, g := range []string{oi.unit.Code, oi.minor.Code} {
		for _, e := range ix.groupEntries[g][lang] {
			fn(e)
		}
	}
}

// headCounts counts the titles headed by one term: in all, and by unit
// group.
type headCounts struct {
	n      int
	byUnit map[string]int
}

// unitEvidence makes, in a hierarchical corpus, what ranking knows of each
// unit group as a whole: the terms of all its occupations' titles
// (unitVocab), and for each head term the unit groups whose titles it heads
// (headUnits). "Aged Care Nurse" is a title no occupation has, but "nurse"
// heads titles of a few unit groups and "aged" and "care" are words of one
// of them. It also records the head terms of all the titles by language,
// other classifications' included (roleHeads), which tell the language of
// a query's role word.
func (ix *Index) unitEvidence() {
	ix.unitVocab = map[string]map[string]map[string]bool{}
	ix.headUnits = map[string]map[string]headCounts{}
	ix.roleHeads = map[string]uint8{}
	for _, code := range slices.Sorted(maps.Keys(ix.occs)) {
		oi := ix.occs[code]
		for _, e := range oi.entries {
			if e.kind != kindGroup && e.kind != kindPattern {
				if h := headOf(e.terms, e.lang); h != "" {
					ix.roleHeads[h] |= langMask(e.lang)
				}
			}
		}
		u := oi.unit.Code
		if u == "" {
			continue
		}
		for _, e := range ownTitles(oi) {
			if ix.unitVocab[u] == nil {
				ix.unitVocab[u] = map[string]map[string]bool{}
			}
			if ix.unitVocab[u][e.lang] == nil {
				ix.unitVocab[u][e.lang] = map[string]bool{}
			}
			for _, t := range e.terms {
				ix.unitVocab[u][e.lang][t] = true
			}
			h := headOf(e.terms, e.lang)
			if h == "" {
				continue
			}
			if ix.headUnits[e.lang] == nil {
				ix.headUnits[e.lang] = map[string]headCounts{}
			}
			hc := ix.headUnits[e.lang][h]
			if hc.byUnit == nil {
				hc.byUnit = map[string]int{}
			}
			hc.n++
			hc.byUnit[u]++
			ix.headUnits[e.lang][h] = hc
		}
	}
}

// ownTitles returns the occupation's entries that are titles the
// classification gives it (title, alternative titles, specialisations,
// everyday titles), not those from another classification: a title taken
// from one (the first, made the occupation's title in a language it has
// no title of its own in) is left out too.
func ownTitles(oi *occInfo) []*entry {
	var out []*entry
	for _, e := range oi.entries {
		if e.kind == kindSourced || e.kind == kindGroup || e.shared {
			continue
		}
		if t := oi.occ.Text[e.lang]; e.kind == kindTitle && t != nil && slices.ContainsFunc(t.SourcedTitles, func(st corpus.SourcedTitle) bool { return st.Title == e.text }) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// headPriorOf is the share of the titles headed by head (in lang) that
// are titles of unit group unit.
func (ix *Index) headPriorOf(lang, head, unit string) float64 {
	if head == "" || unit == "" {
		return 0
	}
	hc, ok := ix.headUnits[lang][head]
	if !ok || hc.n == 0 {
		return 0
	}
	return float64(hc.byUnit[unit]) / float64(hc.n)
}
