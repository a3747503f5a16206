package index

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/anzsco/anzsco/corpus"
)

// The snapshots of the built-in corpora (snapshot.go), one a corpus,
// written by go generate (internal/gensnapshot) and compressed.
// TestSnapshotsCurrent fails when one is not what the corpus, its
// lexicons and this code make now; a snapshot that does not match the
// corpus and lexicons built into the binary is never used (Builtin then
// builds the index instead).
//
//go:generate go run ./internal/gensnapshot
var snapshotFiles = map[string]string{corpus.DefaultName: snapshot5411, "anzsco": snapshotANZSCO}

//go:embed snapshots/5411.snap.gz
var snapshot5411 string

//go:embed snapshots/anzsco.snap.gz
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

// restoreBuiltin restores the snapshot of the built-in corpus name,
// refusing one that was made from other sources than those built in.
func restoreBuiltin(name string) (*Index, error) {
	raw, err := corpus.BuiltinJSON(name)
	if err != nil {
		return nil, err
	}
	gz, ok := snapshotFiles[name]
	if !ok {
		return nil, fmt.Errorf("index: no snapshot of corpus %s", name)
	}
	data, err := gunzip(gz)
	if err != nil {
		return nil, err
	}
	return restoreSnapshot(data, func(h snapshotHeader) error {
		sum, err := sourcesSum(raw, h.lexicons)
		if err != nil {
			return err
		}
		if sum != h.sources {
			return fmt.Errorf("index: the snapshot of corpus %s is stale: made from %s, built in now %s (run go generate ./index)", name, h.sources, sum)
		}
		return nil
	})
}

// gunzip decompresses a snapshot; gzip checks its CRC-32.
func gunzip(gz string) ([]byte, error) {
	zr, err := gzip.NewReader(strings.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("index: %w: %v", errSnapshotDamaged, err)
	}
	// gzip ends with the length of what it holds, modulo 2^32: room is
	// made for it, unless a damaged file claims more than gzip can hold.
	size := 0
	if n := len(gz); n >= 4 {
		size = int(binary.LittleEndian.Uint32([]byte(gz[n-4:])))
		size = min(size, 1032*n)
	}
	b := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := b.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("index: %w: %v", errSnapshotDamaged, err)
	}
	return b.Bytes(), nil
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
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
