package server

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// ErrBadOrigin is wrapped by the error New returns for a CORS origin that
// is not "*" or scheme://host[:port].
var ErrBadOrigin = errors.New("bad CORS origin")

// corsPolicy lets pages on other origins call the API from a browser.
type corsPolicy struct {
	any     bool
	origins map[string]bool
}

// corsMaxAge is how long (seconds) a browser may cache a preflight answer.
const corsMaxAge = "600"

// newCORSPolicy checks the allowed origins: "*" or scheme://host[:port].
func newCORSPolicy(origins []string) (corsPolicy, error) {
	p := corsPolicy{origins: map[string]bool{}}
	for _, o := range origins {
		o = strings.TrimSpace(o)
		if o == "*" {
			p.any = true
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
			return p, fmt.Errorf("%w %q: want \"*\" or scheme://host[:port], e.g. https://example.org", ErrBadOrigin, o)
		}
		p.origins[u.Scheme+"://"+strings.ToLower(u.Host)] = true
	}
	return p, nil
}

func (p corsPolicy) allows(origin string) bool {
	return origin != "" && (p.any || p.origins[strings.ToLower(origin)])
}

// apply sets the CORS headers for an allowed origin and answers a
// preflight request; it reports whether the request has been answered.
// A request from an origin that is not allowed gets no CORS headers, so
// the browser keeps the response from the page.
func (p corsPolicy) apply(w http.ResponseWriter, r *http.Request) bool {
	if !p.any && len(p.origins) == 0 {
		return false
	}
	h := w.Header()
	h.Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if !p.allows(origin) {
		return false
	}
	if p.any {
		h.Set("Access-Control-Allow-Origin", "*")
	} else {
		h.Set("Access-Control-Allow-Origin", origin)
	}
	h.Set("Access-Control-Expose-Headers", "Retry-After")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Add("Vary", "Access-Control-Request-Method")
		h.Add("Vary", "Access-Control-Request-Headers")
		h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Content-Type")
		h.Set("Access-Control-Max-Age", corsMaxAge)
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}
