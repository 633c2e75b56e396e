package registry

import (
	"testing"
	"time"

	"giamngheo/poverty"
)

// Labour Code 2019, Art. 169.2: men 60y3m in 2021 +3 months a year to 62y (2028);
// women 55y4m in 2021 +4 months a year to 60y (2035).
func TestRetirementSchedule(t *testing.T) {
	r := DefaultTraitRules
	for _, c := range []struct {
		sex  poverty.Sex
		year int
		want int
	}{
		{poverty.Male, 2021, 60*12 + 3}, {poverty.Male, 2025, 61*12 + 3}, {poverty.Male, 2028, 62 * 12}, {poverty.Male, 2040, 62 * 12},
		{poverty.Female, 2021, 55*12 + 4}, {poverty.Female, 2026, 57 * 12}, {poverty.Female, 2035, 60 * 12}, {poverty.Female, 2050, 60 * 12},
		{poverty.Male, 2019, 60*12 + 3},
	} {
		if got := r.RetirementMonths(c.sex, c.year); got != c.want {
			t.Errorf("%s %d: %d months, want %d", c.sex, c.year, got, c.want)
		}
	}
}

func TestDeriveTraits(t *testing.T) {
	ref := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	member := func(rel Relation, sex poverty.Sex, birth, eth string) Member {
		return Member{Member: poverty.Member{Name: "A", Sex: sex, BirthDate: birth}, Relation: rel, Ethnicity: eth}
	}
	r := DefaultTraitRules
	yes := true
	for _, c := range []struct {
		name                      string
		members                   []Member
		override                  *bool
		noLabour, ethnic, femHead bool
		text                      string
	}{
		// 2026: a woman retires at 57 years (55y4m + 5×4 months = 57y0m), a man at 61y6m.
		{"a woman of 56 works", []Member{member(RelationHead, poverty.Female, "1970-01-01", "Kinh")}, nil, false, false, true, ",grp:female_head,grp:other,eth:Kinh,"},
		{"a woman of 57 does not", []Member{member(RelationHead, poverty.Female, "1969-06-30", "kinh")}, nil, true, false, true, ",grp:no_labour,grp:female_head,eth:Kinh,"},
		{"a man of 61y5m works", []Member{member(RelationHead, poverty.Male, "1965-01-31", "Tày")}, nil, false, true, false, ",grp:ethnic,eth:Tày,"},
		{"a man of 61y6m does not; a child of 14 neither", []Member{member(RelationHead, poverty.Male, "1964-12-30", "Mường"), member(RelationChild, poverty.Female, "2012-01-01", "Mường")}, nil, true, true, false, ",grp:no_labour,grp:ethnic,eth:Mường,child:total=1,"},
		{"15 works", []Member{member(RelationHead, poverty.Male, "1950-01-01", ""), member(RelationChild, poverty.Male, "2011-06-30", "")}, nil, false, false, false, ",grp:other,child:total=1,"},
		{"override", []Member{member(RelationHead, poverty.Male, "1980-01-01", "Kinh")}, &yes, true, false, false, ",grp:no_labour,eth:Kinh,"},
	} {
		h := &Household{Members: c.members}
		h.Traits.NoLabourOverride = c.override
		r.DeriveTraits(h, ref)
		if h.Traits.NoLabour != c.noLabour || h.Traits.EthnicMinority != c.ethnic || h.Traits.FemaleHead != c.femHead {
			t.Errorf("%s: %+v", c.name, h.Traits)
		}
		if got := TraitsText(h); got != c.text {
			t.Errorf("%s: text %q, want %q", c.name, got, c.text)
		}
	}
	// A member with the disability allowance has no labour capacity.
	h := &Household{Members: []Member{member(RelationHead, poverty.Male, "1980-01-01", "Kinh")}}
	h.Members[0].DisabilityAllowance = true
	r.DeriveTraits(h, ref)
	if !h.Traits.NoLabour {
		t.Error("disability allowance: has labour capacity")
	}
	h.Traits = Traits{Merit: true, Causes: []Cause{CauseIllness, CauseLand}, Needs: []Need{"water", "capital"}}
	r.DeriveTraits(h, ref)
	if got := TraitsText(h); got != ",grp:merit,grp:no_labour,eth:Kinh,cause:land,cause:illness,need:capital,need:water," {
		t.Errorf("ordered text %q", got)
	}
	h.Traits.Causes = append(h.Traits.Causes, CauseLand)
	if err := h.Traits.Validate(); err == nil {
		t.Error("a repeated cause is valid")
	}
	h.Traits.Causes = []Cause{"weather"}
	if err := h.Traits.Validate(); err == nil {
		t.Error("an unknown cause is valid")
	}
}
