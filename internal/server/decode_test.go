package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/index"
)

func TestParseClassifyBody(t *testing.T) {
	tests := []struct {
		in      string
		want    index.Query
		wantErr string // part of the message; "" for success
	}{
		{`{"text":"agent"}`, index.Query{Text: "agent"}, ""},
		{` {"text":"agent","description":"d","top":5,"explain":true,"min_confidence":0.5} `, index.Query{Text: "agent", Description: "d", Top: 5, Explain: true, MinConfidence: 0.5}, ""},
		{`{"text":"a\u00e7\u00e3o"}`, index.Query{Text: "ação"}, ""},
		{``, index.Query{}, "empty"},
		{`   `, index.Query{}, "empty"},
		{`null`, index.Query{}, "not a JSON object"},
		{`"agent"`, index.Query{}, "not a JSON object"},
		{`{"text":"a",}`, index.Query{}, "invalid JSON at byte"},
		{`{"text":"a"`, index.Query{}, "ends too early"},
		{`{"text":"a"} x`, index.Query{}, "data after the JSON object"},
		{`{"text":"a","Top":1,"colour":1}`, index.Query{}, `unknown field "colour"`},
		{`{"text":["a"]}`, index.Query{}, `field "text": got a JSON array, want a string`},
		{`{"text":"a","top":1.5}`, index.Query{}, `field "top": got a JSON number 1.5, want an integer`},
		{`{"text":"a","explain":"yes"}`, index.Query{}, `field "explain": got a JSON string, want true or false`},
		{`{"text":"a","top":51}`, index.Query{}, "top: 51 is not between 0 and 50"},
		{`{"text":"a","min_confidence":-0.1}`, index.Query{}, "min_confidence"},
	}
	for _, tt := range tests {
		got, err := parseClassifyBody([]byte(tt.in))
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("parseClassifyBody(%s) = error %v, want %+v", tt.in, err, tt.want)
		case tt.wantErr == "" && got != tt.want:
			t.Errorf("parseClassifyBody(%s) = %+v, want %+v", tt.in, got, tt.want)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("parseClassifyBody(%s) = %+v, %v; want an error containing %q", tt.in, got, err, tt.wantErr)
		}
	}
}

func TestParseClassifyQuery(t *testing.T) {
	tests := []struct {
		in      string
		want    index.Query
		wantErr string
	}{
		{"q=call+centre", index.Query{Text: "call centre"}, ""},
		{"q=x&top=2&explain=1&description=d&min_confidence=0.3", index.Query{Text: "x", Top: 2, Explain: true, Description: "d", MinConfidence: 0.3}, ""},
		{"q=x&explain=0", index.Query{Text: "x"}, ""},
		{"q=x&explain=TRUE", index.Query{Text: "x", Explain: true}, ""},
		{"", index.Query{}, ""}, // empty text is the classifier's to refuse
		{"q=x&top=", index.Query{Text: "x"}, ""},
		{"q=x&top=-3", index.Query{}, "top: -3"},
		{"q=x&top=1e3", index.Query{}, `top: "1e3" is not an integer`},
		{"q=x&min_confidence=NaN", index.Query{}, "min_confidence"},
		{"q=x&explain=2", index.Query{}, `explain: "2" is not one of`},
		{"q=x&colour=red", index.Query{}, `unknown parameter "colour"`},
		{"q=x&top=1&top=2", index.Query{}, "top: given 2 times"},
	}
	for _, tt := range tests {
		v, err := url.ParseQuery(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseClassifyQuery(v)
		switch {
		case tt.wantErr == "" && (err != nil || got != tt.want):
			t.Errorf("parseClassifyQuery(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("parseClassifyQuery(%q) = %+v, %v; want an error containing %q", tt.in, got, err, tt.wantErr)
		}
	}
}

func TestParseBatchBody(t *testing.T) {
	tests := []struct {
		in         string
		wantItems  int
		wantStatus int // for errors
	}{
		{`{"items":[{"id":"1","text":"a"},{"text":"b","description":"c"}]}`, 2, 0},
		{`{"items":[{"id":"1","text":"a"}],"top":1,"explain":true}`, 1, 0},
		{`{"items":[]}`, 0, 400},
		{`{"items":null}`, 0, 400},
		{`{"items":[{"id":1,"text":"a"}]}`, 0, 400},
		{`{"items":[{"text":"a","extra":1}]}`, 0, 400},
		{`{"items":[{},{},{}]}`, 0, 413},
		{`{"items":[{}],"top":99}`, 0, 400},
	}
	for _, tt := range tests {
		got, err := parseBatchBody([]byte(tt.in), 2)
		var e *Error
		switch {
		case tt.wantStatus == 0 && (err != nil || len(got.Items) != tt.wantItems):
			t.Errorf("parseBatchBody(%s) = %v, %v; want %d items", tt.in, got, err, tt.wantItems)
		case tt.wantStatus != 0 && (!errors.As(err, &e) || e.Status != tt.wantStatus):
			t.Errorf("parseBatchBody(%s) = %v; want status %d", tt.in, err, tt.wantStatus)
		}
	}
}

// checkDecodeError checks the error contract of the decoders: an *Error
// with a 4xx status, a known code and a one-line message.
func checkDecodeError(t *testing.T, in string, err error) {
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("decoding %q: error %v (%T) is not an *Error", in, err, err)
	}
	if e.Status != http.StatusBadRequest && e.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("decoding %q: status %d, want 400 or 413", in, e.Status)
	}
	if e.Code != CodeBadJSON && e.Code != CodeInvalidParameter && e.Code != CodeTooManyItems {
		t.Fatalf("decoding %q: code %q is not a decoding error code", in, e.Code)
	}
	if e.Message == "" || strings.ContainsAny(e.Message, "\r\n") {
		t.Fatalf("decoding %q: message %q, want one non-empty line", in, e.Message)
	}
}

// FuzzParseClassifyBody checks that any body gives either a query that
// round-trips through JSON or a one-line 400 error, and never panics.
func FuzzParseClassifyBody(f *testing.F) {
	for _, s := range []string{
		`{"text":"Contact Center Supervisor"}`,
		`{"text":"agent","description":"answers calls","top":3,"explain":true,"min_confidence":0.2}`,
		`{"text":"\ud800"}`,
		`{"text":"a","top":1e400}`,
		`{"text":"a"}{`,
		`[{"text":"a"}]`,
		"{\"text\":\"\xff\xfe\"}",
		``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := parseClassifyBody(data)
		if err != nil {
			checkDecodeError(t, string(data), err)
			return
		}
		if q.Top < 0 || q.Top > index.MaxTop || q.MinConfidence < 0 || q.MinConfidence > 1 {
			t.Fatalf("parseClassifyBody(%q) = %+v: out of range", data, q)
		}
		again, err := json.Marshal(classifyRequest{Text: q.Text, Description: q.Description, Top: q.Top, Explain: q.Explain, MinConfidence: q.MinConfidence})
		if err != nil {
			t.Fatal(err)
		}
		q2, err := parseClassifyBody(again)
		if err != nil || q2 != q {
			t.Fatalf("round trip of %q: %+v, %v; want %+v", data, q2, err, q)
		}
	})
}

// FuzzParseBatchBody checks the batch decoder the same way.
func FuzzParseBatchBody(f *testing.F) {
	for _, s := range []string{
		`{"items":[{"id":"1","text":"agent"},{"id":"2","text":""}]}`,
		`{"items":[{"text":"a","description":"b"}],"top":2,"explain":false}`,
		`{"items":[1,2]}`,
		`{"items":[{"id":null}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := parseBatchBody(data, 10)
		if err != nil {
			checkDecodeError(t, string(data), err)
			return
		}
		if len(req.Items) == 0 || len(req.Items) > 10 {
			t.Fatalf("parseBatchBody(%q): %d items accepted, want 1 to 10", data, len(req.Items))
		}
	})
}

// FuzzParseClassifyQuery checks the query-string parser.
func FuzzParseClassifyQuery(f *testing.F) {
	for _, s := range []string{"q=agent", "q=a&top=2&explain=1", "q=%ff&top=-1", "top=1&top=2", "q=a;b", "min_confidence=1e-9&q=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseClassifyQuery(v)
		if err != nil {
			checkDecodeError(t, raw, err)
			return
		}
		if q.Text != v.Get("q") || q.Top < 0 || q.Top > index.MaxTop {
			t.Fatalf("parseClassifyQuery(%q) = %+v", raw, q)
		}
	})
}
