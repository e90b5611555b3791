package server

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cspDirectives splits a policy into its directives, by name.
func cspDirectives(policy string) map[string]string {
	directives := map[string]string{}
	for _, d := range strings.Split(policy, ";") {
		if d = strings.Join(strings.Fields(d), " "); d != "" {
			name, _, _ := strings.Cut(d, " ")
			directives[name] = d
		}
	}
	return directives
}

// index.html repeats the policy in a <meta> tag, for when the page is
// served by a server that sends no headers (a static host, file copies).
// It must say what the header says, less frame-ancestors, which a <meta>
// policy cannot carry.
func TestIndexHTMLCarriesTheHeaderPolicy(t *testing.T) {
	index, err := os.ReadFile("../index.html")
	require.NoError(t, err)
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindSubmatch(index)
	require.NotNil(t, meta, "index.html has no Content-Security-Policy <meta> tag")

	want := cspDirectives(contentSecurityPolicy(nil))
	delete(want, "frame-ancestors")
	assert.Equal(t, want, cspDirectives(string(meta[1])), "index.html's policy differs from server/headers.go's")
}

func TestCSPDirectives(t *testing.T) {
	assert.Equal(t, map[string]string{"default-src": "default-src 'self'", "img-src": "img-src 'self' data:"},
		cspDirectives(" default-src  'self';img-src 'self' data: ; "))
}
