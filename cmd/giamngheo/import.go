package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/schollz/progressbar/v3"

	"giamngheo"
	"giamngheo/registry"
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
	dry := fs.Bool("dry-run", false, "chỉ báo cáo sẽ thêm, sửa, giữ nguyên, xung đột, lỗi bao nhiêu hộ; không ghi gì / report what would be created, updated, unchanged, conflicting, invalid; write nothing")
	onConflict := fs.String("on-conflict", "", "hộ cùng mã nhưng khác gia đình: skip (bỏ qua) hoặc replace (thay thế); mặc định không nhập gì / rows of another family under a stored code: skip or replace; default: import nothing")
	whole := fs.Bool("whole", false, "ghi cả tệp trong một giao dịch (nhanh hơn; ai sửa hộ phải chờ đến hết) / write the whole file in one transaction (faster; other writers wait until it ends)")
	recognised := fs.Bool("recognised", false, "nhập cả tình trạng đã công nhận (cột Tình trạng đã công nhận, Số quyết định, Ngày quyết định, Số giấy chứng nhận) khi chuyển sổ hộ nghèo đang quản lý / import the recognised status with its decision, migrating an existing registry")
	var mapSpecs []string
	fs.Func("map", "xã mới cho hộ của một xã cũ bị chia (trước 01/07/2025): MÃ_CŨ=MÃ_MỚI, lặp lại được / new commune for the households of a split old commune: OLD=NEW, repeatable", func(v string) error {
		mapSpecs = append(mapSpecs, v)
		return nil
	})
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	choices, err := registry.ParseMapChoices(mapSpecs)
	if err != nil {
		return err
	}
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
	if err := recoverImports(ctx, a, stderr, true); err != nil {
		return err
	}

	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(imports.MemoryLimit)
	}
	opts := imports.Options{SkipInvalid: *skip, Size: st.Size(), DryRun: *dry, OnConflict: *onConflict, Map: choices, Recognised: *recognised, Whole: *whole}
	var bar *progressbar.ProgressBar
	if !*quiet {
		bar = progressbar.NewOptions64(st.Size(), progressbar.OptionSetWriter(stderr), progressbar.OptionShowBytes(true),
			progressbar.OptionSetDescription("Đang nhập / importing"), progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200_000_000), progressbar.OptionClearOnFinish())
		opts.Progress = func(p imports.Progress) { _ = bar.Set64(p.BytesRead) }
	}
	rep, err := imports.Run(systemCtx(ctx), a.reg, imports.Buffered(f), filepath.Base(pos[0]), opts)
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
	if rep.DryRun {
		fmt.Fprintf(stdout, "Chạy thử, không ghi gì / dry run, nothing written\n")
		for i, c := range rep.Changes {
			if i == 50 {
				fmt.Fprintf(stdout, "… %d hộ khác / more households\n", rep.Counts.Updated-50)
				break
			}
			fmt.Fprintf(stdout, "sẽ cập nhật / to update %s: %s\n", c.Code, strings.Join(c.Fields, ", "))
		}
	}
	printMappings(stdout, rep)
	printRecognised(stdout, rep)
	fmt.Fprintf(stdout, "%s: %d hộ, %d nhân khẩu; thêm mới %d, cập nhật %d, không đổi %d, lỗi %d, xung đột %d (mã hóa %s)\n",
		rep.File, rep.Households, rep.Members, rep.Counts.Created, rep.Counts.Updated, rep.Counts.Unchanged, rep.Invalid, rep.Counts.Conflicting, rep.Encoding)
	fmt.Fprintf(stdout, "%s: %d households, %d members; created %d, updated %d, unchanged %d, invalid %d, conflicting %d\n",
		rep.File, rep.Households, rep.Members, rep.Counts.Created, rep.Counts.Updated, rep.Counts.Unchanged, rep.Invalid, rep.Counts.Conflicting)
	if rep.DryRun {
		return nil
	}
	if !rep.Committed && rep.Counts.Conflicting > 0 && (rep.Invalid == 0 || *skip) {
		return giamngheo.Errorf(giamngheo.ECONFLICT,
			"Có %d hộ trùng mã với hộ đã lưu nhưng là gia đình khác: không nhập hộ nào (cơ sở dữ liệu giữ nguyên). Kiểm tra lại, rồi dùng --on-conflict=skip (bỏ qua các hộ đó) hoặc --on-conflict=replace (thay thế).",
			"%d rows carry the code of a stored household of another family: nothing was imported (the database is unchanged). Check them, then use --on-conflict=skip (leave them out) or --on-conflict=replace.", rep.Counts.Conflicting)
	}
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

// recoverImports undoes the imports a killed process left half written (imports.Recover)
// and says so on stderr.
func recoverImports(ctx context.Context, a *app, stderr io.Writer, atStart bool) error {
	done, err := imports.Recover(ctx, a.reg, atStart)
	for _, r := range done {
		fmt.Fprintf(stderr, "Đã hoàn tác lần nhập dở dang %s (tệp %s): xoá %d hộ đã thêm, khôi phục %d hộ đã sửa, giữ %d hộ đã được sửa tiếp / undid the unfinished import %s (file %s): %d created households removed, %d changed restored, %d changed since kept\n",
			r.Job, r.File, r.Counts.Removed, r.Counts.Restored, r.Counts.Kept, r.Job, r.File, r.Counts.Removed, r.Counts.Restored, r.Counts.Kept)
	}
	return err
}
