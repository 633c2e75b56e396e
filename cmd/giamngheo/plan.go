package main

import (
	"context"
	"fmt"
	"io"

	"giamngheo"
)

const planUsage = "giamngheo plan seed --province 31 --year 2023 | copy --province 31 --from 2023 --to 2024 | show --province 31 --year 2023"

// runPlan is `giamngheo plan seed|copy|show`: the embedded Hải Dương 2023 plan is
// loaded under province 31 (Hải Dương merged into Hải Phòng on 1 July 2025), and a
// later year's plan is made by copying one and editing it.
func runPlan(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "seed" && args[0] != "copy" && args[0] != "show") {
		return giamngheo.Errorf(giamngheo.EINVALID, "Cách dùng: "+planUsage, "Usage: "+planUsage)
	}
	c := DefaultConfig()
	fs := newFlagSet("plan "+args[0], stderr)
	dbFlag(fs, &c)
	province := fs.String("province", "31", "mã tỉnh / province code")
	year := fs.Int("year", 2023, "năm kế hoạch / plan year")
	from := fs.Int("from", 0, "năm của kế hoạch được sao chép / year copied from")
	to := fs.Int("to", 0, "năm của kế hoạch mới / year copied to")
	if err := fs.Parse(args[1:]); err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	a := newApp(ctx, s)
	sys := systemCtx(ctx)
	switch args[0] {
	case "seed":
		p, err := a.plan.Seed(sys, *province, *year)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã nạp kế hoạch năm %d của tỉnh %s: %d chỉ tiêu, %d nội dung hoạt động. / Loaded the %d plan of province %s: %d targets, %d activity areas.\n",
			p.Year, p.ProvinceCode, len(p.Targets), len(p.Areas), p.Year, p.ProvinceCode, len(p.Targets), len(p.Areas))
	case "copy":
		if *from == 0 || *to == 0 {
			return giamngheo.Errorf(giamngheo.EINVALID, "Cần --from và --to.", "--from and --to are required.")
		}
		p, err := a.plan.CopyPlan(sys, *province, *from, *to)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã tạo kế hoạch năm %d của tỉnh %s từ kế hoạch năm %d. / Made the %d plan of province %s from the %d plan.\n%s\n",
			p.Year, p.ProvinceCode, *from, p.Year, p.ProvinceCode, *from, p.Note)
	case "show":
		p, err := a.plan.FindPlan(sys, *province, *year)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s (phiên bản %d, hạn báo cáo %s)\n", p.Title, p.Version, p.ReportDue)
		for _, t := range p.Targets {
			v := "—"
			if t.Value != nil {
				v = fmt.Sprint(*t.Value)
			}
			fmt.Fprintf(stdout, "  %-24s %8s %-10s %s\n", t.Code, v, t.Unit, t.Source)
		}
	}
	return nil
}
