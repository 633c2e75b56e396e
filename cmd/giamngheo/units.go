package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/admin/catalogue"
)

func runUnits(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Thiếu lệnh con: load, import, list, mapping.", "Missing subcommand: load, import, list, mapping.")
	}
	c := DefaultConfig()
	var date, parent, effective string
	fs := newFlagSet("units "+args[0], stdout)
	dbFlag(fs, &c)
	fs.StringVar(&c.Provinces, "provinces", c.Provinces, "mã tỉnh hoặc all / province codes or all")
	fs.StringVar(&date, "date", "", "tại ngày / as of YYYY-MM-DD")
	fs.StringVar(&parent, "parent", "", "mã đơn vị cấp trên / parent code")
	fs.StringVar(&effective, "effective", giamngheo.DayString(clockOf(ctx)()), "import: ngày danh mục có hiệu lực / date the imported catalogue takes effect")
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return errSilent
	}
	applyEnv(fs, &c)

	var units []admin.Unit
	if args[0] == "import" {
		// Read and check the whole file before touching the database.
		if len(pos) != 1 {
			return giamngheo.Errorf(giamngheo.EINVALID, "Cần đúng một tệp danh mục (CSV hoặc XLSX).", "Exactly one catalogue file (CSV or XLSX) is needed.")
		}
		f, err := os.Open(pos[0])
		if err != nil {
			return giamngheo.Errorf(giamngheo.EINVALID, "Không mở được tệp %s: %v", "Cannot open file %s: %v", pos[0], err)
		}
		units, err = catalogue.Read(f, filepath.Base(pos[0]))
		f.Close()
		if err != nil {
			return err
		}
	}
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	a := newApp(ctx, s)
	switch args[0] {
	case "load":
		return loadEmbeddedUnits(systemCtx(ctx), a, c.Provinces, stdout)
	case "import":
		n, err := a.units.ImportCatalogue(systemCtx(ctx), filepath.Base(pos[0]), units, effective)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã nạp %d đơn vị từ %s, hiệu lực từ %s (%d phiên bản) / imported %d units effective %s (%d versions)\n",
			len(units), pos[0], effective, n, len(units), effective, n)
		return nil
	case "mapping":
		// The old→new commune mapping of 1 July 2025, both ways: what a former commune
		// became, and what a new commune was formed from.
		if len(pos) != 1 {
			return giamngheo.Errorf(giamngheo.EINVALID, "Cần đúng một mã xã.", "Exactly one commune code is needed.")
		}
		olds, err := s.FindMappings(ctx, pos[0], "")
		if err != nil {
			return err
		}
		news, err := s.FindMappings(ctx, "", pos[0])
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "OLD\tOLD_NAME\tNEW\tNEW_NAME\tKIND")
		for _, m := range append(olds, news...) {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.OldCode, m.OldName, m.NewCode, m.NewName, m.Kind)
		}
		return tw.Flush()
	case "list":
		f := admin.UnitFilter{AsOf: date, ParentCode: parent}
		if parent == "" {
			f.Level = admin.LevelProvince
		}
		us, err := s.FindUnits(ctx, f)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "CODE\tNAME\tTYPE\tVALID_FROM\tVALID_TO")
		for _, u := range us {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Code, u.Name, u.Type, u.ValidFrom, u.ValidTo)
		}
		fmt.Fprintf(tw, "(%d)\n", len(us))
		return tw.Flush()
	}
	return giamngheo.Errorf(giamngheo.EINVALID, "Lệnh con không rõ: %s.", "Unknown subcommand: %s.", args[0])
}
