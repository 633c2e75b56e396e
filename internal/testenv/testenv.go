// Package testenv is what the tests need of the machine: the external programs of the
// real-parts tests (Chromium, pdftotext, LibreOffice) and the PostgreSQL of the store
// suite. On CI (CI set to any value: true, 1, yes, even false) a missing part fails
// the test, so a green run never hides a skipped tier; on a developer's machine the
// test is skipped with the command that installs the part.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// OnCI reports whether the tests run on CI: the CI variable is set, whatever its value.
func OnCI() bool {
	_, set := os.LookupEnv("CI")
	return set
}

// Missing fails the test on CI and skips it elsewhere, saying what is missing and how
// to install it.
func Missing(tb testing.TB, what, install string) {
	tb.Helper()
	if OnCI() {
		tb.Fatalf("%s is missing on CI (%s)", what, install)
	}
	tb.Skipf("%s not found: %s", what, install)
}

// Tool returns the path of the first of names found on PATH, or calls Missing.
func Tool(tb testing.TB, install string, names ...string) string {
	tb.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	Missing(tb, names[0], install)
	return ""
}

// PostgresDSN returns GIAMNGHEO_TEST_POSTGRES, or calls Missing.
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("GIAMNGHEO_TEST_POSTGRES")
	if dsn == "" {
		Missing(tb, "GIAMNGHEO_TEST_POSTGRES", "set GIAMNGHEO_TEST_POSTGRES=postgres://… to run the PostgreSQL tests")
	}
	return dsn
}
