package index

import (
	"encoding/binary"
	"errors"
	"maps"
	"math"
	"slices"
	"sort"
)

// The encoding of a snapshot (snapshot.go): unsigned varints, float64 bits,
// and strings as numbers into one table of the snapshot's distinct strings,
// so that the 50,000 terms of the whole ANZSCO's titles are each written
// once, and are read back as pieces of the snapshot's own text, without a
// copy.

// snapWriter encodes a snapshot's body.
type snapWriter struct {
	buf  []byte
	ids  map[string]uint64
	strs []string
}

func newSnapWriter() *snapWriter { return &snapWriter{ids: map[string]uint64{}} }

func (w *snapWriter) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }

func (w *snapWriter) int(v int) { w.uint(uint64(v)) }

func (w *snapWriter) bool(b bool) {
	if b {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

func (w *snapWriter) float(f float64) {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(f))
}

func (w *snapWriter) bytes(b []byte) {
	w.int(len(b))
	w.buf = append(w.buf, b...)
}

// str writes s as its number in the table.
func (w *snapWriter) str(s string) {
	id, ok := w.ids[s]
	if !ok {
		id = uint64(len(w.strs))
		w.ids[s] = id
		w.strs = append(w.strs, s)
	}
	w.uint(id)
}

func (w *snapWriter) strList(ss []string) {
	w.int(len(ss))
	for _, s := range ss {
		w.str(s)
	}
}

// strSet writes the keys of a set, sorted, so that a snapshot is the same
// bytes every time.
func (w *snapWriter) strSet(m map[string]bool) { w.strList(slices.Sorted(maps.Keys(m))) }

// table returns the string table: the count, each length, then the bytes.
func (w *snapWriter) table() []byte {
	var out []byte
	out = binary.AppendUvarint(out, uint64(len(w.strs)))
	for _, s := range w.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
	}
	for _, s := range w.strs {
		out = append(out, s...)
	}
	return out
}

// errSnapshotDamaged is the error of every read past the end of a
// snapshot or of a number out of range.
var errSnapshotDamaged = errors.New("snapshot damaged")

// snapReader decodes what snapWriter wrote. The first error sticks: every
// later read returns zero values, and err reports it.
type snapReader struct {
	data string
	off  int
	strs []string
	err  error
}

func (r *snapReader) fail() {
	if r.err == nil {
		r.err = errSnapshotDamaged
	}
	r.off = len(r.data)
}

func (r *snapReader) uint() uint64 {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if r.off >= len(r.data) || shift > 63 {
			r.fail()
			return 0
		}
		b := r.data[r.off]
		r.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
}

// count reads a length, which cannot exceed the bytes left: every element
// takes at least one.
func (r *snapReader) count() int {
	n := r.uint()
	if n > uint64(len(r.data)-r.off) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *snapReader) int() int {
	v := r.uint()
	if v > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *snapReader) bool() bool { return r.uint() == 1 }

func (r *snapReader) float() float64 {
	if len(r.data)-r.off < 8 {
		r.fail()
		return 0
	}
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(r.data[r.off+i])
	}
	r.off += 8
	return math.Float64frombits(v)
}

// raw reads n bytes as a piece of the snapshot.
func (r *snapReader) raw(n int) string {
	if n < 0 || len(r.data)-r.off < n {
		r.fail()
		return ""
	}
	s := r.data[r.off : r.off+n]
	r.off += n
	return s
}

func (r *snapReader) bytes() string { return r.raw(r.count()) }

func (r *snapReader) str() string {
	id := r.uint()
	if id >= uint64(len(r.strs)) {
		r.fail()
		return ""
	}
	return r.strs[id]
}

func (r *snapReader) strList() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *snapReader) strSet() map[string]bool {
	n := r.count()
	m := make(map[string]bool, n)
	for i := 0; i < n; i++ {
		m[r.str()] = true
	}
	return m
}

// readTable reads the string table.
func (r *snapReader) readTable() {
	n := r.count()
	lens := make([]int, n)
	total := 0
	for i := range lens {
		lens[i] = r.count()
		total += lens[i]
	}
	blob := r.raw(total)
	if r.err != nil {
		return
	}
	r.strs = make([]string, n)
	off := 0
	for i, l := range lens {
		r.strs[i] = blob[off : off+l]
		off += l
	}
}

// writeByteMap and readByteMap carry a map of strings to small numbers
// (indexed, wordLangs), sorted by key.
func (w *snapWriter) byteMap(m map[string]uint8) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.int(len(keys))
	for _, k := range keys {
		w.str(k)
		w.uint(uint64(m[k]))
	}
}

func (r *snapReader) byteMap() map[string]uint8 {
	n := r.count()
	m := make(map[string]uint8, n)
	for i := 0; i < n; i++ {
		k := r.str()
		m[k] = uint8(r.uint())
	}
	return m
}
