package http

import (
	"net/http"
	"strings"

	"giamngheo/registry"
	"giamngheo/registry/importfile"
)

// handleHouseholdExport streams the filtered households of the user's scope as CSV or
// XLSX in the import template's layout (GET /households.csv, /households.xlsx).
func (s *Server) handleHouseholdExport(w http.ResponseWriter, r *http.Request) {
	f, err := householdFilter(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// Check the scope before the first byte goes out.
	if _, _, err := s.Registry.FindHouseholds(r.Context(), registry.HouseholdFilter{CommuneCodes: f.CommuneCodes, Page: f.Page}); err != nil {
		s.Error(w, r, err)
		return
	}
	newWriter, name, ctype := importfile.NewCSVExport, "danh-sach-ho.csv", "text/csv; charset=utf-8"
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		newWriter, name, ctype = importfile.NewXLSXExport, "danh-sach-ho.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	// The recognised status and the survey result, side by side (ADR 0010).
	out, err := newWriter(w, registry.StatusColumns)
	if err != nil {
		s.Logger.Error("export", "err", err)
		return
	}
	format := "csv"
	if strings.HasSuffix(name, ".xlsx") {
		format = "xlsx"
	}
	if _, err := s.Registry.ExportHouseholds(r.Context(), f, format, out.Write); err != nil {
		s.Logger.Error("export", "err", err)
		return
	}
	if err := out.Close(); err != nil {
		s.Logger.Error("export", "err", err)
	}
}
