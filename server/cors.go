package server

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// CORS: browsers on the configured origins may call the API; every other
// origin gets no CORS headers, so its scripts cannot read the answers.
// Requests without an Origin (servers, curl) are not affected.

const anyOrigin = "*"

type originList struct {
	any     bool
	origins map[string]bool
}

func newOriginList(origins []string) originList {
	list := originList{origins: make(map[string]bool, len(origins))}
	for _, o := range origins {
		if o == anyOrigin {
			list.any = true
			continue
		}
		list.origins[normalizeOrigin(o)] = true
	}
	return list
}

func (l originList) allows(origin string) bool {
	return origin != "" && (l.any || l.origins[normalizeOrigin(origin)])
}

// normalizeOrigin lower-cases an origin and drops a trailing slash, the two
// ways a hand-written origin differs from the one a browser sends.
func normalizeOrigin(origin string) string {
	return strings.TrimSuffix(strings.ToLower(origin), "/")
}

// ParseOrigins reads a comma- or space-separated list of origins
// ("https://cms.example.com, http://localhost:3000") or "*", as given to
// `lede serve -allow-origin` or the Worker's LEDE_ALLOWED_ORIGINS.
func ParseOrigins(list string) ([]string, error) {
	fields := strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' })
	for i, f := range fields {
		if f == anyOrigin {
			continue
		}
		u, err := url.Parse(f)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return nil, errors.New("not an origin (want scheme://host[:port]): " + f)
		}
		fields[i] = normalizeOrigin(f)
	}
	return fields, nil
}

// allowOrigin adds the CORS response headers when the request's origin is
// allowed, and reports whether it was.
func (l originList) allowOrigin(w http.ResponseWriter, r *http.Request) bool {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if !l.allows(origin) {
		return false
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	return true
}

// preflight answers a CORS preflight for a resource that allows methods.
func (l originList) preflight(w http.ResponseWriter, r *http.Request, methods string) {
	if !l.allowOrigin(w, r) {
		writeError(w, http.StatusForbidden, "origin "+r.Header.Get("Origin")+" may not call this API; see docs/embedding.md")
		return
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", methods)
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}
