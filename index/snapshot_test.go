package index

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/corpus"
)

// builtAndRestored returns the index of a built-in corpus built from its
// JSON and the one restored from its embedded snapshot.
func builtAndRestored(t *testing.T, name string) (built, restored *Index) {
	t.Helper()
	c, err := corpus.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	if built, err = Build(c); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { built.Close() })
	if restored, err = restoreBuiltin(name); err != nil {
		t.Fatalf("the embedded snapshot of %s is not usable (run go generate ./index): %v", name, err)
	}
	t.Cleanup(func() { restored.Close() })
	return built, restored
}

// analysisOf encodes what a snapshot keeps of an index's analysis.
func analysisOf(ix *Index) []byte {
	w := newSnapWriter()
	w.strSet(ix.an.titleWords)
	w.strSet(ix.an.titleBigrams)
	ix.writeAnalysis(w)
	return append(w.table(), w.buf...)
}

// TestSnapshotsCurrent fails when the snapshot embedded for a built-in
// corpus is not what the corpus, its lexicons and the analysis make now:
// run go generate ./index. The corpus, the analysis and what follows from
// it must be the same, and bleve must hold the same terms in the same
// number of documents.
func TestSnapshotsCurrent(t *testing.T) {
	for _, name := range corpus.BuiltinNames() {
		t.Run(name, func(t *testing.T) {
			built, restored := builtAndRestored(t, name)
			raw, err := corpus.BuiltinJSON(name)
			if err != nil {
				t.Fatal(err)
			}
			fresh, err := encodeSnapshot(built.corpus, raw)
			if err != nil {
				t.Fatal(err)
			}
			if embedded, err := gunzip(snapshotFiles[name]); err != nil || !bytes.Equal(fresh, embedded) {
				t.Errorf("the embedded snapshot of %s is not the one go generate ./index writes now (%d bytes, %d now)", name, len(embedded), len(fresh))
			}
			if !reflect.DeepEqual(built.corpus, restored.corpus) || built.corpus.SHA256() != restored.corpus.SHA256() {
				t.Fatal("the snapshot's corpus differs from the built-in corpus")
			}
			if c, err := BuiltinCorpus(name); err != nil || !reflect.DeepEqual(c, built.corpus) || c.SHA256() != built.corpus.SHA256() {
				t.Fatalf("BuiltinCorpus differs from the built-in corpus (%v)", err)
			}
			if !bytes.Equal(analysisOf(built), analysisOf(restored)) {
				t.Fatal("the snapshot's analysis differs from the one Build makes")
			}
			if built.an.Fingerprint() != restored.an.Fingerprint() {
				t.Fatal("the analysers differ")
			}
			for code, oi := range built.occs {
				ri := restored.occs[code]
				if !reflect.DeepEqual(oi.langEntries, ri.langEntries) || oi.title != ri.title || oi.unit != ri.unit || oi.minor != ri.minor || ri.occ.Code != code {
					t.Fatalf("occupation %s: the tables ranking reads differ", code)
				}
			}
			if built.searchSize != restored.searchSize || built.maxCandidates != restored.maxCandidates || built.hier != restored.hier ||
				!reflect.DeepEqual(built.groups, restored.groups) || !reflect.DeepEqual(built.speller.freq, restored.speller.freq) {
				t.Fatal("the index's settings differ")
			}
			for _, field := range []string{titleField, textField, "code", "scope", "_id"} {
				if a, b := fieldTerms(t, built, field), fieldTerms(t, restored, field); !reflect.DeepEqual(a, b) {
					t.Fatalf("bleve field %q: %d terms built, %d restored, or their counts differ", field, len(a), len(b))
				}
			}
			a, _ := built.DocCount()
			b, _ := restored.DocCount()
			if a != b {
				t.Fatalf("bleve holds %d documents built, %d restored", a, b)
			}
		})
	}
}

// fieldTerms lists a bleve field's terms with the number of documents
// holding each.
func fieldTerms(t *testing.T, ix *Index, field string) map[string]uint64 {
	t.Helper()
	d, err := ix.bi.FieldDict(field)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	out := map[string]uint64{}
	for {
		e, err := d.Next()
		if err != nil {
			t.Fatal(err)
		}
		if e == nil {
			return out
		}
		out[e.Term] = e.Count
	}
}

// snapshotTitles are titles to classify with both indexes of a corpus:
// its labelled titles, and for the whole ANZSCO the job-ad titles.
func snapshotTitles(t *testing.T, name string) []string {
	var titles []string
	if name == corpus.DefaultName {
		for _, r := range readLabelled(t, "titles.csv", "5411-test.csv", "described.csv") {
			titles = append(titles, r.Title)
		}
		return titles
	}
	for _, f := range []string{"anzsco-test-en.csv", "anzsco-test-pt.csv"} {
		for _, half := range []bool{true, false} {
			for _, r := range adRows(t, f, half) {
				titles = append(titles, r.title)
			}
		}
	}
	return titles
}

// TestSnapshotClassifiesAsBuilt classifies the labelled titles of each
// built-in corpus with the index Build makes and the one restored from the
// snapshot: every result, matches and explanation included, must be the
// same.
func TestSnapshotClassifiesAsBuilt(t *testing.T) {
	for _, name := range corpus.BuiltinNames() {
		t.Run(name, func(t *testing.T) {
			built, restored := builtAndRestored(t, name)
			titles := snapshotTitles(t, name)
			differ := 0
			for _, q := range titles {
				a := resultJSON(t, built, q)
				if b := resultJSON(t, restored, q); a != b {
					differ++
					if differ <= 3 {
						t.Errorf("%q:\nbuilt    %s\nrestored %s", q, a, b)
					}
				}
			}
			if differ > 0 {
				t.Errorf("%d of %d titles differ", differ, len(titles))
			}
			if len(titles) < 300 {
				t.Errorf("only %d titles compared", len(titles))
			}
		})
	}
}

func resultJSON(t *testing.T, ix *Index, q string) string {
	t.Helper()
	r, err := ix.Classify(Query{Text: q, Explain: true, Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSnapshotDamaged restores damaged copies of the default corpus's
// snapshot: cut short, with bytes changed, and with bytes changed and the
// checksum made to fit (a decoder's worst case). Each must be refused
// with an error or, in the last case only, give an index; none may panic.
func TestSnapshotDamaged(t *testing.T) {
	data, err := gunzip(snapshotFiles[corpus.DefaultName])
	if err != nil {
		t.Fatal(err)
	}
	restore := func(b []byte) (ix *Index, err error) {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("panic on a damaged snapshot: %v", r)
			}
		}()
		h, sr, err := readSnapshotHeader(b)
		if err != nil {
			return nil, err
		}
		if sr.readTable(); sr.err != nil {
			return nil, sr.err
		}
		return restoreSnapshot(sr, h)
	}
	if ix, err := restore(append([]byte(nil), data...)); err != nil {
		t.Fatalf("the undamaged copy: %v", err)
	} else {
		ix.Close()
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200; i++ {
		n := rng.Intn(len(data))
		if ix, err := restore(append([]byte(nil), data[:n]...)); err == nil {
			ix.Close()
			t.Fatalf("a snapshot cut to %d of %d bytes was accepted", n, len(data))
		}
		b := append([]byte(nil), data...)
		b[rng.Intn(len(b))] ^= byte(1 + rng.Intn(255))
		if ix, err := restore(b); err == nil {
			ix.Close()
			t.Fatal("a snapshot with a byte changed was accepted")
		}
		body := b[:len(b)-4]
		binary.LittleEndian.PutUint32(b[len(body):], crc32.Checksum(body, castagnoli))
		if ix, err := restore(b); err == nil {
			ix.Close()
		}
	}
	if _, err := gunzip(snapshotFiles[corpus.DefaultName][:100]); err == nil {
		t.Error("a compressed snapshot cut short was accepted")
	}
}

// TestSnapshotStaleOrDamagedBuilds checks that Builtin builds the index
// from the corpus when the embedded snapshot is damaged or was made from
// other sources, and that the index is then the one Build makes.
func TestSnapshotStaleOrDamagedBuilds(t *testing.T) {
	name := corpus.DefaultName
	good := snapshotFiles[name]
	defer func() { snapshotFiles[name] = good }()
	data, err := gunzip(good)
	if err != nil {
		t.Fatal(err)
	}
	h, _, err := readSnapshotHeader(data)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := corpus.BuiltinJSON(name)
	if err := checkSources(name, raw, h); err != nil {
		t.Fatal(err)
	}
	if err := checkSources(name, append(append([]byte(nil), raw...), ' '), h); err == nil {
		t.Error("a snapshot of another corpus JSON was not refused")
	}
	c, _ := corpus.Builtin(name)
	built, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	defer built.Close()
	for _, bad := range []string{"", good[:len(good)/2], strings.Replace(good, good[20:40], strings.Repeat("x", 20), 1)} {
		snapshotFiles[name] = bad
		if _, err := restoreBuiltin(name); err == nil {
			t.Fatal("a damaged snapshot was restored")
		}
		if bc, err := BuiltinCorpus(name); err != nil || !reflect.DeepEqual(bc, c) {
			t.Fatalf("BuiltinCorpus from a damaged snapshot: %v", err)
		}
		ix, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"Contact Center Supervisor", "Telemarketer", "Software Engineer"} {
			if a, b := resultJSON(t, built, q), resultJSON(t, ix, q); a != b {
				t.Errorf("%q: %s built, %s by Builtin from a damaged snapshot", q, a, b)
			}
		}
		ix.Close()
	}
}
