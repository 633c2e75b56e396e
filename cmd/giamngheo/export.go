package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/registry/importfile"
)

// runExport is `giamngheo export`: the households (all, or of a commune, a recognised
// status, a survey result, or those that differ) in the import template's layout, CSV
// or XLSX, with the recognised status and the survey result after it.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := DefaultConfig()
	fs := newFlagSet("export", stderr)
	dbFlag(fs, &c)
	format := fs.String("format", "xlsx", "xlsx hoặc csv")
	out := fs.String("out", "", "tệp kết quả (mặc định: stdout) / output file (default stdout)")
	commune := fs.String("commune", "", "mã xã / commune code")
	class := fs.String("class", "", "kết quả khảo sát / survey result: poor, near_poor, middle, not_poor")
	status := fs.String("status", "", "tình trạng đã công nhận / recognised status: poor, near_poor, none")
	differs := fs.Bool("differs", false, "chỉ các hộ cần rà soát / only households whose survey result differs from their recognised status")
	as := fs.String("as", "", "xuất trong phạm vi của tài khoản này / export within this user's scope")
	if err := fs.Parse(args); err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	newWriter := importfile.NewXLSXExport
	switch *format {
	case "xlsx":
	case "csv":
		newWriter = importfile.NewCSVExport
	default:
		return giamngheo.Errorf(giamngheo.EINVALID, "--format phải là xlsx hoặc csv.", "--format must be xlsx or csv.")
	}
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	a := newApp(ctx, s)
	actx := systemCtx(ctx)
	if *as != "" {
		u, err := s.FindUserByUsername(ctx, *as)
		if err != nil {
			return err
		}
		actx = giamngheo.NewContextWithActor(ctx, u.Actor())
	}
	f := registry.HouseholdFilter{}
	if *commune != "" {
		f.CommuneCodes = []string{*commune}
	}
	if *class != "" {
		cl := poverty.Class(*class)
		f.Class = &cl
	}
	switch *status {
	case "":
	case string(poverty.Poor), string(poverty.NearPoor), "none":
		st := poverty.Class(*status)
		if *status == "none" {
			st = ""
		}
		f.Status = &st
	default:
		return giamngheo.Errorf(giamngheo.EINVALID, "--status phải là poor, near_poor hoặc none.", "--status must be poor, near_poor or none.")
	}
	f.Differs = *differs
	var w io.Writer = stdout
	if *out != "" {
		file, err := os.Create(*out)
		if err != nil {
			return giamngheo.Errorf(giamngheo.EINVALID, "Không tạo được tệp %s: %v", "Cannot create %s: %v", *out, err)
		}
		defer file.Close()
		w = file
	}
	ew, err := newWriter(w, registry.StatusColumns)
	if err != nil {
		return err
	}
	n, err := a.reg.ExportHouseholds(actx, f, *format, ew.Write)
	if err != nil {
		return err
	}
	if err := ew.Close(); err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintf(stderr, "Đã xuất %d hộ vào %s / exported %d households\n", n, *out, n)
	}
	return nil
}
