package index_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/index"
)

func writeDefault(t *testing.T, dir string) {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := index.Write(c, dir, "test"); err != nil {
		t.Fatal(err)
	}
}

func TestWriteOpenRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "anzsco.idx")
	writeDefault(t, dir)
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	mem := defaultIndex(t)
	for _, s := range benchTitles {
		a, _ := ix.Classify(index.Query{Text: s})
		b, _ := mem.Classify(index.Query{Text: s})
		if a.Code != b.Code || a.Confidence != b.Confidence {
			t.Errorf("%q: persisted %s %.4f, in memory %s %.4f", s, a.Code, a.Confidence, b.Code, b.Confidence)
		}
	}
	if ix.Dir() != dir {
		t.Errorf("Dir() = %q, want %q", ix.Dir(), dir)
	}
	// Rebuilding over an existing index replaces it.
	writeDefault(t, dir)
	ix2, err := index.Open(dir)
	if err != nil {
		t.Fatalf("reopen after rebuild: %v", err)
	}
	ix2.Close()
}

func TestOpenErrors(t *testing.T) {
	base := t.TempDir()
	good := filepath.Join(base, "good.idx")
	writeDefault(t, good)
	copyDir := func(name string) string {
		dst := filepath.Join(base, name)
		if err := exec.Command("cp", "-r", good, dst).Run(); err != nil {
			t.Fatal(err)
		}
		return dst
	}
	notDir := filepath.Join(base, "file")
	os.WriteFile(notDir, []byte("x"), 0o644)
	empty := filepath.Join(base, "empty")
	os.Mkdir(empty, 0o755)

	badManifest := copyDir("badmanifest")
	os.WriteFile(filepath.Join(badManifest, "anzsco-index.json"), []byte("{garbage"), 0o644)

	oldFormat := copyDir("oldformat")
	m, _ := index.ReadManifest(oldFormat)
	m.Format = 99
	data, _ := json.Marshal(m)
	os.WriteFile(filepath.Join(oldFormat, "anzsco-index.json"), data, 0o644)

	changedCorpus := copyDir("changedcorpus")
	os.WriteFile(filepath.Join(changedCorpus, "corpus.json"), []byte(`{"version":"x","occupations":[{"code":"541111","scope":"target","text":{"en":{"title":"x"}}}]}`), 0o644)

	noBleve := copyDir("nobleve")
	os.RemoveAll(filepath.Join(noBleve, "bleve"))

	corruptBleve := copyDir("corruptbleve")
	filepath.Walk(filepath.Join(corruptBleve, "bleve"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			os.WriteFile(p, []byte("not a bleve file"), 0o644)
		}
		return nil
	})

	tests := []struct {
		dir, want string
		is        error
	}{
		{filepath.Join(base, "missing"), "no such directory", nil},
		{notDir, "not a directory", index.ErrCorrupt},
		{empty, "no anzsco-index.json", index.ErrCorrupt},
		{badManifest, "anzsco-index.json is damaged", index.ErrCorrupt},
		{oldFormat, "format 99", index.ErrIncompatible},
		{changedCorpus, "corpus.json does not match", index.ErrCorrupt},
		{noBleve, "rebuild", index.ErrCorrupt},
		{corruptBleve, "rebuild", index.ErrCorrupt},
	}
	for _, tt := range tests {
		ix, err := index.Open(tt.dir)
		if err == nil {
			ix.Close()
			t.Errorf("Open(%s) = nil error, want %q", filepath.Base(tt.dir), tt.want)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.want) || !strings.Contains(msg, tt.dir) || strings.Contains(msg, "\n") {
			t.Errorf("Open(%s) error = %q, want one line naming the directory and %q", filepath.Base(tt.dir), msg, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("Open(%s): errors.Is(%v) = false", filepath.Base(tt.dir), tt.is)
		}
		if tt.is == index.ErrIncompatible && !strings.Contains(msg, "anzsco index build --out") {
			t.Errorf("Open(%s) error %q does not give the command that rebuilds it", filepath.Base(tt.dir), msg)
		}
	}
}

func TestWriteRefusesForeignDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "precious.txt"), []byte("keep me"), 0o644)
	c, _ := corpus.Default()
	err := index.Write(c, dir, "test")
	if err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Errorf("Write over a foreign directory = %v, want a refusal", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "precious.txt")); string(data) != "keep me" {
		t.Error("Write touched a foreign directory")
	}
}

// largeCorpus makes a corpus big enough that writing its index takes a
// while, so that a build can be killed part-way.
func largeCorpus(n int) *corpus.Corpus {
	c := &corpus.Corpus{Version: "large", Name: "large"}
	for i := 0; i < n; i++ {
		scope := corpus.Contrast
		if i == 0 {
			scope = corpus.Target
		}
		var alts []string
		for k := 0; k < 20; k++ {
			alts = append(alts, fmt.Sprintf("Alternative title %d for occupation %d worker", k, i))
		}
		c.Occupations = append(c.Occupations, corpus.Occupation{
			Code: fmt.Sprintf("%06d", 100000+i), Scope: scope,
			Text: map[string]*corpus.Text{"en": {Title: fmt.Sprintf("Occupation %d specialist", i), AlternativeTitles: alts,
				Description: strings.Repeat(fmt.Sprintf("work of kind %d ", i), 30)}},
		})
	}
	return c
}

// TestBuildKilledKeepsOldIndex kills 'index.Write' with SIGKILL part-way
// (in a child process) and checks that the index already in place still
// opens and answers.
func TestBuildKilledKeepsOldIndex(t *testing.T) {
	if dir := os.Getenv("ANZSCO_TEST_KILL_BUILD"); dir != "" {
		c := largeCorpus(20000)
		if err := c.Validate(); err != nil {
			panic(err)
		}
		fmt.Println("building")
		index.Write(c, dir, "killed")
		os.Exit(0)
	}
	dir := filepath.Join(t.TempDir(), "anzsco.idx")
	writeDefault(t, dir)

	cmd := exec.Command(os.Args[0], "-test.run=^TestBuildKilledKeepsOldIndex$")
	cmd.Env = append(os.Environ(), "ANZSCO_TEST_KILL_BUILD="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the child's build directory appears, then kill it.
	deadline := time.Now().Add(60 * time.Second)
	for {
		matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".anzsco.idx.building-*"))
		if len(matches) > 0 {
			time.Sleep(50 * time.Millisecond)
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child never started building")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	err := cmd.Wait()
	if err == nil {
		t.Skip("the child finished before it could be killed; machine too fast for this corpus size")
	}

	ix, err := index.Open(dir)
	if err != nil {
		t.Fatalf("old index after a killed build: %v", err)
	}
	defer ix.Close()
	r, err := ix.Classify(index.Query{Text: "Contact Center Supervisor"})
	if err != nil || r.Code != "541111" {
		t.Errorf("old index after a killed build answers %+v, %v", r, err)
	}
	// A later build still succeeds beside the leftovers.
	writeDefault(t, dir)
}
