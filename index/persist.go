package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/anzsco/anzsco/corpus"
)

// FormatVersion is the layout of a persisted index directory. It changes
// when the documents, fields or analyzers change; an index of another
// version is refused with the command that rebuilds it.
const FormatVersion = 2

// A persisted index is a directory holding
//
//	anzsco-index.json  the manifest (format version, analyzers, corpus identity)
//	corpus.json        the corpus the index was built from
//	bleve/             the bleve (scorch) index
const (
	manifestFile = "anzsco-index.json"
	corpusFile   = "corpus.json"
	bleveDir     = "bleve"
)

// Manifest describes a persisted index.
type Manifest struct {
	Format    int      `json:"format"`
	Analyzers []string `json:"analyzers"`
	// Fingerprint identifies the analysis the index was built with: the
	// corpus's lexicons and the terms of a fixed word list. An index whose
	// fingerprint differs from the one this anzsco computes for its
	// corpus holds terms that queries would no longer produce.
	Fingerprint string     `json:"fingerprint"`
	Corpus      CorpusInfo `json:"corpus"`
	Built       time.Time  `json:"built"`
	Tool        string     `json:"tool"`
}

// ErrCorrupt is wrapped by errors about unreadable or foreign index
// directories; ErrIncompatible by those about indexes of another format.
var (
	ErrCorrupt      = errors.New("not a readable anzsco index")
	ErrIncompatible = errors.New("index format not supported")
)

// Write builds a persisted index of c in dir. It builds beside dir and
// renames the result into place, so an interrupted build never leaves a
// half-written index and an existing index at dir stays usable until the
// new one replaces it.
func Write(c *corpus.Corpus, dir, tool string) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("index %s: exists and is not a directory", dir)
		}
		if _, err := os.Stat(filepath.Join(dir, manifestFile)); err != nil {
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				return fmt.Errorf("index %s: exists, is not empty and is not an anzsco index; refusing to replace it", dir)
			}
		}
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".building-")
	if err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	data, err := c.Marshal()
	if err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	if err := os.WriteFile(filepath.Join(tmp, corpusFile), data, 0o644); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	// The corpus is re-read from what was written, so the SHA-256 recorded
	// is that of corpus.json.
	wc, err := corpus.LoadFile(filepath.Join(tmp, corpusFile))
	if err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	an, err := analyserFor(wc)
	if err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	bi, err := bleve.NewUsing(filepath.Join(tmp, bleveDir), newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return fmt.Errorf("index %s: creating: %w", dir, err)
	}
	if err := fill(bi, wc, an); err != nil {
		bi.Close()
		return fmt.Errorf("index %s: %w", dir, err)
	}
	if err := bi.Close(); err != nil {
		return fmt.Errorf("index %s: closing: %w", dir, err)
	}
	m := Manifest{Format: FormatVersion, Analyzers: []string{TermsAnalyzer}, Fingerprint: an.Fingerprint(),
		Corpus: CorpusInfo{Version: wc.Version, SHA256: wc.SHA256()}, Built: time.Now().UTC().Truncate(time.Second), Tool: tool}
	mdata, _ := json.MarshalIndent(m, "", "  ")
	if err := writeSync(filepath.Join(tmp, manifestFile), mdata); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	// Swap: the old index (if any) moves aside, the new one moves in.
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("index %s: moving the old index aside: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("index %s: %w", dir, err)
	}
	ok = true
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

func writeSync(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ReadManifest reads the manifest of the index in dir.
func ReadManifest(dir string) (*Manifest, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("index %s: no such directory (build one with 'anzsco index build --out %s')", dir, dir)
		}
		return nil, fmt.Errorf("index %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("index %s: %w: not a directory", dir, ErrCorrupt)
	}
	data, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		return nil, fmt.Errorf("index %s: %w: no %s (build an index with 'anzsco index build --out DIR' into a new or empty directory)", dir, ErrCorrupt, manifestFile)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil || m.Format == 0 {
		return nil, fmt.Errorf("index %s: %w: %s is damaged (rebuild with 'anzsco index build --out %s')", dir, ErrCorrupt, manifestFile, dir)
	}
	if m.Format != FormatVersion {
		return nil, fmt.Errorf("index %s: %w: it has format %d and this anzsco reads format %d; rebuild it with 'anzsco index build --out %s'", dir, ErrIncompatible, m.Format, FormatVersion, dir)
	}
	return &m, nil
}

// Open opens a persisted index read-only. Several processes may open the
// same index at once.
func Open(dir string) (ix *Index, err error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	c, err := corpus.LoadFile(filepath.Join(dir, corpusFile))
	if err != nil {
		return nil, fmt.Errorf("index %s: %w: %v", dir, ErrCorrupt, err)
	}
	if c.SHA256() != m.Corpus.SHA256 {
		return nil, fmt.Errorf("index %s: %w: corpus.json does not match the manifest (rebuild with 'anzsco index build --out %s')", dir, ErrCorrupt, dir)
	}
	an, err := analyserFor(c)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w: %v", dir, ErrCorrupt, err)
	}
	if fp := an.Fingerprint(); fp != m.Fingerprint {
		return nil, fmt.Errorf("index %s: %w: it was built with another analysis (fingerprint %s, this anzsco %s); rebuild it with 'anzsco index build --out %s'", dir, ErrIncompatible, m.Fingerprint, fp, dir)
	}
	// bleve can panic on some damaged files; turn that into an error.
	defer func() {
		if r := recover(); r != nil {
			ix, err = nil, fmt.Errorf("index %s: %w: %v (rebuild with 'anzsco index build --out %s')", dir, ErrCorrupt, r, dir)
		}
	}()
	bi, err := bleve.OpenUsing(filepath.Join(dir, bleveDir), map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("index %s: %w: %v (rebuild with 'anzsco index build --out %s')", dir, ErrCorrupt, err, dir)
	}
	// One document per occupation: fewer means bleve skipped a damaged
	// segment.
	n, err := bi.DocCount()
	if err != nil || n != uint64(docCount(c)) {
		bi.Close()
		return nil, fmt.Errorf("index %s: %w: the bleve index holds %d of the corpus's %d documents (rebuild with 'anzsco index build --out %s')", dir, ErrCorrupt, n, docCount(c), dir)
	}
	ix, err = newIndex(bi, c, an)
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("index %s: %w", dir, err)
	}
	ix.dir = dir
	return ix, nil
}
