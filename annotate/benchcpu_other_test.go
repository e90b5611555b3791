//go:build !unix

package annotate

// processCPUNanos is unavailable here (js/wasm, windows): benchmarks report
// wall time only.
func processCPUNanos() (int64, bool) { return 0, false }
