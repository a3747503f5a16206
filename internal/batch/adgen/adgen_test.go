package adgen

import (
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	a, b := New(7), New(7)
	for i := range 1000 {
		x, y := a.Next(20), b.Next(20)
		if x != y {
			t.Fatalf("ad %d differs for the same seed: %+v vs %+v", i, x, y)
		}
	}
}

func TestAds(t *testing.T) {
	g := New(1)
	titles := map[string]int{}
	cc := 0
	const n = 20000
	for i := range n {
		ad := g.Next(150)
		if ad.Title == "" || strings.ContainsAny(ad.Title, "\n\r\t") {
			t.Fatalf("ad %d has title %q", i, ad.Title)
		}
		if w := len(strings.Fields(ad.Description)); w < 150 || w > 200 {
			t.Fatalf("ad %d has a description of %d words, want about 150", i, w)
		}
		titles[ad.Title]++
		l := strings.ToLower(ad.Title)
		if strings.Contains(l, "call") || strings.Contains(l, "contact") || strings.Contains(l, "customer") {
			cc++
		}
	}
	// A realistic mix: many distinct titles, some very common, call-centre
	// titles a minority.
	if len(titles) < n/10 || len(titles) > n*3/4 {
		t.Errorf("%d distinct titles in %d ads, want between %d and %d", len(titles), n, n/10, n*3/4)
	}
	if cc < n/20 || cc > n/2 {
		t.Errorf("%d call-centre-like titles in %d ads, want between %d and %d", cc, n, n/20, n/2)
	}
	if ad := g.Next(0); ad.Description != "" {
		t.Errorf("Next(0) has description %q, want none", ad.Description)
	}
}

func TestDistinct(t *testing.T) {
	g := NewDistinct(1)
	seen := map[string]bool{}
	const n = 50000
	for i := range n {
		ad := g.Next(0)
		if seen[ad.Title] {
			t.Fatalf("ad %d repeats the title %q", i, ad.Title)
		}
		seen[ad.Title] = true
	}
	if a, b := NewDistinct(3).Next(0), NewDistinct(3).Next(0); a != b {
		t.Errorf("NewDistinct(3) gives %+v then %+v, want the same ad", a, b)
	}
}
