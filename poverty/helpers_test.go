package poverty

import (
	"errors"
	"testing"
	"time"

	"giamngheo"
)

// ref2026 is the reference date used by most tests: the 2026 annual review, under the
// 2022-2026 standard.
var ref2026 = time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)

// ref2027 is a reference date under the 2027-2030 standard.
var ref2027 = time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)

func yes() *bool               { v := true; return &v }
func no() *bool                { v := false; return &v }
func vndp(n int64) *int64      { return &n }
func m2(f float64) *float64    { return &f }
func bornAgo(years int) string { return ref2026.AddDate(-years, 0, 0).Format("2006-01-02") }

// adult returns a member of working age with every answer that avoids deprivation.
func adult(name string, sex Sex, birth string) Member {
	return Member{Name: name, Sex: sex, BirthDate: birth, HealthInsurance: yes(),
		Schooling: SchoolingUpperSecondary, Employment: SelfEmployed}
}

// child returns a school child with every answer that avoids deprivation.
func child(name string, birth string) Member {
	return Member{Name: name, Sex: Female, BirthDate: birth, HealthInsurance: yes(),
		Schooling: SchoolingStudying, Malnourished: no(), Employment: NotInLabourForce}
}

// goodHousehold returns a two-member household deprived in nothing, with the given
// 12-month income; tests change one answer at a time.
func goodHousehold(income12m int64) *Household {
	return &Household{
		Income12m:         vndp(income12m),
		HouseWallsDurable: yes(), HouseColumnsDurable: yes(), HouseRoofDurable: yes(),
		FloorAreaM2: m2(60),
		WaterSource: WaterTap, Latrine: LatrineSeptic,
		Telecom: yes(), Devices: []Device{DeviceTV}, WasteTreated: yes(),
		Members: []Member{
			adult("Nguyễn Văn An", Male, "1980-03-15"),
			adult("Trần Thị Bình", Female, "1982-09-01"),
		},
	}
}

// perCapita returns the 12-month income of an n-member household whose per-capita
// monthly income is exactly pc.
func perCapita(pc int64, n int) int64 { return pc * 12 * int64(n) }

func mustStandard(tb testing.TB, id string) *Standard {
	tb.Helper()
	s, err := StandardByID(id)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func mustClassify(tb testing.TB, h *Household, std *Standard, area Area, ref time.Time, card *ScoreCard) Result {
	tb.Helper()
	r, err := Classify(h, std, area, ref, card)
	if err != nil {
		tb.Fatalf("Classify: %v", err)
	}
	return r
}

// wantInvalid fails unless err is a *giamngheo.Error with code EINVALID (and, if field
// is not empty, that field).
func wantInvalid(tb testing.TB, err error, field string) {
	tb.Helper()
	var e *giamngheo.Error
	if !errors.As(err, &e) {
		tb.Fatalf("error %v (%T) is not a *giamngheo.Error", err, err)
	}
	if e.Code != giamngheo.EINVALID {
		tb.Fatalf("code %q, want %q (%v)", e.Code, giamngheo.EINVALID, err)
	}
	if e.Message == "" || e.MessageEN == "" {
		tb.Fatalf("error %v lacks a Vietnamese or English message", err)
	}
	if field != "" && e.Field != field {
		tb.Fatalf("field %q, want %q (%s)", e.Field, field, e.MessageEN)
	}
}
