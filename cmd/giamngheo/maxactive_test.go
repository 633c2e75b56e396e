package main

import (
	"runtime"
	"testing"
)

func TestMaxActive(t *testing.T) {
	cpus := runtime.GOMAXPROCS(0)
	for _, c := range []struct {
		configured int
		dialect    string
		want       int
	}{
		{0, "sqlite", cpus},
		{0, "postgres", 2 * cpus},
		{5, "sqlite", 5},
		{5, "postgres", 5},
		{-1, "postgres", -1},
	} {
		if got := maxActive(c.configured, c.dialect); got != c.want {
			t.Errorf("maxActive(%d, %q) = %d, want %d", c.configured, c.dialect, got, c.want)
		}
	}
}
