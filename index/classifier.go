package index

import "github.com/anzsco/anzsco/corpus"

// Classifier is what the batch pipeline, the HTTP server and the CV reader
// depend on. *Index implements it; tests may use a fake.
type Classifier interface {
	Classify(q Query) (*Result, error)
	Corpus() *corpus.Corpus
}
