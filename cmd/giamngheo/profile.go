package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// profiled runs f, writing a CPU profile of the whole command to the file named by
// GIAMNGHEO_CPUPROFILE when it is set (for the benchmarks in bench/; see
// docs/benchmarks.md). A profile that cannot be written is reported, never fatal.
func profiled(f func() int) int {
	path := os.Getenv("GIAMNGHEO_CPUPROFILE")
	if path == "" {
		return f()
	}
	out, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "Không ghi được hồ sơ CPU / cannot write the CPU profile: %v\n", err)
		return f()
	}
	defer out.Close()
	if err := pprof.StartCPUProfile(out); err != nil {
		fmt.Fprintf(os.Stderr, "Không ghi được hồ sơ CPU / cannot write the CPU profile: %v\n", err)
		return f()
	}
	defer pprof.StopCPUProfile()
	return f()
}
