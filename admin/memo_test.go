package admin

import (
	"context"
	"testing"
)

type stamped struct{ n int64 }

func (s *stamped) UnitsStamp(context.Context) (int64, error) { return s.n, nil }

// TestStampMemo: a value is read once while the stamp stands, again when it moves, per
// store and key; a store without a stamp is read every time.
func TestStampMemo(t *testing.T) {
	ctx := context.Background()
	var m StampMemo[string, int]
	reads := 0
	read := func() (int, error) { reads++; return reads, nil }
	a, b := &stamped{1}, &stamped{1}
	for _, step := range []struct {
		units     any
		key       string
		move      *stamped
		want, got int
	}{
		{units: a, key: "30", want: 1, got: 1},
		{units: a, key: "30", want: 1, got: 1}, // remembered
		{units: a, key: "31", want: 2, got: 2}, // another key
		{units: b, key: "30", want: 3, got: 3}, // another store
		{units: a, key: "30", move: a, want: 4, got: 4},
		{units: a, key: "30", want: 4, got: 4},
		{units: struct{}{}, key: "30", want: 5, got: 5}, // no stamp
		{units: struct{}{}, key: "30", want: 6, got: 6},
	} {
		if step.move != nil {
			step.move.n++
		}
		v, err := m.Get(ctx, step.units, step.key, read)
		if err != nil || v != step.want || reads != step.got {
			t.Fatalf("%+v: value %d after %d reads (%v), want %d after %d", step, v, reads, err, step.want, step.got)
		}
	}
}
