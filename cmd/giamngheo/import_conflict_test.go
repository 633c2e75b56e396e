package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"giamngheo/audit"
)

// TestImportConflictsAndDryRun: a row whose code is that of a stored household of
// another family is a conflict, never a silent replacement; --dry-run reports and
// writes nothing; the import refuses conflicts unless --on-conflict says skip or
// replace; every household created or changed is audited under the import's job
// (issue 10 items 2 and 9).
func TestImportConflictsAndDryRun(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	cli := func(want int, args ...string) string {
		t.Helper()
		var out bytes.Buffer
		args = append(args, "--db", db)
		if args[0] == "import" {
			args = append(args, "--quiet")
		}
		if code := run(context.Background(), args, nil, &out, &out); code != want {
			t.Fatalf("%q: exit %d, want %d:\n%s", args, code, want, out.String())
		}
		return out.String()
	}
	if code := run(context.Background(), []string{"units", "load", "--db", db}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal("units load failed")
	}
	lines := templateCSV(t)
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(lines[0]+"\n"+body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cli(0, "import", write("seed.csv", householdRows(lines, "HD-0001")+householdRows(lines, "HD-0002")))

	// HD-0001: another family under the same code. HD-0002: the same family, moved
	// house and with a newborn (an update). HD-0003: new.
	other := householdRows(lines, "HD-0001")
	for old, repl := range map[string]string{"Nguyễn Văn An": "Lê Văn Lạ", "030080001234": "030080009999", "12/05/1980": "01/01/1975",
		"Trần Thị Bình": "Phạm Thị Khác", "030183001235": "030183009998", "Nguyễn Văn Cường": "Lê Văn Mới"} {
		other = strings.ReplaceAll(other, old, repl)
	}
	moved := strings.ReplaceAll(householdRows(lines, "HD-0002"), "Số 12, đường làng", "Số 14, đường làng")
	baby := strings.Split(strings.TrimRight(moved, "\n"), "\n")[2]
	baby = strings.NewReplacer("Nguyễn Văn Cường", "Nguyễn Thị Dung", "30/09/2012", "01/03/2025", ",Nam,", ",Nữ,", "Đang đi học", "").Replace(baby)
	moved += baby + "\n"
	file := write("next.csv", other+moved+householdRows(lines, "HD-0003"))

	stored := func(code string) (head, address string, members, version int) {
		t.Helper()
		s, err := openStore(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		h, err := s.FindHouseholdByCode(context.Background(), "31", code)
		if err != nil {
			return "", "", 0, 0
		}
		return h.HeadName, h.Address, len(h.Members), h.Version
	}
	unchanged := func() {
		t.Helper()
		if head, _, _, v := stored("HD-0001"); head != "Nguyễn Văn An" || v != 1 {
			t.Fatalf("HD-0001 changed: %s v%d", head, v)
		}
		if _, addr, n, v := stored("HD-0002"); addr != "Số 12, đường làng" || n != 3 || v != 1 {
			t.Fatalf("HD-0002 changed: %s, %d members, v%d", addr, n, v)
		}
		if head, _, _, _ := stored("HD-0003"); head != "" {
			t.Fatal("HD-0003 was created")
		}
	}

	out := cli(0, "import", file, "--dry-run")
	for _, want := range []string{"dry run, nothing written", "created 1, updated 1, unchanged 0, invalid 0, conflicting 1",
		"to update HD-0002: address, members: 3 → 4", "HD-0001: mã hộ trùng với một hộ đã lưu nhưng là gia đình khác", "chủ hộ khác"} {
		if !strings.Contains(out, want) {
			t.Fatalf("dry run output lacks %q:\n%s", want, out)
		}
	}
	unchanged()

	out = cli(1, "import", file)
	if !strings.Contains(out, "--on-conflict=skip") || !strings.Contains(out, "nothing was imported") {
		t.Fatalf("refusal:\n%s", out)
	}
	unchanged()
	cli(1, "import", file, "--on-conflict", "overwrite")
	unchanged()

	out = cli(0, "import", file, "--on-conflict", "skip")
	if !strings.Contains(out, "created 1, updated 1, unchanged 0, invalid 0, conflicting 1") {
		t.Fatalf("skip:\n%s", out)
	}
	if head, _, _, v := stored("HD-0001"); head != "Nguyễn Văn An" || v != 1 {
		t.Fatalf("skipped HD-0001 changed: %s v%d", head, v)
	}
	if _, addr, n, v := stored("HD-0002"); addr != "Số 14, đường làng" || n != 4 || v != 2 {
		t.Fatalf("HD-0002 not updated: %s, %d members, v%d", addr, n, v)
	}
	if head, _, _, _ := stored("HD-0003"); head != "Nguyễn Văn An" {
		t.Fatal("HD-0003 not created")
	}

	// The audit: one entry per household created or changed, under the import's job,
	// beside the import's own entry.
	s, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	created, _, err := s.FindAudit(context.Background(), audit.Filter{Entity: "household", EntityID: "HD-0003"})
	if err != nil || len(created) != 1 || created[0].Action != "create" || created[0].Job == "" || !strings.Contains(string(created[0].After), "Nguyễn Văn An") {
		t.Fatalf("creation audit = %+v (%v)", created, err)
	}
	job, _, err := s.FindAudit(context.Background(), audit.Filter{Job: created[0].Job})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range job {
		kinds = append(kinds, e.Action+" "+e.Entity+" "+e.EntityID)
	}
	if got := strings.Join(kinds, "; "); got != "import household_file next.csv; create household HD-0003; update household HD-0002" {
		t.Fatalf("the job's audit = %s", got)
	}
	if !strings.Contains(string(job[2].Before), "Số 12") || !strings.Contains(string(job[2].After), "Số 14") {
		t.Fatalf("update audit before/after = %s / %s", job[2].Before, job[2].After)
	}
	s.Close()

	out = cli(0, "import", file, "--on-conflict", "replace")
	if !strings.Contains(out, "created 0, updated 1, unchanged 2, invalid 0, conflicting 1") {
		t.Fatalf("replace:\n%s", out)
	}
	if head, _, n, v := stored("HD-0001"); head != "Lê Văn Lạ" || n != 3 || v != 2 {
		t.Fatalf("HD-0001 not replaced: %s, %d members, v%d", head, n, v)
	}

	// An export is audited: who, which scope and filter, how many households.
	cli(0, "export", "--commune", "10507", "--format", "csv", "--out", filepath.Join(dir, "out.csv"))
	s, err = openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ex, _, err := s.FindAudit(context.Background(), audit.Filter{Entity: "household_list"})
	if err != nil || len(ex) != 1 || ex[0].Action != "export" || ex[0].Username != "system" ||
		!strings.Contains(string(ex[0].After), `"households":3`) || !strings.Contains(string(ex[0].After), `"communes":["10507"]`) {
		t.Fatalf("export audit = %+v (%v)", ex, err)
	}
}
