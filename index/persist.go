package index

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/anzsco/anzsco/corpus"
	"github.com/anzsco/anzsco/internal/atomicfile"
)

// FormatVersion is the layout of a persisted index directory. It changes
// when the documents, fields or analyzers change, or the layout itself;
// an index of another version is refused with the command that rebuilds
// it. Format 2 added the CURRENT file and the checksums, format 3 the
// analysis done by the index itself with its fingerprint, and group
// documents.
const FormatVersion = 3

// A persisted index is a directory that holds generations, of which the
// CURRENT file names the one in use, as LevelDB's CURRENT names its
// manifest:
//
//	CURRENT               "<generation> <SHA-256 of its manifest>\n"
//	g-<id>/               a generation:
//	  anzsco-index.json   the manifest (format, analyzers, corpus identity,
//	                      and the SHA-256 of every other file)
//	  corpus.json         the corpus the index was built from
//	  bleve/              the bleve (scorch) index
//	.building-<id>/       a build in progress, or the litter of a killed one
//
// Write builds a generation in a .building- directory, renames it to its
// g- name, and then replaces CURRENT by renaming a new file over it: at
// every moment CURRENT names a complete generation, so a reader never
// finds the path without an index. Only then are the other generations
// and the litter of killed builds removed. Open checks the manifest
// against CURRENT and every file against the manifest.
const (
	currentFile  = "CURRENT"
	manifestFile = "anzsco-index.json"
	corpusFile   = "corpus.json"
	bleveDir     = "bleve"
	genPrefix    = "g-"
	buildPrefix  = ".building-"
)

// genName is the form of a generation's name, so that CURRENT cannot
// point outside the index directory.
var genName = regexp.MustCompile(`^g-[0-9a-f]{8,40}$`)

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
	// Files maps every file of the generation but the manifest (a path
	// with forward slashes) to its SHA-256, in hex.
	Files map[string]string `json:"files"`
}

// ErrCorrupt is wrapped by errors about unreadable or foreign index
// directories; ErrIncompatible by those about indexes of another format.
var (
	ErrCorrupt      = errors.New("not a readable anzsco index")
	ErrIncompatible = errors.New("index format not supported")
)

// corruptError is an index whose files do not match their checksums or
// each other: "index corrupt", with the command that rebuilds it.
type corruptError struct{ dir, what string }

func (e *corruptError) Error() string {
	return fmt.Sprintf("index %s: index corrupt: %s; rebuild it with 'anzsco index build --out %s'", e.dir, e.what, e.dir)
}

func (e *corruptError) Unwrap() error { return ErrCorrupt }

// Write builds a persisted index of c in dir, a new, empty or index
// directory, and makes it the current generation. An interrupted build
// never leaves a half-written index and never takes the old one away; the
// next build removes what it left. Two builds into one directory at once
// are not supported: the later removes the other's work.
func Write(c *corpus.Corpus, dir, tool string) error {
	dir = filepath.Clean(dir)
	if err := checkWritable(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(dir, buildPrefix)
	if err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	// MkdirTemp makes the directory private; an index is read by others
	// (a server's user) as the directory around it is.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	mdata, err := build(c, tmp, tool)
	if err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	gen, err := newGeneration()
	if err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, gen)); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	ok = true
	sum := sha256.Sum256(mdata)
	if err := atomicfile.WriteFile(filepath.Join(dir, currentFile), []byte(gen+" "+hex.EncodeToString(sum[:])+"\n")); err != nil {
		os.RemoveAll(filepath.Join(dir, gen))
		return fmt.Errorf("index %s: making the new index current: %w", dir, err)
	}
	atomicfile.SyncDir(dir)
	removeOthers(dir, gen)
	return nil
}

// checkWritable refuses a path that is a file, or a non-empty directory
// that is not an index (of this format or the one before).
func checkWritable(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil
	}
	if !fi.IsDir() {
		return fmt.Errorf("index %s: exists and is not a directory", dir)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) == 0 {
		return nil
	}
	for _, name := range []string{currentFile, manifestFile} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return nil
		}
	}
	return fmt.Errorf("index %s: exists, is not empty and is not an anzsco index; refusing to replace it", dir)
}

// build writes the corpus, the bleve index and the manifest into tmp and
// returns the manifest's bytes.
func build(c *corpus.Corpus, tmp, tool string) ([]byte, error) {
	// Writing corpus.json and indexing the corpus are independent: they
	// run side by side.
	written := make(chan error, 1)
	go func() {
		data, err := c.Marshal()
		if err == nil {
			err = os.WriteFile(filepath.Join(tmp, corpusFile), data, 0o644)
		}
		written <- err
	}()
	// The SHA-256 recorded must be that of corpus.json as Open reads it: a
	// corpus that was loaded has it already (its canonical encoding, which
	// the JSON written gives again); another is read back.
	wc := c
	if c.SHA256() == "" {
		if err := <-written; err != nil {
			return nil, err
		}
		written <- nil
		var err error
		if wc, err = corpus.LoadFile(filepath.Join(tmp, corpusFile)); err != nil {
			return nil, err
		}
	}
	mdata, err := buildBleve(wc, tmp, tool)
	if werr := <-written; werr != nil {
		return nil, werr
	}
	if err != nil {
		return nil, err
	}
	files, err := checksums(tmp, true)
	if err != nil {
		return nil, err
	}
	mdata.Files = files
	data, _ := json.MarshalIndent(mdata, "", "  ")
	if err := atomicfile.WriteFile(filepath.Join(tmp, manifestFile), data); err != nil {
		return nil, err
	}
	atomicfile.SyncDir(tmp)
	return data, nil
}

// buildBleve writes the bleve index of c into tmp and returns the
// manifest, its files not yet listed.
func buildBleve(wc *corpus.Corpus, tmp, tool string) (*Manifest, error) {
	an, err := analyserFor(wc)
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewUsing(filepath.Join(tmp, bleveDir), newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("creating: %w", err)
	}
	if err := fill(bi, wc, an); err != nil {
		bi.Close()
		return nil, err
	}
	if err := bi.Close(); err != nil {
		return nil, fmt.Errorf("closing: %w", err)
	}
	return &Manifest{Format: FormatVersion, Analyzers: []string{TermsAnalyzer}, Fingerprint: an.Fingerprint(),
		Corpus: CorpusInfo{Version: wc.Version, SHA256: wc.SHA256()}, Built: time.Now().UTC().Truncate(time.Second), Tool: tool}, nil
}

// checksums returns the SHA-256 of every file under root but the
// manifest, by slash-separated relative path; with sync, each file is
// flushed to disk as it is read.
func checksums(root string, sync bool) (map[string]string, error) {
	sums := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() || rel == manifestFile {
			if d.IsDir() && sync && p != root {
				atomicfile.SyncDir(p)
			}
			return nil
		}
		sum, err := fileSHA256(p, sync)
		if err != nil {
			return err
		}
		sums[filepath.ToSlash(rel)] = sum
		return nil
	})
	return sums, err
}

func fileSHA256(path string, sync bool) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	if sync {
		if err := f.Sync(); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// newGeneration returns a new generation name: the time, so that names
// sort by age, and random bits.
func newGeneration() (string, error) {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s%016x%s", genPrefix, time.Now().UnixNano(), hex.EncodeToString(b[:])), nil
}

// removeOthers removes from dir every generation but keep, the litter of
// builds that were killed, and the files of a format-1 index. Errors are
// ignored: a file still open on some systems stays until the next build.
func removeOthers(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == keep || name == currentFile:
		case strings.HasPrefix(name, genPrefix), strings.HasPrefix(name, buildPrefix),
			name == currentFile+".tmp", atomicfile.IsTemp(name, currentFile),
			name == manifestFile, name == corpusFile, name == bleveDir:
			os.RemoveAll(filepath.Join(dir, name))
		}
	}
}

// current reads CURRENT: the generation in use and the SHA-256 of its
// manifest.
func current(dir string) (gen, sum string, err error) {
	fi, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", "", fmt.Errorf("index %s: no such directory (build one with 'anzsco index build --out %s')", dir, dir)
		}
		return "", "", fmt.Errorf("index %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return "", "", fmt.Errorf("index %s: %w: not a directory", dir, ErrCorrupt)
	}
	data, err := os.ReadFile(filepath.Join(dir, currentFile))
	if err != nil {
		if _, merr := os.Stat(filepath.Join(dir, manifestFile)); merr == nil {
			return "", "", fmt.Errorf("index %s: %w: it has format 1 and this anzsco reads format %d; rebuild it with 'anzsco index build --out %s'", dir, ErrIncompatible, FormatVersion, dir)
		}
		return "", "", fmt.Errorf("index %s: %w: no %s file (build an index with 'anzsco index build --out DIR' into a new or empty directory)", dir, ErrCorrupt, currentFile)
	}
	gen, sum, ok := strings.Cut(strings.TrimSpace(string(data)), " ")
	if !ok || !genName.MatchString(gen) || len(sum) != 64 {
		return "", "", &corruptError{dir, currentFile + " is damaged"}
	}
	return gen, sum, nil
}

// readManifest reads and checks the manifest of generation gen.
func readManifest(dir, gen, sum string) (*Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, gen, manifestFile))
	if err != nil {
		return nil, &corruptError{dir, fmt.Sprintf("%s names %s, which has no %s", currentFile, gen, manifestFile)}
	}
	if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != sum {
		return nil, &corruptError{dir, manifestFile + " does not match its checksum in " + currentFile}
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil || m.Format == 0 {
		return nil, &corruptError{dir, manifestFile + " is damaged"}
	}
	if m.Format != FormatVersion {
		return nil, fmt.Errorf("index %s: %w: it has format %d and this anzsco reads format %d; rebuild it with 'anzsco index build --out %s'", dir, ErrIncompatible, m.Format, FormatVersion, dir)
	}
	return &m, nil
}

// ReadManifest reads the manifest of the current generation of the index
// in dir, checked against CURRENT.
func ReadManifest(dir string) (*Manifest, error) {
	gen, sum, err := current(dir)
	if err != nil {
		return nil, err
	}
	return readManifest(dir, gen, sum)
}

func verifyFiles(dir, gen string, m *Manifest) error {
	if len(m.Files) == 0 {
		return &corruptError{dir, manifestFile + " lists no files"}
	}
	have, err := checksums(filepath.Join(dir, gen), false)
	if err != nil {
		return &corruptError{dir, fmt.Sprintf("reading %s: %v", gen, err)}
	}
	names := slices.Sorted(maps.Keys(m.Files))
	for _, name := range names {
		got, ok := have[name]
		switch {
		case !ok:
			return &corruptError{dir, name + " is missing"}
		case got != m.Files[name]:
			return &corruptError{dir, name + " does not match its checksum"}
		}
	}
	for name := range have {
		if _, ok := m.Files[name]; !ok {
			return &corruptError{dir, name + " is not part of the index"}
		}
	}
	return nil
}

// Open opens a persisted index read-only, after checking every file
// against its checksum. Several processes may open the same index at
// once, and one may build a new generation meanwhile.
func Open(dir string) (*Index, error) {
	for tries := 1; ; tries++ {
		ix, gen, err := open(dir)
		if err == nil || gen == "" || tries == maxOpenTries {
			return ix, err
		}
		// A build may have made another generation current and removed
		// this one between the reading of CURRENT and of its files: open
		// the new one. Builds in quick succession can do so again before
		// that is read, hence more than one try.
		if now, _, cerr := current(dir); cerr != nil || now == gen {
			return nil, err
		}
	}
}

// maxOpenTries bounds how often Open starts again because a build replaced
// the generation it was reading: each time, a whole build finished in the
// moment between two reads, so a few tries are plenty, and a bound keeps a
// reader from chasing a builder that never stops.
const maxOpenTries = 8

func open(dir string) (ix *Index, gen string, err error) {
	gen, sum, err := current(dir)
	if err != nil {
		return nil, "", err
	}
	m, err := readManifest(dir, gen, sum)
	if err != nil {
		return nil, gen, err
	}
	if err := verifyFiles(dir, gen, m); err != nil {
		return nil, gen, err
	}
	gdir := filepath.Join(dir, gen)
	c, err := corpus.LoadFile(filepath.Join(gdir, corpusFile))
	if err != nil {
		return nil, gen, fmt.Errorf("index %s: %w: %v", dir, ErrCorrupt, err)
	}
	if c.SHA256() != m.Corpus.SHA256 {
		return nil, gen, &corruptError{dir, "corpus.json does not match the manifest"}
	}
	an, err := analyserFor(c)
	if err != nil {
		return nil, gen, fmt.Errorf("index %s: %w: %v", dir, ErrCorrupt, err)
	}
	if fp := an.Fingerprint(); fp != m.Fingerprint {
		return nil, gen, fmt.Errorf("index %s: %w: it was built with another analysis (fingerprint %s, this anzsco %s); rebuild it with 'anzsco index build --out %s'", dir, ErrIncompatible, m.Fingerprint, fp, dir)
	}
	// bleve can panic on some damaged files; turn that into an error.
	defer func() {
		if r := recover(); r != nil {
			ix, err = nil, &corruptError{dir, fmt.Sprint(r)}
		}
	}()
	bi, err := bleve.OpenUsing(filepath.Join(gdir, bleveDir), map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, gen, &corruptError{dir, err.Error()}
	}
	// One document per occupation: fewer means bleve skipped a damaged
	// segment, or the bleve index was built from another corpus.
	n, err := bi.DocCount()
	if err != nil || n != uint64(docCount(c)) {
		bi.Close()
		return nil, gen, &corruptError{dir, fmt.Sprintf("the bleve index holds %d of the corpus's %d documents", n, docCount(c))}
	}
	ix, err = newIndex(bi, c, an)
	if err != nil {
		bi.Close()
		return nil, gen, fmt.Errorf("index %s: %w", dir, err)
	}
	ix.dir = dir
	return ix, gen, nil
}
