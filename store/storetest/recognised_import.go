package storetest

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/registry/importfile"
	"giamngheo/registry/imports"
)

// testRecognisedImport: migrating an existing registry, the import of a recognised list
// sets each household's recognised status with its decision's reference, only when
// asked, only for the roles that record decisions, each household audited under the
// import's job, and the roll-ups follow; without asking, those columns are left aside with a warning.
func testRecognisedImport(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	now := t0
	svc := registryService(s, &now)
	var tmpl bytes.Buffer
	MustOK(t, importfile.WriteTemplateCSV(&tmpl))
	lines := strings.Split(strings.TrimRight(tmpl.String(), "\r\n"), "\n")
	header := lines[0] + ",Tình trạng đã công nhận,Số quyết định,Ngày quyết định,Số giấy chứng nhận\n"
	rows := func(code, extra string) string {
		var out []string
		for _, l := range lines[1:] {
			l = strings.Replace(l, "HD-0001,31,10507,", code+",31,10813,", 1)
			out = append(out, l+extra)
		}
		return strings.Join(out, "\n") + "\n"
	}
	file := header + rows("RC-1", ",Hộ nghèo,125/QĐ-UBND,15/12/2024,7") + rows("RC-2", ",Cận nghèo,125/QĐ-UBND,15/12/2024,") +
		rows("RC-3", ",Không thuộc diện,,,") + rows("RC-4", ",Hộ có mức sống trung bình,126/QĐ-UBND,16/12/2024,")
	officer := giamngheo.NewContextWithActor(ctx, &giamngheo.Actor{UserID: 1, Username: "xa.thanhha", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10813"})

	// Without asking, the columns are left aside with a warning saying how.
	dry, err := imports.Run(officer, svc, strings.NewReader(file), "ds-cong-nhan.csv", imports.Options{DryRun: true})
	MustOK(t, err)
	warned := false
	for _, is := range dry.Issues {
		warned = warned || is.Severity == importfile.SeverityWarning && strings.Contains(is.Message, "--recognised") && strings.Contains(is.Message, "Tình trạng đã công nhận")
	}
	if !warned || dry.Recognised != 0 || dry.Invalid != 0 || dry.Counts.Created != 4 {
		t.Fatalf("without --recognised: warned %v, recognised %d, invalid %d, to create %d: %+v", warned, dry.Recognised, dry.Invalid, dry.Counts.Created, dry.Issues)
	}
	agency := giamngheo.NewContextWithActor(ctx, &giamngheo.Actor{UserID: 2, Username: "so.yte", Role: giamngheo.RoleAgencyOfficer, ScopeCode: "31"})
	_, err = imports.Run(agency, svc, strings.NewReader(file), "ds-cong-nhan.csv", imports.Options{Recognised: true})
	MustCode(t, err, giamngheo.EFORBIDDEN)
	if _, n, err := s.FindHouseholds(ctx, registry.HouseholdFilter{}); err != nil || n != 0 {
		t.Fatalf("a refused import stored %d households (%v)", n, err)
	}

	rep, err := imports.Run(officer, svc, strings.NewReader(file), "ds-cong-nhan.csv", imports.Options{Recognised: true, Job: "import-rc"})
	MustOK(t, err)
	if !rep.Committed || rep.Recognised != 3 || rep.Counts.Created != 4 {
		t.Fatalf("import: committed %v, recognised %d, created %d, issues %+v", rep.Committed, rep.Recognised, rep.Counts.Created, rep.Issues)
	}
	want := map[string]registry.Recognition{
		"RC-1": {Class: poverty.Poor, Since: "2024-12-15", DecidedOn: "2024-12-15", DecisionNumber: "125/QĐ-UBND", Certificate: 7},
		"RC-2": {Class: poverty.NearPoor, Since: "2024-12-15", DecidedOn: "2024-12-15", DecisionNumber: "125/QĐ-UBND"},
		"RC-3": {},
		"RC-4": {Since: "2024-12-16", DecidedOn: "2024-12-16", DecisionNumber: "126/QĐ-UBND"},
	}
	for code, rc := range want {
		h, err := s.FindHouseholdByCode(ctx, "31", code)
		MustOK(t, err)
		if h.Recognised != rc {
			t.Errorf("%s recognised %+v, want %+v", code, h.Recognised, rc)
		}
	}
	es, _, err := s.FindAudit(ctx, audit.Filter{Action: "recognise", Job: "import-rc"})
	MustOK(t, err)
	if len(es) != 3 || es[0].Username != "xa.thanhha" {
		t.Fatalf("audit of the recognitions: %d entries %+v", len(es), es)
	}
	mustVerify(t, s, "after a recognised import")

	// Re-importing the same list changes nothing; a row without its decision is refused.
	rep, err = imports.Run(officer, svc, strings.NewReader(file), "ds-cong-nhan.csv", imports.Options{Recognised: true})
	MustOK(t, err)
	if rep.Recognised != 0 || rep.Counts.Unchanged != 4 {
		t.Fatalf("re-import: recognised %d, unchanged %d", rep.Recognised, rep.Counts.Unchanged)
	}
	bad := header + rows("RC-5", ",Hộ nghèo,,15/12/2024,")
	rep, err = imports.Run(officer, svc, strings.NewReader(bad), "thieu-qd.csv", imports.Options{Recognised: true})
	MustOK(t, err)
	if rep.Committed || rep.Invalid != 1 || len(rep.Issues) == 0 || !strings.Contains(rep.Issues[0].Message, "Số quyết định") {
		t.Fatalf("a recognised status without its decision number: committed %v, issues %+v", rep.Committed, rep.Issues)
	}
}
