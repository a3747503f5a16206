package index

// Calibration of the confidence. These constants are fitted by
//
//	go test ./index -run TestFitCalibration -fit
//
// which runs logistic regression over testdata/labelled/titles.csv and
// prints the values to paste here. See doc.go for the model.

const numInFeatures = 9

// inWeights weigh, in order: the best target's containment, its coverage,
// whether a whole title of it is in the query, its description coverage,
// the containment the description adds, then the best contrast's
// containment, coverage and whole-title indicator, and whether the contrast
// ranks above the target.
var inWeights = [numInFeatures]float64{4, 3, 2, 0.5, 3, -2, -2, -2, -3}

const inBias = -5.5

// topBias and topWeight turn the rank-key margin between the best target
// and the runner-up into the probability that the best is right.
const (
	topBias   = 0.5
	topWeight = 4.0
)
