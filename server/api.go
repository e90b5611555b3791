package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"

	"lede/annotate"
)

// The JSON API. Every answer is JSON; every mistake in a request is a 4xx
// with {"error": "..."} that says what to change, never a 5xx.

type api struct {
	cfg     Config
	origins originList
	routes  map[string]route
	// slots bounds the annotations running at once (see Config.MaxConcurrent).
	slots chan struct{}
}

// route is one API resource: the method it answers and how.
type route struct {
	method string
	handle http.HandlerFunc
}

func (rt route) allow() string {
	if rt.method == http.MethodGet {
		return "GET, HEAD, OPTIONS"
	}
	return rt.method + ", OPTIONS"
}

func newAPI(cfg Config, origins originList) *api {
	a := &api{cfg: cfg, origins: origins, slots: make(chan struct{}, cfg.MaxConcurrent)}
	a.routes = map[string]route{
		"/api/annotate": {http.MethodPost, a.annotate},
		"/api/health":   {http.MethodGet, a.health},
		"/api/config":   {http.MethodGet, a.config},
	}
	return a
}

func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", cacheNever)
	rt, ok := a.routes[r.URL.Path]
	if !ok {
		writeError(w, http.StatusNotFound, "no API at "+r.URL.Path+"; see docs/embedding.md")
		return
	}
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		a.origins.preflight(w, r, rt.allow())
		return
	}
	a.origins.allowOrigin(w, r)
	if r.Method != rt.method && !(rt.method == http.MethodGet && r.Method == http.MethodHead) {
		w.Header().Set("Allow", rt.allow())
		writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed here; use "+rt.method)
		return
	}
	rt.handle(w, r)
}

func (a *api) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, struct {
		OK       bool   `json:"ok"`
		Version  string `json:"version"`
		MaxBytes int64  `json:"maxBytes"`
	}{true, a.cfg.Version, a.cfg.MaxBody})
}

// config tells the app page (iframe mode) which origins may message it.
func (a *api) config(w http.ResponseWriter, r *http.Request) {
	origins := a.cfg.AllowedOrigins
	if origins == nil {
		origins = []string{}
	}
	writeJSON(w, http.StatusOK, struct {
		AllowedOrigins []string `json:"allowedOrigins"`
		MaxBytes       int64    `json:"maxBytes"`
	}{origins, a.cfg.MaxBody})
}

// annotateRequest is the JSON body of POST /api/annotate.
type annotateRequest struct {
	Text    *string           `json:"text"`
	Options annotate.Settings `json:"options"`
}

// requestError is a client mistake with the status that reports it.
type requestError struct {
	status  int
	message string
}

func (e *requestError) Error() string { return e.message }

func (a *api) annotate(w http.ResponseWriter, r *http.Request) {
	text, opts, err := a.readAnnotateRequest(w, r)
	if err != nil {
		var re *requestError
		if !errors.As(err, &re) {
			re = &requestError{http.StatusBadRequest, err.Error()}
		}
		writeError(w, re.status, re.message)
		return
	}
	select {
	case a.slots <- struct{}{}:
		defer func() { <-a.slots }()
	case <-r.Context().Done():
		return // the client has gone; nobody would read the answer
	}
	doc := annotate.Annotate(text, opts...)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write(append(doc.AppendJSON(nil), '\n'))
}

func (a *api) readAnnotateRequest(w http.ResponseWriter, r *http.Request) (string, []annotate.Option, error) {
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	isText, isJSON := mediaType == "text/plain", mediaType == "application/json"
	if err != nil || !isText && !isJSON {
		return "", nil, &requestError{http.StatusUnsupportedMediaType, "send the article as text/plain or as application/json {\"text\": ...}"}
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
		return "", nil, &requestError{http.StatusUnsupportedMediaType, "send the article as UTF-8, not " + cs}
	}
	body, err := a.readBody(w, r)
	if err != nil {
		return "", nil, err
	}
	q := r.URL.Query()
	req := annotateRequest{Options: annotate.Settings{Offsets: q.Get("offsets")}}
	if layers := q.Get("layers"); layers != "" {
		req.Options.Layers = strings.Split(layers, ",")
	}
	if isText {
		text := string(body)
		req.Text = &text
	} else if err := decodeJSON(body, &req); err != nil {
		return "", nil, err
	}
	if req.Text == nil {
		return "", nil, errors.New(`the JSON has no "text" string`)
	}
	opts, err := req.Options.Options()
	return *req.Text, opts, err
}

// readBody reads the whole body, refusing it as soon as it passes MaxBody.
func (a *api) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	tooLarge := &requestError{http.StatusRequestEntityTooLarge,
		"the article is larger than " + strconv.FormatInt(a.cfg.MaxBody, 10) + " bytes; split it or use the CLI"}
	if r.ContentLength > a.cfg.MaxBody {
		return nil, tooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.cfg.MaxBody))
	var maxErr *http.MaxBytesError
	switch {
	case err == nil:
		return body, nil
	case errors.As(err, &maxErr):
		return nil, tooLarge
	case errors.Is(err, os.ErrDeadlineExceeded):
		return nil, &requestError{http.StatusRequestTimeout, "the request body arrived too slowly"}
	default:
		return nil, errors.New("could not read the request body: " + err.Error())
	}
}

func decodeJSON(body []byte, req *annotateRequest) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(req); err != nil {
		return errors.New("malformed JSON: " + err.Error())
	}
	if dec.More() {
		return errors.New("malformed JSON: more than one value in the body")
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v) // only fixed structs of strings, numbers and bools
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, struct {
		Error string `json:"error"`
	}{message})
}
