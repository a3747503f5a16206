package index

import (
	"cmp"
	"slices"
	"sync"
)

// occLookup answers, for one occupation, what ranking asks of each query
// term, with one lookup: which of its entries hold the term, whether its
// titles or its groups' hold it and whether its description or tasks do.
// An occupation of the whole ANZSCO has about 160 entries with its groups'
// (up to 900), and only those holding a query term can change its
// features, so they are found here instead of read one by one.
type occLookup struct {
	// langs[i] is the lookup of the language oi.langs[i].
	langs []langLookup
	// vocabLangs are the languages in which the occupation has titles.
	vocabLangs []string
}

// langLookup is an occupation's lookup in one language.
type langLookup struct {
	// ids are the numbers (termIDs) of the terms it holds, ascending, and
	// infos[i] describes the term ids[i]: a search in a short array, not a
	// map lookup, for each query term of each candidate.
	ids   []int32
	infos []termInfo
	// first is the position of the first entry with terms, or -1.
	first int
	// entries are oi.langEntries of the language.
	entries []*entry
}

// termInfo is what an occupation holds of one term.
type termInfo struct {
	// posts are the entries that hold the term, ascending: each is a
	// post, the entry's position in langEntries and where the term is
	// among its terms.
	posts []int32
	// title: a title of the occupation or of its groups holds it; text:
	// its description or tasks do.
	title, text bool
	// unit: a title of any occupation of its unit group holds it.
	unit bool
}

// A post packs an entry's position in langEntries (above postShift) with
// the index of one of its terms (below postCore; postNoTerm when the index
// does not fit a 64-bit mask, or names no term), and, when a query is
// gathered, postCore for a term of the query's first part.
const (
	postShift  = 8
	postCore   = 1 << 7
	postNoTerm = 64
	postTerm   = postCore - 1
)

// newPost packs the position pos and the term index i.
func newPost(pos, i int) int32 {
	return int32(pos<<postShift | min(i, postNoTerm))
}

// lookupOf returns oi's occLookup, made on first use. Safe for concurrent
// use.
func (ix *Index) lookupOf(oi *occInfo) *occLookup {
	oi.lookupOnce.Do(func() {
		l := &occLookup{langs: make([]langLookup, len(oi.langs))}
		for lang, v := range oi.vocab {
			if v != nil {
				l.vocabLangs = append(l.vocabLangs, lang)
			}
		}
		for li, lang := range oi.langs {
			tm := map[string]termInfo{}
			update := func(t string, f func(*termInfo)) {
				ti := tm[t]
				f(&ti)
				tm[t] = ti
			}
			first := -1
			for i, e := range oi.langEntries[lang] {
				if first < 0 && len(e.terms) > 0 {
					first = i
				}
				for k, t := range e.terms {
					update(t, func(ti *termInfo) { ti.posts = append(ti.posts, newPost(i, k)) })
				}
			}
			for _, m := range []map[string]bool{oi.vocab[lang], ix.groupVocab[oi.unit.Code][lang], ix.groupVocab[oi.minor.Code][lang]} {
				for t := range m {
					update(t, func(ti *termInfo) { ti.title = true })
				}
			}
			for t := range ix.unitVocab[oi.unit.Code][lang] {
				update(t, func(ti *termInfo) { ti.unit = true })
			}
			for t := range oi.textVocab[lang] {
				update(t, func(ti *termInfo) { ti.text = true })
			}
			ll := langLookup{first: first, entries: oi.langEntries[lang]}
			ll.ids, ll.infos = ix.lookupTerms.number(lang, tm)
			l.langs[li] = ll
		}
		oi.lookup = l
	})
	return oi.lookup
}

// find returns what the occupation holds of the term numbered id.
func (ll *langLookup) find(id int32) termInfo {
	if i, ok := slices.BinarySearch(ll.ids, id); ok {
		return ll.infos[i]
	}
	return termInfo{}
}

// termIDs numbers terms, language by language, as occupations' lookups
// are made: the numbers are only ever those of terms of the corpus, and a
// query term without one is held by no lookup made so far.
type termIDs struct {
	mu  sync.RWMutex
	ids map[string]map[string]int32
}

// number gives each term of tm a number and returns the numbers,
// ascending, with the descriptions in the same order.
func (n *termIDs) number(lang string, tm map[string]termInfo) ([]int32, []termInfo) {
	type numbered struct {
		id int32
		ti termInfo
	}
	all := make([]numbered, 0, len(tm))
	n.mu.Lock()
	if n.ids == nil {
		n.ids = map[string]map[string]int32{}
	}
	m := n.ids[lang]
	if m == nil {
		m = map[string]int32{}
		n.ids[lang] = m
	}
	for t, ti := range tm {
		id, ok := m[t]
		if !ok {
			id = int32(len(m))
			m[t] = id
		}
		all = append(all, numbered{id, ti})
	}
	n.mu.Unlock()
	slices.SortFunc(all, func(a, b numbered) int { return cmp.Compare(a.id, b.id) })
	ids, infos := make([]int32, len(all)), make([]termInfo, len(all))
	for i, x := range all {
		ids[i], infos[i] = x.id, x.ti
	}
	return ids, infos
}

// resolve sets ids[i] to the number of terms[i], or -1 when it has none.
func (n *termIDs) resolve(lang string, terms []string, ids []int32) {
	n.mu.RLock()
	m := n.ids[lang]
	for i, t := range terms {
		id, ok := m[t]
		if !ok {
			id = -1
		}
		ids[i] = id
	}
	n.mu.RUnlock()
}
