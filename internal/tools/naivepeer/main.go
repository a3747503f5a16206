package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"

	"github.com/anzsco/anzsco/corpus"
)

func main() {
	scope := flag.String("scope", corpus.DefaultName, "the built-in corpus to index")
	column := flag.String("column", "title", "the CSV column holding the title")
	lines := flag.Bool("lines", false, "read one title per line and write JSON Lines")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "titles searched at once")
	serveAddr := flag.String("serve", "", "answer HTTP requests on this loopback address instead")
	flag.Parse()
	if *serveAddr != "" {
		if err := serve(*scope, *serveAddr); err != nil {
			fmt.Fprintln(os.Stderr, "naivepeer:", err)
			os.Exit(1)
		}
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: naivepeer [-scope NAME] [-lines] [-workers N] FILE|-")
		os.Exit(2)
	}
	if err := run(*scope, *column, *lines, max(1, *workers), flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "naivepeer:", err)
		os.Exit(1)
	}
}

func run(scope, column string, lines bool, workers int, path string) error {
	ix, err := build(scope)
	if err != nil {
		return err
	}
	defer ix.Close()
	in := os.Stdin
	if path != "-" {
		if in, err = os.Open(path); err != nil {
			return err
		}
		defer in.Close()
	}
	next, err := reader(in, column, lines)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(os.Stdout, 64<<10)
	defer w.Flush()
	if !lines {
		fmt.Fprintln(w, "row,code")
	}
	const chunk = 1024
	titles := make([]string, 0, chunk)
	codes := make([]string, chunk)
	row := 0
	for done := false; !done; {
		titles = titles[:0]
		for len(titles) < chunk {
			t, err := next()
			if err == io.EOF {
				done = true
				break
			}
			if err != nil {
				return err
			}
			titles = append(titles, t)
		}
		if err := searchAll(ix, titles, codes, workers); err != nil {
			return err
		}
		for i, t := range titles {
			row++
			if lines {
				data, _ := json.Marshal(struct {
					Input string `json:"input"`
					Code  string `json:"code"`
				}{t, codes[i]})
				w.Write(append(data, '\n'))
			} else {
				fmt.Fprintf(w, "%d,%s\n", row, codes[i])
			}
		}
	}
	return nil
}

// serve answers GET /v1/classify?q=TITLE with the top hit's code.
func serve(scope, addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-serve %s: only a loopback address is allowed", addr)
	}
	ix, err := build(scope)
	if err != nil {
		return err
	}
	defer ix.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "{\"addr\":%q}\n", ln.Addr().String())
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/classify", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query().Get("q")
		if strings.TrimSpace(q) == "" {
			http.Error(w, "empty q", http.StatusBadRequest)
			return
		}
		code, err := search(ix, q)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(struct {
			Input string `json:"input"`
			Code  string `json:"code"`
		}{q, code})
	})
	return http.Serve(ln, mux)
}

// build indexes the English text of every occupation of the corpus.
func build(scope string) (bleve.Index, error) {
	c, err := corpus.Builtin(scope)
	if err != nil {
		return nil, err
	}
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = "en"
	ix, err := bleve.NewMemOnly(m)
	if err != nil {
		return nil, err
	}
	b := ix.NewBatch()
	for _, o := range c.Occupations {
		t := o.Text["en"]
		if t == nil {
			continue
		}
		titles := append([]string{t.Title}, t.AlternativeTitles...)
		titles = append(titles, t.Specialisations...)
		titles = append(titles, t.EverydayTitles...)
		doc := map[string]string{
			"title": strings.Join(titles, ". "),
			"text":  t.Description + " " + strings.Join(t.Tasks, " "),
		}
		if err := b.Index(o.Code, doc); err != nil {
			return nil, err
		}
	}
	return ix, ix.Batch(b)
}

// searchAll puts the top hit's code for titles[i] in codes[i].
func searchAll(ix bleve.Index, titles, codes []string, workers int) error {
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < len(titles); i += workers {
				codes[i] = ""
				if strings.TrimSpace(titles[i]) == "" {
					continue
				}
				code, err := search(ix, titles[i])
				if err != nil {
					errs[k] = err
					return
				}
				codes[i] = code
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// search returns the code of the top hit of a match query, or "".
func search(ix bleve.Index, title string) (string, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(title), 1, 0, false)
	res, err := ix.Search(req)
	if err != nil || len(res.Hits) == 0 {
		return "", err
	}
	return res.Hits[0].ID, nil
}

// reader returns a function that gives the next title.
func reader(in io.Reader, column string, lines bool) (func() (string, error), error) {
	if lines {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		return func() (string, error) {
			if sc.Scan() {
				return sc.Text(), nil
			}
			if err := sc.Err(); err != nil {
				return "", err
			}
			return "", io.EOF
		}, nil
	}
	cr := csv.NewReader(bufio.NewReaderSize(in, 64<<10))
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading the header: %w", err)
	}
	col := -1
	for i, h := range header {
		if h == column {
			col = i
		}
	}
	if col < 0 {
		return nil, fmt.Errorf("no column %q in the header", column)
	}
	return func() (string, error) {
		rec, err := cr.Read()
		if err != nil {
			return "", err
		}
		return rec[col], nil
	}, nil
}
