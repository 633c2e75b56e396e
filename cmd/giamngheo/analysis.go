package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"giamngheo/report"
)

// afSettings reads the operator's defaults of the Alkire–Foster analysis:
// GIAMNGHEO_AF_K (a decimal or a fraction, default 1/3) and GIAMNGHEO_AF_WEIGHTS
// ("dimension", "indicator" or "water:2,latrine:1,…"; default "dimension"). A k that
// does not parse is kept as -1, so that every analysis refuses it with its message
// rather than silently using the default.
func afSettings() report.AFSettings {
	s := report.AFSettings{Weights: strings.TrimSpace(os.Getenv("GIAMNGHEO_AF_WEIGHTS"))}
	if v := strings.TrimSpace(os.Getenv("GIAMNGHEO_AF_K")); v != "" {
		k, err := report.ParseK(v)
		if err != nil {
			k = -1
		}
		s.K = k
	}
	return s
}

// runAnalysis is `giamngheo analysis --unit CODE [--period 2026] [--standard ID] [--k 1/3]
// [--weights dimension|indicator|key:w,…] [--format text|json] [--db …]`: the
// Alkire–Foster analysis from the roll-ups.
func runAnalysis(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := DefaultConfig()
	fs := newFlagSet("analysis", stderr)
	dbFlag(fs, &c)
	unit := fs.String("unit", "", "mã đơn vị (tỉnh hoặc xã; trống: toàn quốc) / unit code (province or commune; empty: the nation)")
	period := fs.Int("period", clockOf(ctx)().Year(), "năm / the year")
	standard := fs.String("standard", "", "chuẩn nghèo (mặc định: chuẩn áp dụng trong năm) / standard (default: the year's)")
	k := fs.String("k", "", "ngưỡng nghèo k (mặc định 1/3) / poverty cut-off k (default 1/3)")
	weights := fs.String("weights", "", "dimension | indicator | chỉ_số:trọng_số,… / indicator:weight,…")
	format := fs.String("format", "text", "text hoặc json / text or json")
	if err := fs.Parse(args); err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	q := report.AnalysisQuery{Unit: *unit, Period: *period, Standard: *standard, Weights: *weights}
	var err error
	if q.K, err = report.ParseK(*k); err != nil {
		return err
	}
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	rs := reportService(s, newApp(ctx, s).reg)
	a, err := rs.Analysis(systemCtx(ctx), q)
	if err != nil {
		return err
	}
	if *format == "json" {
		e := json.NewEncoder(stdout)
		e.SetIndent("", "  ")
		return e.Encode(a)
	}
	fmt.Fprintf(stdout, "%s · năm %d · chuẩn %s · k = %s · trọng số %s\n\n", a.UnitName, a.Period, a.Standard, report.FormatK(a.K), a.WeightsName)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Đơn vị / Unit\tSố hộ / n\tNghèo đa chiều / q\tH (%)\tA (%)\tM0\t")
	for _, group := range [][]report.AnalysisRow{a.Rows, a.Areas, a.Statuses} {
		for _, r := range group {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%.4f\t\n", r.Name, r.Households, r.Poor, r.H*100, r.A*100, r.M0)
		}
		fmt.Fprintln(tw, "\t\t\t\t\t\t")
	}
	tw.Flush()
	total := a.Rows[len(a.Rows)-1]
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Chỉ số / Indicator\tTrọng số / w\tThiếu hụt / raw (%)\th_j (%)\tĐóng góp / contribution (%)\t")
	for i, ind := range a.Indicators {
		x := total.Indicators[i]
		fmt.Fprintf(tw, "%s\t%.4f\t%.2f\t%.2f\t%.2f\t\n", ind.Title, ind.Weight, x.Raw*100, x.Censored*100, x.Contribution)
	}
	return tw.Flush()
}
