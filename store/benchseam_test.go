package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRollupSeamOnlyInBenchmarks: the switch that turns the roll-up maintenance off is
// called from the benchmark binaries (and the rebuild's test) only, never from the
// product (store/benchseam.go).
func TestRollupSeamOnlyInBenchmarks(t *testing.T) {
	const name = "SkipRollupMaintenanceForBenchmark"
	var callers []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "out") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), name) {
			callers = append(callers, filepath.ToSlash(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range callers {
		switch {
		case p == "../store/benchseam.go", p == "../store/benchseam_test.go", p == "../store/storetest/rollup.go":
		case strings.HasPrefix(p, "../bench/"):
			found = true
		default:
			t.Errorf("%s calls %s: only bench/ may turn the roll-ups off", p, name)
		}
	}
	if !found {
		t.Errorf("no benchmark under bench/ calls %s: found only %v", name, callers)
	}
}
