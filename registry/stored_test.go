package registry

import (
	"reflect"
	"testing"
)

// TestPrecompute: the stored form computed ahead is the one Encode computes, and a
// household prepared again is encoded afresh, not from the stale form.
func TestPrecompute(t *testing.T) {
	h := validHousehold()
	h.Normalize()
	fresh, err := Encode(h)
	if err != nil {
		t.Fatal(err)
	}
	freshAnswers, _ := EncodeMemberAnswers(&h.Members[1])
	if err := Precompute(h); err != nil {
		t.Fatal(err)
	}
	got, _ := Encode(h)
	answers, _ := EncodeMemberAnswers(&h.Members[1])
	if !reflect.DeepEqual(got, fresh) || string(answers) != string(freshAnswers) {
		t.Fatalf("precomputed form differs:\n%+v\n%+v", got, fresh)
	}
	if got != h.stored {
		t.Fatal("Encode did not use the precomputed form")
	}

	// A change followed by Forget (Classifier.Prepare and PrepareValid, which every
	// path that changes a household goes through, begin with it) is seen.
	h.Members[1].Name = "Trần Thị Hoa"
	h.Forget()
	again, _ := Encode(h)
	answers, _ = EncodeMemberAnswers(&h.Members[1])
	if again == got || again.Search == fresh.Search || string(answers) == string(freshAnswers) {
		t.Fatalf("a prepared household kept its stale stored form: %q / %s", again.Search, answers)
	}
}
