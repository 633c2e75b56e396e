// Package imports runs a household import end to end: it streams a CSV or XLSX file
// through registry/importfile, validates and classifies each household with the
// registry service, writes them in batches inside one transaction (all or nothing, or
// skipping invalid households), and returns a per-row report. The CLI and the web
// upload share it.
package imports

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/registry"
	"giamngheo/registry/importfile"
)

// Options tune an import.
type Options struct {
	// SkipInvalid stores the valid households and skips the invalid ones; otherwise one
	// invalid household stops the import and nothing is stored.
	SkipInvalid bool
	// BatchSize is how many households are written at once (default 500).
	BatchSize int
	// Progress, when set, is called after each batch and at the end.
	Progress func(Progress)
	// ReferenceDate selects the standard that classifies the households (default: the
	// service's).
	ReferenceDate time.Time
	// Size is the file's size in bytes when known: from it the store estimates the
	// rows to come and may build some indexes after them (registry.BulkImporter).
	Size int64
	// DryRun reads, validates and compares the whole file with the registry and reports
	// what would be created, updated (with the changed fields), left unchanged, refused
	// as conflicting or invalid, and writes nothing (it takes no write transaction).
	DryRun bool
	// OnConflict says what to do with a row whose code is that of a stored household of
	// another family (registry.FamilyMismatch): OnConflictRefuse (the default) stores
	// nothing while there is one; OnConflictSkip leaves those rows out and stores the
	// rest; OnConflictReplace replaces the stored household with the row.
	OnConflict string
	// Job names the import in the audit: the entry of every household it creates or
	// changes, and the import's own entry (default: a new random id).
	Job string
	// Checked says the caller has just run the same file as a dry run and found it
	// clean (the web import's preview): an import in slices then does not read it a
	// first time before writing.
	Checked bool
	// Whole writes the import in one transaction even when the registry holds households
	// (other writers then wait for the whole file). By default an import into a
	// registry that holds households writes in slices (docs/adr/0011).
	Whole bool
	// Map gives the new commune chosen for an old commune split by the reorganisation
	// of 1 July 2025 (old code → new code), for the households no village assignment
	// places (registry.OldMap).
	Map map[string]string
	// Recognised imports the recognised status each household carries (Tình trạng đã
	// công nhận, with its decision's number and date): migrating an existing registry.
	// Without it a file with those columns is refused.
	Recognised bool
}

// What to do with a conflicting row (Options.OnConflict).
const (
	OnConflictRefuse  = ""
	OnConflictSkip    = "skip"
	OnConflictReplace = "replace"
)

// MaxChanges bounds the updated and the conflicting households a report describes;
// the rest are counted.
const MaxChanges = 10000

// bytesPerMember is a low estimate of a file's bytes per member row (the generated
// CSV has ~365, a workbook ~145), so that the store's estimate errs on the small side.
const bytesPerMember = 400

// Progress is the state of a running import.
type Progress struct {
	BytesRead  int64 `json:"bytes_read"`
	Households int   `json:"households"`
	Members    int   `json:"members"`
	Invalid    int   `json:"invalid"`
	Done       bool  `json:"done"`
}

// MemoryLimit is the soft limit on the Go runtime's memory that a process whose work
// is one import sets (runtime/debug.SetMemoryLimit; the CLI does, unless GOMEMLIMIT is
// set): the live heap of an import is ~20 MB whatever the file, and without a limit the
// collector lets the heap grow to twice that between cycles. SQLite's own memory is
// outside it. Measured in docs/benchmarks.md: 90 → 74 MB peak RSS at 6 M rows, no
// slower.
const MemoryLimit = 40 << 20

// MaxIssues bounds the issues kept in a report; the rest are counted.
const MaxIssues = 10000

// Report is the result of an import.
type Report struct {
	File          string                `json:"file"`
	Households    int                   `json:"households"`
	Members       int                   `json:"members"`
	Invalid       int                   `json:"invalid"`
	Counts        registry.ImportCounts `json:"counts"`
	Committed     bool                  `json:"committed"`
	Issues        []importfile.Issue    `json:"issues"`
	IssuesDropped int                   `json:"issues_dropped"`
	Duplicates    int                   `json:"duplicates"`
	Encoding      string                `json:"encoding"`
	// DryRun is set on the report of a dry run (nothing was written).
	DryRun bool `json:"dry_run"`
	// Job is the import's id in the audit (audit.Filter.Job).
	Job string `json:"job"`
	// Changes are the households updated (or to update), with their changed fields;
	// Conflicts the rows of another family (both at most MaxChanges).
	Changes   []registry.Change   `json:"changes"`
	Conflicts []registry.Conflict `json:"conflicts"`
	// Mappings are the old → new commune carries applied to the file's households (a
	// file of before the 2025 reorganisation); Splits the split old communes whose
	// households still need a choice of new commune (Options.Map).
	Mappings []registry.AppliedMapping `json:"mappings,omitempty"`
	Splits   []registry.SplitChoice    `json:"splits,omitempty"`
	// Recognised counts the households whose recognised status the import set (or, in
	// a dry run, carries).
	Recognised int `json:"recognised,omitempty"`
}

// keep adds the batch's changes and conflicts to the report, within MaxChanges.
func (r *Report) keep(c *registry.ImportCounts) {
	r.Changes = append(r.Changes, c.Changes[:min(len(c.Changes), max(0, MaxChanges-len(r.Changes)))]...)
	r.Conflicts = append(r.Conflicts, c.Conflicts[:min(len(c.Conflicts), max(0, MaxChanges-len(r.Conflicts)))]...)
	c.Changes, c.Conflicts = nil, nil
}

// took records what a written (or compared) batch did, hands the batch's slice back
// to the reader and reports the progress.
func (r *Report) took(c registry.ImportCounts, b batchOf, free chan<- []*registry.Household, progress func(Progress)) {
	c.Written = nil // recorded under the job by runSliced; nothing to keep here
	r.keep(&c)
	r.Counts.Add(c)
	select {
	case free <- b.hs[:0]:
	default:
	}
	progress(b.progress)
}

func (r *Report) add(is ...importfile.Issue) {
	for _, i := range is {
		if len(r.Issues) < MaxIssues {
			r.Issues = append(r.Issues, i)
		} else {
			r.IssuesDropped++
		}
	}
}

// countingReader counts the bytes read, for progress.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// errRejected aborts the transaction of an all-or-nothing import with invalid rows
// or unresolved conflicts.
var errRejected = errors.New("import rejected")

// newJob returns a new import id for the audit.
func newJob() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "import-" + hex.EncodeToString(b)
}

// Run imports the file read from r. The returned error is for failures of the whole
// import (unreadable file, scope, database); problems of single households are issues
// in the report, and Report.Committed says whether anything was stored.
func Run(ctx context.Context, svc *registry.Service, r io.Reader, filename string, opts Options) (*Report, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = 500
	}
	if err := giamngheo.RequireRegistryWrite(ctx); err != nil {
		return nil, err
	}
	switch opts.OnConflict {
	case OnConflictRefuse, OnConflictSkip, OnConflictReplace:
	default:
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Cách xử lý hộ xung đột không hợp lệ: %q (skip hoặc replace).",
			"Unknown way to resolve conflicts: %q (skip or replace).", opts.OnConflict)
	}
	if opts.Job == "" {
		opts.Job = newJob()
	}
	ctx = audit.ContextWithJob(ctx, opts.Job)
	sliced := false
	if !opts.DryRun && !opts.Whole {
		// A first load into an empty registry has nobody to make wait: it writes in one
		// transaction and may set indexes aside (docs/adr/0006, 0011).
		var err error
		if sliced, err = svc.Store.HasHouseholds(ctx); err != nil {
			return nil, err
		}
	}
	if rs, ok := r.(io.ReadSeeker); ok && sliced && !opts.Checked && (!opts.SkipInvalid || opts.OnConflict == OnConflictRefuse) {
		// An import in slices that one bad row would refuse reads the file once without
		// writing first: a refused file is then never written and undone.
		if rep, err := check(ctx, svc, rs, filename, opts); rep != nil || err != nil {
			return rep, err
		}
	}
	bopts := registry.ImportOptions{DryRun: opts.DryRun, Replace: opts.OnConflict == OnConflictReplace}
	cr := &countingReader{r: r}
	rd, err := importfile.Open(cr, filename, importfile.Today(svc.Now()))
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	ignored, err := checkRecognition(ctx, rd, opts, filename)
	if err != nil {
		return nil, err
	}
	rep := &Report{File: filename, Encoding: rd.Encoding().String(), DryRun: opts.DryRun, Job: opts.Job}
	rep.add(rd.HeaderIssues()...)
	if ignored != nil {
		rep.add(*ignored)
	}
	ref := opts.ReferenceDate
	if ref.IsZero() {
		ref = svc.Now()
		if svc.ReferenceDate != nil {
			ref = svc.ReferenceDate()
		}
	}
	cls, err := svc.NewClassifier(ref)
	if err != nil {
		return nil, err
	}
	cls.OldMap = svc.NewOldMap(svc.Now(), opts.Map) // old commune codes onto today's map
	if opts.Recognised {
		cls.Recognitions = registry.NewRecognitionImport(svc.Now())
	}
	dups, err := importfile.NewDuplicateFinder(importfile.Dir())
	if err != nil {
		return nil, err
	}
	defer dups.Close()
	progress := func(p Progress) {
		if opts.Progress != nil {
			opts.Progress(p)
		}
	}
	// Two goroutines share the work, one per core: the reader reads, validates and
	// classifies (outside the transaction: it only reads the unit catalogue, which the
	// import does not change) and hands over full batches; the caller's goroutine writes
	// them in the transaction. At most a few batches are in flight, so memory stays
	// bounded.
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan batchOf, 1)
	free := make(chan []*registry.Household, 2)
	readErr := make(chan error, 1)
	go func() {
		defer close(batches)
		readErr <- read(rctx, rd, cls, dups, rep, filename, opts, batches, free, cr)
	}()
	// wait stops the reader and returns its error; the report is the reader's until then.
	wait := sync.OnceValue(func() error {
		cancel()
		for range batches {
		}
		return <-readErr
	})

	if opts.DryRun {
		err := dryRun(ctx, svc, rep, batches, free, progress, bopts, wait, filename, opts)
		rep.Recognised = cls.Recognitions.Len()
		progress(Progress{BytesRead: cr.n.Load(), Households: rep.Households, Members: rep.Members, Invalid: rep.Invalid, Done: true})
		return rep, err
	}
	switch {
	case sliced:
		err = runSliced(ctx, svc, cls.Recognitions, rep, batches, free, progress, bopts, wait, filename, opts)
	default:
		err = runWhole(ctx, svc, cls.Recognitions, rep, batches, free, progress, bopts, wait, filename, opts)
	}
	if rerr := wait(); err == nil && rerr != nil {
		err = rerr
	}
	progress(Progress{BytesRead: cr.n.Load(), Households: rep.Households, Members: rep.Members, Invalid: rep.Invalid, Done: true})
	switch {
	case errors.Is(err, errRejected):
		// What was found stays (the officer fixes the file from it); nothing is stored.
		rep.Counts = registry.ImportCounts{Conflicting: rep.Counts.Conflicting}
		rep.Changes = nil
		return rep, nil
	case err != nil:
		return rep, err
	}
	rep.Committed = true
	return rep, nil
}

// runWhole writes the import in one transaction: all or nothing by the engine itself.
// A large import into an empty registry may set indexes aside and reorder its rows.
func runWhole(ctx context.Context, svc *registry.Service, ri *registry.RecognitionImport, rep *Report, batches <-chan batchOf, free chan<- []*registry.Household,
	progress func(Progress), bopts registry.ImportOptions, wait func() error, filename string, opts Options) error {
	return svc.Tx.WithTx(ctx, func(ctx context.Context) error {
		mark, err := svc.Store.BeginImport(ctx, opts.Size/bytesPerMember)
		if err != nil {
			return err
		}
		// Households are kept in administrative-code order: a file that is not sorted
		// by commune has its new households rewritten in that order at the end.
		var lastCommune string
		unordered := false
		for b := range batches {
			c, err := svc.ImportBatchWith(ctx, b.hs, bopts)
			if err != nil {
				return err
			}
			for _, h := range b.hs {
				if h.ID == 0 { // updated or unchanged: stays where it is
					continue
				}
				unordered = unordered || h.CommuneCode < lastCommune
				lastCommune = h.CommuneCode
			}
			rep.took(c, b, free, progress)
		}
		if err := finishReading(rep, wait, filename, opts); err != nil {
			return err
		}
		if err := svc.Store.FinishImport(ctx, mark, unordered); err != nil {
			return err
		}
		if err := addStoredRepeats(ctx, svc, rep, mark, filename); err != nil {
			return err
		}
		if rep.Recognised, err = applyRecognitions(ctx, svc, ri, rep, opts); err != nil {
			return err
		}
		return recordImport(ctx, svc, rep, filename, opts)
	})
}

// runSliced writes the import a batch per transaction, so that other writers take their
// turn between two batches (an officer's edit during a province's import waits for one
// batch, not for the file), and records each batch under the job; anything that stops
// the import before its end (invalid rows or conflicts of an all-or-nothing import, an
// error, a cancelled request) undoes the job whole (registry.Service.UndoImport). A
// process killed midway leaves the job running: Recover undoes it at the next start
// (docs/adr/0011-imports-commit-in-slices.md).
func runSliced(ctx context.Context, svc *registry.Service, ri *registry.RecognitionImport, rep *Report, batches <-chan batchOf, free chan<- []*registry.Household,
	progress func(Progress), bopts registry.ImportOptions, wait func() error, filename string, opts Options) error {
	now := svc.Now().UTC()
	job := &registry.ImportJob{ID: opts.Job, State: registry.ImportRunning, File: filename, Scope: scopeOf(ctx),
		Owner: Owner(), StartedAt: now, HeartbeatAt: now}
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		job.Actor = a.Username
	}
	var mark registry.ImportMark
	err := svc.Tx.WithTx(ctx, func(ctx context.Context) error {
		if err := svc.Store.StartImportJob(ctx, job); err != nil {
			return err
		}
		var err error
		// No estimate: the indexes stay, other writers use them meanwhile.
		mark, err = svc.Store.BeginImport(ctx, 0)
		return err
	})
	if err != nil {
		wait()
		return err
	}
	err = func() error {
		for b := range batches {
			var c registry.ImportCounts
			err := svc.Tx.WithTx(ctx, func(ctx context.Context) error {
				var err error
				if c, err = svc.ImportBatchWith(ctx, b.hs, bopts); err != nil {
					return err
				}
				return svc.Store.RecordImportSlice(ctx, opts.Job, c.Written, svc.Now().UTC())
			})
			if err != nil {
				return err
			}
			rep.took(c, b, free, progress)
		}
		if err := finishReading(rep, wait, filename, opts); err != nil {
			return err
		}
		return svc.Tx.WithTx(ctx, func(ctx context.Context) error {
			if err := addStoredRepeats(ctx, svc, rep, mark, filename); err != nil {
				return err
			}
			// The recognised statuses of the file, after its households, in the last
			// slice: if it fails, the job is undone as a whole.
			var err error
			if rep.Recognised, err = applyRecognitions(ctx, svc, ri, rep, opts); err != nil {
				return err
			}
			if err := svc.Store.EndImportJob(ctx, opts.Job, registry.ImportDone, svc.Now().UTC()); err != nil {
				return err
			}
			return recordImport(ctx, svc, rep, filename, opts)
		})
	}()
	if err != nil {
		wait()
		// Undone even when the request was cancelled: what was written must go.
		if _, uerr := svc.UndoImport(context.WithoutCancel(ctx), opts.Job); uerr != nil {
			return errors.Join(err, fmt.Errorf("undo import %s: %w", opts.Job, uerr))
		}
	}
	return err
}

// check reads a file that an import in slices is about to write as a dry run. When the
// import would be refused (invalid rows of an all-or-nothing import, conflicts not
// resolved) it returns the report of the refusal, as Run does, and nothing is written;
// otherwise it rewinds the file and returns nil.
func check(ctx context.Context, svc *registry.Service, rs io.ReadSeeker, filename string, opts Options) (*Report, error) {
	dry := opts
	dry.DryRun, dry.Checked = true, true
	if opts.Progress != nil {
		dry.Progress = func(p Progress) {
			if !p.Done {
				opts.Progress(p)
			}
		}
	}
	rep, err := Run(ctx, svc, rs, filename, dry)
	if err != nil {
		return rep, err
	}
	if rep.Invalid > 0 && !opts.SkipInvalid || rep.Counts.Conflicting > 0 && opts.OnConflict == OnConflictRefuse {
		rep.DryRun = false
		rep.Counts = registry.ImportCounts{Conflicting: rep.Counts.Conflicting}
		rep.Changes = nil
		if opts.Progress != nil {
			opts.Progress(Progress{Households: rep.Households, Members: rep.Members, Invalid: rep.Invalid, Done: true})
		}
		return rep, nil
	}
	_, err = rs.Seek(0, io.SeekStart)
	return nil, err
}

// finishReading waits for the reader, reports the refused and conflicting rows and
// returns errRejected when an all-or-nothing import may not be stored.
func finishReading(rep *Report, wait func() error, filename string, opts Options) error {
	if err := wait(); err != nil {
		return err
	}
	refuse(rep, filename)
	conflicts(rep, filename, opts.OnConflict)
	if rep.Invalid > 0 && !opts.SkipInvalid || rep.Counts.Conflicting > 0 && opts.OnConflict == OnConflictRefuse {
		return errRejected
	}
	return nil
}

// recordImport is the import's own audit entry.
func recordImport(ctx context.Context, svc *registry.Service, rep *Report, filename string, opts Options) error {
	return audit.Record(ctx, svc.Audit, svc.Now(), "import", "household_file", filename, scopeOf(ctx), nil, map[string]any{
		"file": filename, "households": rep.Households, "created": rep.Counts.Created, "updated": rep.Counts.Updated,
		"unchanged": rep.Counts.Unchanged, "skipped": rep.Invalid, "conflicting": rep.Counts.Conflicting,
		"replaced": rep.Counts.Replaced, "on_conflict": opts.OnConflict, "job": opts.Job, "mappings": rep.Mappings, "recognised": rep.Recognised})
}

// refuse counts the rows that ImportBatch refused (a household code stored outside
// the importer's scope) as invalid rows of the report. The message does not say where
// the other household is: that would tell a person's commune to someone outside it.
func refuse(rep *Report, filename string) {
	for _, code := range rep.Counts.Refused {
		rep.Invalid++
		rep.add(importfile.Issue{File: filename, Column: "household_code", Severity: importfile.SeverityError,
			Message: fmt.Sprintf("Tệp %s, hộ %s: mã hộ này đã được dùng cho một hộ ngoài phạm vi quản lý của bạn; không thể tạo hoặc sửa hộ này, hãy kiểm tra lại mã hộ",
				filename, code),
			MessageEN: fmt.Sprintf("file %s, household %s: this household code is used by a household outside your scope; it cannot be created or changed here, check the code",
				filename, code)})
	}
	rep.Counts.Refused = nil
}

// dryRun compares the batches with the registry without writing (no transaction:
// the reads see the registry as it is, and no writer waits for a preview).
func dryRun(ctx context.Context, svc *registry.Service, rep *Report, batches <-chan batchOf, free chan<- []*registry.Household,
	progress func(Progress), bopts registry.ImportOptions, wait func() error, filename string, opts Options) error {
	for b := range batches {
		c, err := svc.ImportBatchWith(ctx, b.hs, bopts)
		if err != nil {
			wait()
			return err
		}
		rep.took(c, b, free, progress)
	}
	if err := wait(); err != nil {
		return err
	}
	refuse(rep, filename)
	conflicts(rep, filename, opts.OnConflict)
	return nil
}

// conflicts reports each conflicting row as an issue: an error while nothing says how
// to resolve it, a warning when the rows are skipped or replaced.
func conflicts(rep *Report, filename, onConflict string) {
	sev, vi, en := importfile.SeverityError, "không nhập (chọn bỏ qua hoặc thay thế)", "not imported (choose skip or replace)"
	switch onConflict {
	case OnConflictSkip:
		sev, vi, en = importfile.SeverityWarning, "bỏ qua, hộ đã lưu giữ nguyên", "skipped, the stored household is kept"
	case OnConflictReplace:
		sev, vi, en = importfile.SeverityWarning, "đã thay bằng dòng trong tệp", "replaced by the row of the file"
	}
	for _, c := range rep.Conflicts {
		var rv, re []string
		for _, m := range c.Reasons {
			rv, re = append(rv, m.Message), append(re, m.MessageEN)
		}
		rep.add(importfile.Issue{File: filename, Column: "household_code", Severity: sev,
			Message: fmt.Sprintf("Tệp %s, hộ %s: mã hộ trùng với một hộ đã lưu nhưng là gia đình khác (%s): %s",
				filename, c.Code, strings.Join(rv, "; "), vi),
			MessageEN: fmt.Sprintf("file %s, household %s: the code is that of a stored household of another family (%s): %s",
				filename, c.Code, strings.Join(re, "; "), en)})
	}
}

// batchOf is a batch of households ready to be written, and the progress after it.
type batchOf struct {
	hs       []*registry.Household
	progress Progress
}

// read reads, validates and classifies the households of rd into rep and sends the
// ones to store in batches. It stops sending at the first invalid household of an
// all-or-nothing import (nothing will be stored) but reads on for the full report.
func read(ctx context.Context, rd *importfile.Reader, cls *registry.Classifier, dups *importfile.DuplicateFinder, rep *Report,
	filename string, opts Options, out chan<- batchOf, free <-chan []*registry.Household, cr *countingReader) error {
	batch := make([]*registry.Household, 0, opts.BatchSize)
	send := func() error {
		if len(batch) == 0 {
			return nil
		}
		b := batchOf{hs: batch, progress: Progress{BytesRead: cr.n.Load(), Households: rep.Households, Members: rep.Members, Invalid: rep.Invalid}}
		select {
		case out <- b:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case batch = <-free:
		default:
			batch = make([]*registry.Household, 0, opts.BatchSize)
		}
		return nil
	}
	// The household (ordinal) each kept issue is about, -1 for the header's, to place
	// the duplicates, found at the end, where they were found before (after the
	// household's other issues).
	ords := make([]int64, len(rep.Issues), MaxIssues)
	for i := range ords {
		ords[i] = -1
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		h, issues, err := rd.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		rep.Households++
		rep.Members += len(h.Members)
		rep.add(issues...)
		bad := importfile.HasError(issues)
		if !bad {
			// The reader has normalised h and, as no issue is an error, validated it.
			if err := cls.PrepareValid(ctx, h); err != nil {
				if giamngheo.ErrorCode(err) != giamngheo.EINVALID {
					return err
				}
				bad = true
				// On the row and column of the file, named as the officer sees them.
				var e *giamngheo.Error
				errors.As(err, &e)
				is := rd.IssueFor(e.Field, e.Message, giamngheo.ErrorMessageEN(err), importfile.SeverityError)
				rep.add(is)
				issues = append(issues, is)
			}
		}
		if bad && opts.SkipInvalid {
			rep.add(rd.SkippedIssue(issues))
		}
		n, err := dups.Add(h)
		if err != nil {
			return err
		}
		for len(ords) < len(rep.Issues) {
			ords = append(ords, int64(n))
		}
		if bad {
			rep.Invalid++
			continue
		}
		if rep.Invalid > 0 && !opts.SkipInvalid && !opts.DryRun {
			continue // nothing will be stored: keep reading for the full report
		}
		// Encoded here, on the reader's core, not by the writer (registry.Precompute).
		if err := registry.Precompute(h); err != nil {
			return err
		}
		batch = append(batch, h)
		if len(batch) == cap(batch) {
			if err := send(); err != nil {
				return err
			}
		}
	}
	rep.Mappings, rep.Splits = cls.OldMap.Applied(), cls.OldMap.Pending()
	// The totals, notes and signatures below the table, after every household.
	rep.add(rd.IgnoredIssues()...)
	for len(ords) < len(rep.Issues) {
		ords = append(ords, math.MaxInt64)
	}
	if err := addDuplicates(rep, ords, dups, filename); err != nil {
		return err
	}
	if rep.Invalid > 0 && !opts.SkipInvalid && !opts.DryRun {
		return nil
	}
	return send()
}

// addDuplicates places the duplicates among the report's issues, each after the
// other issues of its household, and keeps the first MaxIssues of them all.
func addDuplicates(rep *Report, ords []int64, dups *importfile.DuplicateFinder, filename string) error {
	found, total, err := dups.Finish(MaxIssues)
	if err != nil {
		return err
	}
	rep.Duplicates = total
	merged := make([]importfile.Issue, 0, min(MaxIssues, len(rep.Issues)+len(found)))
	i, j := 0, 0
	for len(merged) < MaxIssues && (i < len(rep.Issues) || j < len(found)) {
		if j == len(found) || i < len(rep.Issues) && ords[i] <= int64(found[j].Household) {
			merged = append(merged, rep.Issues[i])
			i++
			continue
		}
		d := found[j].Duplicate
		merged = append(merged, importfile.Issue{File: filename, Severity: importfile.SeverityWarning,
			Message: fmt.Sprintf("Tệp %s, hộ %s: %s", filename, d.Code, d.Message), MessageEN: fmt.Sprintf("file %s, household %s: %s", filename, d.Code, d.MessageEN)})
		j++
	}
	rep.IssuesDropped += len(rep.Issues) - i + total - j
	rep.Issues = merged
	return nil
}

// addStoredRepeats reports the national IDs of the imported members that households
// stored before the import already hold (the file's own repeats are the duplicate
// finder's).
func addStoredRepeats(ctx context.Context, svc *registry.Service, rep *Report, mark registry.ImportMark, filename string) error {
	rs, err := svc.Store.FindNationalIDRepeats(ctx, registry.RepeatQuery{SinceMember: mark.Member, Limit: MaxIssues})
	if err != nil {
		return err
	}
	for _, r := range rs {
		w := svc.RepeatWarning(ctx, r)
		rep.Duplicates++
		rep.add(importfile.Issue{File: filename, Column: w.Field, Severity: importfile.SeverityWarning,
			Message:   fmt.Sprintf("Tệp %s, hộ %s: %s", filename, r.HouseholdCode, w.Message),
			MessageEN: fmt.Sprintf("file %s, household %s: %s", filename, r.HouseholdCode, w.MessageEN)})
	}
	return nil
}

func scopeOf(ctx context.Context) string {
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		return a.ScopeCode
	}
	return ""
}
