package server

import (
	"reflect"
	"testing"

	"github.com/anzsco/anzsco/index"
)

// TestCacheKey checks that queries that may get different results have
// different keys: every field of index.Query is in the key.
func TestCacheKey(t *testing.T) {
	base := index.Query{Text: "agent", Description: "calls", Top: 3, MinConfidence: 0.5}
	if n := reflect.TypeOf(base).NumField(); n != 5 {
		t.Fatalf("index.Query has %d fields, cacheKey knows 5: add the new one to the key", n)
	}
	variants := []index.Query{base,
		{Text: "agent2", Description: "calls", Top: 3, MinConfidence: 0.5},
		{Text: "agent", Description: "calls2", Top: 3, MinConfidence: 0.5},
		{Text: "agent", Description: "calls", Top: 4, MinConfidence: 0.5},
		{Text: "agent", Description: "calls", Top: 3, Explain: true, MinConfidence: 0.5},
		{Text: "agent", Description: "calls", Top: 3, MinConfidence: 0.25},
		{Text: "agent\x00calls", Top: 3, MinConfidence: 0.5},
	}
	seen := map[string]int{}
	for i, q := range variants {
		k := cacheKey(q)
		if j, ok := seen[k]; ok {
			t.Errorf("queries %d and %d have the same key %q", j, i, k)
		}
		seen[k] = i
	}
	if cacheKey(base) != cacheKey(base) {
		t.Errorf("the key of a query changes")
	}
}
