package index

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
)

// bleve's side of a snapshot is one zap segment: the bytes scorch builds
// in memory from the analysed documents. snapshotPlugin is a scorch
// segment plugin that is zap, except that it sorts a batch's documents
// by ID before building their segment (so that a snapshot is the same
// bytes every time), hands the segment it built to whoever asked for it
// (segmentKey), and, when given a segment (segmentKey again), returns that
// one instead of building any: an in-memory index then holds a snapshot's
// segment without analysing or indexing a document.
type snapshotPlugin struct{ zap.ZapPlugin }

const (
	snapshotPluginType    = "anzsco_snapshot"
	snapshotPluginVersion = 1
	// segmentKey names, in the scorch segment configuration, a
	// *segmentSlot.
	segmentKey = "anzsco.segment"
)

// segmentSlot carries a segment into or out of snapshotPlugin.
type segmentSlot struct {
	seg segment.Segment
	// mem is the segment's bytes in zap's file format, when captured.
	mem []byte
}

func init() { scorch.RegisterSegmentPlugin(&snapshotPlugin{}, false) }

func (p *snapshotPlugin) Type() string    { return snapshotPluginType }
func (p *snapshotPlugin) Version() uint32 { return snapshotPluginVersion }

func (p *snapshotPlugin) New(results []index.Document) (segment.Segment, uint64, error) {
	return p.NewUsing(results, nil)
}

func (p *snapshotPlugin) NewUsing(results []index.Document, config map[string]interface{}) (segment.Segment, uint64, error) {
	slot, _ := config[segmentKey].(*segmentSlot)
	if slot != nil && slot.seg != nil {
		return slot.seg, 0, nil
	}
	sort.Slice(results, func(i, j int) bool { return results[i].ID() < results[j].ID() })
	seg, n, err := p.ZapPlugin.NewUsing(results, config)
	if err != nil || slot == nil {
		return seg, n, err
	}
	var buf bytes.Buffer
	if _, err := seg.(*zap.SegmentBase).WriteTo(&buf); err != nil {
		return nil, 0, err
	}
	if err := canonicalSegment(buf.Bytes()); err != nil {
		return nil, 0, err
	}
	slot.mem = buf.Bytes()
	return seg, n, nil
}

// canonicalSegment sorts, in each field's entry of a zap segment's
// sections index, the pairs of section type and address, which zap writes
// in the order of a map, and then sets the footer's CRC again: the same
// documents then make the same bytes. Readers look the pairs up by type.
func canonicalSegment(data []byte) error {
	bad := fmt.Errorf("bleve segment: %w: unexpected layout", errSnapshotDamaged)
	if len(data) < zapFooterSize {
		return bad
	}
	mem := data[:len(data)-zapFooterSize]
	pos := binary.BigEndian.Uint64(data[len(data)-zapFooterSize+20:])
	if pos >= uint64(len(mem)) {
		return bad
	}
	nFields, sz := binary.Uvarint(mem[pos:])
	pos += uint64(sz)
	for i := uint64(0); i < nFields; i++ {
		if sz <= 0 || pos+8 > uint64(len(mem)) {
			return bad
		}
		at := binary.BigEndian.Uint64(mem[pos:])
		pos += 8
		var nameLen, nSections uint64
		ok := at < uint64(len(mem))
		if ok {
			nameLen, sz = binary.Uvarint(mem[at:])
			at += uint64(sz) + nameLen
			ok = sz > 0 && at < uint64(len(mem))
		}
		if ok {
			_, sz = binary.Uvarint(mem[at:]) // options
			at += uint64(sz)
			ok = sz > 0 && at < uint64(len(mem))
		}
		if ok {
			nSections, sz = binary.Uvarint(mem[at:])
			at += uint64(sz)
			ok = sz > 0 && at+10*nSections <= uint64(len(mem))
		}
		if !ok {
			return bad
		}
		pairs := make([][10]byte, nSections)
		for j := range pairs {
			copy(pairs[j][:], mem[at+10*uint64(j):])
		}
		sort.Slice(pairs, func(a, b int) bool { return bytes.Compare(pairs[a][:2], pairs[b][:2]) < 0 })
		for j := range pairs {
			copy(mem[at+10*uint64(j):], pairs[j][:])
		}
	}
	binary.BigEndian.PutUint32(data[len(data)-4:], crc32.ChecksumIEEE(data[:len(data)-4]))
	return nil
}

func (p *snapshotPlugin) Merge(segments []segment.Segment, drops []*roaring.Bitmap, path string,
	closeCh chan struct{}, s segment.StatsReporter) ([][]uint64, uint64, error) {
	return p.ZapPlugin.Merge(segments, drops, path, closeCh, s)
}

// newSnapshotBleve returns an empty in-memory bleve index whose batches go
// through snapshotPlugin with slot.
func newSnapshotBleve(slot *segmentSlot) (bleve.Index, error) {
	return bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, map[string]interface{}{
		"forceSegmentType":    snapshotPluginType,
		"forceSegmentVersion": snapshotPluginVersion,
		"segmentConfig":       map[string]interface{}{segmentKey: slot},
	})
}

// zap's footer, after the segment's data and the writer's id (empty for a
// segment built in memory): the id's length, the number of documents,
// the offsets of the stored fields and of the sections, the chunk mode,
// the version and a CRC-32 of all that comes before it.
const zapFooterSize = 4 + 8 + 8 + 8 + 4 + 4 + 4

// restoreSegment reads a zap segment from its file format, as
// snapshotPlugin captured it, checking its version and CRC.
func restoreSegment(data []byte) (seg segment.Segment, err error) {
	if len(data) < zapFooterSize {
		return nil, fmt.Errorf("bleve segment: %w", errSnapshotDamaged)
	}
	f := data[len(data)-zapFooterSize:]
	be := binary.BigEndian
	idLen, numDocs, stored, sections := be.Uint32(f), be.Uint64(f[4:]), be.Uint64(f[12:]), be.Uint64(f[20:])
	chunkMode, version, crc := be.Uint32(f[28:]), be.Uint32(f[32:]), be.Uint32(f[36:])
	if idLen != 0 || version != zap.Version || crc32.ChecksumIEEE(data[:len(data)-4]) != crc {
		return nil, fmt.Errorf("bleve segment: %w (zap version %d, this anzsco reads %d)", errSnapshotDamaged, version, zap.Version)
	}
	mem := data[:len(data)-zapFooterSize]
	defer func() {
		if r := recover(); r != nil {
			seg, err = nil, fmt.Errorf("bleve segment: %w: %v", errSnapshotDamaged, r)
		}
	}()
	return zap.InitSegmentBase(mem, crc32.ChecksumIEEE(mem), chunkMode, numDocs, stored, sections, nil, &segment.Stats{})
}

// bleveOfSegment returns an in-memory bleve index holding seg alone.
func bleveOfSegment(seg segment.Segment) (bleve.Index, error) {
	bi, err := newSnapshotBleve(&segmentSlot{seg: seg})
	if err != nil {
		return nil, err
	}
	// One placeholder document makes scorch ask the plugin for the
	// segment, which replaces it.
	b := bi.NewBatch()
	if err := b.Index("\x00", map[string]interface{}{}); err != nil {
		bi.Close()
		return nil, err
	}
	if err := bi.Batch(b); err != nil {
		bi.Close()
		return nil, err
	}
	return bi, nil
}
