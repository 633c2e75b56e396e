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
