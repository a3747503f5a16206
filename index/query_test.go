package index

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestQueryValidate(t *testing.T) {
	tests := []struct {
		q     Query
		field string // empty when valid
		msg   string
	}{
		{Query{}, "", ""},
		{Query{Top: MaxTop, MinConfidence: 1}, "", ""},
		{Query{Top: 1, MinConfidence: 0.5}, "", ""},
		{Query{Top: -1}, "top", "top: -1 is not between 0 and 50 (0 means the default, 3)"},
		{Query{Top: MaxTop + 1}, "top", "top: 51 is not between 0 and 50 (0 means the default, 3)"},
		{Query{MinConfidence: -0.1}, "min_confidence", "min_confidence: -0.1 is not between 0 and 1"},
		{Query{MinConfidence: 1.5}, "min_confidence", "min_confidence: 1.5 is not between 0 and 1"},
		{Query{MinConfidence: math.NaN()}, "min_confidence", "min_confidence: NaN is not between 0 and 1"},
		{Query{Top: 99, MinConfidence: 2}, "top", "top: 99 is not between 0 and 50 (0 means the default, 3)"},
	}
	for _, tt := range tests {
		err := tt.q.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%+v.Validate() = %v, want nil", tt.q, err)
			}
			continue
		}
		var qe *QueryError
		if !errors.As(err, &qe) || qe.Field != tt.field || err.Error() != tt.msg {
			t.Errorf("%+v.Validate() = %v, want %s error %q", tt.q, err, tt.field, tt.msg)
		}
	}
}

func TestBlankIsClassifyEmpty(t *testing.T) {
	ix := testIndex(t)
	for _, s := range []string{"", " ", "\t \r\n", "\x00\x01", "\xff\xfe", " \x7f\u0085 ", "a", " x ", "\xffx", "é", strings.Repeat(" ", MaxTitleBytes) + "x"} {
		_, err := ix.Classify(Query{Text: s})
		if got, want := Blank(s), errors.Is(err, ErrEmptyQuery); got != want {
			t.Errorf("Blank(%.20q) = %v, but Classify's error is %v", s, got, err)
		}
	}
}
