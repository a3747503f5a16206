package index

import "math"

// The learned ranker of a hierarchical corpus. The 5411 default orders its
// candidates by the hand-weighted rankKey; the whole ANZSCO, whose
// candidates are dozens of occupations sharing a query's words, orders
// them by a conditional logit over the same named inputs (rankInputs):
// each candidate's utility is a weighted sum of them, and the candidates of
// a query share the probability in proportion to exp(utility). The weights
// are fitted on labelled titles the corpus has not seen (TestFitANZSCO
// -fit writes rank_anzsco.go): the held-out ABS titles of the fit folds,
// each coded by an index without its fold, and the fit halves of the
// job-ad titles.
//
// The rank key of a candidate is its utility over hierSharpness, so that
// the shares hierFeaturesOf gives the candidates,
// exp(hierSharpness*(key-best)), are the model's probabilities, and a
// margin of keys is on the scale it had with the hand key.

// The inputs of the ranker, in the order of rankModel.Weights: those of
// rankKey, and whether a title of the occupation's own is exactly the
// query's first part when words follow it: the occupation a job ad names
// before its qualifiers ("Occupational Therapist - Paediatrics" is an
// occupational therapist, though a physiotherapist's specialisation holds
// "paediatric" too).
const (
	riContDesc  = iota // containment of the best title (with the description)
	riCov              // share of the query's terms in the titles
	riLogScore         // log1p of the bleve score
	riUnitCov          // the query's terms in the titles of the unit group
	riHeadPrior        // titles headed by the query's head that are the unit group's
	riExact            // a title of its own is exactly the query
	riCoreExact        // a title of its own is exactly the query's first part
	numRankInputs
)

// rankModel is a ranker: one weight per input.
type rankModel struct {
	Weights [numRankInputs]float64
}

// handRanker is rankKey as a ranker (a title exactly the first part weighed
// as an exact title), its weights times hierSharpness: what
// a fit starts from, is regularised towards and is measured against.
var handRanker = func() rankModel {
	var m rankModel
	m.Weights[riContDesc] = 1
	m.Weights[riCov] = 1
	m.Weights[riLogScore] = rankScoreWeight
	m.Weights[riUnitCov] = unitCovWeight
	m.Weights[riHeadPrior] = headPriorWeight
	m.Weights[riExact] = exactTitleBonus
	m.Weights[riCoreExact] = exactTitleBonus
	for i := range m.Weights {
		m.Weights[i] *= hierSharpness
	}
	return m
}()

// rankInputs returns the inputs of the ranker for candidate f.
func rankInputs(f *features) [numRankInputs]float64 {
	var x [numRankInputs]float64
	x[riContDesc] = f.contDesc
	x[riCov] = f.cov
	x[riLogScore] = math.Log1p(f.score)
	x[riUnitCov] = f.unitCov
	x[riHeadPrior] = f.headPrior
	x[riExact] = b2f(f.exact)
	x[riCoreExact] = b2f(f.coreExact)
	return x
}

// utility is the model's utility of inputs x.
func (m *rankModel) utility(x *[numRankInputs]float64) float64 {
	u := 0.0
	for i, w := range m.Weights {
		u += w * x[i]
	}
	return u
}

// setRankKeys sets the rank key of every candidate: rankKey, or in a
// hierarchical corpus the ranker's.
func (ix *Index) setRankKeys(cands []features) {
	if !ix.hier {
		for i := range cands {
			cands[i].key = rankKey(cands[i])
		}
		return
	}
	setRankKeysWith(&ix.ranker, cands)
}

// setRankKeysWith sets the keys of a hierarchical corpus's candidates with
// ranker m.
func setRankKeysWith(m *rankModel, cands []features) {
	for i := range cands {
		x := rankInputs(&cands[i])
		cands[i].key = m.utility(&x) / hierSharpness
	}
}
