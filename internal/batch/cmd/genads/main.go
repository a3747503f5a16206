package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/anzsco/anzsco/internal/batch/adgen"
)

func main() {
	rows := flag.Int("rows", 1000, "number of ads")
	words := flag.Int("words", 0, "words per description (0: no description column)")
	format := flag.String("format", "csv", "output format: csv or jsonl")
	seed := flag.Uint64("seed", 1, "random seed (the same seed gives the same ads)")
	distinct := flag.Bool("distinct", false, "make every title distinct: a made-up word before each")
	flag.Parse()
	if err := run(*rows, *words, *format, *seed, *distinct); err != nil {
		fmt.Fprintln(os.Stderr, "genads:", err)
		os.Exit(1)
	}
}

func run(rows, words int, format string, seed uint64, distinct bool) error {
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	g := adgen.New(seed)
	if distinct {
		g = adgen.NewDistinct(seed)
	}
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		header := []string{"id", "title"}
		if words > 0 {
			header = append(header, "description")
		}
		cw.Write(header)
		for range rows {
			ad := g.Next(words)
			rec := []string{ad.ID, ad.Title}
			if words > 0 {
				rec = append(rec, ad.Description)
			}
			cw.Write(rec)
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	case "jsonl":
		enc := json.NewEncoder(w)
		for range rows {
			ad := g.Next(words)
			obj := map[string]string{"id": ad.ID, "title": ad.Title}
			if words > 0 {
				obj["description"] = ad.Description
			}
			if err := enc.Encode(obj); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("unknown format %q: want csv or jsonl", format)
	}
	return w.Flush()
}
