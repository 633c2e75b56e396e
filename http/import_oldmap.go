package http

import (
	"net/http"

	"giamngheo"
	"giamngheo/registry"
	"giamngheo/registry/imports"
)

// handleImportMap takes the officer's choice of new commune for each old commune of
// the preview that the 2025 reorganisation split and that no village assignment
// placed (form fields map_OLD = NEW, one of the candidates the preview offered), and
// previews the file again with those choices; the confirmation then imports with them.
func (s *Server) handleImportMap(w http.ResponseWriter, r *http.Request) {
	if err := giamngheo.RequireRegistryWrite(r.Context()); err != nil {
		s.Error(w, r, err)
		return
	}
	j, err := s.job(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Biểu mẫu không đọc được.", "The form cannot be read."))
		return
	}
	j.mu.Lock()
	rep, done, committing := j.report, j.progress.Done, j.committing
	ready := done && !committing && rep != nil && rep.DryRun && j.err == nil
	j.mu.Unlock()
	if !ready {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ECONFLICT, "Lượt nhập này không còn chờ xác nhận; hãy tải tệp lên lại.",
			"This import no longer awaits confirmation; upload the file again."))
		return
	}
	choices := map[string]string{}
	for _, sp := range rep.Splits {
		v := r.PostFormValue("map_" + sp.OldCode)
		if v == "" {
			continue
		}
		if !splitCandidate(sp, v) {
			s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Xã %s không phải là xã nhận địa bàn của xã %s (%s).",
				"Commune %s did not take over the area of commune %s (%s).", v, sp.OldCode, sp.OldName))
			return
		}
		choices[sp.OldCode] = v
	}
	if len(choices) == 0 {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Chưa chọn xã mới nào.", "No new commune was chosen."))
		return
	}
	u := currentUser(r.Context())
	if err := s.jobs.begin(u.ID); err != nil {
		s.Error(w, r, err)
		return
	}
	j.mu.Lock()
	if j.committing || j.report != rep { // confirmed or chosen twice at once
		j.mu.Unlock()
		s.jobs.end(u.ID)
		http.Redirect(w, r, "/import/jobs/"+j.ID, http.StatusSeeOther)
		return
	}
	if j.expire != nil {
		j.expire.Stop()
	}
	if j.choices == nil {
		j.choices = map[string]string{}
	}
	for old, nw := range choices {
		j.choices[old] = nw
	}
	all := make(map[string]string, len(j.choices))
	for old, nw := range j.choices {
		all[old] = nw
	}
	j.report, j.progress = nil, imports.Progress{}
	j.mu.Unlock()
	s.runImport(u, j, imports.Options{DryRun: true, Map: all})
	http.Redirect(w, r, "/import/jobs/"+j.ID, http.StatusSeeOther)
}

func splitCandidate(sp registry.SplitChoice, code string) bool {
	for _, c := range sp.Candidates {
		if c.NewCode == code {
			return true
		}
	}
	return false
}
