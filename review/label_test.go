package review

import "testing"

// TestLabels checks that every state, action, transition kind, class, origin,
// screening outcome and round kind has a Vietnamese and an English label, that the two
// differ from the code, and that no two values of a type share a label.
func TestLabels(t *testing.T) {
	type labelled struct {
		code, vi, en string
	}
	groups := map[string][]labelled{}
	for _, v := range States {
		groups["State"] = append(groups["State"], labelled{string(v), v.Label(), v.LabelEN()})
	}
	for _, v := range Actions {
		groups["Action"] = append(groups["Action"], labelled{string(v), v.Label(), v.LabelEN()})
	}
	for _, v := range TransitionKinds {
		groups["TransitionKind"] = append(groups["TransitionKind"], labelled{string(v), v.Label(), v.LabelEN()})
	}
	for _, v := range append([]Class{ClassNone}, Classes...) {
		groups["Class"] = append(groups["Class"], labelled{string(v), v.Label(), v.LabelEN()})
	}
	for _, v := range Origins {
		groups["Origin"] = append(groups["Origin"], labelled{string(v), v.Label(), v.LabelEN()})
	}
	for _, v := range []Screening{ScreeningNone, ScreeningNeedsSurvey, ScreeningNotEligible} {
		groups["Screening"] = append(groups["Screening"], labelled{string(v), v.Label(), v.LabelEN()})
	}
	for _, v := range []RoundKind{RoundPeriodic, RoundRegular} {
		groups["RoundKind"] = append(groups["RoundKind"], labelled{string(v), v.Label(), v.LabelEN()})
	}
	want := map[string]int{"State": len(stateLabels), "Action": len(actionLabels), "TransitionKind": len(transitionLabels),
		"Class": len(classLabels), "Origin": len(originLabels), "Screening": len(screeningLabels), "RoundKind": len(roundKindLabels)}
	for name, ls := range groups {
		if len(ls) != want[name] {
			t.Errorf("%s: the list has %d values, the label table %d", name, len(ls), want[name])
		}
		seenVI, seenEN := map[string]bool{}, map[string]bool{}
		for _, l := range ls {
			if l.vi == "" || l.en == "" || l.vi == l.code || l.vi == l.en {
				t.Errorf("%s %q: labels %q / %q", name, l.code, l.vi, l.en)
			}
			if seenVI[l.vi] || seenEN[l.en] {
				t.Errorf("%s %q: label used twice (%q / %q)", name, l.code, l.vi, l.en)
			}
			seenVI[l.vi], seenEN[l.en] = true, true
		}
	}
	if got := State("lost").Label(); got != "lost" {
		t.Errorf("an unknown value shows its code, got %q", got)
	}
}
