package importfile

import (
	"reflect"
	"testing"

	"giamngheo/registry"
)

func TestParseCauses(t *testing.T) {
	for in, want := range map[string][]registry.Cause{
		"Thiếu vốn; Ốm đau, tai nạn": {registry.CauseCapital, registry.CauseIllness},
		"thiếu vốn, ốm đau, tai nạn": {registry.CauseCapital, registry.CauseIllness},
		"Thiếu đất sản xuất + Khác":  {registry.CauseLand, registry.CauseOther},
		"":                           nil,
		"Không":                      nil,
	} {
		got, p := parseList(causeChoices, in)
		if p != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v %v, want %v", in, got, p, want)
		}
	}
	if _, p := parseList(causeChoices, "Thiếu vốn, mưa bão"); p == nil {
		t.Error("an unknown cause is read")
	}
	if got := listLabels(causeChoices, []registry.Cause{registry.CauseCapital, registry.CauseIllness}); got != "Thiếu vốn; Ốm đau, tai nạn" {
		t.Errorf("labels %q", got)
	}
}
