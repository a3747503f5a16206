package index

import (
	"sync"
	"testing"
)

// TestTitleWordShare checks that titles of the corpus read as titles and
// employers and places do not.
func TestTitleWordShare(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		in       string
		min, max float64
	}{
		{"Contact Centre Team Leader", 1, 1},
		{"Operadora de Telemarketing", 1, 1},
		{"Northwind Utilities", 0, 0},
		{"Porto Alegre", 0, 0},
		{"Acme Contact Centre Pty Ltd", 0.2, 0.6},
		{"2019", 0, 0},
		{"", 0, 0},
	}
	for _, tt := range tests {
		if got := ix.TitleWordShare(tt.in); got < tt.min || got > tt.max {
			t.Errorf("TitleWordShare(%q) = %.2f, want between %.2f and %.2f", tt.in, got, tt.min, tt.max)
		}
	}
}

// TestTitleHead checks that a line ending (English) or starting
// (Portuguese) with the head word of a title of the corpus reads as one.
func TestTitleHead(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		in   string
		want bool
	}{
		{"Contact Centre Team Leader", true},
		{"Call Centre Operator (Inbound)", true},
		{"Operadora de Telemarketing Receptivo", true},
		{"Acme Contact Centre", false},
		{"Northwind Utilities", false},
		{"2019 – 2021", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ix.TitleHead(tt.in); got != tt.want {
			t.Errorf("TitleHead(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestTitleHeadConcurrent checks that the head words, computed on first
// use, are safe to ask for from many goroutines at once.
func TestTitleHeadConcurrent(t *testing.T) {
	ix := testIndex(t)
	var wg sync.WaitGroup
	got := make([]bool, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = ix.TitleHead("Call Centre Team Leader") && ix.TitleWordShare("Team Leader") == 1
		}()
	}
	wg.Wait()
	for i, ok := range got {
		if !ok {
			t.Errorf("goroutine %d: TitleHead or TitleWordShare of a team leader title wrong under concurrency", i)
		}
	}
}
