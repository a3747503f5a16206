package server

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/internal/cv/cvtest"
)

// multipartCV is a multipart/form-data body with data in the field named
// field, and its Content-Type.
func multipartCV(t *testing.T, field, filename string, data []byte) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("note", "uploaded from a test")
	fw, err := mw.CreateFormFile(field, filename)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String(), mw.FormDataContentType()
}

func TestCVRoute(t *testing.T) {
	cvText, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cv", "en-team-leader.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const limit = 4096
	// The JSON body limit is below the size of the CV: the route has its own.
	s, _ := newTestServer(t, defaultIndex(t), Config{MaxBodyBytes: 512, MaxCVBytes: limit})
	if len(cvText) <= 512 {
		t.Fatalf("the test CV has %d bytes, want more than the 512-byte JSON limit", len(cvText))
	}
	upload, uploadCT := multipartCV(t, "file", `C:\Users\sarah\cv.txt`, cvText)
	noFile, noFileCT := multipartCV(t, "resume", "cv.txt", cvText)
	big, bigCT := multipartCV(t, "file", "big.txt", bytes.Repeat([]byte("Team Leader, Acme\n"), 400))
	corrupt, corruptCT := multipartCV(t, "file", "cv.pdf", []byte("%PDF-1.4\nnot a pdf body"))
	tests := []struct {
		name       string
		method     string
		target     string
		ct, body   string
		status     int
		code       string // error code, or "" for success
		wantInBody string
	}{
		{"multipart upload", "POST", "/v1/cv?as_of=2026-06", uploadCT, upload, 200, "", `"months_by_code":{"541111":88,"541112":38}`},
		{"raw text body", "POST", "/v1/cv?as_of=2026-06-15&name=cv.txt", "text/plain; charset=utf-8", string(cvText), 200, "", `"source":"cv.txt"`},
		{"no file field", "POST", "/v1/cv", noFileCT, noFile, 400, CodeInvalidParameter, `no \"file\" field`},
		{"bad as_of", "POST", "/v1/cv?as_of=soon", uploadCT, upload, 400, CodeInvalidParameter, `parameter \"as_of\"`},
		{"json body", "POST", "/v1/cv", "application/json", `{"text":"x"}`, 415, CodeUnsupportedMedia, "multipart/form-data"},
		{"multipart too large", "POST", "/v1/cv", bigCT, big, 413, CodeBodyTooLarge, "larger than 4096 bytes"},
		{"raw too large", "POST", "/v1/cv", "text/plain", strings.Repeat("Team Leader, Acme\n", 400), 413, CodeBodyTooLarge, "larger than 4096 bytes"},
		{"corrupt pdf", "POST", "/v1/cv", corruptCT, corrupt, 422, CodeUnreadableDocument, "cv.pdf: corrupt file"},
		{"binary", "POST", "/v1/cv", "application/octet-stream", "\x00\x01\x02", 415, CodeUnsupportedMedia, "binary file"},
		{"broken multipart", "POST", "/v1/cv", "multipart/form-data; boundary=zzz", "--zzz\r\nbroken", 400, CodeInvalidParameter, "multipart"},
		{"truncated upload", "POST", "/v1/cv", uploadCT, upload[:len(upload)/2], 400, CodeInvalidParameter, "ends before the end"},
		{"wrong method", "GET", "/v1/cv", "", "", 405, CodeMethodNotAllowed, "POST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
			if tt.ct != "" {
				req.Header.Set("Content-Type", tt.ct)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			resp := rec.Result()
			data, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("%s %s = %d %s, want %d", tt.method, tt.target, resp.StatusCode, data, tt.status)
			}
			if !strings.Contains(string(data), tt.wantInBody) {
				t.Errorf("%s %s body = %s, want it to contain %s", tt.method, tt.target, data, tt.wantInBody)
			}
			if tt.code != "" {
				resp.Body = io.NopCloser(bytes.NewReader(data))
				if code, _ := decodeError(t, resp); code != tt.code {
					t.Errorf("%s %s error code = %q, want %q", tt.method, tt.target, code, tt.code)
				}
				return
			}
			var rep struct {
				Source    string `json:"source"`
				Code      string `json:"code"`
				Positions []struct {
					Title string  `json:"title"`
					Code  *string `json:"code"`
				} `json:"positions"`
			}
			if err := json.Unmarshal(data, &rep); err != nil {
				t.Fatalf("body %s: %v", data, err)
			}
			if rep.Code != "541111" || len(rep.Positions) != 2 || rep.Positions[0].Title != "Team Leader" {
				t.Errorf("%s %s = code %q, positions %+v; want 541111 and two positions, the first Team Leader", tt.method, tt.target, rep.Code, rep.Positions)
			}
			if tt.name == "multipart upload" && rep.Source != "cv.txt" {
				t.Errorf("uploaded file name = %q, want the base name cv.txt", rep.Source)
			}
		})
	}
}

// TestCVRouteDefaultLimit checks that the server serves POST /v1/cv with
// DefaultMaxCVBytes when given no limit, above the JSON body limit: a body
// under it is read (and refused as binary), one over it is 413.
func TestCVRouteDefaultLimit(t *testing.T) {
	s, _ := newTestServer(t, newFake(t), Config{})
	tests := []struct {
		size   int64
		status int
		want   string
	}{
		{DefaultMaxBodyBytes + 1, http.StatusUnsupportedMediaType, "binary file"},
		{DefaultMaxCVBytes, http.StatusUnsupportedMediaType, "binary file"},
		{DefaultMaxCVBytes + 1, http.StatusRequestEntityTooLarge, "larger than 10485760 bytes"},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodPost, "/v1/cv", io.LimitReader(zeros{}, tt.size))
		req.Header.Set("Content-Type", "application/octet-stream")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("POST /v1/cv with %d zero bytes = %d %s, want %d %q", tt.size, rec.Code, rec.Body, tt.status, tt.want)
		}
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestCVHostileDocuments checks that PDFs that exhaust their reader (a
// huge cross-reference subsection, an object stream that holds itself)
// are a 422 each, and that the server answers the next request as usual:
// the reader dies, not the server.
func TestCVHostileDocuments(t *testing.T) {
	s, _ := newTestServer(t, defaultIndex(t), Config{})
	good, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cv", "en-team-leader.txt"))
	if err != nil {
		t.Fatal(err)
	}
	post := func(name string, data []byte) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/v1/cv?name="+name, bytes.NewReader(data))
		req.Header.Set("Content-Type", "application/octet-stream")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	for name, data := range map[string][]byte{
		"xref.pdf": cvtest.HugeXrefPDF(2_000_000_000),
		"self.pdf": cvtest.SelfStreamPDF(),
	} {
		rec := post(name, data)
		if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), name+": this file is too complex to read") {
			t.Errorf("POST %s = %d %s, want 422 too complex", name, rec.Code, rec.Body)
		}
		if rec := post("cv.txt", good); rec.Code != http.StatusOK {
			t.Errorf("POST cv.txt after %s = %d %s, want 200", name, rec.Code, rec.Body)
		}
	}
}
