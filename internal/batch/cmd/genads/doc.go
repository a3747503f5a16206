// Command genads writes synthetic job ads (see package adgen) as CSV with
// the columns id, title and description, or as JSON Lines, for benchmarks
// of 'anzsco batch'.
//
//	genads -rows 1000000 > titles.csv
//	genads -rows 1000000 -distinct > distinct.csv
//	genads -rows 100000 -words 150 -format jsonl | gzip > described.jsonl.gz
//
// It runs only when a developer asks (go generate or by hand), never when
// anzsco runs or its tests do, and no package may import it.
package main
