package index

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"maps"
	"slices"
	"strings"
	"unsafe"

	"github.com/anzsco/anzsco/corpus"
)

// A snapshot is an index of a corpus in the form that is quickest to take
// up again: the corpus, its analysis (every title's terms, the
// vocabularies, the speller's words, the terms each bleve field holds)
// and bleve's segment. Restoring one makes the same Index that Build
// makes, without reading JSON, analysing a string or indexing a
// document; TestSnapshotsCurrent checks that it does. What follows from
// the analysis cheaply (the idf, the tables ranking reads) is made again
// by the same code as in Build (Index.finish).
//
// Layout: snapshotMagic; the format; the header strings (the corpus's
// SHA-256, the analysis's fingerprint and the sum of the sources, see
// sourcesSum); the string table; the body; a CRC-32C of all that comes
// before it.
const (
	snapshotMagic = "anzsco snapshot\n"
	// snapshotFormat changes whenever what a snapshot holds does: 2 holds
	// each title's lost weight (lostWeight), which format 1 made anew at
	// every start.
	snapshotFormat = 2
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// snapshotHeader says what a snapshot was made from.
type snapshotHeader struct {
	format      int
	corpusSHA   string
	fingerprint string
	// sources is sourcesSum of the corpus's JSON and its lexicons.
	sources string
	// lexicons are the names of the lexicons sources covers.
	lexicons []string
}

// sourcesSum identifies what a built-in corpus's index is made of: the
// corpus's JSON and the text of its lexicons, by CRC-32C and length (a
// check of the embedded bytes that takes well under a millisecond).
func sourcesSum(corpusJSON []byte, lexicons []string) (string, error) {
	h := crc32.New(castagnoli)
	h.Write(corpusJSON)
	sum := fmt.Sprintf("%08x-%d", h.Sum32(), len(corpusJSON))
	for _, name := range lexicons {
		data, err := corpus.LexiconFile(name)
		if err != nil {
			return "", err
		}
		sum += fmt.Sprintf(" %s:%08x-%d", name, crc32.Checksum(data, castagnoli), len(data))
	}
	return sum, nil
}

// lexiconNames are the lexicons c is analysed with.
func lexiconNames(c *corpus.Corpus) []string {
	if len(c.Lexicons) == 0 {
		return corpus.DefaultLexicons
	}
	return c.Lexicons
}

// encodeSnapshot builds the index of c, loaded from corpusJSON, and
// returns its snapshot.
func encodeSnapshot(c *corpus.Corpus, corpusJSON []byte) ([]byte, error) {
	an, err := analyserFor(c)
	if err != nil {
		return nil, err
	}
	slot := &segmentSlot{}
	bi, err := newSnapshotBleve(slot)
	if err != nil {
		return nil, err
	}
	defer bi.Close()
	if err := fill(bi, c, an); err != nil {
		return nil, err
	}
	if slot.mem == nil {
		return nil, fmt.Errorf("index: snapshot of corpus %s: no bleve segment was built", c.Version)
	}
	ix, err := newIndex(bi, c, an)
	if err != nil {
		return nil, err
	}
	h := snapshotHeader{format: snapshotFormat, corpusSHA: c.SHA256(), fingerprint: an.Fingerprint(), lexicons: lexiconNames(c)}
	if h.sources, err = sourcesSum(corpusJSON, h.lexicons); err != nil {
		return nil, err
	}
	w := newSnapWriter()
	w.corpus(c)
	w.strSet(an.titleWords)
	w.strSet(an.titleBigrams)
	ix.writeAnalysis(w)
	w.bytes(slot.mem)

	out := []byte(snapshotMagic)
	out = binary.AppendUvarint(out, uint64(h.format))
	for _, s := range []string{h.corpusSHA, h.fingerprint, h.sources, strings.Join(h.lexicons, ",")} {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	out = append(out, w.table()...)
	out = append(out, w.buf...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli)), nil
}

// readSnapshotHeader checks a snapshot's magic, format and CRC and reads
// its header; r is left at the string table.
//
// The strings read from the snapshot are pieces of data, which must not be
// modified afterwards.
func readSnapshotHeader(data []byte) (snapshotHeader, *snapReader, error) {
	var h snapshotHeader
	if len(data) < len(snapshotMagic)+4 || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return h, nil, fmt.Errorf("index: %w: not a snapshot", errSnapshotDamaged)
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(body):]) {
		return h, nil, fmt.Errorf("index: %w: checksum mismatch", errSnapshotDamaged)
	}
	r := &snapReader{data: unsafe.String(&body[0], len(body)), off: len(snapshotMagic)}
	if h.format = r.int(); h.format != snapshotFormat {
		return h, nil, fmt.Errorf("index: snapshot of format %d, this anzsco reads %d", h.format, snapshotFormat)
	}
	h.corpusSHA, h.fingerprint, h.sources = r.bytes(), r.bytes(), r.bytes()
	h.lexicons = strings.Split(r.bytes(), ",")
	return h, r, r.err
}

// writeAnalysis writes what newIndex made of the corpus, occupations by
// code.
func (ix *Index) writeAnalysis(w *snapWriter) {
	w.float(ix.idfMax)
	w.int(len(ix.idf))
	for _, lang := range slices.Sorted(maps.Keys(ix.idf)) {
		w.str(lang)
		terms := slices.Sorted(maps.Keys(ix.idf[lang]))
		w.int(len(terms))
		for _, t := range terms {
			w.str(t)
			w.float(ix.idf[lang][t])
		}
	}
	codes := slices.Sorted(maps.Keys(ix.occs))
	w.int(len(codes))
	for _, code := range codes {
		oi := ix.occs[code]
		w.str(code)
		w.strList(oi.langs)
		for _, lang := range oi.langs {
			w.strSet(oi.vocab[lang])
			w.strSet(oi.textVocab[lang])
		}
		w.entries(oi.entries)
		w.int(len(oi.patterns))
		for _, p := range oi.patterns {
			w.str(p.lang)
			w.entries(p.roles)
			w.entries(p.contexts)
		}
	}
	groups := slices.Sorted(maps.Keys(ix.groupEntries))
	w.int(len(groups))
	for _, g := range groups {
		w.str(g)
		langs := slices.Sorted(maps.Keys(ix.groupEntries[g]))
		w.strList(langs)
		for _, lang := range langs {
			w.entries(ix.groupEntries[g][lang])
		}
		langs = slices.Sorted(maps.Keys(ix.groupVocab[g]))
		w.strList(langs)
		for _, lang := range langs {
			w.strSet(ix.groupVocab[g][lang])
		}
	}
	members := slices.Sorted(maps.Keys(ix.groupMembers))
	w.int(len(members))
	for _, g := range members {
		w.str(g)
		w.strList(ix.groupMembers[g])
	}
	w.int(len(ix.groups))
	for _, g := range slices.Sorted(maps.Keys(ix.groups)) {
		w.str(g)
		w.str(ix.groups[g])
	}
	w.byteMap(ix.indexed)
	w.byteMap(ix.wordLangs)
	words := slices.Sorted(maps.Keys(ix.speller.freq))
	w.int(len(words))
	for _, word := range words {
		w.str(word)
		w.int(ix.speller.freq[word])
	}
}

func (w *snapWriter) entries(es []*entry) {
	w.int(len(es))
	terms := 0
	for _, e := range es {
		terms += len(e.terms)
	}
	w.int(terms)
	for _, e := range es {
		w.str(e.code)
		w.str(e.kind)
		w.str(e.lang)
		w.str(e.text)
		w.strList(e.terms)
		w.float(e.weight)
		w.bool(e.shared)
		w.float(float64(e.lost))
	}
}

func (ix *Index) readEntries(r *snapReader) []*entry {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]*entry, n)
	all := make([]entry, n)
	terms := make([]string, 0, r.count()) // the terms of all n entries
	for i := range out {
		e := &all[i]
		e.code, e.kind, e.lang, e.text = r.str(), r.str(), r.str(), r.str()
		m := r.count()
		if m > 0 {
			if cap(terms)-len(terms) < m {
				r.fail() // more terms than the block said
				return nil
			}
			for j := 0; j < m; j++ {
				terms = append(terms, r.str())
			}
			e.terms = terms[len(terms)-m : len(terms) : len(terms)]
		}
		e.weight, e.shared = r.float(), r.bool()
		e.lost = float32(r.float())
		out[i] = e
	}
	return out
}

// readAnalysis fills ix, made by emptyIndex, with what writeAnalysis
// wrote, and returns the speller's words.
func (ix *Index) readAnalysis(r *snapReader) (map[string]int, error) {
	ix.readIDF(r)
	for i, n := 0, r.count(); i < n && r.err == nil; i++ {
		code := r.str()
		o, ok := ix.corpus.Lookup(code)
		if !ok {
			return nil, fmt.Errorf("index: %w: occupation %s is not in the corpus", errSnapshotDamaged, code)
		}
		oi := &occInfo{occ: o, title: o.Title(), langs: r.strList(), vocab: map[string]map[string]bool{}, textVocab: map[string]map[string]bool{}}
		oi.unit, oi.minor = groupOf(o, "unit"), groupOf(o, "minor")
		for _, lang := range oi.langs {
			oi.vocab[lang], oi.textVocab[lang] = r.strSet(), r.strSet()
		}
		oi.entries = ix.readEntries(r)
		ix.setIDF(oi.entries)
		if m := r.count(); m > 0 {
			oi.patterns = make([]pattern, m)
			for j := range oi.patterns {
				oi.patterns[j] = pattern{lang: r.str(), roles: ix.readEntries(r), contexts: ix.readEntries(r)}
			}
		}
		ix.occs[code] = oi
	}
	ix.groupEntries = map[string]map[string][]*entry{}
	ix.groupVocab = map[string]map[string]map[string]bool{}
	ix.groupMembers = map[string][]string{}
	for i, n := 0, r.count(); i < n && r.err == nil; i++ {
		g := r.str()
		ix.groupEntries[g] = map[string][]*entry{}
		for _, lang := range r.strList() {
			ix.groupEntries[g][lang] = ix.readEntries(r)
			ix.setIDF(ix.groupEntries[g][lang])
		}
		ix.groupVocab[g] = map[string]map[string]bool{}
		for _, lang := range r.strList() {
			ix.groupVocab[g][lang] = r.strSet()
		}
	}
	for i, n := 0, r.count(); i < n && r.err == nil; i++ {
		g := r.str()
		ix.groupMembers[g] = r.strList()
	}
	for i, n := 0, r.count(); i < n && r.err == nil; i++ {
		g := r.str()
		ix.groups[g] = r.str()
	}
	ix.indexed, ix.wordLangs = r.byteMap(), r.byteMap()
	n := r.count()
	words := make(map[string]int, n)
	for i := 0; i < n; i++ {
		w := r.str()
		words[w] = r.int()
	}
	return words, r.err
}

// restoreSnapshot makes the Index that a snapshot holds, read by r up to
// the corpus.
func restoreSnapshot(r *snapReader, h snapshotHeader) (*Index, error) {
	c := r.corpus()
	words, bigrams := r.strSet(), r.strSet()
	if r.err != nil {
		return nil, fmt.Errorf("index: %w", r.err)
	}
	c, err := corpus.Trusted(c, h.corpusSHA)
	if err != nil {
		return nil, fmt.Errorf("index: %w: %v", errSnapshotDamaged, err)
	}
	lx, err := c.Lexicon()
	if err != nil {
		return nil, fmt.Errorf("index: corpus %s: %w", c.Version, err)
	}
	an, err := compileAnalyser(lx, func(*analyser) (map[string]bool, map[string]bool) { return words, bigrams })
	if err != nil {
		return nil, err
	}
	if fp := an.Fingerprint(); fp != h.fingerprint {
		return nil, fmt.Errorf("index: snapshot of another analysis (fingerprint %s, this anzsco %s)", h.fingerprint, fp)
	}
	ix := emptyIndex(nil, c, an)
	spell, err := ix.readAnalysis(r)
	seg := r.bytes()
	if err == nil && (r.err != nil || r.off != len(r.data)) {
		err = fmt.Errorf("index: %w: %d bytes left over", errSnapshotDamaged, len(r.data)-r.off)
	}
	if err != nil {
		return nil, err
	}
	sb, err := restoreSegment(unsafe.Slice(unsafe.StringData(seg), len(seg)))
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	if ix.bi, err = bleveOfSegment(sb); err != nil {
		return nil, fmt.Errorf("index: restoring bleve: %w", err)
	}
	// A document an occupation, and one a group with titles.
	if n, err := ix.bi.DocCount(); err != nil || n != uint64(len(c.Occupations)+len(ix.groupEntries)) {
		ix.bi.Close()
		return nil, fmt.Errorf("index: %w: the bleve segment holds %d of the corpus's %d documents", errSnapshotDamaged, n, len(c.Occupations)+len(ix.groupEntries))
	}
	ix.finish(spell)
	return ix, nil
}

// readIDF reads the idf of a hierarchical corpus; none leaves ix.idf nil.
func (ix *Index) readIDF(r *snapReader) {
	ix.idfMax = r.float()
	n := r.count()
	if n == 0 {
		return
	}
	ix.idf = make(map[string]map[string]float64, n)
	for i := 0; i < n; i++ {
		lang := r.str()
		m := r.count()
		ix.idf[lang] = make(map[string]float64, m)
		for j := 0; j < m; j++ {
			t := r.str()
			ix.idf[lang][t] = r.float()
		}
	}
}

// setIDF sets, in a hierarchical corpus, the idf of the terms of entries
// that ranking reads, as precompute would, with one allocation for all.
func (ix *Index) setIDF(es []*entry) {
	if !ix.hier {
		return
	}
	n := 0
	for _, e := range es {
		n += len(e.terms)
	}
	idf := make([]float64, 0, n+1)
	for _, e := range es {
		for _, t := range e.terms {
			idf = append(idf, ix.idfOf(e.lang, t))
		}
		e.idf = idf[len(idf)-len(e.terms) : len(idf) : len(idf)]
	}
}
