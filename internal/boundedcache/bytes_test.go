package boundedcache

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestBytesBudget(t *testing.T) {
	const budget = 64 << 10
	c := NewBytes("test", budget)
	for i := range 20000 {
		k := fmt.Sprintf("word%d", i)
		if _, ok := c.Get(k); ok {
			t.Fatalf("Get(%q) hit before Put", k)
		}
		c.Put(k, []byte("value of "+k))
		if v, ok := c.Get(k); !ok || string(v) != "value of "+k {
			t.Fatalf("Get(%q) = %q, %v after Put", k, v, ok)
		}
	}
	st := c.Stats()
	if st.Bytes > budget || st.Bytes < budget/4 {
		t.Errorf("after 20,000 distinct keys the cache holds %d bytes, want at most the budget %d and not far below", st.Bytes, budget)
	}
	if st.Entries == 0 || st.Entries >= 20000 {
		t.Errorf("the cache holds %d entries, want some and not all", st.Entries)
	}
	if _, ok := c.Get("word0"); ok {
		t.Errorf("the first of 20,000 keys is still in a cache of %d bytes", budget)
	}
	if st := c.Stats(); st.Hits != 20000 || st.Misses != 20001 {
		t.Errorf("hits %d, misses %d; want 20000 and 20001", st.Hits, st.Misses)
	}
}

// TestBytesKeysInUseStay checks that a key looked up as often as others
// are added survives the generations that drop the rest, with its value.
func TestBytesKeysInUseStay(t *testing.T) {
	c := NewBytes("test", 32<<10)
	c.Put("hot", []byte("hot value"))
	for i := range 50000 {
		c.Put(fmt.Sprintf("cold%d", i), []byte(fmt.Sprint(i)))
		if v, ok := c.Get("hot"); !ok || string(v) != "hot value" {
			t.Fatalf("the key in use was %q, %v after %d others", v, ok, i+1)
		}
	}
}

// TestBytesValues checks that values are copied when stored, empty values
// are kept, and a value returned cannot be appended to over another.
func TestBytesValues(t *testing.T) {
	c := NewBytes("test", 1<<20)
	v := []byte("abc")
	c.Put("a", v)
	c.Put("empty", nil)
	c.Put("b", []byte("def"))
	v[0] = 'x'
	got, _ := c.Get("a")
	if string(got) != "abc" {
		t.Errorf("Get(a) = %q after the caller changed its slice, want abc", got)
	}
	if e, ok := c.Get("empty"); !ok || len(e) != 0 {
		t.Errorf("Get(empty) = %q, %v; want an empty value", e, ok)
	}
	_ = append(got, 'z')
	if b, _ := c.Get("b"); string(b) != "def" {
		t.Errorf("appending to a value changed the next one: %q", b)
	}
}

func TestBytesNilAndTooLarge(t *testing.T) {
	c := NewBytes("off", 0)
	c.Put("k", []byte("v"))
	if _, ok := c.Get("k"); ok || c.Stats() != (Stats{}) {
		t.Errorf("a cache of no budget holds something")
	}
	c = NewBytes("small", 1<<10)
	c.Put("big", []byte(strings.Repeat("v", 1<<10)))
	if _, ok := c.Get("big"); ok {
		t.Errorf("an entry larger than the cache was kept")
	}
}

func TestBytesConcurrent(t *testing.T) {
	c := NewBytes("test", 1<<20)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				k := fmt.Sprintf("%d-%d", g, i%100)
				if v, ok := c.Get(k); ok && string(v) != k {
					t.Errorf("Get(%q) = %q", k, v)
					return
				}
				c.Put(k, []byte(k))
			}
		}()
	}
	wg.Wait()
}

// TestBytesStrings checks that values stored as strings come back equal,
// the empty string is a value (not a miss), and a string returned stays
// what it was after its entry is dropped and the shard fills again.
func TestBytesStrings(t *testing.T) {
	c := NewBytes("test", 64<<10) // a generation of 2 KiB a shard
	c.PutString("nurse", "nurs")
	c.PutString("empty", "")
	got, ok := c.GetString("nurse")
	if !ok || got != "nurs" {
		t.Fatalf("GetString(nurse) = %q, %v; want nurs, true", got, ok)
	}
	if e, ok := c.GetString("empty"); !ok || e != "" {
		t.Errorf("GetString(empty) = %q, %v; want \"\", true", e, ok)
	}
	if m, ok := c.GetString("absent"); ok || m != "" {
		t.Errorf("GetString(absent) = %q, %v; want a miss", m, ok)
	}
	for i := 0; i < 20000; i++ {
		c.PutString(fmt.Sprintf("word%d", i), fmt.Sprintf("stem%d", i))
	}
	if _, ok := c.GetString("nurse"); ok {
		t.Fatalf("nurse still cached after 20,000 other entries; the test needs it dropped")
	}
	if got != "nurs" {
		t.Errorf("a string returned before its entry was dropped is now %q, want nurs", got)
	}
	if v, ok := c.GetString("word19999"); !ok || v != "stem19999" {
		t.Errorf("GetString(word19999) = %q, %v; want stem19999, true", v, ok)
	}
}
