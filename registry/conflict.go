package registry

import (
	"context"
	"fmt"
	"strings"

	"giamngheo"
)

// checkBase refuses an edit not based on the stored version (every edit carries the
// version it was based on).
func checkBase(ctx context.Context, s *Service, before *Household, base int) error {
	if base <= 0 {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "version",
			Message:   "Thiếu phiên bản của hồ sơ mà bản sửa dựa trên; hãy mở lại hồ sơ rồi sửa.",
			MessageEN: "The version the edit is based on is missing; open the household again and edit it."}
	}
	if base == before.Version {
		return nil
	}
	// Name what changed since the base version, from the household's history.
	var changed []string
	if hist, err := s.Store.FindHistory(ctx, before.ID); err == nil {
		for _, e := range hist {
			if e.Version == base {
				changed = ChangedFields(e.Household, before)
			}
		}
	}
	what := strings.Join(changed, ", ")
	if what == "" {
		what = "?"
	}
	return &giamngheo.Error{Code: giamngheo.ECONFLICT, Field: "version",
		Message: fmt.Sprintf("Hộ %s đã được người khác sửa (phiên bản %d) sau khi bạn mở (phiên bản %d); các mục đã đổi: %s. Bản sửa của bạn chưa được lưu: hãy mở lại hồ sơ và sửa lại.",
			before.Code, before.Version, base, what),
		MessageEN: fmt.Sprintf("Household %s was changed by someone else (version %d) after you opened it (version %d); changed: %s. Your edit was not saved: open the household again and redo it.",
			before.Code, before.Version, base, what)}
}
