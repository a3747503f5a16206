package batch

import "testing"

func TestFormatOf(t *testing.T) {
	tests := []struct {
		name string
		f    Format
		gz   bool
	}{
		{"ads.csv", CSV, false},
		{"ads.CSV", CSV, false},
		{"ads.csv.gz", CSV, true},
		{"dir.v2/ads.tsv", TSV, false},
		{"ads.tsv.GZ", TSV, true},
		{"ads.jsonl", JSONL, false},
		{"ads.ndjson.gz", JSONL, true},
		{"ads.txt", "", false},
		{"ads.gz", "", true},
		{"-", "", false},
	}
	for _, tt := range tests {
		f, gz := FormatOf(tt.name)
		if f != tt.f || gz != tt.gz {
			t.Errorf("FormatOf(%q) = %q, %v, want %q, %v", tt.name, f, gz, tt.f, tt.gz)
		}
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{
		{"csv", CSV, true}, {"TSV", TSV, true}, {"jsonl", JSONL, true}, {"ndjson", JSONL, true},
		{"json", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseFormat(%q) = %q, %v, want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseShard(t *testing.T) {
	tests := []struct {
		in   string
		want Shard
		ok   bool
	}{
		{"0/1", Shard{0, 1}, true},
		{"0/4", Shard{0, 4}, true},
		{"3/4", Shard{3, 4}, true},
		{"4/4", Shard{}, false},
		{"-1/4", Shard{}, false},
		{"1/0", Shard{}, false},
		{"1", Shard{}, false},
		{"a/b", Shard{}, false},
		{"1/2/3", Shard{}, false},
	}
	for _, tt := range tests {
		got, err := ParseShard(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseShard(%q) = %v, %v, want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestShardHas(t *testing.T) {
	// Every row belongs to exactly one of the N shards.
	for n := 1; n <= 5; n++ {
		for row := 1; row <= 20; row++ {
			in := 0
			for k := range n {
				if (Shard{k, n}).Has(row) {
					in++
				}
			}
			if in != 1 {
				t.Errorf("row %d is in %d of %d shards, want 1", row, in, n)
			}
		}
	}
	if !(Shard{}).Has(7) {
		t.Errorf("Shard{}.Has(7) = false, want true")
	}
	if got := []bool{(Shard{1, 3}).Has(1), (Shard{1, 3}).Has(2), (Shard{1, 3}).Has(5)}; got[0] || !got[1] || !got[2] {
		t.Errorf("Shard{1,3}.Has(1,2,5) = %v, want [false true true]", got)
	}
}
