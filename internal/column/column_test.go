package column

import (
	"fmt"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		header []string
		name   string
		want   int
		err    string
	}{
		{[]string{"id", "title"}, "title", 1, ""},
		{[]string{"id", " Title "}, "title", 1, ""},
		{[]string{"title", "TITLE"}, "TITLE", 1, ""},
		{[]string{"Title", "TITLE"}, "title", -1, `column "title" appears 2 times in the header (columns: "Title", "TITLE")`},
		{[]string{"title", "label", "title"}, "title", -1, `column "title" appears 2 times in the header (columns: "title", "label", "title")`},
		{[]string{"name"}, "title", -1, `no column "title" in the header (columns: "name")`},
		{nil, "title", -1, `no column "title" in the header (columns: )`},
	}
	for _, tt := range tests {
		got, err := Find(tt.header, tt.name)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != tt.want || msg != tt.err {
			t.Errorf("Find(%q, %q) = %d, %q, want %d, %q", tt.header, tt.name, got, msg, tt.want, tt.err)
		}
		opt, err := Optional(tt.header, tt.name)
		if absent := strings.HasPrefix(msg, "no column"); absent && (opt != -1 || err != nil) || !absent && (opt != got || (err != nil) != (msg != "")) {
			t.Errorf("Optional(%q, %q) = %d, %v; Find gave %d, %q", tt.header, tt.name, opt, err, got, msg)
		}
	}
}

func TestListCuts(t *testing.T) {
	var names []string
	for i := range 32 {
		names = append(names, fmt.Sprint(i))
	}
	if got := List(names); !strings.HasSuffix(got, `"29" and 2 more`) || strings.Contains(got, `"30"`) {
		t.Errorf("List(32 names) = %q, want the first 30 and a count", got)
	}
}
