package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/index"
)

// openAPIDoc is the part of openapi.json the tests read.
type openAPIDoc struct {
	OpenAPI    string                          `json:"openapi"`
	Paths      map[string]map[string]openAPIOp `json:"paths"`
	Components struct {
		Schemas   map[string]*schema         `json:"schemas"`
		Responses map[string]openAPIResponse `json:"responses"`
	} `json:"components"`
}

type openAPIOp struct {
	OperationID string                     `json:"operationId"`
	Responses   map[string]openAPIResponse `json:"responses"`
}

type openAPIResponse struct {
	Ref     string `json:"$ref"`
	Content map[string]struct {
		Schema *schema `json:"schema"`
	} `json:"content"`
}

// schema is the subset of JSON Schema that openapi.json uses.
type schema struct {
	Ref                  string             `json:"$ref"`
	Type                 any                `json:"type"` // a string or a list of strings
	Properties           map[string]*schema `json:"properties"`
	Required             []string           `json:"required"`
	Items                *schema            `json:"items"`
	AdditionalProperties any                `json:"additionalProperties"`
	OneOf                []*schema          `json:"oneOf"`
	AllOf                []*schema          `json:"allOf"`
	Enum                 []any              `json:"enum"`
}

func loadOpenAPI(t *testing.T) *openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(openAPIJSON, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json: openapi = %q, want 3.x", doc.OpenAPI)
	}
	return &doc
}

// TestOpenAPIRoutes checks that the document and the router list the same
// methods and paths, both ways.
func TestOpenAPIRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	s, _ := newTestServer(t, newFake(t), Config{})
	var routed, documented []string
	for _, rt := range s.Routes() {
		routed = append(routed, rt.Method+" "+rt.Path)
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(routed)
	sort.Strings(documented)
	for _, r := range routed {
		if !slices.Contains(documented, r) {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(routed, d) {
			t.Errorf("openapi.json documents %s, which no route serves", d)
		}
	}
}

// TestOpenAPIResponses sends requests that give the documented statuses of
// each operation and validates each answer against its documented schema:
// every member must be documented, every required one present, with the
// documented type. Each documented status must be produced by some case,
// except 500 where nothing but a fault could produce it.
func TestOpenAPIResponses(t *testing.T) {
	doc := loadOpenAPI(t)
	real, _ := newTestServer(t, defaultIndex(t), Config{MaxBodyBytes: 2048, MaxBatchItems: 3, MaxCVBytes: 4096})
	draining, _ := newTestServer(t, defaultIndex(t), Config{})
	draining.draining.Store(true)
	failing := newFake(t)
	failing.fn = func(index.Query) (*index.Result, error) { return nil, errors.New("disk on fire") }
	broken, _ := newTestServer(t, failing, Config{})
	long := `{"text":"` + strings.Repeat("x", 3000) + `"}`
	cvFile := func(name string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cv", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	teamLeader, unrelated := cvFile("en-team-leader.txt"), cvFile("en-unrelated.txt")
	upload, uploadCT := multipartCV(t, "file", "cv.txt", []byte(teamLeader))
	corruptPDF, corruptCT := multipartCV(t, "file", "cv.pdf", []byte("%PDF-1.4\nnot a pdf body"))
	bigCV := strings.Repeat("Team Leader, Acme\n", 300) // over the 4096-byte CV limit of real
	tests := []struct {
		srv                  *Server
		method, path, target string
		ct, body             string
		status               int
	}{
		{real, "GET", "/v1/classify", "/v1/classify?q=Contact+Center+Supervisor&explain=1", "", "", 200},
		{real, "GET", "/v1/classify", "/v1/classify?q=Senior+Software+Engineer+(remote)&explain=true", "", "", 200},
		{real, "GET", "/v1/classify", "/v1/classify?q=operador+de+telemarketing+recptivo&explain=1&description=atendimento+a+clientes", "", "", 200},
		{real, "GET", "/v1/classify", "/v1/classify?q=%ff%fecall+centre+agent", "", "", 200},
		{real, "GET", "/v1/classify", "/v1/classify?q=", "", "", 400},
		{real, "DELETE", "/v1/classify", "/v1/classify", "", "", 405},
		{draining, "GET", "/v1/classify", "/v1/classify?q=agent", "", "", 503},
		{broken, "GET", "/v1/classify", "/v1/classify?q=agent", "", "", 500},
		{real, "POST", "/v1/classify", "/v1/classify", jsonCT, `{"text":"Team Leader - Inbound Contact Centre","explain":true,"top":2}`, 200},
		{real, "POST", "/v1/classify", "/v1/classify", jsonCT, `{"text":1}`, 400},
		{real, "POST", "/v1/classify", "/v1/classify", jsonCT, long, 413},
		{real, "POST", "/v1/classify", "/v1/classify", "text/csv", "a", 415},
		{real, "POST", "/v1/classify", "/v1/classify", jsonCT, stalledBody, 408},
		{draining, "POST", "/v1/classify", "/v1/classify", jsonCT, `{"text":"agent"}`, 503},
		{broken, "POST", "/v1/classify", "/v1/classify", jsonCT, `{"text":"agent"}`, 500},
		{real, "POST", "/v1/classify/batch", "/v1/classify/batch", jsonCT, `{"items":[{"id":"1","text":"call centre agent"},{"id":"2","text":""},{"id":"3","text":"chef"}],"explain":true}`, 200},
		{real, "POST", "/v1/classify/batch", "/v1/classify/batch", jsonCT, `{"items":{}}`, 400},
		{real, "POST", "/v1/classify/batch", "/v1/classify/batch", jsonCT, `{"items":[{},{},{},{}]}`, 413},
		{real, "POST", "/v1/classify/batch", "/v1/classify/batch", "multipart/form-data; boundary=x", "a", 415},
		{real, "POST", "/v1/classify/batch", "/v1/classify/batch", jsonCT, stalledBody, 408},
		{real, "GET", "/v1/classify/batch", "/v1/classify/batch", "", "", 405},
		{draining, "POST", "/v1/classify/batch", "/v1/classify/batch", jsonCT, `{"items":[{"text":"a"}]}`, 503},
		{broken, "POST", "/v1/classify/batch", "/v1/classify/batch", jsonCT, `{"items":[{"text":"a"}]}`, 500},
		{real, "GET", "/v1/occupations", "/v1/occupations", "", "", 200},
		{real, "PUT", "/v1/occupations", "/v1/occupations", "", "", 405},
		{draining, "GET", "/v1/occupations", "/v1/occupations", "", "", 503},
		{real, "GET", "/v1/occupations/{code}", "/v1/occupations/541111", "", "", 200},
		{real, "GET", "/v1/occupations/{code}", "/v1/occupations/639311", "", "", 200},
		{real, "GET", "/v1/occupations/{code}", "/v1/occupations/12", "", "", 404},
		{real, "POST", "/v1/occupations/{code}", "/v1/occupations/541111", "", "", 405},
		{draining, "GET", "/v1/occupations/{code}", "/v1/occupations/541111", "", "", 503},
		{real, "GET", "/v1/groups/{code}", "/v1/groups/5411", "", "", 200},
		{real, "GET", "/v1/groups/{code}", "/v1/groups/54", "", "", 200},
		{real, "GET", "/v1/groups/{code}", "/v1/groups/541111", "", "", 404},
		{real, "POST", "/v1/groups/{code}", "/v1/groups/5411", "", "", 405},
		{draining, "GET", "/v1/groups/{code}", "/v1/groups/5411", "", "", 503},
		{real, "POST", "/v1/cv", "/v1/cv?as_of=2026-06", uploadCT, upload, 200},
		{real, "POST", "/v1/cv", "/v1/cv?as_of=2026-06&name=cv.md", "text/markdown", unrelated, 200},
		{real, "POST", "/v1/cv", "/v1/cv", "text/plain", "no dates here, just words", 200},
		{real, "POST", "/v1/cv", "/v1/cv?as_of=soon", "text/plain", teamLeader, 400},
		{real, "POST", "/v1/cv", "/v1/cv", "text/plain", bigCV, 413},
		{real, "POST", "/v1/cv", "/v1/cv", jsonCT, `{"text":"Team Leader"}`, 415},
		{real, "POST", "/v1/cv", "/v1/cv", corruptCT, corruptPDF, 422},
		{real, "POST", "/v1/cv", "/v1/cv", "text/plain", stalledBody, 408},
		{real, "GET", "/v1/cv", "/v1/cv", "", "", 405},
		{draining, "POST", "/v1/cv", "/v1/cv", "text/plain", teamLeader, 503},
		{broken, "POST", "/v1/cv", "/v1/cv", "text/plain", teamLeader, 500},
		{real, "GET", "/healthz", "/healthz", "", "", 200},
		{real, "POST", "/healthz", "/healthz", "", "", 405},
		{real, "GET", "/readyz", "/readyz", "", "", 200},
		{real, "POST", "/readyz", "/readyz", "", "", 405},
		{draining, "GET", "/readyz", "/readyz", "", "", 503},
		{real, "GET", "/metrics", "/metrics", "", "", 200},
		{real, "POST", "/metrics", "/metrics", "", "", 405},
		{real, "GET", "/openapi.json", "/openapi.json", "", "", 200},
		{real, "POST", "/openapi.json", "/openapi.json", "", "", 405},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		name := fmt.Sprintf("%s %s %d", tt.method, tt.target, tt.status)
		resp := doStalled(t, tt.srv, tt.method, tt.target, tt.ct, tt.body)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status = %d, want %d (%s)", name, resp.StatusCode, tt.status, body)
			continue
		}
		// A wrong method is answered with the shared 405 response; any other
		// status must be documented for the operation.
		var r openAPIResponse
		if tt.status == http.StatusMethodNotAllowed {
			if _, ok := doc.Paths[tt.path][strings.ToLower(tt.method)]; ok {
				t.Errorf("%s: 405 for a method that openapi.json documents", name)
			}
			if resp.Header.Get("Allow") == "" {
				t.Errorf("%s: 405 without an Allow header", name)
			}
			r = doc.Components.Responses["MethodNotAllowed"]
		} else {
			op, ok := doc.Paths[tt.path][strings.ToLower(tt.method)]
			if !ok {
				t.Errorf("%s: openapi.json has no %s %s", name, tt.method, tt.path)
				continue
			}
			if r, ok = op.Responses[strconv.Itoa(tt.status)]; !ok {
				t.Errorf("%s: status %d is not documented for %s %s", name, tt.status, tt.method, tt.path)
				continue
			}
			seen[tt.method+" "+tt.path+" "+strconv.Itoa(tt.status)] = true
		}
		if r.Ref != "" {
			r = doc.Components.Responses[strings.TrimPrefix(r.Ref, "#/components/responses/")]
		}
		ct := resp.Header.Get("Content-Type")
		mt := strings.TrimSpace(strings.Split(ct, ";")[0])
		content, ok := r.Content[mt]
		if !ok {
			t.Errorf("%s: Content-Type %q is not documented for status %d", name, ct, tt.status)
			continue
		}
		if mt != "application/json" {
			continue
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Errorf("%s: body is not JSON: %v", name, err)
			continue
		}
		for _, err := range doc.validate(content.Schema, v, "body") {
			t.Errorf("%s: %v", name, err)
		}
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			for status := range op.Responses {
				key := strings.ToUpper(method) + " " + path + " " + status
				if !seen[key] && status != "500" {
					t.Errorf("no case produces %s, which openapi.json documents", key)
				}
			}
		}
	}
}

// validate checks v against sc and returns the differences.
func (d *openAPIDoc) validate(sc *schema, v any, at string) []error {
	if sc == nil {
		return nil
	}
	if sc.Ref != "" {
		name := strings.TrimPrefix(sc.Ref, "#/components/schemas/")
		ref, ok := d.Components.Schemas[name]
		if !ok {
			return []error{fmt.Errorf("%s: $ref %q is not in components.schemas", at, sc.Ref)}
		}
		return d.validate(ref, v, at)
	}
	if len(sc.AllOf) > 0 {
		return d.validate(d.merge(sc.AllOf), v, at)
	}
	if len(sc.OneOf) > 0 {
		var match int
		var all []error
		for i, alt := range sc.OneOf {
			errs := d.validate(alt, v, fmt.Sprintf("%s (oneOf %d)", at, i+1))
			if len(errs) == 0 {
				match++
			}
			all = append(all, errs...)
		}
		switch {
		case match == 0:
			return all
		case match > 1:
			return []error{fmt.Errorf("%s: matches %d of the oneOf schemas, want 1", at, match)}
		}
		return nil
	}
	if !typeMatches(sc.Type, v) {
		return []error{fmt.Errorf("%s: %s does not have type %v", at, short(v), sc.Type)}
	}
	if len(sc.Enum) > 0 && !slices.Contains(sc.Enum, v) {
		return []error{fmt.Errorf("%s: %s is not one of %v", at, short(v), sc.Enum)}
	}
	var errs []error
	switch x := v.(type) {
	case map[string]any:
		for _, k := range sc.Required {
			if _, ok := x[k]; !ok {
				errs = append(errs, fmt.Errorf("%s: required member %q is missing", at, k))
			}
		}
		keys := slices.Sorted(maps.Keys(x))
		for _, k := range keys {
			if p, ok := sc.Properties[k]; ok {
				errs = append(errs, d.validate(p, x[k], at+"."+k)...)
			} else if extra, ok := sc.AdditionalProperties.(map[string]any); ok {
				_ = extra // a schema for extra members: none is used yet
			} else if sc.Properties != nil || sc.AdditionalProperties == false {
				errs = append(errs, fmt.Errorf("%s: member %q is not documented", at, k))
			}
		}
	case []any:
		for i, e := range x {
			errs = append(errs, d.validate(sc.Items, e, fmt.Sprintf("%s[%d]", at, i))...)
		}
	}
	return errs
}

// merge joins the object schemas of an allOf into one closed schema.
func (d *openAPIDoc) merge(parts []*schema) *schema {
	out := &schema{Type: "object", Properties: map[string]*schema{}}
	for _, p := range parts {
		for p.Ref != "" {
			p = d.Components.Schemas[strings.TrimPrefix(p.Ref, "#/components/schemas/")]
		}
		for k, v := range p.Properties {
			out.Properties[k] = v
		}
		out.Required = append(out.Required, p.Required...)
	}
	return out
}

func typeMatches(t any, v any) bool {
	var types []string
	switch x := t.(type) {
	case nil:
		return true
	case string:
		types = []string{x}
	case []any:
		for _, e := range x {
			types = append(types, fmt.Sprint(e))
		}
	}
	for _, ty := range types {
		switch x := v.(type) {
		case nil:
			if ty == "null" {
				return true
			}
		case string:
			if ty == "string" {
				return true
			}
		case bool:
			if ty == "boolean" {
				return true
			}
		case float64:
			if ty == "number" || (ty == "integer" && x == float64(int64(x))) {
				return true
			}
		case []any:
			if ty == "array" {
				return true
			}
		case map[string]any:
			if ty == "object" {
				return true
			}
		}
	}
	return false
}

func short(v any) string {
	s := fmt.Sprintf("%#v", v)
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return s
}

// TestOpenAPIErrorCodes checks that every error code constant is in the
// documented enum.
// stalledBody, as a test case's body, is a body whose reading stops at
// its read deadline, as a client's that stalls half-way.
const stalledBody = "{stalled}"

// doStalled is do, except that a body of stalledBody is sent as the start
// of a JSON object and then the read deadline passing.
func doStalled(t *testing.T, h http.Handler, method, target, contentType, body string) *http.Response {
	t.Helper()
	if body != stalledBody {
		return do(t, h, method, target, contentType, body)
	}
	req := httptest.NewRequest(method, target, io.MultiReader(strings.NewReader(`{"text":`), errorReader{os.ErrDeadlineExceeded}))
	req.Header.Set("Content-Type", contentType)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestOpenAPIErrorCodes(t *testing.T) {
	doc := loadOpenAPI(t)
	enum := doc.Components.Schemas["ErrorDetail"].Properties["code"].Enum
	for _, c := range []string{CodeBadJSON, CodeEmptyText, CodeInvalidParameter, CodeNotFound, CodeMethodNotAllowed, CodeBodyTooLarge,
		CodeTooManyItems, CodeUnsupportedMedia, CodeUnreadableDocument, CodeOverloaded, CodeShuttingDown, CodeBodyTimeout, CodeInternal} {
		if !slices.Contains(enum, any(c)) {
			t.Errorf("error code %q is not in the ErrorDetail code enum of openapi.json", c)
		}
	}
	if len(enum) != 13 {
		t.Errorf("openapi.json lists %d error codes, the server has 13", len(enum))
	}
}
