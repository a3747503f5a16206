package xlsx

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
)

// sharedStrings is the table of shared strings that cells of type "s"
// index. It is held in memory up to Limits.SharedStringsInMemory bytes of
// text, then in a temporary file with the offsets in memory.
type sharedStrings struct {
	mem   []string
	size  int64 // bytes in mem
	file  *os.File
	bw    *bufio.Writer
	off   []int64 // with a file: where each string starts, and the end
	count int
}

func (s *sharedStrings) len() int { return s.count }

func (s *sharedStrings) add(v string, inMemory int64) error {
	s.count++
	if s.file == nil && (inMemory <= 0 || s.size+int64(len(v)) <= inMemory) {
		s.mem = append(s.mem, v)
		s.size += int64(len(v))
		return nil
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "anzsco-xlsx-*.strings")
		if err != nil {
			return fmt.Errorf("shared strings over %d MiB: %w", inMemory>>20, err)
		}
		s.file, s.bw, s.off = f, bufio.NewWriter(f), make([]int64, 0, len(s.mem)+1)
		var at int64
		for _, m := range s.mem {
			s.off = append(s.off, at)
			s.bw.WriteString(m)
			at += int64(len(m))
		}
		s.off = append(s.off, at)
		s.mem = nil
	}
	if _, err := s.bw.WriteString(v); err != nil {
		return err
	}
	s.off = append(s.off, s.off[len(s.off)-1]+int64(len(v)))
	return nil
}

// finish flushes the temporary file, if any.
func (s *sharedStrings) finish() error {
	if s.bw == nil {
		return nil
	}
	return s.bw.Flush()
}

func (s *sharedStrings) get(i int) (string, error) {
	if s.file == nil {
		return s.mem[i], nil
	}
	b := make([]byte, s.off[i+1]-s.off[i])
	if _, err := s.file.ReadAt(b, s.off[i]); err != nil {
		return "", fmt.Errorf("reading shared string %d back: %w", i, err)
	}
	return string(b), nil
}

func (s *sharedStrings) close() error {
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	err := s.file.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	s.file = nil
	return err
}

// readSharedStrings reads the shared strings part f: the text of each
// string item <si>, rich text runs joined.
func (w *Workbook) readSharedStrings(f *zip.File) (_ *sharedStrings, err error) {
	p, err := w.openPart(f)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	s := &sharedStrings{}
	defer func() {
		if err == nil {
			err = s.finish()
		}
		if err != nil {
			s.close()
		}
	}()
	for {
		t, err := p.token()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: after string %d: %w", partName(f), s.count, err)
		}
		if st, ok := t.(xml.StartElement); ok && st.Name.Local == "si" {
			if s.count == w.lim.MaxSharedStrings {
				return nil, fmt.Errorf("%w: %s: over %d strings", ErrLimit, partName(f), w.lim.MaxSharedStrings)
			}
			v, err := p.richText(w.lim.MaxCellBytes)
			if err != nil {
				return nil, fmt.Errorf("%s: string %d: %w", partName(f), s.count, err)
			}
			if err := s.add(v, w.lim.SharedStringsInMemory); err != nil {
				return nil, fmt.Errorf("%s: %w", partName(f), err)
			}
		}
	}
}
