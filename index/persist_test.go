package index_test

import (
	"crypto/sha256"
	"encoding/hex"
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

// generation returns the directory of the current generation of the
// index in dir.
func generation(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "CURRENT"))
	if err != nil {
		t.Fatal(err)
	}
	gen, _, _ := strings.Cut(string(data), " ")
	return filepath.Join(dir, gen)
}

// rewriteManifest changes the manifest of the index in dir and writes
// CURRENT with its new checksum, as a build would have.
func rewriteManifest(t *testing.T, dir string, change func(m map[string]any)) {
	t.Helper()
	gen := generation(t, dir)
	data, err := os.ReadFile(filepath.Join(gen, "anzsco-index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	change(m)
	data, _ = json.Marshal(m)
	os.WriteFile(filepath.Join(gen, "anzsco-index.json"), data, 0o644)
	sum := sha256.Sum256(data)
	os.WriteFile(filepath.Join(dir, "CURRENT"), []byte(filepath.Base(gen)+" "+hex.EncodeToString(sum[:])+"\n"), 0o644)
}

// damagedIndexes makes, under base, a persisted index damaged in each way
// Open must refuse, by name.
func damagedIndexes(t *testing.T, base string) map[string]string {
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

	badCurrent := copyDir("badcurrent")
	os.WriteFile(filepath.Join(badCurrent, "CURRENT"), []byte("../../etc 0000\n"), 0o644)

	badManifest := copyDir("badmanifest")
	os.WriteFile(filepath.Join(generation(t, badManifest), "anzsco-index.json"), []byte("{garbage"), 0o644)

	garbledManifest := copyDir("garbledmanifest")
	rewriteManifest(t, garbledManifest, func(m map[string]any) { m["files"] = "x" })

	oldFormat := copyDir("oldformat")
	rewriteManifest(t, oldFormat, func(m map[string]any) { m["format"] = 99 })

	formatOne := filepath.Join(base, "formatone")
	os.Mkdir(formatOne, 0o755)
	os.WriteFile(filepath.Join(formatOne, "anzsco-index.json"), []byte(`{"format":1}`), 0o644)

	changedCorpus := copyDir("changedcorpus")
	os.WriteFile(filepath.Join(generation(t, changedCorpus), "corpus.json"), []byte(`{"version":"x","occupations":[{"code":"541111","scope":"target","text":{"en":{"title":"x"}}}]}`), 0o644)

	noBleve := copyDir("nobleve")
	os.RemoveAll(filepath.Join(generation(t, noBleve), "bleve"))

	corruptBleve := copyDir("corruptbleve")
	filepath.Walk(filepath.Join(generation(t, corruptBleve), "bleve"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			os.WriteFile(p, []byte("not a bleve file"), 0o644)
		}
		return nil
	})

	added := copyDir("added")
	os.WriteFile(filepath.Join(generation(t, added), "bleve", "extra.zap"), []byte("x"), 0o644)

	return map[string]string{
		"notDir":          notDir,
		"empty":           empty,
		"badCurrent":      badCurrent,
		"badManifest":     badManifest,
		"garbledManifest": garbledManifest,
		"oldFormat":       oldFormat,
		"formatOne":       formatOne,
		"changedCorpus":   changedCorpus,
		"noBleve":         noBleve,
		"corruptBleve":    corruptBleve,
		"added":           added,
	}
}

func TestOpenErrors(t *testing.T) {
	base := t.TempDir()
	d := damagedIndexes(t, base)
	tests := []struct {
		dir, want string
		is        error
	}{
		{filepath.Join(base, "missing"), "no such directory", nil},
		{d["notDir"], "not a directory", index.ErrCorrupt},
		{d["empty"], "no CURRENT file", index.ErrCorrupt},
		{d["badCurrent"], "index corrupt: CURRENT is damaged", index.ErrCorrupt},
		{d["badManifest"], "index corrupt: anzsco-index.json does not match its checksum in CURRENT", index.ErrCorrupt},
		{d["garbledManifest"], "index corrupt: anzsco-index.json is damaged", index.ErrCorrupt},
		{d["oldFormat"], "format 99", index.ErrIncompatible},
		{d["formatOne"], "format 1", index.ErrIncompatible},
		{d["changedCorpus"], "index corrupt: corpus.json does not match its checksum", index.ErrCorrupt},
		{d["noBleve"], "index corrupt: bleve/", index.ErrCorrupt},
		{d["corruptBleve"], "does not match its checksum; rebuild it with 'anzsco index build --out", index.ErrCorrupt},
		{d["added"], "index corrupt: bleve/extra.zap is not part of the index", index.ErrCorrupt},
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
		matches, _ := filepath.Glob(filepath.Join(dir, ".building-*"))
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
	// A later build still succeeds beside the leftovers, and removes them.
	writeDefault(t, dir)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("index directory after a killed build and a new one holds %q, want CURRENT and one generation", names)
	}
}

// TestFlippedByte flips one byte of each file of an index in turn: every
// flip is found on open, as "index corrupt" naming the file.
func TestFlippedByte(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "anzsco.idx")
	writeDefault(t, dir)
	gen := generation(t, dir)
	var files []string
	filepath.Walk(gen, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && fi.Size() > 0 {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 3 {
		t.Fatalf("the index has %d files, want the manifest, the corpus and bleve's", len(files))
	}
	for _, p := range files {
		orig, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		flipped := append([]byte(nil), orig...)
		flipped[len(flipped)/2] ^= 0x01
		os.WriteFile(p, flipped, 0o644)
		rel, _ := filepath.Rel(gen, p)
		ix, err := index.Open(dir)
		if err == nil {
			ix.Close()
			t.Errorf("Open with one byte of %s flipped = nil error, want index corrupt", rel)
		} else if !errors.Is(err, index.ErrCorrupt) || !strings.Contains(err.Error(), "index corrupt: ") || !strings.Contains(err.Error(), "rebuild it") {
			t.Errorf("Open with one byte of %s flipped = %v, want index corrupt: ... rebuild it", rel, err)
		}
		os.WriteFile(p, orig, 0o644)
	}
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatalf("Open after every byte is put back = %v", err)
	}
	ix.Close()
}

// TestOtherCorpusRefused checks that the files of an index built from
// another corpus, put in place of the index's own, are refused.
func TestOtherCorpusRefused(t *testing.T) {
	base := t.TempDir()
	a, b := filepath.Join(base, "a.idx"), filepath.Join(base, "b.idx")
	writeDefault(t, a)
	if err := index.Write(largeCorpus(30), b, "test"); err != nil {
		t.Fatal(err)
	}
	ga, gb := generation(t, a), generation(t, b)
	for _, part := range []string{"bleve", "corpus.json"} {
		dst := filepath.Join(base, "mixed-"+part)
		if err := exec.Command("cp", "-r", a, dst).Run(); err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(dst, filepath.Base(ga), part)
		os.RemoveAll(target)
		if err := exec.Command("cp", "-r", filepath.Join(gb, part), target).Run(); err != nil {
			t.Fatal(err)
		}
		ix, err := index.Open(dst)
		if err == nil {
			ix.Close()
			t.Errorf("Open with the %s of another corpus's index = nil error, want it refused", part)
			continue
		}
		if !errors.Is(err, index.ErrCorrupt) || !strings.Contains(err.Error(), "index corrupt") {
			t.Errorf("Open with the %s of another corpus's index = %v, want index corrupt", part, err)
		}
	}
}

// TestNoMomentWithoutIndex rebuilds an index over and over while another
// goroutine opens it: every open finds a complete index.
func TestNoMomentWithoutIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "anzsco.idx")
	writeDefault(t, dir)
	c, _ := corpus.Default()
	done := make(chan error)
	go func() {
		var err error
		for i := 0; i < 5 && err == nil; i++ {
			err = index.Write(c, dir, "rebuild")
		}
		done <- err
	}()
	opens := 0
	for building := true; building; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("rebuild: %v", err)
			}
			building = false
		default:
		}
		ix, err := index.Open(dir)
		if err != nil {
			t.Fatalf("Open during a rebuild (after %d opens) = %v", opens, err)
		}
		ix.Close()
		opens++
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("after five rebuilds the index directory holds %d entries, want CURRENT and one generation", len(entries))
	}
	t.Logf("%d opens during five rebuilds", opens)
}
