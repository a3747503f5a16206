package index_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

// One corpus has one SHA-256 however it is loaded: the embedded copy, the
// same corpus written out differently (indented otherwise, with a byte
// order mark) and given as a file, and a persisted index of it. A corpus
// that says something else has another.
func TestCorpusSHA256OneForEachLoading(t *testing.T) {
	embedded, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	data, err := embedded.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&compact, data); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "corpus.json")
	if err := os.WriteFile(file, append([]byte("\ufeff"), compact.Bytes()...), 0o644); err != nil {
		t.Fatal(err)
	}
	fromFile, err := corpus.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ixDir := filepath.Join(dir, "anzsco.idx")
	if err := index.Write(fromFile, ixDir, "test"); err != nil {
		t.Fatal(err)
	}
	persisted, err := index.Open(ixDir)
	if err != nil {
		t.Fatal(err)
	}
	defer persisted.Close()
	mem, err := index.Build(fromFile)
	if err != nil {
		t.Fatal(err)
	}
	want := embedded.SHA256()
	for _, got := range []struct{ how, sha string }{
		{"a file written compactly with a byte order mark", fromFile.SHA256()},
		{"an index built in memory from that file", mem.Info().SHA256},
		{"a persisted index", persisted.Info().SHA256},
		{"the corpus of the persisted index", persisted.Corpus().SHA256()},
	} {
		if got.sha != want {
			t.Errorf("SHA-256 loaded from %s = %s, embedded %s", got.how, got.sha, want)
		}
	}

	other := bytes.Replace(compact.Bytes(), []byte(`"version":"`), []byte(`"version":"x`), 1)
	oc, err := corpus.Load(bytes.NewReader(other), "other")
	if err != nil {
		t.Fatal(err)
	}
	if oc.SHA256() == want {
		t.Errorf("a corpus with another version has the same SHA-256 %s", want)
	}
}
