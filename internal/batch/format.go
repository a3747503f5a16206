package batch

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// Format is an input or output format.
type Format string

// The formats. TSV is CSV with tabs: quoting follows the same rules. XLSX
// is an Excel workbook: one worksheet is read, and output is one worksheet
// with the columns of CSV output.
const (
	CSV   Format = "csv"
	TSV   Format = "tsv"
	JSONL Format = "jsonl"
	XLSX  Format = "xlsx"
)

// ParseFormat reads a format name as given on the command line: csv, tsv,
// jsonl or ndjson (the same as jsonl), or xlsx, in any case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv":
		return CSV, nil
	case "tsv":
		return TSV, nil
	case "jsonl", "ndjson":
		return JSONL, nil
	case "xlsx":
		return XLSX, nil
	}
	return "", fmt.Errorf("unknown format %q: want csv, tsv, jsonl or xlsx", s)
}

// FormatOf returns the format a file name implies by its extension (.csv,
// .tsv, .jsonl, .ndjson, each optionally followed by .gz; .xlsx, .xlsm),
// and whether the name says the file is gzip-compressed. The format is
// empty when the extension names none.
func FormatOf(name string) (f Format, gz bool) {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".gz" {
		gz = true
		name = name[:len(name)-len(ext)]
		ext = strings.ToLower(filepath.Ext(name))
	}
	switch ext {
	case ".csv":
		f = CSV
	case ".tsv", ".tab":
		f = TSV
	case ".jsonl", ".ndjson":
		f = JSONL
	case ".xlsx", ".xlsm":
		f = XLSX
	}
	return f, gz
}

// Shard selects every N-th data row starting at row K (0-based), so that N
// independent runs together cover the input exactly once. The zero Shard
// selects every row.
type Shard struct {
	K, N int
}

// ParseShard reads "K/N" with 0 <= K < N.
func ParseShard(s string) (Shard, error) {
	ks, ns, ok := strings.Cut(s, "/")
	var sh Shard
	if ok {
		var err1, err2 error
		sh.K, err1 = strconv.Atoi(ks)
		sh.N, err2 = strconv.Atoi(ns)
		ok = err1 == nil && err2 == nil
	}
	switch {
	case !ok:
		return Shard{}, fmt.Errorf("shard %q: want K/N, e.g. 0/4", s)
	case sh.N < 1:
		return Shard{}, fmt.Errorf("shard %q: N must be at least 1", s)
	case sh.K < 0 || sh.K >= sh.N:
		return Shard{}, fmt.Errorf("shard %q: K must be from 0 to N-1 (%d)", s, sh.N-1)
	}
	return sh, nil
}

// Has reports whether the 1-based data row belongs to the shard.
func (s Shard) Has(row int) bool {
	return s.N <= 1 || (row-1)%s.N == s.K
}

func (s Shard) String() string {
	if s.N <= 1 {
		return "0/1"
	}
	return fmt.Sprintf("%d/%d", s.K, s.N)
}
