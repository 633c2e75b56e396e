package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/export/pdf"
	"giamngheo/export/xlsx"
	"giamngheo/registry"
	"giamngheo/report"
)

// reportService is the report service over the binary's store; the named lists read
// households through reg, the registry's scoped search.
func reportService(s store, reg *registry.Service) *report.Service {
	return &report.Service{Store: s, Units: s, Households: reg, Members: s, Frozen: s, AF: afSettings(), InScope: func(ctx context.Context, scope, unit string) (bool, error) {
		return admin.StoreInScope(ctx, s, scope, unit)
	}}
}

// approvals runs the submission and approval of the reports of rs over the store.
func approvals(s store, rs *report.Service, now func() time.Time) *report.Approvals {
	return &report.Approvals{Reports: rs, Store: s, Audit: s, Tx: s, Now: now, Deadlines: report.DefaultDeadlines}
}

// runReport is `giamngheo report list` and `giamngheo report NAME --unit CODE --period
// 2025 --format xlsx|csv|json -o FILE`.
func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Cách dùng: giamngheo report list | NAME --unit CODE --period 2025 [--format xlsx|csv|json] [-o FILE]",
			"Usage: giamngheo report list | NAME --unit CODE --period 2025 [--format xlsx|csv|json] [-o FILE]")
	}
	if args[0] == "list" {
		for _, d := range report.Definitions {
			fmt.Fprintf(stdout, "%2d  %-28s %s\n", d.Number, d.Name, d.Title)
		}
		for _, d := range report.Lists {
			fmt.Fprintf(stdout, "%2d  %-28s %s\n", d.Number, d.Name, d.Title)
		}
		return nil
	}
	c := DefaultConfig()
	fs := newFlagSet("report", stderr)
	dbFlag(fs, &c)
	unit := fs.String("unit", "", "mã đơn vị (tỉnh hoặc xã) / unit code (province or commune)")
	period := fs.Int("period", clockOf(ctx)().Year(), "năm báo cáo / the year")
	format := fs.String("format", "xlsx", "xlsx, pdf, csv hoặc json")
	out := fs.String("o", "", "tệp kết quả (mặc định: stdout) / output file")
	if err := fs.Parse(args[1:]); err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	if *format != "xlsx" && *format != "csv" && *format != "json" && *format != "pdf" {
		return giamngheo.Errorf(giamngheo.EINVALID, "--format phải là xlsx, pdf, csv hoặc json.", "--format must be xlsx, pdf, csv or json.")
	}
	if *format == "pdf" && report.FindList(args[0]) != nil {
		return giamngheo.Errorf(giamngheo.EINVALID, "Danh sách hộ được xuất dưới dạng xlsx, csv hoặc json.", "A named list is written as xlsx, csv or json.")
	}
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	rs := reportService(s, newApp(ctx, s).reg)
	var t *report.Table
	var l *report.NamedList
	if report.FindList(args[0]) != nil {
		l, err = rs.BuildCommuneList(systemCtx(ctx), args[0], *unit, *period)
	} else {
		t, err = rs.Build(systemCtx(ctx), args[0], *unit, *period)
	}
	if err != nil {
		return err
	}
	var w io.Writer = stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return giamngheo.Errorf(giamngheo.EINVALID, "Không tạo được tệp %s: %v", "Cannot create %s: %v", *out, err)
		}
		defer f.Close()
		w = f
	}
	if l != nil {
		switch *format {
		case "csv":
			return report.WriteListCSV(w, l)
		case "json":
			e := json.NewEncoder(w)
			e.SetIndent("", "  ")
			return e.Encode(l)
		}
		return xlsx.WriteNamedList(w, l, report.Issuer(l.Unit, l.UnitName))
	}
	switch *format {
	case "csv":
		return report.WriteCSV(w, t)
	case "json":
		return report.WriteJSON(w, t)
	case "pdf":
		return pdf.WriteReport(w, t, report.Issuer(t.Unit, t.UnitName))
	}
	return xlsx.WriteReport(w, t, report.Issuer(t.Unit, t.UnitName))
}
