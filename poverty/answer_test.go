package poverty

import "testing"

// TestAnswerLists checks that the fast validity switches accept exactly the labelled
// answers, and that every list has distinct values with both labels.
func TestAnswerLists(t *testing.T) {
	for _, l := range schoolings {
		if !l.v.valid() {
			t.Errorf("schooling %q is labelled but not valid", l.v)
		}
	}
	for _, l := range employments {
		if !l.v.valid() {
			t.Errorf("employment %q is labelled but not valid", l.v)
		}
	}
	// Values near the listed ones are refused.
	for _, s := range []Schooling{"Studying", "studying ", "university", "primary"} {
		if s.valid() {
			t.Errorf("schooling %q accepted", s)
		}
	}
	for _, e := range []Employment{"employed", "unemployed_", "farmer"} {
		if e.valid() {
			t.Errorf("employment %q accepted", e)
		}
	}
	// Each switch has as many cases as its list has values (counted by hand here,
	// so that adding a value to one and not the other fails).
	if len(schoolings) != 8 || len(employments) != 5 {
		t.Errorf("schoolings %d, employments %d: update the valid() switches and this test", len(schoolings), len(employments))
	}
	check := func(name string, vals []string, labels []Text) {
		seen := map[string]bool{}
		for i, v := range vals {
			if v == "" || seen[v] || labels[i].VI == "" || labels[i].EN == "" {
				t.Errorf("%s: value %q is empty, repeated or unlabelled", name, v)
			}
			seen[v] = true
		}
	}
	check("sexes", values(sexes), texts(sexes))
	check("schoolings", values(schoolings), texts(schoolings))
	check("employments", values(employments), texts(employments))
	check("water sources", values(waterSources), texts(waterSources))
	check("latrines", values(latrines), texts(latrines))
	check("devices", values(devices), texts(devices))
}

func values[T ~string](list []label[T]) []string {
	s := make([]string, len(list))
	for i, l := range list {
		s[i] = string(l.v)
	}
	return s
}

func texts[T ~string](list []label[T]) []Text {
	s := make([]Text, len(list))
	for i, l := range list {
		s[i] = l.t
	}
	return s
}

// TestAnswerCodes checks that every labelled answer has its own code, numbered from 1
// in the order of its list, that "" is 0 (not answered) and that a value near a listed
// one is -1 (refused), for the lists Classify reads by code.
func TestAnswerCodes(t *testing.T) {
	checkCodes(t, "water", waterSources, WaterSource.code, []WaterSource{"Tap", "well", "tap "})
	checkCodes(t, "latrine", latrines, Latrine.code, []Latrine{"septic_tank", "Septic", "pit"})
	checkCodes(t, "device", devices, Device.code, []Device{"TV", "phone", "laptop"})
	for i, l := range schoolings {
		if got := l.v.code(); int(got) != i+1 {
			t.Errorf("schooling %q has code %d, want %d", l.v, got, i+1)
		}
	}
	for i, l := range employments {
		if got := l.v.code(); int(got) != i+1 {
			t.Errorf("employment %q has code %d, want %d", l.v, got, i+1)
		}
	}
	if Schooling("").code() != schoolUnanswered || Employment("").code() != workUnanswered {
		t.Error("an unanswered schooling or employment is not coded as unanswered")
	}
}

func checkCodes[T ~string](t *testing.T, name string, list []label[T], code func(T) int8, near []T) {
	t.Helper()
	if len(list) > 15 {
		t.Fatalf("%s: %d answers do not fit an answerMask", name, len(list))
	}
	for i, l := range list {
		if got := code(l.v); int(got) != i+1 {
			t.Errorf("%s %q has code %d, want %d", name, l.v, got, i+1)
		}
	}
	if code("") != 0 {
		t.Errorf("%s: \"\" is not coded 0", name)
	}
	for _, v := range near {
		if code(v) != -1 {
			t.Errorf("%s %q is not refused", name, v)
		}
	}
}
