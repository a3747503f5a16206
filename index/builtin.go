package index

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// The snapshots of the built-in corpora (snapshot.go), one a corpus,
// written by go generate (internal/gensnapshot) and compressed (see
// compressSnapshot).
// TestSnapshotsCurrent fails when one is not what the corpus, its
// lexicons and this code make now; a snapshot that does not match the
// corpus and lexicons built into the binary is never used (Builtin then
// builds the index instead).
//
//go:generate go run ./internal/gensnapshot
var snapshotFiles = map[string]string{corpus.DefaultName: snapshot5411, "anzsco": snapshotANZSCO}

//go:embed snapshots/5411.snapz
var snapshot5411 string

//go:embed snapshots/anzsco.snapz
var snapshotANZSCO string

// Builtin returns the index of the built-in corpus of the given name (see
// corpus.Builtin): restored from the snapshot embedded for it, which takes
// a few milliseconds, or, when there is no current snapshot, built from
// the corpus as Build does. Both give the same Index.
func Builtin(name string) (*Index, error) {
	ix, err := restoreBuiltin(name)
	if err == nil {
		return ix, nil
	}
	if errors.Is(err, corpus.ErrUnknownBuiltin) {
		return nil, err
	}
	c, err := corpus.Builtin(name)
	if err != nil {
		return nil, err
	}
	return Build(c)
}

// BuiltinCorpus returns the built-in corpus of the given name, as
// corpus.Builtin does, read from its current snapshot when there is one:
// some 30 ms for the whole ANZSCO instead of 300 ms of JSON.
func BuiltinCorpus(name string) (*corpus.Corpus, error) {
	r, h, err := openBuiltin(name)
	if err == nil {
		c := r.corpus()
		if r.err == nil {
			if c, err = corpus.Trusted(c, h.corpusSHA); err == nil {
				return c, nil
			}
		}
	}
	if errors.Is(err, corpus.ErrUnknownBuiltin) {
		return nil, err
	}
	return corpus.Builtin(name)
}

// openBuiltin opens the snapshot of the built-in corpus name, refusing
// one that was made from other sources than those built in, and returns
// it read up to the corpus.
func openBuiltin(name string) (*snapReader, snapshotHeader, error) {
	var h snapshotHeader
	raw, err := corpus.BuiltinJSON(name)
	if err != nil {
		return nil, h, err
	}
	z, ok := snapshotFiles[name]
	if !ok {
		return nil, h, fmt.Errorf("index: no snapshot of corpus %s", name)
	}
	data, err := gunzip(z)
	if err != nil {
		return nil, h, err
	}
	h, r, err := readSnapshotHeader(data)
	if err != nil {
		return nil, h, err
	}
	if err := checkSources(name, raw, h); err != nil {
		return nil, h, err
	}
	r.readTable()
	return r, h, r.err
}

// checkSources refuses a snapshot made from other sources than the
// corpus JSON raw and the lexicons built in now.
func checkSources(name string, raw []byte, h snapshotHeader) error {
	sum, err := sourcesSum(raw, h.lexicons)
	if err != nil {
		return err
	}
	if sum != h.sources {
		return fmt.Errorf("index: the snapshot of corpus %s is stale: made from %s, built in now %s (run go generate ./index)", name, h.sources, sum)
	}
	return nil
}

// restoreBuiltin restores the snapshot of the built-in corpus name,
// refusing one that was made from other sources than those built in.
func restoreBuiltin(name string) (*Index, error) {
	r, h, err := openBuiltin(name)
	if err != nil {
		return nil, err
	}
	return restoreSnapshot(r, h)
}

// A snapshot is built in compressed, in snapshotParts pieces of about the
// same size, each a gzip stream, which are decompressed side by side: the
// file is the number of pieces, the compressed and the plain length of
// each (unsigned varints), then the pieces.
const snapshotParts = 2

// compressSnapshot compresses a snapshot in snapshotParts pieces.
func compressSnapshot(data []byte) ([]byte, error) {
	var head, body []byte
	head = binary.AppendUvarint(head, snapshotParts)
	for i := 0; i < snapshotParts; i++ {
		part := data[i*len(data)/snapshotParts : (i+1)*len(data)/snapshotParts]
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(part)
		if err := zw.Close(); err != nil {
			return nil, err
		}
		head = binary.AppendUvarint(head, uint64(buf.Len()))
		head = binary.AppendUvarint(head, uint64(len(part)))
		body = append(body, buf.Bytes()...)
	}
	return append(head, body...), nil
}

// gunzip decompresses a snapshot, its pieces side by side; gzip checks
// each piece's CRC-32.
func gunzip(z string) ([]byte, error) {
	r := &snapReader{data: z}
	n := r.count()
	clens, plens := make([]int, n), make([]int, n)
	total, ctotal := 0, 0
	for i := range clens {
		clens[i], plens[i] = r.count(), r.int()
		// gzip does not compress more than about 1032 to 1.
		if plens[i] > 1032*clens[i]+64 {
			r.fail()
		}
		total, ctotal = total+plens[i], ctotal+clens[i]
	}
	if r.err != nil || n == 0 || ctotal != len(z)-r.off {
		return nil, fmt.Errorf("index: %w: not a compressed snapshot", errSnapshotDamaged)
	}
	out := make([]byte, total)
	errs := make(chan error, n)
	coff, off := r.off, 0
	for i := range clens {
		go func(in string, dst []byte) { errs <- gunzipPart(in, dst) }(z[coff:coff+clens[i]], out[off:off+plens[i]])
		coff, off = coff+clens[i], off+plens[i]
	}
	var err error
	for range clens {
		if e := <-errs; e != nil && err == nil {
			err = fmt.Errorf("index: %w: %v", errSnapshotDamaged, e)
		}
	}
	return out, err
}

// gunzipPart decompresses one gzip stream that must fill dst exactly.
func gunzipPart(in string, dst []byte) error {
	zr, err := gzip.NewReader(strings.NewReader(in))
	if err != nil {
		return err
	}
	if _, err := io.ReadFull(zr, dst); err != nil {
		return err
	}
	// The stream must end here; gzip checks the CRC-32 at its end.
	if n, err := zr.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		return fmt.Errorf("longer than its stated length (%v)", err)
	}
	return nil
}

// SnapshotBuiltin returns the snapshot of the built-in corpus of the
// given name, compressed, as go generate writes it for Builtin.
func SnapshotBuiltin(name string) ([]byte, error) {
	raw, err := corpus.BuiltinJSON(name)
	if err != nil {
		return nil, err
	}
	c, err := corpus.Builtin(name)
	if err != nil {
		return nil, err
	}
	data, err := encodeSnapshot(c, raw)
	if err != nil {
		return nil, err
	}
	return compressSnapshot(data)
}
