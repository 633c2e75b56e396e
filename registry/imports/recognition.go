package imports

import (
	"context"
	"strings"

	"giamngheo"
	"giamngheo/registry"
	"giamngheo/registry/importfile"
)

// checkRecognition refuses a file carrying the columns of a recognised list (status,
// decision number and date, certificate) unless the importer asked to import the
// recognised statuses (Options.Recognised), which only the roles that record the
// review's decisions may (ADR 0010: a household's recognised status is set only by a
// decision, or by migrating a registry's list that names its decisions).
func checkRecognition(ctx context.Context, rd *importfile.Reader, opts Options) error {
	has, names := rd.HasRecognition()
	if opts.Recognised {
		return giamngheo.RequireRegistryWrite(ctx)
	}
	if !has {
		return nil
	}
	list := strings.Join(names, ", ")
	return giamngheo.Errorf(giamngheo.EINVALID,
		"Tệp có cột về tình trạng đã công nhận (%s). Tình trạng đã công nhận chỉ do quyết định sau rà soát thay đổi; muốn chuyển sổ hộ nghèo đang quản lý sang hệ thống thì chọn \"Nhập danh sách đã công nhận\" (lệnh: --recognised), nếu không hãy xoá các cột đó.",
		"The file has recognised-status columns (%s). A household's recognised status changes only by a review decision; to migrate an existing registry, choose \"Import a recognised list\" (command: --recognised), otherwise delete those columns.", list)
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
