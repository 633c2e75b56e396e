package review

import (
	"testing"
	"time"

	"giamngheo"
)

func TestNewCase(t *testing.T) {
	periodic, _ := NewPeriodicRound("10507", 2025, DefaultConfig())
	periodic.ID = 7
	regular, _ := NewRegularRound("10507", 2025, 7, DefaultConfig())
	regular.ID = 8
	tests := []struct {
		name      string
		round     *Round
		household int64
		origin    Origin
		received  time.Time
		previous  Class
		state     State  // when accepted
		field     string // when refused
	}{
		{"listed poor household, periodic", periodic, 1, OriginListed, time.Time{}, ClassPoor, StateListed, ""},
		{"listed near-poor household, periodic", periodic, 1, OriginListed, time.Time{}, ClassNearPoor, StateListed, ""},
		{"Mẫu 01 in a regular round", regular, 1, OriginRequest01, d(2025, 7, 3), ClassNone, StateRequested, ""},
		{"Mẫu 01 from a near-poor household", regular, 1, OriginRequest01, d(2025, 7, 3), ClassNearPoor, StateRequested, ""},
		{"Mẫu 01 in the periodic round", periodic, 1, OriginRequest01, d(2025, 8, 20), ClassNone, StateRequested, ""},
		{"Mẫu 04 from a poor household", regular, 1, OriginRequest04, d(2025, 7, 3), ClassPoor, StateRequested, ""},
		{"no round", nil, 1, OriginListed, time.Time{}, ClassPoor, "", "round"},
		{"no household", periodic, 0, OriginListed, time.Time{}, ClassPoor, "", "household"},
		{"unknown origin", periodic, 1, "phone_call", time.Time{}, ClassPoor, "", "origin"},
		{"unknown class", periodic, 1, OriginListed, time.Time{}, "very_poor", "", "class"},
		{"listed household in a regular round (Art. 5)", regular, 1, OriginListed, time.Time{}, ClassPoor, "", "origin"},
		{"listed household that is not poor", periodic, 1, OriginListed, time.Time{}, ClassNotPoor, "", "previous_class"},
		{"Mẫu 04 from a household on no list", regular, 1, OriginRequest04, d(2025, 7, 3), ClassNone, "", "previous_class"},
		{"request without a date", regular, 1, OriginRequest01, time.Time{}, ClassNone, "", "request_received"},
		{"request after the deadline", regular, 1, OriginRequest01, d(2025, 8, 1), ClassNone, "", "request_received"},
	}
	for _, tt := range tests {
		c, err := NewCase(tt.round, tt.household, tt.origin, tt.received, tt.previous)
		if tt.field != "" {
			e, ok := err.(*giamngheo.Error)
			if !ok || e.Code != giamngheo.EINVALID || e.Field != tt.field {
				t.Errorf("%s: got %v, want EINVALID on %q", tt.name, err, tt.field)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if c.State != tt.state || c.RoundID != tt.round.ID || c.PreviousClass != tt.previous {
			t.Errorf("%s: got %+v", tt.name, c)
		}
	}
	other := &Case{RoundID: 99, HouseholdID: 1, Origin: OriginListed, State: StateListed, PreviousClass: ClassPoor}
	if e, ok := other.Validate(periodic).(*giamngheo.Error); !ok || e.Field != "round" {
		t.Errorf("a case of another round must be refused, got %v", e)
	}
}
