package index

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

// TestHandRankerIsRankKey checks that the hand key written as a ranker
// orders as rankKey does: its key is rankKey's.
func TestHandRankerIsRankKey(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		f := features{contDesc: r.Float64(), cov: r.Float64(), score: 10 * r.Float64(),
			unitCov: r.Float64(), headPrior: r.Float64(), exact: r.IntN(2) == 1}
		cands := []features{f}
		setRankKeysWith(&handRanker, cands)
		if got, want := cands[0].key, rankKey(f); math.Abs(got-want) > 1e-12 {
			t.Fatalf("hand ranker key of %+v = %v, want rankKey %v", f, got, want)
		}
	}
}

// TestRankKeysByCorpus checks that the default corpus orders its
// candidates by rankKey and the whole ANZSCO by its ranker.
func TestRankKeysByCorpus(t *testing.T) {
	for _, name := range []string{corpus.DefaultName, "anzsco"} {
		ix := builtinIndex(t, name)
		p, err := ix.prepare(Query{Text: "Customer Service Team Leader"})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.cands) < 2 {
			t.Fatalf("%s: %d candidates", name, len(p.cands))
		}
		for i, f := range p.cands {
			want := rankKey(f)
			if ix.hier {
				x := rankInputs(&f)
				want = anzscoRanker.utility(&x) / hierSharpness
			}
			if f.key != want {
				t.Errorf("%s: candidate %d %s key %v, want %v", name, i, f.code, f.key, want)
			}
			if i > 0 && f.key > p.cands[i-1].key {
				t.Errorf("%s: candidate %d %s key %v above the one before, %v", name, i, f.code, f.key, p.cands[i-1].key)
			}
		}
	}
}

// TestFitRankerRecovers fits the ranker on queries drawn from a known
// conditional logit and checks that the weights come back.
func TestFitRankerRecovers(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var truth rankModel
	for i := range truth.Weights {
		truth.Weights[i] = float64(i%3) + 1
	}
	var rows []rankRow
	for range 3000 {
		row := rankRow{w: 1, x: make([][numRankInputs]float64, 8)}
		u := make([]float64, len(row.x))
		z := 0.0
		for i := range row.x {
			for j := range row.x[i] {
				row.x[i][j] = r.Float64()
			}
			u[i] = math.Exp(truth.utility(&row.x[i]))
			z += u[i]
		}
		// Draw the chosen candidate from the model's probabilities.
		v := r.Float64() * z
		for i := range u {
			if v -= u[i]; v <= 0 || i == len(u)-1 {
				row.y = i
				break
			}
		}
		rows = append(rows, row)
	}
	o := rankFitOptions{adWeight: 1, lambda: 0}
	for i := range o.use {
		o.use[i] = true
	}
	got := fitRanker(rows, o)
	t.Logf("fitted %.3f, true %.1f", got.Weights, truth.Weights)
	for i, w := range got.Weights {
		if math.Abs(w-truth.Weights[i]) > 0.4 {
			t.Errorf("weight %d = %.3f, want about %.1f", i, w, truth.Weights[i])
		}
	}
}
