package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/index"
)

const jsonCT = "application/json"

// TestRoutes sends one request per case and checks the status and, for
// errors, the error code of the JSON body.
func TestRoutes(t *testing.T) {
	bigBatch := `{"items":[` + strings.TrimSuffix(strings.Repeat(`{"text":"agent"},`, 6), ",") + `]}`
	tests := []struct {
		name, method, target, ct, body string
		wantStatus                     int
		wantCode                       string // error code, for errors
		wantCT                         string // Content-Type prefix, for successes
	}{
		{"classify get", "GET", "/v1/classify?q=call+centre+agent", "", "", 200, "", jsonCT},
		{"classify get explain", "GET", "/v1/classify?q=agent&explain=1&top=1", "", "", 200, "", jsonCT},
		{"classify head", "HEAD", "/v1/classify?q=agent", "", "", 200, "", jsonCT},
		{"classify get no q", "GET", "/v1/classify", "", "", 400, CodeEmptyText, ""},
		{"classify get blank q", "GET", "/v1/classify?q=%20%20", "", "", 400, CodeEmptyText, ""},
		{"classify get unknown param", "GET", "/v1/classify?query=agent", "", "", 400, CodeInvalidParameter, ""},
		{"classify get repeated q", "GET", "/v1/classify?q=a&q=b", "", "", 400, CodeInvalidParameter, ""},
		{"classify get bad top", "GET", "/v1/classify?q=a&top=three", "", "", 400, CodeInvalidParameter, ""},
		{"classify get top too big", "GET", "/v1/classify?q=a&top=51", "", "", 400, CodeInvalidParameter, ""},
		{"classify get bad explain", "GET", "/v1/classify?q=a&explain=maybe", "", "", 400, CodeInvalidParameter, ""},
		{"classify get bad min_confidence", "GET", "/v1/classify?q=a&min_confidence=2", "", "", 400, CodeInvalidParameter, ""},
		{"classify post", "POST", "/v1/classify", jsonCT, `{"text":"call centre agent","top":2}`, 200, "", jsonCT},
		{"classify post charset", "POST", "/v1/classify", "application/json; charset=utf-8", `{"text":"agent"}`, 200, "", jsonCT},
		{"classify post no content type", "POST", "/v1/classify", "", `{"text":"agent"}`, 200, "", jsonCT},
		{"classify post empty text", "POST", "/v1/classify", jsonCT, `{"text":""}`, 400, CodeEmptyText, ""},
		{"classify post no text", "POST", "/v1/classify", jsonCT, `{"description":"answers calls"}`, 400, CodeEmptyText, ""},
		{"classify post empty body", "POST", "/v1/classify", jsonCT, ``, 400, CodeBadJSON, ""},
		{"classify post bad json", "POST", "/v1/classify", jsonCT, `{"text":`, 400, CodeBadJSON, ""},
		{"classify post array", "POST", "/v1/classify", jsonCT, `["agent"]`, 400, CodeBadJSON, ""},
		{"classify post unknown field", "POST", "/v1/classify", jsonCT, `{"txt":"agent"}`, 400, CodeBadJSON, ""},
		{"classify post wrong type", "POST", "/v1/classify", jsonCT, `{"text":"a","top":"2"}`, 400, CodeBadJSON, ""},
		{"classify post trailing data", "POST", "/v1/classify", jsonCT, `{"text":"a"}{"text":"b"}`, 400, CodeBadJSON, ""},
		{"classify post negative top", "POST", "/v1/classify", jsonCT, `{"text":"a","top":-1}`, 400, CodeInvalidParameter, ""},
		{"classify post form", "POST", "/v1/classify", "application/x-www-form-urlencoded", `text=agent`, 415, CodeUnsupportedMedia, ""},
		{"classify post text/plain", "POST", "/v1/classify", "text/plain", `{"text":"agent"}`, 415, CodeUnsupportedMedia, ""},
		{"classify post too large", "POST", "/v1/classify", jsonCT, `{"text":"` + strings.Repeat("a", 300) + `"}`, 413, CodeBodyTooLarge, ""},
		{"classify delete", "DELETE", "/v1/classify", "", "", 405, CodeMethodNotAllowed, ""},
		{"classify options", "OPTIONS", "/v1/classify", "", "", 204, "", ""},
		{"batch", "POST", "/v1/classify/batch", jsonCT, `{"items":[{"id":"1","text":"agent"},{"id":"2","text":""}]}`, 200, "", jsonCT},
		{"batch empty", "POST", "/v1/classify/batch", jsonCT, `{"items":[]}`, 400, CodeBadJSON, ""},
		{"batch no items", "POST", "/v1/classify/batch", jsonCT, `{}`, 400, CodeBadJSON, ""},
		{"batch too many", "POST", "/v1/classify/batch", jsonCT, bigBatch, 413, CodeTooManyItems, ""},
		{"batch item not object", "POST", "/v1/classify/batch", jsonCT, `{"items":["agent"]}`, 400, CodeBadJSON, ""},
		{"batch get", "GET", "/v1/classify/batch", "", "", 405, CodeMethodNotAllowed, ""},
		{"occupations", "GET", "/v1/occupations", "", "", 200, "", jsonCT},
		{"occupations post", "POST", "/v1/occupations", jsonCT, `{}`, 405, CodeMethodNotAllowed, ""},
		{"occupation", "GET", "/v1/occupations/541111", "", "", 200, "", jsonCT},
		{"occupation contrast", "GET", "/v1/occupations/149211", "", "", 200, "", jsonCT},
		{"occupation unknown", "GET", "/v1/occupations/999999", "", "", 404, CodeNotFound, ""},
		{"occupation not a code", "GET", "/v1/occupations/abc", "", "", 404, CodeNotFound, ""},
		{"occupation that is a group", "GET", "/v1/occupations/5411", "", "", 404, CodeNotFound, ""},
		{"group", "GET", "/v1/groups/5411", "", "", 200, "", jsonCT},
		{"major group", "GET", "/v1/groups/5", "", "", 200, "", jsonCT},
		{"group that is an occupation", "GET", "/v1/groups/541111", "", "", 404, CodeNotFound, ""},
		{"group unknown", "GET", "/v1/groups/9999", "", "", 404, CodeNotFound, ""},
		{"group post", "POST", "/v1/groups/5411", jsonCT, `{}`, 405, CodeMethodNotAllowed, ""},
		{"healthz", "GET", "/healthz", "", "", 200, "", jsonCT},
		{"readyz", "GET", "/readyz", "", "", 200, "", jsonCT},
		{"metrics", "GET", "/metrics", "", "", 200, "", "text/plain"},
		{"openapi", "GET", "/openapi.json", "", "", 200, "", jsonCT},
		{"page", "GET", "/", "", "", 200, "", "text/html"},
		{"page post", "POST", "/", jsonCT, `{}`, 405, CodeMethodNotAllowed, ""},
		{"script", "GET", "/static/app.js", "", "", 200, "", "text/javascript"},
		{"style", "GET", "/static/style.css", "", "", 200, "", "text/css"},
		{"static unknown", "GET", "/static/nope.js", "", "", 404, CodeNotFound, ""},
		{"static index", "GET", "/static/index.html", "", "", 404, CodeNotFound, ""},
		{"unknown path", "GET", "/v2/classify", "", "", 404, CodeNotFound, ""},
		{"unknown path post", "POST", "/nope", jsonCT, `{}`, 404, CodeNotFound, ""},
	}
	s, _ := newTestServer(t, newFake(t), Config{MaxBodyBytes: 256, MaxBatchItems: 5})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(t, s, tt.method, tt.target, tt.ct, tt.body)
			if resp.StatusCode != tt.wantStatus {
				body, _ := io.ReadAll(resp.Body)
				t.Fatalf("%s %s: status = %d, want %d (body %s)", tt.method, tt.target, resp.StatusCode, tt.wantStatus, body)
			}
			if tt.wantCode != "" {
				if code, msg := decodeError(t, resp); code != tt.wantCode {
					t.Errorf("%s %s: error code = %q (%s), want %q", tt.method, tt.target, code, msg, tt.wantCode)
				}
			}
			if tt.wantCT != "" {
				if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.wantCT) {
					t.Errorf("%s %s: Content-Type = %q, want %s", tt.method, tt.target, ct, tt.wantCT)
				}
			}
			allow := resp.Header.Get("Allow")
			if tt.wantStatus == 405 && (allow == "" || strings.Contains(allow, tt.method)) {
				t.Errorf("%s %s: Allow = %q, want the other methods", tt.method, tt.target, allow)
			}
			if tt.method == "OPTIONS" && allow != "GET, HEAD, OPTIONS, POST" {
				t.Errorf("%s %s: Allow = %q, want GET, HEAD, OPTIONS, POST", tt.method, tt.target, allow)
			}
		})
	}
}

// TestClassifyPassesQuery checks that each way of asking reaches the
// classifier with the same query.
func TestClassifyPassesQuery(t *testing.T) {
	want := index.Query{Text: "team leader", Description: "coaches operators", Top: 2, Explain: true, MinConfidence: 0.25}
	tests := []struct {
		name, method, target, body string
	}{
		{"get", "GET", "/v1/classify?q=team+leader&description=coaches+operators&top=2&explain=true&min_confidence=0.25", ""},
		{"post", "POST", "/v1/classify", `{"text":"team leader","description":"coaches operators","top":2,"explain":true,"min_confidence":0.25}`},
		{"batch", "POST", "/v1/classify/batch", `{"items":[{"id":"x","text":"team leader","description":"coaches operators"}],"top":2,"explain":true,"min_confidence":0.25}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			s, _ := newTestServer(t, f, Config{})
			resp := do(t, s, tt.method, tt.target, jsonCT, tt.body)
			if resp.StatusCode != 200 {
				t.Fatalf("status = %d, want 200", resp.StatusCode)
			}
			if len(f.calls) != 1 || f.calls[0] != want {
				t.Errorf("classifier got %+v, want [%+v]", f.calls, want)
			}
		})
	}
}

// TestClassifyBody checks that the body is the classifier's Result as it
// marshals, code null when outside.
func TestClassifyBody(t *testing.T) {
	f := newFake(t)
	s, _ := newTestServer(t, f, Config{})
	for _, text := range []string{"agent", "outside thing"} {
		resp := do(t, s, "GET", "/v1/classify?q="+strings.ReplaceAll(text, " ", "+"), "", "")
		got, _ := io.ReadAll(resp.Body)
		res, _ := f.fn(index.Query{Text: text})
		want, _ := json.Marshal(res)
		if string(got) != string(want)+"\n" {
			t.Errorf("GET /v1/classify?q=%s = %s, want %s", text, got, want)
		}
		var m map[string]any
		json.Unmarshal(got, &m)
		if _, present := m["code"]; !present {
			t.Errorf("GET /v1/classify?q=%s: no \"code\" member", text)
		}
		if (m["code"] == nil) != strings.HasPrefix(text, "outside") {
			t.Errorf("GET /v1/classify?q=%s: code = %v, want null only when outside", text, m["code"])
		}
	}
}

// TestBatch checks order, ids and the error object in place of an item
// with empty text.
func TestBatch(t *testing.T) {
	s, _ := newTestServer(t, newFake(t), Config{})
	body := `{"items":[{"id":"a","text":"agent"},{"id":"b","text":"  "},{"id":"c","text":"outside x"},{"text":"no id"}]}`
	resp := do(t, s, "POST", "/v1/classify/batch", jsonCT, body)
	if resp.StatusCode != 200 {
		t.Fatalf("status = %d, want 200", resp.StatusCode)
	}
	var got struct {
		Results []struct {
			ID    *string        `json:"id"`
			Input string         `json:"input"`
			Code  *string        `json:"code"`
			Error *errorDetail   `json:"error"`
			Rest  map[string]any `json:"-"`
		} `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatalf("decoding the batch response: %v", err)
	}
	type row struct {
		id, input, errCode string
		outside            bool
	}
	want := []row{{"a", "agent", "", false}, {"b", "  ", CodeEmptyText, true}, {"c", "outside x", "", true}, {"", "no id", "", false}}
	if len(got.Results) != len(want) {
		t.Fatalf("%d results, want %d", len(got.Results), len(want))
	}
	for i, r := range got.Results {
		g := row{input: r.Input, outside: r.Code == nil}
		if r.ID != nil {
			g.id = *r.ID
		} else {
			t.Errorf("result %d: no id member", i+1)
		}
		if r.Error != nil {
			g.errCode = r.Error.Code
			if !strings.Contains(r.Error.Message, "item 2") {
				t.Errorf("result %d: error message %q does not name the item", i+1, r.Error.Message)
			}
		}
		if g != want[i] {
			t.Errorf("result %d = %+v, want %+v", i+1, g, want[i])
		}
	}
}

// TestClassifierFailure checks that an unexpected classifier error is a
// logged 500 whose body does not leak the error text.
func TestClassifierFailure(t *testing.T) {
	f := newFake(t)
	f.fn = func(index.Query) (*index.Result, error) { return nil, errors.New("segment 7 is corrupt") }
	s, logBuf := newTestServer(t, f, Config{})
	for _, tc := range []struct{ method, target, body string }{
		{"GET", "/v1/classify?q=agent", ""},
		{"POST", "/v1/classify", `{"text":"agent"}`},
		{"POST", "/v1/classify/batch", `{"items":[{"text":"agent"}]}`},
	} {
		resp := do(t, s, tc.method, tc.target, jsonCT, tc.body)
		if resp.StatusCode != 500 {
			t.Fatalf("%s %s: status = %d, want 500", tc.method, tc.target, resp.StatusCode)
		}
		code, msg := decodeError(t, resp)
		if code != CodeInternal || strings.Contains(msg, "corrupt") {
			t.Errorf("%s %s: error = %s %q, want internal without the cause", tc.method, tc.target, code, msg)
		}
	}
	if n := strings.Count(logBuf.String(), "segment 7 is corrupt"); n != 3 {
		t.Errorf("the log names the cause %d times, want 3:\n%s", n, logBuf)
	}
}

// TestClientGone checks that a batch whose client has gone away stops
// without an error in the log: nothing failed on the server's side, and a
// soak or an alert must not count it.
func TestClientGone(t *testing.T) {
	f := newFake(t)
	ctx, cancel := context.WithCancel(context.Background())
	f.fn = func(q index.Query) (*index.Result, error) {
		cancel() // the client hangs up during the first item
		return echoResult(f.c)(q)
	}
	s, logBuf := newTestServer(t, f, Config{})
	req := httptest.NewRequest("POST", "/v1/classify/batch", strings.NewReader(`{"items":[{"text":"agent"},{"text":"agent two"}]}`))
	req.Header.Set("Content-Type", jsonCT)
	req = req.WithContext(ctx)
	s.ServeHTTP(httptest.NewRecorder(), req)
	if f.callCount() != 1 {
		t.Errorf("the classifier was called %d times, want 1 (the batch stops when the client goes)", f.callCount())
	}
	if strings.Contains(logBuf.String(), `"level":"ERROR"`) {
		t.Errorf("a request abandoned by its client was logged as an error:\n%s", logBuf)
	}
	if !strings.Contains(logBuf.String(), "request abandoned") {
		t.Errorf("the log does not say the request was abandoned:\n%s", logBuf)
	}
}

// TestOccupation checks the record view against the corpus.
func TestOccupation(t *testing.T) {
	f := newFake(t)
	s, _ := newTestServer(t, f, Config{})
	for _, o := range f.c.Occupations {
		resp := do(t, s, "GET", "/v1/occupations/"+o.Code, "", "")
		var got occupationView
		if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
			t.Fatalf("GET /v1/occupations/%s: %v", o.Code, err)
		}
		if got.Code != o.Code || got.Title != o.Title() || got.Scope != o.Scope || got.SkillLevel != o.SkillLevel || len(got.Text) != len(o.Text) {
			t.Errorf("GET /v1/occupations/%s = %s %q %s level %d, %d languages; want %s %q %s level %d, %d languages",
				o.Code, got.Code, got.Title, got.Scope, got.SkillLevel, len(got.Text), o.Code, o.Title(), o.Scope, o.SkillLevel, len(o.Text))
		}
		for _, tv := range got.Text {
			src := o.Text[tv.Lang]
			if src == nil || len(tv.Tasks) != len(src.Tasks) || len(tv.AlternativeTitles) != len(src.AlternativeTitles) || (src.Qualifications != nil) != (tv.Qualifications != nil) {
				t.Errorf("GET /v1/occupations/%s: text %q does not match the corpus", o.Code, tv.Lang)
			}
		}
	}
	resp := do(t, s, "GET", "/v1/occupations", "", "")
	var list occupationList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	if len(list.Occupations) != len(f.c.Occupations) || list.Corpus.Version != f.c.Version || fmt.Sprint(list.Corpus.Targets) != fmt.Sprint(f.c.Targets()) {
		t.Errorf("GET /v1/occupations: %d records, corpus %+v; want %d records, version %s, targets %v",
			len(list.Occupations), list.Corpus, len(f.c.Occupations), f.c.Version, f.c.Targets())
	}
}

// TestGroup checks the group view: a unit group lists its parents and the
// corpus's occupations in it, and an occupation's path that names a group
// says where the group is.
func TestGroup(t *testing.T) {
	s, _ := newTestServer(t, defaultIndex(t), Config{})
	resp := do(t, s, "GET", "/v1/groups/5411", "", "")
	var got groupView
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatalf("GET /v1/groups/5411: %v", err)
	}
	var parents, members []string
	for _, p := range got.Parents {
		parents = append(parents, p.Level+" "+p.Code)
	}
	for _, m := range got.Occupations {
		members = append(members, m.Code+" "+m.Title)
	}
	if got.Level != "unit" || got.Code != "5411" || got.Title != "Call or Contact Centre Workers" ||
		fmt.Sprint(parents) != "[major 5 sub-major 54 minor 541]" ||
		fmt.Sprint(members) != "[541111 Call or Contact Centre Team Leader 541112 Call or Contact Centre Operator]" {
		t.Errorf("GET /v1/groups/5411 = %s %s %q, parents %v, occupations %v", got.Level, got.Code, got.Title, parents, members)
	}
	resp = do(t, s, "GET", "/v1/occupations/5411", "", "")
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(string(body), "/v1/groups/5411") {
		t.Errorf("GET /v1/occupations/5411 = %d %s; want 404 naming /v1/groups/5411", resp.StatusCode, body)
	}
}

// TestCache checks that a repeated query is answered from the cache with
// the same bytes, and that the cache can be turned off.
func TestCache(t *testing.T) {
	tests := []struct {
		cacheBytes int
		wantCalls  int
	}{
		{0, 1},  // default budget
		{-1, 3}, // off
	}
	for _, tt := range tests {
		f := newFake(t)
		s, _ := newTestServer(t, f, Config{CacheBytes: tt.cacheBytes})
		var bodies []string
		for _, req := range []struct{ method, target, body string }{
			{"GET", "/v1/classify?q=agent", ""},
			{"POST", "/v1/classify", `{"text":"agent"}`},
			{"POST", "/v1/classify/batch", `{"items":[{"text":"agent"}]}`},
		} {
			resp := do(t, s, req.method, req.target, jsonCT, req.body)
			b, _ := io.ReadAll(resp.Body)
			bodies = append(bodies, string(b))
		}
		if got := f.callCount(); got != tt.wantCalls {
			t.Errorf("CacheBytes %d: classifier called %d times for 3 equal queries, want %d", tt.cacheBytes, got, tt.wantCalls)
		}
		if bodies[0] != bodies[1] {
			t.Errorf("CacheBytes %d: GET and POST answers differ:\n%s\n%s", tt.cacheBytes, bodies[0], bodies[1])
		}
		if want := `{"results":[{"id":"",` + strings.TrimPrefix(strings.TrimSpace(bodies[0]), "{") + "]}\n"; bodies[2] != want {
			t.Errorf("CacheBytes %d: batch answer = %s, want %s", tt.cacheBytes, bodies[2], want)
		}
	}
}

// TestMetrics checks the request, latency and classification series.
func TestMetrics(t *testing.T) {
	s, _ := newTestServer(t, newFake(t), Config{})
	do(t, s, "GET", "/v1/classify?q=agent", "", "")
	do(t, s, "GET", "/v1/classify?q=outside+thing", "", "")
	do(t, s, "GET", "/v1/classify?q=agent", "", "")
	do(t, s, "GET", "/v1/occupations/000000", "", "")
	do(t, s, "GET", "/made/up/path", "", "")
	resp := do(t, s, "GET", "/metrics", "", "")
	body, _ := io.ReadAll(resp.Body)
	target := newFake(t).c.Targets()[0]
	for _, want := range []string{
		`anzsco_http_requests_total{method="GET",route="/v1/classify",status="200"} 3`,
		`anzsco_http_requests_total{method="GET",route="/v1/occupations/{code}",status="404"} 1`,
		`anzsco_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`anzsco_http_request_duration_seconds_count{route="/v1/classify",status="200"} 3`,
		`anzsco_classifications_total{code="` + target + `"} 2`,
		`anzsco_classifications_total{code="outside"} 1`,
		`anzsco_result_cache_lookups_total{outcome="hit"} 1`,
		`anzsco_result_cache_lookups_total{outcome="miss"} 2`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics has no line %s", want)
		}
	}
	if strings.Contains(string(body), "/made/up/path") {
		t.Errorf("/metrics has a label for a made-up path")
	}
}

// TestAccessLog checks that each request is logged as one JSON record.
func TestAccessLog(t *testing.T) {
	s, logBuf := newTestServer(t, newFake(t), Config{})
	do(t, s, "GET", "/v1/classify?q=agent", "", "")
	do(t, s, "POST", "/v1/classify", "text/plain", "x")
	var recs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logBuf.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q is not JSON: %v", line, err)
		}
		if m["msg"] == "request" {
			recs = append(recs, m)
		}
	}
	want := []string{"GET /v1/classify 200", "POST /v1/classify 415"}
	if len(recs) != len(want) {
		t.Fatalf("%d access records, want %d:\n%s", len(recs), len(want), logBuf)
	}
	for i, r := range recs {
		got := fmt.Sprintf("%v %v %v", r["method"], r["route"], r["status"])
		if got != want[i] {
			t.Errorf("access record %d = %s, want %s", i+1, got, want[i])
		}
		for _, k := range []string{"duration_ms", "bytes", "remote", "path"} {
			if _, ok := r[k]; !ok {
				t.Errorf("access record %d has no %q", i+1, k)
			}
		}
	}
}

// TestNewErrors checks the configurations New refuses.
func TestNewErrors(t *testing.T) {
	f := newFake(t)
	h := func(http.ResponseWriter, *http.Request) error { return nil }
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no classifier", Config{}, "no classifier"},
		{"bad origin", Config{Classifier: f, CORSOrigins: []string{"example.org"}}, `bad CORS origin "example.org"`},
		{"origin with path", Config{Classifier: f, CORSOrigins: []string{"https://example.org/app"}}, "bad CORS origin"},
		{"duplicate route", Config{Classifier: f, Routes: []Route{{Method: "GET", Path: "/healthz", Handler: h}}}, "defined twice"},
		{"route without handler", Config{Classifier: f, Routes: []Route{{Method: "POST", Path: "/v1/cv"}}}, "needs a method"},
	}
	for _, tt := range tests {
		_, err := New(tt.cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%s) = %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
}

// TestExtraRoute checks that an added route gets the error handling and
// the concurrency cap of the built-in ones.
func TestExtraRoute(t *testing.T) {
	pdfOnly := Route{Method: "POST", Path: "/v1/pdf", Limited: true, Handler: func(w http.ResponseWriter, r *http.Request) error {
		if r.Header.Get("Content-Type") != "application/pdf" {
			return Errorf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "want a PDF")
		}
		writeJSON(w, http.StatusOK, map[string]string{"ok": "yes"})
		return nil
	}}
	upload := Route{Method: "POST", Path: "/v1/upload", Limited: true, MaxBodyBytes: 1000, Handler: func(w http.ResponseWriter, r *http.Request) error {
		data, err := io.ReadAll(r.Body)
		if err != nil {
			return fmt.Errorf("reading the upload: %w", err)
		}
		writeJSON(w, http.StatusOK, map[string]int{"bytes": len(data)})
		return nil
	}}
	s, _ := newTestServer(t, newFake(t), Config{Routes: []Route{pdfOnly, upload}, MaxBodyBytes: 100})
	tests := []struct {
		method, path, ct string
		size             int
		want             int
	}{
		{"POST", "/v1/pdf", "application/pdf", 1, 200},
		{"POST", "/v1/pdf", "text/plain", 1, 415},
		{"GET", "/v1/pdf", "", 1, 405},
		{"POST", "/v1/upload", "application/pdf", 500, 200}, // over Config.MaxBodyBytes, within the route's
		{"POST", "/v1/upload", "application/pdf", 1001, 413},
		{"POST", "/v1/classify", jsonCT, 101, 413},
	}
	for _, tt := range tests {
		resp := do(t, s, tt.method, tt.path, tt.ct, strings.Repeat("x", tt.size))
		if resp.StatusCode != tt.want {
			t.Errorf("%s %s (%s, %d bytes) = %d, want %d", tt.method, tt.path, tt.ct, tt.size, resp.StatusCode, tt.want)
		}
		if tt.want == 413 {
			if code, _ := decodeError(t, resp); code != CodeBodyTooLarge {
				t.Errorf("%s %s (%d bytes): code %q, want %q", tt.method, tt.path, tt.size, code, CodeBodyTooLarge)
			}
		}
	}
	// An added route may not take the method and path of a built-in one.
	if _, err := New(Config{Classifier: newFake(t), Routes: []Route{{Method: "POST", Path: "/v1/cv", Handler: pdfOnly.Handler}}}); err == nil || !strings.Contains(err.Error(), "POST /v1/cv: defined twice") {
		t.Errorf("New with a second POST /v1/cv = %v, want the route defined twice", err)
	}
}

// TestAssetTypes checks that every embedded web file has its content type
// from assetTypes, not from sniffing its bytes: a file of a new kind needs
// its type there.
func TestAssetTypes(t *testing.T) {
	assets, err := loadAssets()
	if err != nil {
		t.Fatal(err)
	}
	for name, a := range assets {
		if want, ok := assetTypes[path.Ext(name)]; !ok || a.ctype != want {
			t.Errorf("%s: content type %q, want one from assetTypes (%q)", name, a.ctype, want)
		}
	}
}
