package imports

import (
	"os"
	"strconv"
	"testing"
	"time"

	"giamngheo/registry"
)

// TestDeadJobs: when a running import job is taken for dead (and undone).
func TestDeadJobs(t *testing.T) {
	host, _ := os.Hostname()
	now := time.Date(2026, 12, 7, 3, 0, 0, 0, time.UTC)
	fresh, stale := now.Add(-time.Minute), now.Add(-StaleAfter-time.Second)
	me, parent := strconv.Itoa(os.Getpid()), strconv.Itoa(os.Getppid())
	for _, tc := range []struct {
		name      string
		owner     string
		heartbeat time.Time
		atStart   bool
		dead      bool
	}{
		{"this process at its start: an earlier process's", host + ":" + me, fresh, true, true},
		{"this process while it serves: its own import", host + ":" + me, fresh, false, false},
		{"a process of this machine that runs", host + ":" + parent, fresh, true, false},
		{"a process of this machine that is gone", host + ":999999999", fresh, false, true},
		{"another machine's, recent", "elsewhere:1", fresh, true, false},
		{"another machine's, silent too long", "elsewhere:1", stale, false, true},
		{"a running process silent too long", host + ":" + parent, stale, false, true},
		{"an owner that cannot be read", "?", fresh, true, false},
	} {
		j := registry.ImportJob{Owner: tc.owner, HeartbeatAt: tc.heartbeat}
		if got := dead(j, host, now, tc.atStart); got != tc.dead {
			t.Errorf("%s: dead = %v, want %v", tc.name, got, tc.dead)
		}
	}
}
