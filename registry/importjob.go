package registry

import (
	"context"
	"fmt"
	"time"

	"giamngheo"
	"giamngheo/audit"
)

// An import into a registry that already holds households writes in slices, each its
// own transaction, so that an officer's edit never waits behind a whole province's file
// (issue 10 item 4, docs/adr/0011-imports-commit-in-slices.md). Each slice records what
// it created and changed under the import's job; a job that does not end (a rejected
// file, an error, a process killed midway) is undone whole: the households it created
// are removed and the ones it changed are given back their content from before.

// States of an import job.
const (
	ImportRunning = "running"
	ImportDone    = "done"
	ImportUndone  = "undone"
)

// ImportJob is an import that writes in slices.
type ImportJob struct {
	ID    string
	State string
	File  string
	Actor string
	Scope string
	// Owner is the process that runs the job ("host:pid"); HeartbeatAt the time of its
	// last slice. A running job whose owner is gone is undone at the next start.
	Owner       string
	StartedAt   time.Time
	HeartbeatAt time.Time
	EndedAt     time.Time
}

// ImportedHousehold is a household a job created or changed: its version before the
// job (0 when created) and the version the job left.
type ImportedHousehold struct {
	HouseholdID   int64
	Created       bool
	VersionBefore int
	VersionAfter  int
}

// ImportJobStore keeps import jobs.
type ImportJobStore interface {
	// StartImportJob records a running job.
	StartImportJob(ctx context.Context, j *ImportJob) error
	// RecordImportSlice records the households a slice wrote and the job's heartbeat,
	// in the slice's transaction.
	RecordImportSlice(ctx context.Context, job string, rows []ImportedHousehold, at time.Time) error
	// EndImportJob sets the job's final state.
	EndImportJob(ctx context.Context, job, state string, at time.Time) error
	// FindImportJobs returns the jobs in a state, oldest first.
	FindImportJobs(ctx context.Context, state string) ([]ImportJob, error)
	// ImportedHouseholds returns the households of a job with an id above after, in id
	// order, at most limit.
	ImportedHouseholds(ctx context.Context, job string, after int64, limit int) ([]ImportedHousehold, error)
	// DeleteImportedHousehold removes a household (its members and history, and its part
	// of the roll-ups) if it is still at version and nothing refers to it (a review
	// case, a support record, a job seeker); it reports whether it did.
	DeleteImportedHousehold(ctx context.Context, id int64, version int, at time.Time) (bool, error)
	// HasHouseholds reports whether any household is stored: an import into an empty
	// registry (the first load of a province) writes in one transaction instead.
	HasHouseholds(ctx context.Context) (bool, error)
}

// UndoCounts says what undoing a job did.
type UndoCounts struct {
	Removed  int `json:"removed"`
	Restored int `json:"restored"`
	// Kept counts the households changed by somebody else since the job wrote them (or
	// referred to since): they are left as they are, and listed in the audit.
	Kept int `json:"kept"`
}

// undoSlice is how many households one transaction of an undo handles.
const undoSlice = 500

// UndoImport takes back what job wrote, a slice of households per transaction (so that
// an undo does not stop other writers either), and marks it undone. A household
// somebody changed after the job is kept as it is and recorded in the audit; every
// household removed or restored is audited under the job. ctx must carry an actor that
// may write the job's households (the job's own, or giamngheo.System at a start-up).
func (s *Service) UndoImport(ctx context.Context, job string) (UndoCounts, error) {
	var n UndoCounts
	ctx = audit.ContextWithJob(ctx, job)
	var after int64
	for {
		rows, err := s.Store.ImportedHouseholds(ctx, job, after, undoSlice)
		if err != nil {
			return n, err
		}
		if len(rows) == 0 {
			break
		}
		after = rows[len(rows)-1].HouseholdID
		var d UndoCounts
		err = s.Tx.WithTx(ctx, func(ctx context.Context) error {
			d = UndoCounts{}
			for _, r := range rows {
				if err := s.undoOne(ctx, r, &d); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return n, err
		}
		n.Removed += d.Removed
		n.Restored += d.Restored
		n.Kept += d.Kept
	}
	now := s.Now().UTC()
	return n, s.Tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.Store.EndImportJob(ctx, job, ImportUndone, now); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "import_undo", "import_job", job, scopeOfActor(ctx), nil, n)
	})
}

func (s *Service) undoOne(ctx context.Context, r ImportedHousehold, n *UndoCounts) error {
	cur, err := s.Store.FindHouseholdByID(ctx, r.HouseholdID)
	if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	now := s.Now().UTC()
	keep := func(why string) error {
		n.Kept++
		return audit.Record(ctx, s.Audit, now, "import_undo_kept", "household", cur.Code, cur.CommuneCode, nil,
			map[string]any{"version": cur.Version, "import_version": r.VersionAfter, "reason": why})
	}
	if cur.Version != r.VersionAfter {
		return keep("changed_since")
	}
	if r.Created {
		ok, err := s.Store.DeleteImportedHousehold(ctx, cur.ID, cur.Version, now)
		if err != nil {
			return err
		}
		if !ok {
			return keep("referred_to")
		}
		n.Removed++
		return audit.Record(ctx, s.Audit, now, "import_undo", "household", cur.Code, cur.CommuneCode, createdSummary(cur), nil)
	}
	hist, err := s.Store.FindHistory(ctx, cur.ID)
	if err != nil {
		return err
	}
	for _, e := range hist {
		if e.Version == r.VersionBefore && e.Household != nil {
			if _, err := s.update(ctx, cur, func(x *Household) { copyContent(x, e.Household) }); err != nil {
				return fmt.Errorf("undo import of household %s: %w", cur.Code, err)
			}
			n.Restored++
			return nil
		}
	}
	return keep("no_history")
}

func scopeOfActor(ctx context.Context) string {
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		return a.ScopeCode
	}
	return ""
}
