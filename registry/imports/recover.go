package imports

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"giamngheo"
	"giamngheo/registry"
)

// Owner names this process as the owner of the imports it runs: "host:pid".
func Owner() string {
	host, _ := os.Hostname()
	return host + ":" + strconv.Itoa(os.Getpid())
}

// StaleAfter is how long a running job may go without a slice before any process
// takes it for dead (its owner on another machine, or a process that hangs): a slice
// commits in well under a second.
const StaleAfter = 10 * time.Minute

// Recovered is a job Recover undid.
type Recovered struct {
	Job    string              `json:"job"`
	File   string              `json:"file"`
	Counts registry.UndoCounts `json:"counts"`
}

// Recover undoes the imports that a process killed midway left running: jobs whose
// owner is a process of this machine that no longer runs (or this very process id,
// which at a start can only be an earlier process's), or whose last slice is older than
// StaleAfter. A job whose owner still runs is left alone: a CLI import may be running
// beside the server. atStart says no import of this process has begun yet: a job of
// this very process id is then an earlier process's; later (a server looking again
// while it serves) it is one of its own imports, alive.
func Recover(ctx context.Context, svc *registry.Service, atStart bool) ([]Recovered, error) {
	jobs, err := svc.Store.FindImportJobs(ctx, registry.ImportRunning)
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	var out []Recovered
	for _, j := range jobs {
		if !dead(j, host, svc.Now(), atStart) {
			continue
		}
		n, err := svc.UndoImport(giamngheo.NewContextWithActor(ctx, giamngheo.System), j.ID)
		if err != nil {
			return out, fmt.Errorf("undo import %s: %w", j.ID, err)
		}
		out = append(out, Recovered{Job: j.ID, File: j.File, Counts: n})
	}
	return out, nil
}

// dead says whether a running job's process is gone.
func dead(j registry.ImportJob, host string, now time.Time, atStart bool) bool {
	if now.Sub(j.HeartbeatAt) > StaleAfter {
		return true
	}
	h, p, ok := strings.Cut(j.Owner, ":")
	pid, err := strconv.Atoi(p)
	if !ok || err != nil || h != host {
		return false // another machine's: only its age tells
	}
	if pid == os.Getpid() {
		return atStart
	}
	err = syscall.Kill(pid, 0)
	return errors.Is(err, syscall.ESRCH)
}
