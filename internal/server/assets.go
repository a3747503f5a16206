package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// The web page and the API description are built into the binary: the page
// works offline, with no CDN.
var (
	//go:embed web
	webFS embed.FS
	//go:embed openapi.json
	openAPIJSON []byte
)

// pageCSP keeps the page to its own scripts, styles and API.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// asset is one embedded file with its validator.
type asset struct {
	data  []byte
	etag  string
	ctype string
}

// assetTypes are the content types of the web files' extensions, as Go's
// own table gives them. mime.TypeByExtension would read the system's
// tables of types, which differ between machines and stay in memory, some
// 10,000 objects that every collection of the server then marks.
var assetTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
}

// loadAssets reads the embedded web files once.
func loadAssets() (map[string]asset, error) {
	out := map[string]asset{}
	err := fs.WalkDir(webFS, "web", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := webFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		ctype := assetTypes[path.Ext(p)]
		if ctype == "" {
			ctype = http.DetectContentType(data)
		}
		out[strings.TrimPrefix(p, "web/")] = asset{data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, ctype: ctype}
		return nil
	})
	return out, err
}

// serveAsset writes an embedded file; browsers revalidate it with its ETag,
// so a new binary's page is never hidden by a cached old one.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request, name string) error {
	a, ok := s.assets[name]
	if !ok {
		return Errorf(http.StatusNotFound, CodeNotFound, "no such file: %s", r.URL.Path)
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", a.etag)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if strings.HasSuffix(name, ".html") {
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Frame-Options", "DENY")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(a.data))
	return nil
}

// handlePage is GET /: the recruiter's page.
func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) error {
	return s.serveAsset(w, r, "index.html")
}

// handleStatic is GET /static/...: the page's script and style sheet.
func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	if name == "index.html" || strings.Contains(name, "/") {
		return Errorf(http.StatusNotFound, CodeNotFound, "no such file: %s", r.URL.Path)
	}
	return s.serveAsset(w, r, name)
}

// handleOpenAPI is GET /openapi.json: the API description.
func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-cache")
	writeRaw(w, http.StatusOK, openAPIJSON)
	return nil
}
