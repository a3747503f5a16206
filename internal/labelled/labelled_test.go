package labelled

import (
	"strings"
	"testing"
)

func TestReadHeaderRule(t *testing.T) {
	tests := []struct {
		name, in string
		cols     Columns
		title    string // of the first row; empty when an error is wanted
		err      string
	}{
		{"byte order mark", "\ufefftitle,label\nAgent,541112\n", Columns{}, "Agent", ""},
		{"case and space", " Title ,LABEL\nAgent,541112\n", Columns{}, "Agent", ""},
		{"duplicate title", "title,label,title\nA,541112,B\n", Columns{}, "", `column "title" appears 2 times in the header`},
		{"duplicate optional column", "title,label,note,note\nA,541112,x,y\n", Columns{}, "", `column "note" appears 2 times in the header`},
		{"UTF-16", "\xff\xfet\x00", Columns{}, "", "the file is UTF-16"},
		{"missing label", "title,code\nA,541112\n", Columns{}, "", `no column "label" in the header (columns: "title", "code")`},
	}
	for _, tt := range tests {
		rows, err := Read(strings.NewReader(tt.in), tt.cols)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: Read(%q) error = %v, want one containing %q", tt.name, tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || len(rows) == 0 || rows[0].Title != tt.title {
			t.Errorf("%s: Read(%q) = %+v, %v, want a first title %q", tt.name, tt.in, rows, err, tt.title)
		}
	}
}
