package index

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"sort"
	"sync"
)

// Word lists of real English and Portuguese words, generated from Debian's
// word lists by index/internal/genwords (see there for sources and
// licences). The speller never corrects a word they hold: "trainee",
// "contract", "beater" and "contrato" are words, not slips.
//
//go:generate go run ./internal/genwords
//go:embed words/*.txt.gz
var wordFiles embed.FS

// dictionary is a sorted list of words, searched by binary search. It is
// decompressed on first use, so a process whose queries hold only corpus
// words never pays for it.
type dictionary struct {
	once  sync.Once
	data  []byte
	lines []uint32 // start of each word in data
}

var dictionaries = map[string]*dictionary{"en": {}, "pt": {}}

// realWord reports whether a folded word is a word of either language.
func realWord(w string) bool {
	for _, lang := range []string{"en", "pt"} {
		if dictionaries[lang].has(lang, w) {
			return true
		}
	}
	return false
}

func (d *dictionary) has(lang, w string) bool {
	d.once.Do(func() { d.load(lang) })
	// string(bytes) in a comparison does not copy the bytes.
	i := sort.Search(len(d.lines), func(i int) bool { return string(d.word(i)) >= w })
	return i < len(d.lines) && string(d.word(i)) == w
}

func (d *dictionary) word(i int) []byte {
	end := len(d.data)
	if i+1 < len(d.lines) {
		end = int(d.lines[i+1]) - 1
	}
	return d.data[d.lines[i]:end]
}

func (d *dictionary) load(lang string) {
	f, err := wordFiles.Open("words/" + lang + ".txt.gz")
	if err != nil {
		return
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return
	}
	d.data = data
	d.lines = append(d.lines, 0)
	for i := bytes.IndexByte(data, '\n'); i >= 0; {
		d.lines = append(d.lines, uint32(i+1))
		j := bytes.IndexByte(data[i+1:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
}
