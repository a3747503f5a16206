package eval_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
	"github.com/anzsco/anzsco/internal/eval"
)

func TestWriteJSONAndText(t *testing.T) {
	rows, f := fixture()
	outs := eval.Run(f, rows)
	rep := eval.Summarise(outs)
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	src := eval.Source{File: "labelled.csv", Corpus: c, Info: index.CorpusInfo{Version: "test-1"}}

	var buf bytes.Buffer
	if err := eval.WriteJSON(&buf, src, rep, outs, map[string]int{"261111": 2}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		File     string `json:"file"`
		Accuracy float64
		Misses   []struct {
			Line  int    `json:"line"`
			Title string `json:"title"`
			Label string `json:"label"`
			Got   string `json:"got"`
		} `json:"misses"`
		Ambiguous *struct {
			Rows []json.RawMessage `json:"rows"`
		} `json:"ambiguous"`
		Relabelled map[string]int `json:"relabelled_outside"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("WriteJSON wrote invalid JSON: %v\n%s", err, buf.String())
	}
	if got.File != "labelled.csv" || got.Accuracy != rep.Accuracy || len(got.Misses) != len(rep.Misses) || got.Relabelled["261111"] != 2 {
		t.Errorf("WriteJSON = file %q, accuracy %v, %d misses, relabelled %v; want %q, %v, %d, 261111:2",
			got.File, got.Accuracy, len(got.Misses), got.Relabelled, src.File, rep.Accuracy, len(rep.Misses))
	}
	if got.Ambiguous == nil || len(got.Ambiguous.Rows) != rep.Ambiguous.N {
		t.Errorf("WriteJSON ambiguous = %+v, want %d rows", got.Ambiguous, rep.Ambiguous.N)
	}
	for i, m := range got.Misses {
		if w := rep.Misses[i]; m.Line != w.Row.Line || m.Title != w.Row.Title || m.Got != w.Got {
			t.Errorf("miss %d = %+v, want line %d %q got %q", i, m, w.Row.Line, w.Row.Title, w.Got)
		}
	}

	buf.Reset()
	if err := eval.WriteText(&buf, src, rep, outs, 1); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	for _, want := range []string{"anzsco eval labelled.csv: ", "corpus test-1", "Accuracy: ", "Misses (", "--max-misses 0 lists all", "Expected calibration error (ECE): ", "Ambiguous rows ("} {
		if !strings.Contains(text, want) {
			t.Errorf("WriteText output lacks %q:\n%s", want, text)
		}
	}
}
