//go:build unix

package annotate

import "syscall"

// processCPUNanos returns the CPU time (user and system, all threads) the
// process has used so far. Benchmarks report it beside wall time because the
// machines here are shared: other jobs stretch wall time, not CPU time.
func processCPUNanos() (int64, bool) {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		return 0, false
	}
	return usage.Utime.Nano() + usage.Stime.Nano(), true
}
