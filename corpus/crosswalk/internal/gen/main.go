package main

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/anzsco/anzsco/corpus/abs/abstest"
	"github.com/anzsco/anzsco/corpus/crosswalk"
	"github.com/anzsco/anzsco/internal/atomicfile"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	shared := flag.String("shared", "../../../shared/crosswalks", "the shared crosswalks directory")
	absDir := flag.String("abs", "../../../shared/abs", "the directory of the ABS workbooks (the index of titles)")
	out := flag.String("out", "data/pt-titles.tsv.gz", "the file to write")
	outEN := flag.String("out-en", "data/en-titles.tsv.gz", "the file of English titles to write")
	flag.Parse()
	src, err := crosswalk.LoadSources(*shared)
	if err != nil {
		return err
	}
	if src.ANZSCOTitles, err = crosswalk.ReadANZSCOTitlesFile(filepath.Join(*absDir, abstest.TitlesFile)); err != nil {
		return err
	}
	titles, st, err := crosswalk.PortugueseTitles(src)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := crosswalk.WriteGzipTSV(&buf, titles); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(*out, buf.Bytes()); err != nil {
		return err
	}
	en, err := crosswalk.EnglishTitles(src)
	if err != nil {
		return err
	}
	var enBuf bytes.Buffer
	if err := crosswalk.WriteGzipTSV(&enBuf, en); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(*outEN, enBuf.Bytes()); err != nil {
		return err
	}
	fmt.Printf("%s: %d English titles from ESCO, %d bytes\n", filepath.Base(*outEN), len(en), enBuf.Len())
	occs := src.Occupations()
	cov := crosswalk.CoverageOf(titles, occs)
	fmt.Printf("%s: %d titles, %d bytes\n", filepath.Base(*out), len(titles), buf.Len())
	printCounts("labels read", st.Labels)
	printCounts("titles kept", st.Titles)
	fmt.Printf("targets: occupation %d, unit group %d, minor group %d titles\n", st.Levels[6], st.Levels[4], st.Levels[3])
	fmt.Printf("ESCO occupations sent to the ANZSCO occupations their English label names: %d; CPP 2010 professions following them: %d\n", st.Pinned, st.PinnedCPP)
	fmt.Printf("dropped: generic %d, duplicate %d, no ISCO-08 %d, no ANZSCO %d, over %d minor groups %d, hidden labels not a spelling %d; spread over minor groups %d; CBO via family %d; CBO conversion rows without ISCO-88 %d\n",
		st.Generic, st.Duplicates, st.NoISCO08, st.NoANZSCO, crosswalk.MaxMinorGroups, st.TooWide, st.NotSpelling, st.Spread, st.CBOFamily, src.CBOSkipped)
	fmt.Printf("CBO labels whose path a correction of data/corrections.txt changed: %d; corrections: cbo %d, isco88 %d, main %d\n",
		st.Corrected, len(src.Corrections.CBO), len(src.Corrections.ISCO88), len(src.Corrections.Main))
	fmt.Printf("coverage of %d occupations: own %d, unit group %d, minor group %d, none %d %v\n",
		len(occs), cov.Occupation, cov.UnitGroup, cov.MinorGroup, len(cov.Missing), cov.Missing)
	return nil
}

func printCounts(what string, m map[string]int) {
	keys := slices.Sorted(maps.Keys(m))
	fmt.Printf("%s:\n", what)
	for _, k := range keys {
		fmt.Printf("  %-26s %6d\n", k, m[k])
	}
}
