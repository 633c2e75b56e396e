package http

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"giamngheo"
	"giamngheo/registry"
	"giamngheo/registry/importfile"
	"giamngheo/registry/imports"
	"giamngheo/user"
)

// DefaultMaxUpload bounds an uploaded household file (Deps.MaxUpload): a province's
// list as CSV is a few hundred megabytes.
const DefaultMaxUpload = 1 << 30

// MaxImportsPerServer is how many imports run at once on the server (each keeps a
// core busy and holds the writer for long stretches); a user runs one at a time.
const MaxImportsPerServer = 2

// importJob is one upload being imported in the background.
type importJob struct {
	ID      string
	UserID  int64
	File    string
	Size    int64
	Started time.Time
	// Skip is the upload's "skip invalid households"; path the spooled upload, kept
	// from the preview to the confirmation (removed then, or PreviewTTL after the
	// preview, or at the next start after a crash).
	Skip bool
	path string
	// Recognised is the upload's "import a recognised list" (imports.Options.Recognised).
	Recognised bool
	mu         sync.Mutex
	progress   imports.Progress
	report     *imports.Report
	err        error
	// committing is set once the officer has confirmed the preview.
	committing bool
	// choices are the new communes the officer chose in the preview for old communes
	// split by the 2025 reorganisation (imports.Options.Map).
	choices map[string]string
	expire  *time.Timer
}

// PreviewTTL is how long a previewed upload waits for its confirmation.
const PreviewTTL = time.Hour

func (j *importJob) snapshot() (imports.Progress, *imports.Report, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.progress, j.report, j.err
}

// importJobs keeps the jobs of this process (an import outlives its request).
type importJobs struct {
	mu      sync.Mutex
	jobs    map[string]*importJob
	running map[int64]bool // users with an import being uploaded or run
}

// begin claims the user's import slot and one of the server's, or says why not.
func (j *importJobs) begin(userID int64) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.running[userID] {
		return giamngheo.Errorf(giamngheo.ECONFLICT, "Bạn đang có một lượt nhập chưa xong; hãy chờ lượt đó xong rồi nhập tiếp.",
			"You have an import in progress; wait for it to finish before starting another.")
	}
	if len(j.running) >= MaxImportsPerServer {
		return giamngheo.Errorf(giamngheo.ECONFLICT, "Máy chủ đang chạy %d lượt nhập; hãy thử lại sau ít phút.",
			"The server is running %d imports; try again in a few minutes.", len(j.running))
	}
	if j.running == nil {
		j.running = map[int64]bool{}
	}
	j.running[userID] = true
	return nil
}

// end releases the user's slot.
func (j *importJobs) end(userID int64) {
	j.mu.Lock()
	delete(j.running, userID)
	j.mu.Unlock()
}

// uploadExt keeps a safe, short extension of an uploaded file's name for its
// temporary file (the reader sniffs the content anyway).
func uploadExt(name string) string {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".csv", ".txt", ".xlsx", ".xlsm", ".xls":
		return ext
	}
	return ""
}

func (s *Server) routesImport(mux router) {
	mux.HandleFunc("GET /import", s.requireUser(s.handleImportPage))
	mux.HandleFunc("POST /import", s.requireUser(s.handleImportUpload))
	mux.HandleFunc("GET /import/template.xlsx", s.requireUser(s.handleTemplate))
	mux.HandleFunc("GET /import/template.csv", s.requireUser(s.handleTemplate))
	mux.HandleFunc("GET /import/jobs/{id}", s.requireUser(s.handleImportJob))
	mux.HandleFunc("POST /import/jobs/{id}/commit", s.requireUser(s.handleImportCommit))
	mux.HandleFunc("POST /import/jobs/{id}/map", s.requireUser(s.handleImportMap))
	mux.HandleFunc("GET /import/jobs/{id}/report.xlsx", s.requireUser(s.handleImportReport))
	mux.HandleFunc("GET /api/v1/import-jobs/{id}", s.requireUser(s.apiImportJob))
}

func (s *Server) handleTemplate(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, ".csv") {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="mau-danh-sach-ho.csv"`)
		importfile.WriteTemplateCSV(w)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="mau-danh-sach-ho.xlsx"`)
	importfile.WriteTemplateXLSX(w)
}

type importPage struct {
	Error string
}

func (s *Server) handleImportPage(w http.ResponseWriter, r *http.Request) {
	if err := giamngheo.RequireRegistryWrite(r.Context()); err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, "import", &importPage{})
}

// handleImportUpload stores the upload in a temporary file and starts its preview (a
// dry run: what would be created, updated, left unchanged, refused as conflicting or
// invalid) in the background; the browser is sent to the job's page, which shows its
// progress, then the preview and a confirmation (handleImportCommit). Nothing is
// written before the officer confirms (issue 10 item 2).
func (s *Server) handleImportUpload(w http.ResponseWriter, r *http.Request) {
	if err := giamngheo.RequireRegistryWrite(r.Context()); err != nil {
		s.Error(w, r, err)
		return
	}
	u := currentUser(r.Context())
	if err := s.jobs.begin(u.ID); err != nil {
		s.Error(w, r, err)
		return
	}
	started := false
	defer func() {
		if !started {
			s.jobs.end(u.ID)
		}
	}()
	limit := s.MaxUpload
	if limit <= 0 {
		limit = DefaultMaxUpload
	}
	if r.ContentLength > limit {
		s.Error(w, r, tooLargeUpload(limit))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	mr, err := r.MultipartReader()
	if err != nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Chưa chọn tệp để nhập.", "No file was chosen."))
		return
	}
	var tmp *os.File
	var name string
	skip, recognised := false, false
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		} else if err != nil {
			s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Tải tệp lên không thành công: %v", "The upload failed: %v", err))
			return
		}
		switch part.FormName() {
		case "skip_invalid":
			skip = true
		case "recognised":
			recognised = true
		case "file":
			name = filepath.Base(part.FileName())
			if tmp != nil { // one file per upload
				tmp.Close()
				os.Remove(tmp.Name())
			}
			// Private (0600) and in the data directory; removed when the import ends,
			// or at the next start after a crash (importfile.RemoveStale).
			if tmp, err = os.CreateTemp(s.TempDir, "giamngheo-import-*"+uploadExt(name)); err != nil {
				s.Error(w, r, err)
				return
			}
			if _, err := io.Copy(tmp, part); err != nil {
				tmp.Close()
				os.Remove(tmp.Name())
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					s.Error(w, r, tooLargeUpload(limit))
					return
				}
				s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Tải tệp lên không thành công: %v", "The upload failed: %v", err))
				return
			}
		}
	}
	if tmp == nil || name == "" {
		if tmp != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Chưa chọn tệp để nhập.", "No file was chosen."))
		return
	}
	st, _ := tmp.Stat()
	tmp.Close()
	job := &importJob{ID: user.RandomToken(12), UserID: u.ID, File: name, Size: st.Size(), Started: s.Today(), Skip: skip, Recognised: recognised, path: tmp.Name()}
	s.jobs.mu.Lock()
	if s.jobs.jobs == nil {
		s.jobs.jobs = map[string]*importJob{}
	}
	s.jobs.jobs[job.ID] = job
	s.jobs.mu.Unlock()

	s.discardPreviews(u.ID, job.ID)
	started = true
	s.runImport(u, job, imports.Options{DryRun: true})
	http.Redirect(w, r, "/import/jobs/"+job.ID, http.StatusSeeOther)
}

// runImport runs the job's file in the background (the import outlives the request: it
// runs with the user's identity, not the request's context) and releases the user's
// slot when done. A preview keeps the file for the confirmation; a commit, or a failed
// preview, removes it.
func (s *Server) runImport(u *user.User, job *importJob, opts imports.Options) {
	ctx := giamngheo.NewContextWithActor(context.Background(), u.Actor())
	opts.SkipInvalid, opts.Size, opts.Job, opts.Recognised = job.Skip, job.Size, "import-"+job.ID, job.Recognised
	opts.Progress = func(p imports.Progress) {
		// The job is done when its report is stored below, not when the import says
		// so: a page shown between the two had neither running bar nor result.
		p.Done = false
		job.mu.Lock()
		job.progress = p
		job.mu.Unlock()
	}
	go func() {
		defer s.jobs.end(u.ID)
		var rep *imports.Report
		f, err := os.Open(job.path)
		if err == nil {
			rep, err = imports.Run(ctx, s.Registry, f, job.File, opts)
			f.Close()
		}
		if err != nil && giamngheo.ErrorCode(err) == giamngheo.EINTERNAL {
			s.Logger.Error("import", "file", job.File, "err", err)
		}
		keep := opts.DryRun && err == nil
		if !keep {
			os.Remove(job.path)
		}
		s.jobs.end(u.ID) // before Done: the user may start the next import at once
		job.mu.Lock()
		job.report, job.err = rep, err
		job.progress.Done = true
		if keep {
			job.expire = time.AfterFunc(PreviewTTL, func() { s.discard(job) })
		}
		job.mu.Unlock()
	}()
}

// discard forgets a preview that was not confirmed and removes its file.
func (s *Server) discard(job *importJob) {
	job.mu.Lock()
	defer job.mu.Unlock()
	if job.committing {
		return
	}
	job.committing = true // nothing may confirm it any more
	if job.expire != nil {
		job.expire.Stop()
	}
	os.Remove(job.path)
}

// discardPreviews drops the user's unconfirmed previews but keep: an officer confirms
// the last file uploaded, and the server keeps one spooled file per user.
func (s *Server) discardPreviews(userID int64, keep string) {
	s.jobs.mu.Lock()
	var old []*importJob
	for id, j := range s.jobs.jobs {
		if j.UserID == userID && id != keep {
			old = append(old, j)
		}
	}
	s.jobs.mu.Unlock()
	for _, j := range old {
		s.discard(j)
	}
}

// handleImportCommit imports a previewed file once the officer confirms it, with the
// way chosen for the conflicting households (on_conflict: skip or replace).
func (s *Server) handleImportCommit(w http.ResponseWriter, r *http.Request) {
	if err := giamngheo.RequireRegistryWrite(r.Context()); err != nil {
		s.Error(w, r, err)
		return
	}
	j, err := s.job(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	onConflict := r.PostFormValue("on_conflict")
	if onConflict != imports.OnConflictSkip && onConflict != imports.OnConflictReplace {
		onConflict = imports.OnConflictRefuse
	}
	u := currentUser(r.Context())
	j.mu.Lock()
	rep, done, committing := j.report, j.progress.Done, j.committing
	ready := done && !committing && rep != nil && rep.DryRun && j.err == nil
	j.mu.Unlock()
	if !ready {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ECONFLICT, "Lượt nhập này không còn chờ xác nhận (đã nhập, đã hủy hoặc quá %d phút); hãy tải tệp lên lại.",
			"This import no longer awaits confirmation (done, discarded or older than %d minutes); upload the file again.", int(PreviewTTL.Minutes())))
		return
	}
	if rep.Counts.Conflicting > 0 && onConflict == imports.OnConflictRefuse {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Có %d hộ trùng mã nhưng khác gia đình: hãy chọn bỏ qua hoặc thay thế các hộ đó.",
			"%d households carry a stored code but another family: choose to skip or to replace them.", rep.Counts.Conflicting))
		return
	}
	if err := s.jobs.begin(u.ID); err != nil {
		s.Error(w, r, err)
		return
	}
	j.mu.Lock()
	if j.committing { // confirmed twice at once
		j.mu.Unlock()
		s.jobs.end(u.ID)
		http.Redirect(w, r, "/import/jobs/"+j.ID, http.StatusSeeOther)
		return
	}
	j.committing = true
	if j.expire != nil {
		j.expire.Stop()
	}
	j.report, j.progress = nil, imports.Progress{}
	choices := j.choices
	j.mu.Unlock()
	s.runImport(u, j, imports.Options{OnConflict: onConflict, Map: choices, Checked: true}) // after its preview
	http.Redirect(w, r, "/import/jobs/"+j.ID, http.StatusSeeOther)
}

func tooLargeUpload(limit int64) error {
	return giamngheo.Errorf(giamngheo.EINVALID, "Tệp tải lên quá lớn (tối đa %d MB); hãy chia danh sách thành nhiều tệp.",
		"The upload is too large (%d MB at most); split the list into several files.", limit>>20)
}

// job returns the caller's job or ENOTFOUND (another user's job is not shown).
func (s *Server) job(r *http.Request) (*importJob, error) {
	s.jobs.mu.Lock()
	j := s.jobs.jobs[r.PathValue("id")]
	s.jobs.mu.Unlock()
	if j == nil || j.UserID != currentUser(r.Context()).ID {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không tìm thấy lượt nhập này.", "No such import.")
	}
	return j, nil
}

type importJobPage struct {
	Job      *importJob
	Progress imports.Progress
	Percent  int
	Report   *imports.Report
	Issues   []importfile.Issue
	Error    string
	// Preview: the report is a dry run awaiting confirmation (Confirmable when the
	// import could go ahead: no invalid household unless skipped). Changes and
	// Conflicts are the first of each, for the page.
	Preview, Confirmable bool
	Changes              []registry.Change
	Conflicts            []registry.Conflict
}

func (s *Server) handleImportJob(w http.ResponseWriter, r *http.Request) {
	j, err := s.job(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p, rep, jerr := j.snapshot()
	page := &importJobPage{Job: j, Progress: p, Report: rep}
	if rep != nil && rep.DryRun {
		j.mu.Lock()
		page.Preview = !j.committing
		j.mu.Unlock()
		page.Confirmable = page.Preview && (rep.Invalid == 0 || j.Skip) && rep.Counts.Created+rep.Counts.Updated+rep.Counts.Conflicting+rep.Recognised > 0
		page.Changes = rep.Changes[:min(len(rep.Changes), 200)]
		page.Conflicts = rep.Conflicts[:min(len(rep.Conflicts), 200)]
	}
	if j.Size > 0 {
		page.Percent = int(100 * p.BytesRead / j.Size)
	}
	if rep != nil {
		page.Issues = rep.Issues[:min(len(rep.Issues), 200)]
	}
	if jerr != nil {
		page.Error = giamngheo.ErrorMessage(jerr)
		if lang(r.Context()) == "en" {
			page.Error = giamngheo.ErrorMessageEN(jerr)
		}
	}
	s.render(w, r, "import_job", page)
}

func (s *Server) handleImportReport(w http.ResponseWriter, r *http.Request) {
	j, err := s.job(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	_, rep, _ := j.snapshot()
	if rep == nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Lượt nhập chưa xong.", "The import has not finished."))
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="bao-cao-nhap.xlsx"`)
	importfile.WriteReportXLSX(w, rep.Issues)
}

func (s *Server) apiImportJob(w http.ResponseWriter, r *http.Request) {
	j, err := s.job(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p, rep, jerr := j.snapshot()
	out := map[string]any{"id": j.ID, "file": j.File, "size": j.Size, "progress": p, "report": rep}
	if jerr != nil {
		out["error"] = map[string]string{"code": giamngheo.ErrorCode(jerr), "message": giamngheo.ErrorMessage(jerr), "message_en": giamngheo.ErrorMessageEN(jerr)}
	}
	writeJSON(w, http.StatusOK, out)
}
