package index

import "math"

// The learned ranker of a hierarchical corpus. The 5411 default orders its
// candidates by the hand-weighted rankKey; the whole ANZSCO, with hundreds
// of candidates that share a query's words, orders them by a conditional
// logit: each candidate's utility is a weighted sum of named features
// (rankInputs), and the candidates of a query share the probability in
// proportion to exp(utility). The weights are fitted on labelled titles the
// corpus has not seen (TestFitANZSCO -fit, rank_anzsco.go): the held-out
// ABS titles of the fit folds, each coded by an index without its fold,
// and the fit halves of the job-ad titles.
//
// The rank key of a candidate is its utility divided by hierSharpness, so
// that the shares hierFeaturesOf gives the candidates,
// exp(hierSharpness*(key-best)), are the model's probabilities, and a
// margin of keys means what it meant with the hand key.

// The inputs of the ranker, in the order of rankModel.Weights.
const (
	riContDesc  = iota // containment of the best title (with the description)
	riCov              // share of the query's terms in the titles
	riLogScore         // log1p of the bleve score
	riUnitCov          // the query's terms in the unit group's titles
	riHeadPrior        // titles headed by the query's head in the unit group
	riExact            // a title of its own is exactly the query
	riLack             // share of the best title's terms the query lacks
	riHeadMatch        // the best title's head is the query's head
	riShared           // the best title names no single occupation
	riSourced          // the best title is from another classification
	riScoreRank        // log1p of the rank of the bleve score, 0 the best
	riRelScore         // the bleve score over the best candidate's
	riTextCov          // share of the query's terms in description and tasks
	riPTCov            // coverage, when the match is in Portuguese
	riPTHeadPrior      // head prior, when the match is in Portuguese
	riPTContDesc       // containment, when the match is in Portuguese
	numRankInputs
)

// rankInputNames name the inputs, for the fit's report and the generated
// file.
var rankInputNames = [numRankInputs]string{"contDesc", "cov", "logScore", "unitCov", "headPrior", "exact",
	"lack", "headMatch", "shared", "sourced", "scoreRank", "relScore", "textCov", "pt*cov", "pt*headPrior", "pt*contDesc"}

// rankModel is a fitted ranker: one weight per input.
type rankModel struct {
	Weights [numRankInputs]float64
}

// handRanker is rankKey written as a ranker, its weights times
// hierSharpness: what a fit starts from and is measured against.
var handRanker = func() rankModel {
	var m rankModel
	m.Weights[riContDesc] = 1
	m.Weights[riCov] = 1
	m.Weights[riLogScore] = rankScoreWeight
	m.Weights[riUnitCov] = unitCovWeight
	m.Weights[riHeadPrior] = headPriorWeight
	m.Weights[riExact] = exactTitleBonus
	for i := range m.Weights {
		m.Weights[i] *= hierSharpness
	}
	return m
}()

// rankInputs returns the inputs of the ranker for candidate f; maxScore is
// the best bleve score among the query's candidates.
func rankInputs(f *features, maxScore float64) [numRankInputs]float64 {
	var x [numRankInputs]float64
	x[riContDesc] = f.contDesc
	x[riCov] = f.cov
	x[riLogScore] = math.Log1p(f.score)
	x[riUnitCov] = f.unitCov
	x[riHeadPrior] = f.headPrior
	x[riExact] = b2f(f.exact)
	x[riLack] = f.lack
	x[riHeadMatch] = b2f(f.headMatch)
	x[riShared] = b2f(f.shared)
	x[riSourced] = b2f(f.sourced)
	x[riScoreRank] = math.Log1p(float64(f.scoreRank))
	if maxScore > 0 {
		x[riRelScore] = f.score / maxScore
	}
	x[riTextCov] = f.textCov
	if f.lang == "pt" {
		x[riPTCov] = f.cov
		x[riPTHeadPrior] = f.headPrior
		x[riPTContDesc] = f.contDesc
	}
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
// hierarchical corpus the ranker's utility over hierSharpness. The bleve
// score's rank among the candidates is set first.
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
	maxScore := 0.0
	for i := range cands {
		maxScore = max(maxScore, cands[i].score)
	}
	for i := range cands {
		// The rank of the score: how many candidates score higher.
		r := 0
		for j := range cands {
			if cands[j].score > cands[i].score {
				r++
			}
		}
		cands[i].scoreRank = r
	}
	for i := range cands {
		x := rankInputs(&cands[i], maxScore)
		cands[i].key = m.utility(&x) / hierSharpness
	}
}
