package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/schollz/progressbar/v3"

	"giamngheo"
	"giamngheo/registry/importfile"
	"giamngheo/registry/imports"
)

// runImport is `giamngheo import FILE` and `giamngheo import template`.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := DefaultConfig()
	fs := newFlagSet("import", stderr)
	dbFlag(fs, &c)
	fs.StringVar(&c.Provinces, "provinces", c.Provinces, "tỉnh nạp danh mục nếu cơ sở dữ liệu mới / provinces whose units a new database loads (GIAMNGHEO_PROVINCES)")
	skip := fs.Bool("skip-invalid", false, "bỏ qua hộ lỗi, nhập các hộ hợp lệ / skip invalid households and store the valid ones")
	report := fs.String("report", "", "ghi báo cáo lỗi từng dòng ra tệp XLSX / write the per-row report to this XLSX file")
	format := fs.String("format", "xlsx", "template: xlsx hoặc csv")
	quiet := fs.Bool("quiet", false, "không hiện thanh tiến trình / no progress bar")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	if len(pos) == 1 && pos[0] == "template" {
		if *format == "csv" {
			return importfile.WriteTemplateCSV(stdout)
		}
		return importfile.WriteTemplateXLSX(stdout)
	}
	if len(pos) != 1 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Cần đúng một tệp CSV hoặc XLSX (hoặc: import template).", "Exactly one CSV or XLSX file is needed (or: import template).")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return giamngheo.Errorf(giamngheo.EINVALID, "Không mở được tệp %s: %v", "Cannot open file %s: %v", pos[0], err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	a := newApp(ctx, s)
	if err := ensureUnits(ctx, a, c.Provinces, stderr); err != nil {
		return err
	}

	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(imports.MemoryLimit)
	}
	opts := imports.Options{SkipInvalid: *skip, Size: st.Size()}
	var bar *progressbar.ProgressBar
	if !*quiet {
		bar = progressbar.NewOptions64(st.Size(), progressbar.OptionSetWriter(stderr), progressbar.OptionShowBytes(true),
			progressbar.OptionSetDescription("Đang nhập / importing"), progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200_000_000), progressbar.OptionClearOnFinish())
		opts.Progress = func(p imports.Progress) { _ = bar.Set64(p.BytesRead) }
	}
	rep, err := imports.Run(systemCtx(ctx), a.reg, bufio.NewReaderSize(f, 1<<20), filepath.Base(pos[0]), opts)
	if bar != nil {
		_ = bar.Finish()
	}
	if err != nil {
		// A file that cannot be read (no header, a required column missing) still gets
		// its report, which says why.
		if *report != "" {
			if rep == nil {
				rep = &imports.Report{File: filepath.Base(pos[0])}
			}
			rep.Issues = append(rep.Issues, importfile.FileIssue(rep.File, err))
			if werr := writeReport(*report, rep); werr != nil {
				return werr
			}
		}
		return err
	}
	for i, is := range rep.Issues {
		if i == 20 {
			fmt.Fprintf(stderr, "… %d vấn đề khác / more issues (--report FILE.xlsx)\n", len(rep.Issues)-20+rep.IssuesDropped)
			break
		}
		fmt.Fprintf(stderr, "[%s] %s\n", is.Severity, is.Message)
	}
	if *report != "" {
		if err := writeReport(*report, rep); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "%s: %d hộ, %d nhân khẩu; thêm mới %d, cập nhật %d, không đổi %d, lỗi %d (mã hóa %s)\n",
		rep.File, rep.Households, rep.Members, rep.Counts.Created, rep.Counts.Updated, rep.Counts.Unchanged, rep.Invalid, rep.Encoding)
	fmt.Fprintf(stdout, "%s: %d households, %d members; created %d, updated %d, unchanged %d, invalid %d\n",
		rep.File, rep.Households, rep.Members, rep.Counts.Created, rep.Counts.Updated, rep.Counts.Unchanged, rep.Invalid)
	if !rep.Committed {
		return giamngheo.Errorf(giamngheo.EINVALID,
			"Có %d hộ lỗi: không nhập hộ nào (cơ sở dữ liệu giữ nguyên). Sửa tệp, hoặc dùng --skip-invalid.",
			"%d invalid households: nothing was imported (the database is unchanged). Fix the file, or use --skip-invalid.", rep.Invalid)
	}
	return nil
}

// writeReport writes the per-row report of rep to the XLSX file name.
func writeReport(name string, rep *imports.Report) error {
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := importfile.WriteReportXLSX(out, rep.Issues); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// importsRun runs an import with default options (tests and the demo use it).
func importsRun(ctx context.Context, a *app, r io.Reader, name string) (*imports.Report, error) {
	return imports.Run(ctx, a.reg, r, name, imports.Options{})
}
