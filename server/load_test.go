package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

// The API under load and abuse, on a real loopback server: 50 clients send
// 500 requests, good and bad mixed. Every good one must get the library's
// document, every bad one a 4xx JSON error, none a 5xx, and the heap must
// stay bounded.

const (
	loadClients  = 50
	loadRequests = 500
	// heapBudget bounds the live heap during the run: 50 bodies of up to
	// 1 MB in flight plus the annotations, with room to spare.
	heapBudget = 256 << 20
)

var loadTexts = []string{
	fixture,
	"Councillor Tomas Ferreira asked the Audit Office in Port Alys for the costs. \"We deserve to know,\" he said.",
	"Ferries stop in March. 🚢 Rückkehr nach Lissabon? «Non», dit-il. 北京",
	"",
}

// loadCase is one kind of request and the status it must get.
type loadCase struct {
	name   string
	send   func(client *http.Client, url string) (*http.Response, error)
	status int
	// want is the exact body of a good request; "" for errors.
	want string
}

func loadCases() []loadCase {
	var cases []loadCase
	for i, text := range loadTexts {
		cases = append(cases,
			loadCase{fmt.Sprintf("text %d", i), post("text/plain; charset=utf-8", text), 200, docJSON(text)},
			loadCase{fmt.Sprintf("json %d", i), post("application/json", mustJSON(map[string]any{"text": text, "options": map[string]any{"offsets": "byte"}})),
				200, docJSON(text, annotate.WithOffsets(annotate.Bytes))},
		)
	}
	return append(cases,
		loadCase{name: "oversized", send: post("text/plain", strings.Repeat("word ", DefaultMaxBody/5+1)), status: 413},
		loadCase{name: "malformed json", send: post("application/json", `{"text": "unterminated`), status: 400},
		loadCase{name: "wrong content type", send: post("application/xml", "<text/>"), status: 415},
		loadCase{name: "wrong method", send: func(c *http.Client, url string) (*http.Response, error) {
			req, _ := http.NewRequest(http.MethodDelete, url+"/api/annotate", nil)
			return c.Do(req)
		}, status: 405},
		loadCase{name: "slow body", send: slowPost, status: http.StatusRequestTimeout},
	)
}

func post(contentType, body string) func(*http.Client, string) (*http.Response, error) {
	return func(c *http.Client, url string) (*http.Response, error) {
		return c.Post(url+"/api/annotate", contentType, strings.NewReader(body))
	}
}

// slowPost sends the start of a body and then stalls until the server has
// answered, which it must do once its read timeout passes.
func slowPost(c *http.Client, url string) (*http.Response, error) {
	r, w := io.Pipe()
	answered := make(chan struct{})
	go func() {
		w.Write([]byte("The mayor"))
		<-answered
		w.Close()
	}()
	defer close(answered)
	return c.Post(url+"/api/annotate", "text/plain", r)
}

const loadReadTimeout = 300 * time.Millisecond

func docJSON(text string, opts ...annotate.Option) string {
	return string(append(annotate.Annotate(text, opts...).AppendJSON(nil), '\n'))
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestAPIUnderLoad(t *testing.T) {
	srv := httptest.NewUnstartedServer(New(Config{}))
	// The real server's timeouts, with a short read timeout so that the slow
	// body fails fast.
	srv.Config = NewHTTPServer("", srv.Config.Handler)
	srv.Config.ReadTimeout = loadReadTimeout
	srv.Start()
	defer srv.Close()

	cases := loadCases()
	var peakHeap atomic.Uint64
	stop := make(chan struct{})
	go sampleHeap(&peakHeap, stop)

	var wg sync.WaitGroup
	var mu sync.Mutex
	failures := map[string]string{}
	for c := range loadClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 20 * time.Second}
			for i := c; i < loadRequests; i += loadClients {
				lc := cases[i%len(cases)]
				if msg := check(client, srv.URL, lc); msg != "" {
					mu.Lock()
					failures[lc.name] = msg
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	assert.Empty(t, failures)
	t.Logf("%d requests from %d clients; peak heap %d MB", loadRequests, loadClients, peakHeap.Load()>>20)
	assert.Less(t, peakHeap.Load(), uint64(heapBudget))
}

// check sends one request and describes what is wrong with the answer.
func check(client *http.Client, url string, lc loadCase) string {
	resp, err := lc.send(client, url)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err.Error()
	}
	switch {
	case resp.StatusCode != lc.status:
		return fmt.Sprintf("status %d, want %d: %.200s", resp.StatusCode, lc.status, body)
	case resp.Header.Get("Content-Type") != "application/json; charset=utf-8":
		return "content type " + resp.Header.Get("Content-Type")
	case lc.want != "" && string(body) != lc.want:
		return fmt.Sprintf("document differs from the library's: %.200s", body)
	case lc.want == "" && !bytes.Contains(body, []byte(`"error":`)):
		return fmt.Sprintf("no JSON error: %.200s", body)
	}
	return ""
}

func sampleHeap(peak *atomic.Uint64, stop chan struct{}) {
	var m runtime.MemStats
	for {
		select {
		case <-stop:
			return
		case <-time.After(20 * time.Millisecond):
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
		}
	}
}

func TestNewHTTPServerSetsTimeouts(t *testing.T) {
	s := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler())
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": s.ReadHeaderTimeout, "ReadTimeout": s.ReadTimeout,
		"WriteTimeout": s.WriteTimeout, "IdleTimeout": s.IdleTimeout,
	} {
		require.Positive(t, d, name)
	}
	assert.Positive(t, s.MaxHeaderBytes)
}
