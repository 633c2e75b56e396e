package main

import (
	"context"
	"database/sql"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestHelperProcess is not a test: TestImportKilledMidway runs the test binary again
// with GIAMNGHEO_HELPER_ARGS set, and this runs the CLI with those arguments.
func TestHelperProcess(t *testing.T) {
	args := os.Getenv("GIAMNGHEO_HELPER_ARGS")
	if args == "" {
		t.Skip("helper process for TestImportKilledMidway")
	}
	os.Exit(run(context.Background(), strings.Split(args, "\x1f"), nil, os.Stdout, os.Stderr))
}

// TestImportKilledMidway: an import killed (SIGKILL) while it writes leaves the
// database exactly as before — no household, the indexes a large import sets aside
// still there, the file intact — and the same import then succeeds.
func TestImportKilledMidway(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and imports 20,000 households")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "kill.db")
	if code := run(context.Background(), []string{"units", "load", "--db", db}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal("units load failed")
	}
	if code := run(context.Background(), []string{"demo", "generate", "--province", "31", "--households", "20000", "--seed", "3", "--out", dir}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal("demo generate failed")
	}
	file := filepath.Join(dir, "ho-gia-dinh-31.csv")
	indexes := func() int {
		c, err := sql.Open("sqlite", db)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var n int
		if err := c.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('households', 'members')`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := indexes()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "GIAMNGHEO_HELPER_ARGS="+strings.Join([]string{"import", file, "--db", db, "--quiet"}, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it has written a few megabytes of rows to the WAL.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > 4<<20 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the import wrote nothing in two minutes")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatal("the import finished before it was killed: nothing was tested")
	}

	if n := countHouseholds(t, db); n != 0 {
		t.Fatalf("a killed import left %d households", n)
	}
	if got := indexes(); got != before {
		t.Fatalf("after the kill the registry tables have %d indexes, before %d", got, before)
	}
	c, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var ok string
	c.QueryRow(`PRAGMA integrity_check`).Scan(&ok)
	c.Close()
	if ok != "ok" {
		t.Fatalf("integrity check after the kill: %s", ok)
	}
	if code := run(context.Background(), []string{"import", file, "--db", db, "--quiet"}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal("the import after the kill failed")
	}
	if n := countHouseholds(t, db); n != 20000 {
		t.Fatalf("after the second import: %d households, want 20000", n)
	}
	if got := indexes(); got != before {
		t.Fatalf("after a complete import the registry tables have %d indexes, before %d", got, before)
	}
}
