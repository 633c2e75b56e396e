package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/export/simulation"
	"giamngheo/poverty"
	"giamngheo/simulate"
)

// costFlags is the repeatable --cost flag: NAME:PER:CLASSES:UNITCOST, e.g.
// "Thẻ BHYT:person:poor,near_poor:1263600".
type costFlags []simulate.Cost

func (c *costFlags) String() string { return fmt.Sprint(len(*c)) }

func (c *costFlags) Set(v string) error {
	parts := strings.Split(v, ":")
	if len(parts) != 4 {
		return fmt.Errorf("--cost NAME:PER:CLASSES:UNITCOST, e.g. \"Thẻ BHYT:person:poor,near_poor:1263600\"")
	}
	cost, err := strconv.ParseInt(strings.TrimSpace(parts[3]), 10, 64)
	if err != nil {
		return fmt.Errorf("--cost %s: unit cost %q", parts[0], parts[3])
	}
	item := simulate.Cost{Name: strings.TrimSpace(parts[0]), Per: simulate.Per(strings.TrimSpace(parts[1])), UnitCost: cost}
	for _, k := range strings.Split(parts[2], ",") {
		item.Classes = append(item.Classes, poverty.Class(strings.TrimSpace(k)))
	}
	*c = append(*c, item)
	return nil
}

// runSimulate is `giamngheo simulate`: the what-if of issue 16, written as XLSX, CSV
// or JSON. It acts as the system (national scope) unless --as names a user.
func runSimulate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// A batch over a province's answers allocates a little per column read (the SQLite
	// driver's values); collecting less often cut its CPU time by about a tenth for
	// twice the peak memory (≈ 200 MB at 650,000 households; docs/benchmarks.md). An
	// explicit GOGC is left as it is.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	c := DefaultConfig()
	fs := newFlagSet("simulate", stderr)
	dbFlag(fs, &c)
	stdID := fs.String("standard", "", "chuẩn nghèo: 2022-2026, 2027-2030, hoặc mã chuẩn trong --standards-file / standard id")
	stdFile := fs.String("standards-file", "", "tệp JSON chuẩn nghèo địa phương / local standard JSON file")
	unit := fs.String("unit", "", "mã tỉnh, huyện hoặc xã (mặc định: toàn bộ phạm vi) / unit code (default: the whole scope)")
	dateText := fs.String("date", "", "ngày tham chiếu NNNN-TT-NN (mặc định hôm nay) / reference date (default today)")
	format := fs.String("format", "xlsx", "xlsx, csv hoặc json")
	out := fs.String("o", "", "tệp kết quả (mặc định stdout) / output file (default stdout)")
	as := fs.String("as", "", "chạy trong phạm vi của tài khoản này / run within this user's scope")
	maxChanges := fs.Int("max-changes", 1000, "số hộ thay đổi liệt kê tối đa / most changed households listed")
	var costs costFlags
	fs.Var(&costs, "cost", "khoản hỗ trợ TÊN:person|household|pupil:poor,near_poor:ĐƠN_GIÁ (lặp lại được) / support item, repeatable")
	if err := fs.Parse(args); err != nil {
		return errSilent
	}
	if fs.NArg() > 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Tham số thừa: %v", "unexpected arguments: %v", fs.Args())
	}
	applyEnv(fs, &c)
	write := simulation.WriteXLSX
	switch *format {
	case "xlsx":
	case "csv":
		write = simulation.WriteCSV
	case "json":
		write = simulation.WriteJSON
	default:
		return giamngheo.Errorf(giamngheo.EINVALID, "--format phải là xlsx, csv hoặc json.", "--format must be xlsx, csv or json.")
	}
	standards := poverty.Standards()
	if *stdFile != "" {
		s, err := loadFile(*stdFile, poverty.LoadStandard)
		if err != nil {
			return err
		}
		standards = append(standards, s)
		if *stdID == "" {
			*stdID = s.ID
		}
	}
	if *stdID == "" {
		return giamngheo.Errorf(giamngheo.EINVALID, "Cần --standard (2022-2026, 2027-2030) hoặc --standards-file.", "--standard (2022-2026, 2027-2030) or --standards-file is required.")
	}
	std, err := standards.ByID(*stdID)
	if err != nil {
		return err
	}
	p := simulate.Params{Standard: std, Standards: standards, Unit: *unit, Costs: costs, MaxChanges: *maxChanges}
	if *dateText != "" {
		d, err := poverty.ParseDate(*dateText)
		if err != nil {
			return err
		}
		p.Date = d.Time()
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
	r, err := a.sim.Run(actx, p)
	if err != nil {
		return err
	}
	var w io.Writer = stdout
	if *out != "" && *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return giamngheo.Errorf(giamngheo.EINVALID, "Không tạo được tệp %s: %v", "Cannot create %s: %v", *out, err)
		}
		defer f.Close()
		w = f
	}
	if err := write(w, r); err != nil {
		return err
	}
	if *out != "" && *out != "-" {
		fmt.Fprintf(stderr, "Đã mô phỏng %d hộ (%s, %s) vào %s / simulated %d households\n",
			totalHouseholds(&r.Total), r.Standard, r.UnitName, *out, totalHouseholds(&r.Total))
	}
	return nil
}

func totalHouseholds(r *simulate.Row) int {
	n := 0
	for _, v := range r.Simulated.Households {
		n += v
	}
	return n
}
