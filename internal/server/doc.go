// Package server is the HTTP API of anzsco and a web page for recruiters,
// both served by 'anzsco serve'.
//
// It owns the routes, the decoding and limits of requests, HTTP errors,
// metrics and the web page. It must not rank: it classifies through an
// index.Classifier, and checks a query's settings with
// index.Query.Validate.
//
// # API
//
// openapi.json (served at /openapi.json) is the contract; the tests keep it
// in step with the routes and the responses.
//
//	GET  /v1/classify?q=TITLE[&description=&top=&explain=1&min_confidence=]
//	POST /v1/classify        {"text", "description", "top", "explain", "min_confidence"}
//	POST /v1/classify/batch  {"items": [{"id", "text", "description"}], "top", "explain"}
//	POST /v1/cv              a CV file (multipart field "file", or the body as
//	                         PDF, DOCX, text or Markdown) [?as_of=YYYY-MM&name=]
//	GET  /v1/occupations     every record of the corpus
//	GET  /v1/occupations/{code}
//	GET  /v1/groups/{code}  a major, sub-major, minor or unit group
//	GET  /healthz, /readyz, /metrics (Prometheus), /openapi.json
//	GET  /                   the page; /static/ its script and style sheet
//
// A classification is the index.Result JSON as it is. A batch answers
// {"results": [...]} in the order of the items, each result with the item's
// "id"; an item that cannot be classified (empty text) gets
// {"id", "error": {"code", "message"}} in its place. A CV is answered with
// the cv.Report JSON as it is: its positions, each coded, and the verdict.
//
// Every error is {"error": {"code": "...", "message": "..."}} with its
// status: 400 bad_json, empty_text, invalid_parameter; 404 not_found; 405
// method_not_allowed (with Allow); 413 body_too_large, too_many_items; 415
// unsupported_media_type; 408 body_timeout; 422 unreadable_document (a CV
// that is encrypted, a scan, corrupt, empty or too complex to read); 503
// overloaded, shutting_down (with Retry-After);
// 500 internal (logged with its cause; the client sees no details).
//
// # Limits
//
// Request bodies are cut off at Config.MaxBodyBytes, or the route's own
// limit (413): a CV file at Config.MaxCVBytes. http.Server's
// ReadHeaderTimeout, ReadTimeout, WriteTimeout and IdleTimeout keep a slow
// or idle client from holding a connection. The body of an API request is
// read in full before the request takes a place among the MaxInFlight,
// within Config.BodyTimeout (408 body_timeout past it), so a client that
// sends half a body and stalls holds no place that work needs. Bodies
// being received or waiting for their handler hold their length (or the
// route's limit when no Content-Length is sent) in Config.BodyBudget;
// past it a request gets 503 overloaded. A batch's items are counted
// before they are decoded. At most Config.MaxInFlight API requests run at
// once; past that a request is answered 503 at once rather than queued,
// so a burst cannot pile up goroutines and memory. /readyz answers 503
// overloaded while every place is taken or the body budget cannot take a
// full body, so a load balancer sends traffic elsewhere; /healthz and
// /metrics are outside the cap, so probes and scrapes answer under load. A
// handler panic is recovered, logged with its stack and answered 500; the
// process goes on. A CV is read in a child process with its own limits
// (see package cv): a document that exhausts them is a 422, not the end
// of the server.
//
// Serve shuts down when its context is done: /readyz turns 503, new API
// requests get 503 shutting_down, and requests in flight finish (up to
// Config.ShutdownTimeout) before Serve returns.
//
// # Result cache
//
// The index never changes while a server runs, so results and their JSON
// are kept in a cache bounded in bytes (package resultcache,
// Config.CacheBytes) that drops what has not been used lately; a repeated
// query costs a map look-up. /metrics counts hits and misses. POST /v1/cv
// asks the classifier itself.
//
// # Adding routes
//
// Config.Routes adds API routes with the same error handling, cap,
// metrics and access log as the built-in ones; Route.MaxBodyBytes gives an
// upload a larger body limit than JSON requests get, as POST /v1/cv has.
// A HandlerFunc returns an *Error (Errorf) for the
// client, an error wrapping *http.MaxBytesError for 413, or any other error
// for a logged 500; WriteError writes the JSON error body for handlers that
// answer errors themselves. Document each new route in openapi.json: the
// tests fail until the document and the routes agree.
//
// # Observability
//
// The access log is one slog record per request (method, path, route
// pattern, status, bytes, duration_ms, remote, user_agent); 'anzsco serve'
// writes it as JSON to stderr. /metrics serves a private Prometheus
// registry: anzsco_http_requests_total{route,method,status},
// anzsco_http_request_duration_seconds{route,status},
// anzsco_http_requests_in_flight, anzsco_http_rejected_total{reason},
// anzsco_classifications_total{code}, anzsco_result_cache_*,
// anzsco_http_panics_total and the Go and process collectors.
//
// A Server is safe for concurrent use.
package server
