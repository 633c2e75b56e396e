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

// runExport is `giamngheo export`: the households (all, or of a commune or class) in
// the import template's layout, CSV or XLSX.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := DefaultConfig()
	fs := newFlagSet("export", stderr)
	dbFlag(fs, &c)
	format := fs.String("format", "xlsx", "xlsx hoặc csv")
	out := fs.String("out", "", "tệp kết quả (mặc định: stdout) / output file (default stdout)")
	commune := fs.String("commune", "", "mã xã / commune code")
	class := fs.String("class", "", "poor, near_poor, middle, not_poor")
	as := fs.String("as", "", "xuất trong phạm vi của tài khoản này / export within this user's scope")
	if err := fs.Parse(args); err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	newWriter := importfile.NewXLSXWriter
	switch *format {
	case "xlsx":
	case "csv":
		newWriter = importfile.NewCSVWriter
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
	var w io.Writer = stdout
	if *out != "" {
		file, err := os.Create(*out)
		if err != nil {
			return giamngheo.Errorf(giamngheo.EINVALID, "Không tạo được tệp %s: %v", "Cannot create %s: %v", *out, err)
		}
		defer file.Close()
		w = file
	}
	ew, err := newWriter(w)
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
