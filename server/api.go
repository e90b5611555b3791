package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"mime"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"

	"lede/annotate"
	"lede/annotate/export"
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
	Text    *string         `json:"text"`
	Options json.RawMessage `json:"options"`
}

// annotateCall is a checked request: the text, the annotate options, and
// the export format and its options when one was asked for.
type annotateCall struct {
	text     string
	opts     []annotate.Option
	format   *export.Format
	export   export.Options
	warnings []string
}

// requestError is a client mistake with the status that reports it.
type requestError struct {
	status  int
	message string
}

func (e *requestError) Error() string { return e.message }

func (a *api) annotate(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept")
	call, err := a.readAnnotateRequest(w, r)
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
	if f := call.format; f != nil {
		call.export.Warnings = call.warnings
		var out bytes.Buffer
		if err := export.Write(&out, f, call.text, call.export); err != nil {
			writeError(w, http.StatusInternalServerError, "could not write the export: "+err.Error())
			return
		}
		w.Header().Set("Content-Type", f.MediaType)
		w.Header().Set("Content-Disposition", `inline; filename="`+export.Filename(call.text, f.Ext)+`"`)
		w.WriteHeader(http.StatusOK)
		w.Write(out.Bytes())
		return
	}
	doc := annotate.Annotate(call.text, call.opts...)
	if len(call.warnings) > 0 {
		doc.Warnings = append(call.warnings, doc.Warnings...)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write(append(doc.AppendJSON(nil), '\n'))
}

// queryKeys are the query parameters /api/annotate reads: the export
// format and the options.
var queryKeys = append([]string{"format"}, export.Keys...)

func (a *api) readAnnotateRequest(w http.ResponseWriter, r *http.Request) (*annotateCall, error) {
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	isText, isJSON := mediaType == "text/plain", mediaType == "application/json"
	if err != nil || !isText && !isJSON {
		return nil, &requestError{http.StatusUnsupportedMediaType, "send the article as text/plain or as application/json {\"text\": ...}"}
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
		return nil, &requestError{http.StatusUnsupportedMediaType, "send the article as UTF-8, not " + cs}
	}
	call := &annotateCall{}
	if call.format, err = chooseFormat(r); err != nil {
		return nil, err
	}
	body, err := a.readBody(w, r)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	for key := range q {
		if !slices.Contains(queryKeys, key) {
			return nil, errors.New(`unknown query parameter "` + key + `" (want ` + strings.Join(queryKeys, ", ") + ")")
		}
	}
	settings := export.Settings{Settings: annotate.Settings{Offsets: q.Get("offsets")}, Base: q.Get("base"), Source: q.Get("source")}
	if layers := q.Get("layers"); layers != "" {
		settings.Layers = strings.Split(layers, ",")
	}
	if v := q.Get("text"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, errors.New(`text=` + v + ` is not true or false`)
		}
		settings.Text = &b
	}
	if isText {
		call.text = string(body)
	} else {
		// encoding/json would replace invalid UTF-8 silently, byte by byte:
		// repair it first, as for text/plain, and say so.
		repaired, warnings := annotate.RepairUTF8(string(body))
		call.warnings = warnings
		var req annotateRequest
		if err := decodeJSON([]byte(repaired), &req); err != nil {
			return nil, err
		}
		if req.Text == nil {
			return nil, errors.New(`the JSON has no "text" string`)
		}
		call.text = *req.Text
		if err := decodeOptions(req.Options, &settings); err != nil {
			return nil, err
		}
	}
	if call.export, err = settings.Options(); err != nil {
		return nil, err
	}
	call.opts, err = settings.Settings.Options()
	return call, err
}

// chooseFormat reads ?format= or, without it, the Accept header: nil is
// the document JSON.
func chooseFormat(r *http.Request) (*export.Format, error) {
	if name := r.URL.Query().Get("format"); name != "" {
		f, ok := export.Lookup(name)
		if !ok {
			return nil, errors.New(`unknown format "` + name + `" (want ` + export.Names() + ")")
		}
		return f, nil
	}
	accept := r.Header.Get("Accept")
	if strings.TrimSpace(accept) == "" {
		return nil, nil
	}
	best, bestQ := "", 0.0
	found := false
	for _, part := range strings.Split(accept, ",") {
		mediaType, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				continue
			}
		}
		if _, ok := acceptFormats[mediaType]; ok && q > 0 && q > bestQ {
			best, bestQ, found = mediaType, q, true
		}
	}
	if !found {
		return nil, &requestError{http.StatusNotAcceptable, "the API answers " + strings.Join(slices.Sorted(maps.Keys(acceptFormats)), ", ") + "; or name an export with ?format= (" + export.Names() + ")"}
	}
	if name := acceptFormats[best]; name != "" {
		f, _ := export.Lookup(name)
		return f, nil
	}
	return nil, nil
}

// acceptFormats maps the media types of the Accept header to exports; ""
// is the document JSON.
var acceptFormats = map[string]string{
	"*/*":                 "",
	"application/*":       "",
	"application/json":    "",
	"application/ld+json": "webannotation",
	"text/html":           "html",
	"text/csv":            "csv",
	"application/zip":     "brat",
}

// decodeOptions reads the "options" object strictly: a key it does not know,
// such as "offset" for "offsets", is an error that names it.
func decodeOptions(raw json.RawMessage, s *export.Settings) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return errors.New(`malformed JSON: "options" must be an object`)
	}
	for _, key := range slices.Sorted(maps.Keys(keys)) {
		if err := export.UnknownKey(key); err != nil {
			return err
		}
	}
	if err := json.Unmarshal(raw, s); err != nil {
		return errors.New("malformed JSON in options: " + err.Error())
	}
	return nil
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
	dec.DisallowUnknownFields()
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
