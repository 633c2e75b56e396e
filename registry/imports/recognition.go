package imports

import (
	"context"
	"fmt"
	"strings"

	"giamngheo"
	"giamngheo/registry"
	"giamngheo/registry/importfile"
)

// checkRecognition: a file carrying the columns of a recognised list (status, decision
// number and date, certificate) sets the recognised statuses only when the importer
// asked for it (Options.Recognised), which only the roles that record the review's
// decisions may (ADR 0010: a household's recognised status is set only by a decision,
// or by migrating a registry's list that names its decisions). Otherwise those columns
// are left aside, with a warning saying how to import them: a household export carries
// them, and an officer who edits an export in Excel imports it back as it is.
func checkRecognition(ctx context.Context, rd *importfile.Reader, opts Options, filename string) (*importfile.Issue, error) {
	has, names := rd.HasRecognition()
	if opts.Recognised {
		return nil, giamngheo.RequireRegistryWrite(ctx)
	}
	if !has {
		return nil, nil
	}
	rd.IgnoreRecognition()
	list := strings.Join(names, ", ")
	return &importfile.Issue{File: filename, Severity: importfile.SeverityWarning,
		Message:   fmt.Sprintf("Tệp %s có cột về tình trạng đã công nhận (%s): các cột này được bỏ qua, vì tình trạng đã công nhận chỉ do quyết định sau rà soát thay đổi. Muốn chuyển sổ hộ nghèo đang quản lý sang hệ thống thì chọn \"Nhập danh sách đã công nhận\" (lệnh: --recognised).", filename, list),
		MessageEN: fmt.Sprintf("file %s has recognised-status columns (%s): they are left aside, as a household's recognised status changes only by a review decision. To migrate an existing registry, choose \"Import a recognised list\" (command: --recognised).", filename, list)}, nil
}

// applyRecognitions records the recognised statuses the file carried, in the import's
// transaction, leaving out the households of rows the import skipped as conflicting.
func applyRecognitions(ctx context.Context, svc *registry.Service, ri *registry.RecognitionImport, rep *Report, opts Options) (int, error) {
	if ri.Len() == 0 {
		return 0, nil
	}
	skip := map[string]bool{}
	if opts.OnConflict == OnConflictSkip {
		if rep.Counts.Conflicting > len(rep.Conflicts) {
			return 0, giamngheo.Errorf(giamngheo.EINVALID, "Quá nhiều hộ xung đột (%d) để bỏ qua khi nhập danh sách đã công nhận; hãy sửa tệp.",
				"Too many conflicting households (%d) to skip while importing a recognised list; fix the file.", rep.Counts.Conflicting)
		}
		for _, c := range rep.Conflicts {
			skip[c.Code] = true
		}
	}
	return svc.ApplyRecognitions(ctx, ri, skip)
}
