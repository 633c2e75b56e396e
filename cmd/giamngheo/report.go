package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/export/xlsx"
	"giamngheo/report"
)

// reportService is the report service over the binary's store.
func reportService(s store) *report.Service {
	return &report.Service{Store: s, Units: s, InScope: func(ctx context.Context, scope, unit string) (bool, error) {
		return admin.StoreInScope(ctx, s, scope, unit)
	}}
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
		return nil
	}
	c := DefaultConfig()
	fs := newFlagSet("report", stderr)
	dbFlag(fs, &c)
	unit := fs.String("unit", "", "mã đơn vị (tỉnh hoặc xã) / unit code (province or commune)")
	period := fs.Int("period", clockOf(ctx)().Year(), "năm báo cáo / the year")
	format := fs.String("format", "xlsx", "xlsx, csv hoặc json")
	out := fs.String("o", "", "tệp kết quả (mặc định: stdout) / output file")
	if err := fs.Parse(args[1:]); err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	if *format != "xlsx" && *format != "csv" && *format != "json" {
		return giamngheo.Errorf(giamngheo.EINVALID, "--format phải là xlsx, csv hoặc json.", "--format must be xlsx, csv or json.")
	}
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	t, err := reportService(s).Build(systemCtx(ctx), args[0], *unit, *period)
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
	switch *format {
	case "csv":
		return report.WriteCSV(w, t)
	case "json":
		return report.WriteJSON(w, t)
	}
	return xlsx.WriteReport(w, t, "ỦY BAN NHÂN DÂN "+t.UnitName)
}
