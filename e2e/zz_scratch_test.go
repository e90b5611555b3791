//go:build browser

package e2e

import (
	"net/http/httptest"
	"os"
	"sort"
	"testing"

	"lede/server"
)

func TestScratchTimeline(t *testing.T) {
	res := map[string][]int{}
	srvs := map[string]*httptest.Server{}
	for _, dir := range []string{"../dist", "/tmp/dist-exp"} {
		srvs[dir] = httptest.NewServer(server.New(server.Config{Dist: os.DirFS(dir)}))
		defer srvs[dir].Close()
	}
	for i := 0; i < 8; i++ {
		for _, dir := range []string{"../dist", "/tmp/dist-exp"} {
			tab := NewTab(t)
			res[dir] = append(res[dir], OpenApp(t, tab, srvs[dir].URL))
		}
	}
	for d, r := range res {
		sort.Ints(r)
		t.Logf("%s: %v", d, r)
	}
}
