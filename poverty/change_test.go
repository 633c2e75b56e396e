package poverty

import (
	"testing"
	"time"
)

func TestUpcomingChange(t *testing.T) {
	for _, tc := range []struct {
		name           string
		at             string
		days           int
		want           bool
		added, dropped string
	}{
		{"a month ahead", "2026-12-01T10:00:00+07:00", 31, true, "waste", "info_devices"},
		{"last minute of 2026 in Vietnam", "2026-12-31T16:59:00Z", 31, true, "waste", "info_devices"},
		{"first minute of 2027 in Vietnam", "2026-12-31T17:01:00Z", 31, false, "", ""},
		{"too early", "2026-10-01T10:00:00+07:00", 31, false, "", ""},
		{"nothing after 2030 is known", "2030-12-20T10:00:00+07:00", 31, false, "", ""},
	} {
		at, err := time.Parse(time.RFC3339, tc.at)
		if err != nil {
			t.Fatal(err)
		}
		ch := UpcomingChange(at, tc.days)
		if (ch != nil) != tc.want {
			t.Fatalf("%s: change %v, want %v", tc.name, ch != nil, tc.want)
		}
		if ch == nil {
			continue
		}
		if ch.From.ID != "2022-2026" || ch.To.ID != "2027-2030" {
			t.Errorf("%s: %s → %s", tc.name, ch.From.ID, ch.To.ID)
		}
		if len(ch.Added) != 1 || string(ch.Added[0].Key) != tc.added || len(ch.Dropped) != 1 || string(ch.Dropped[0].Key) != tc.dropped {
			t.Errorf("%s: added %v dropped %v", tc.name, ch.Added, ch.Dropped)
		}
	}
}
