package main

import (
	"context"
	"fmt"
	"io"

	"giamngheo"
)

// runRollup is `giamngheo rollup verify|rebuild`: recount the maintained roll-ups over
// the households and report (verify) or repair (rebuild) every difference
// (docs/adr/0009-maintained-rollups.md).
func runRollup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "verify" && args[0] != "rebuild") {
		return giamngheo.Errorf(giamngheo.EINVALID, "Cách dùng: giamngheo rollup verify|rebuild [--db …]", "Usage: giamngheo rollup verify|rebuild [--db …]")
	}
	c := DefaultConfig()
	fs := newFlagSet("rollup", stderr)
	dbFlag(fs, &c)
	if err := fs.Parse(args[1:]); err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	if args[0] == "verify" {
		ms, err := s.VerifyRollups(ctx)
		if err != nil {
			return err
		}
		for _, m := range ms {
			fmt.Fprintf(stdout, "%s %s: lưu %d, đếm lại %d / stored %d, recounted %d\n", m.Table, m.Key, m.Stored, m.Counted, m.Stored, m.Counted)
		}
		if len(ms) > 0 {
			return giamngheo.Errorf(giamngheo.ECONFLICT, "Số tổng hợp sai ở %d chỗ; chạy `giamngheo rollup rebuild`.",
				"The roll-ups differ in %d places; run `giamngheo rollup rebuild`.", len(ms))
		}
		fmt.Fprintln(stdout, "Số tổng hợp đúng / roll-ups are right")
		return nil
	}
	ms, err := s.RebuildRollups(ctx, giamngheo.DayString(clockOf(ctx)()))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã dựng lại số tổng hợp, sửa %d chỗ / rebuilt the roll-ups, %d corrections\n", len(ms), len(ms))
	return nil
}
