package index

import "testing"

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
