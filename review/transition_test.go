package review

import "testing"

func TestTransition(t *testing.T) {
	const (
		N  = ClassNone
		P  = ClassPoor
		NP = ClassNearPoor
		M  = ClassMiddle
		X  = ClassNotPoor
	)
	wasPoor := TransitionFlags{WasPoor: true}
	wasNear := TransitionFlags{WasNearPoor: true}
	ev := func(e Event) TransitionFlags { return TransitionFlags{Event: e} }
	tests := []struct {
		prev, next Class
		f          TransitionFlags
		want       TransitionKind
	}{
		// Stayed.
		{P, P, TransitionFlags{}, TransitionStayedPoor},
		{P, P, wasPoor, TransitionStayedPoor},
		{NP, NP, TransitionFlags{}, TransitionStayedNearPoor},
		{N, N, TransitionFlags{}, TransitionNone},
		{M, X, TransitionFlags{}, TransitionNone},
		{X, M, wasPoor, TransitionNone},
		// Poor household escapes.
		{P, NP, TransitionFlags{}, TransitionPoorToNearPoor},
		{P, M, TransitionFlags{}, TransitionPoorToAbove},
		{P, X, TransitionFlags{}, TransitionPoorToAbove},
		{P, N, TransitionFlags{}, TransitionPoorToAbove},
		// Near-poor household.
		{NP, M, TransitionFlags{}, TransitionNearPoorToAbove},
		{NP, X, TransitionFlags{}, TransitionNearPoorToAbove},
		{NP, N, TransitionFlags{}, TransitionNearPoorToAbove},
		{NP, P, TransitionFlags{}, TransitionNearPoorToPoor},
		{NP, P, wasPoor, TransitionRePoor}, // tái nghèo takes precedence
		// Falling back (tái nghèo, tái cận nghèo) versus newly arisen (phát sinh mới).
		{X, P, wasPoor, TransitionRePoor},
		{N, P, wasPoor, TransitionRePoor},
		{M, P, TransitionFlags{}, TransitionNewPoor},
		{N, P, TransitionFlags{}, TransitionNewPoor},
		{N, P, wasNear, TransitionNewPoor}, // was near-poor, never poor: poverty is new
		{X, NP, wasNear, TransitionReNearPoor},
		{X, NP, wasPoor, TransitionReNearPoor},
		{X, NP, TransitionFlags{}, TransitionNewNearPoor},
		{N, NP, TransitionFlags{}, TransitionNewNearPoor},
		// Other increases: counted by the new class.
		{N, P, ev(EventMovedIn), TransitionMovedIn},
		{N, NP, ev(EventMovedIn), TransitionMovedIn},
		{N, X, ev(EventMovedIn), TransitionNone},
		{N, P, ev(EventSplit), TransitionSplit},
		{P, NP, ev(EventSplit), TransitionSplit}, // an arrival: the old class does not matter
		{N, M, ev(EventSplit), TransitionNone},
		// Other decreases: counted by the old class.
		{P, N, ev(EventMovedAway), TransitionMovedAway},
		{NP, N, ev(EventMovedAway), TransitionMovedAway},
		{X, N, ev(EventMovedAway), TransitionNone},
		{P, N, ev(EventMerged), TransitionMerged},
		{NP, N, ev(EventDied), TransitionDied},
		{M, N, ev(EventDied), TransitionNone},
		// Bad input.
		{"very_poor", P, TransitionFlags{}, TransitionInvalid},
		{P, "rich", TransitionFlags{}, TransitionInvalid},
		{P, N, ev("abducted"), TransitionInvalid},
	}
	for _, tt := range tests {
		if got := Transition(tt.prev, tt.next, tt.f); got != tt.want {
			t.Errorf("Transition(%q → %q, %+v) = %s, want %s", tt.prev, tt.next, tt.f, got, tt.want)
		}
	}
}

// TestTransitionTotal checks that every pair of classes with every flag gives a known
// kind, and that the kind agrees with the lists: a household below the near-poor line
// after the review is never reported as having left it, and the reverse.
func TestTransitionTotal(t *testing.T) {
	classes := append([]Class{ClassNone}, Classes...)
	leaves := map[TransitionKind]bool{TransitionPoorToAbove: true, TransitionNearPoorToAbove: true}
	stays := map[TransitionKind]bool{TransitionNone: true}
	for _, prev := range classes {
		for _, next := range classes {
			for _, f := range []TransitionFlags{{}, {WasPoor: true}, {WasNearPoor: true}, {WasPoor: true, WasNearPoor: true}} {
				k := Transition(prev, next, f)
				if !k.Valid() || k == TransitionInvalid {
					t.Errorf("Transition(%q, %q, %+v) = %q", prev, next, f, k)
				}
				if leaves[k] && (!prev.Below() || next.Below()) {
					t.Errorf("Transition(%q, %q) = %s, but the household did not leave the lists", prev, next, k)
				}
				if stays[k] && (prev.Below() || next.Below()) {
					t.Errorf("Transition(%q, %q) = %s, but the household is on a list", prev, next, k)
				}
			}
		}
	}
}
