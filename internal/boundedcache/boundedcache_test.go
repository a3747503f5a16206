package boundedcache

import (
	"fmt"
	"sync"
	"testing"
)

func TestBudget(t *testing.T) {
	const budget = 64 << 10
	c := New[string]("test", budget)
	for i := range 20000 {
		k := fmt.Sprintf("word%d", i)
		if _, ok := c.Get(k); ok {
			t.Fatalf("Get(%q) hit before Put", k)
		}
		c.Put(k, k, int64(len(k)))
	}
	st := c.Stats()
	if st.Bytes > budget || st.Bytes < budget/4 {
		t.Errorf("after 20,000 distinct keys the cache holds %d bytes, want at most the budget %d and not far below", st.Bytes, budget)
	}
	if st.Entries == 0 || st.Entries >= 20000 {
		t.Errorf("the cache holds %d entries, want some and not all", st.Entries)
	}
	if _, ok := c.Get("word19999"); !ok {
		t.Errorf("the latest key is not in the cache")
	}
	if _, ok := c.Get("word0"); ok {
		t.Errorf("the first of 20,000 keys is still in a cache of %d bytes", budget)
	}
	if st := c.Stats(); st.Hits != 1 || st.Misses != 20001 {
		t.Errorf("hits %d, misses %d; want 1 and 20001", st.Hits, st.Misses)
	}
}

// TestKeysInUseStay checks that a key looked up as often as others are
// added survives the generations that drop the rest.
func TestKeysInUseStay(t *testing.T) {
	c := New[int]("test", 32<<10)
	c.Put("hot", 1, 8)
	for i := range 50000 {
		c.Put(fmt.Sprintf("cold%d", i), i, 8)
		if _, ok := c.Get("hot"); !ok {
			t.Fatalf("the key in use was dropped after %d others", i+1)
		}
	}
}

func TestNilAndTooLarge(t *testing.T) {
	var c *Cache[string] = New[string]("off", 0)
	c.Put("k", "v", 1)
	if _, ok := c.Get("k"); ok || c.Stats() != (Stats{}) {
		t.Errorf("a cache of no budget holds something")
	}
	c = New[string]("small", 1<<10)
	c.Put("big", "v", 1<<20)
	if _, ok := c.Get("big"); ok {
		t.Errorf("an entry larger than the cache was kept")
	}
}

func TestConcurrent(t *testing.T) {
	c := New[int]("test", 1<<20)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				k := fmt.Sprintf("%d-%d", g, i%100)
				if v, ok := c.Get(k); ok && v != i%100 {
					t.Errorf("Get(%q) = %d, want %d", k, v, i%100)
					return
				}
				c.Put(k, i%100, 8)
			}
		}()
	}
	wg.Wait()
}
