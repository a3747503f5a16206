// Command naivepeer is a baseline for benchmarks, not a classifier to use:
// the simplest coder of job titles one can build with bleve, to measure
// anzsco's speed against. It indexes the English facts of a built-in
// corpus (each occupation's titles, description and tasks as one document,
// analysed by bleve's default English analyzer), searches each title as a
// match query and answers the top hit's code, or nothing. It does no
// cleaning, no spelling correction, no calibration and no decision.
//
//	naivepeer FILE.csv > codes.csv                 # the "title" column, one code per row
//	naivepeer -lines - < titles.txt > codes.jsonl  # a title per line, JSON Lines out
//	naivepeer -serve 127.0.0.1:0                   # GET /v1/classify?q=TITLE over HTTP
//
// Rows are searched by -workers goroutines and written in input order.
// With -serve it answers GET /v1/classify?q=TITLE with {"input","code"} on
// a loopback address only (it refuses any other), logs the address it
// listens on as {"addr":"..."} on standard error, as 'anzsco serve' does,
// and runs until it is stopped.
//
// It is a tool for developers, run by hand: it is the one place outside
// package index that imports bleve, as a peer to measure against, and no
// package may import it.
package main
