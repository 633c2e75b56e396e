package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/poverty"
	"giamngheo/registry"
)

func ptr[T any](v T) *T { return &v }

// newHousehold is a poor rural household of Xã Hồng Lạc when income is low: no health
// insurance for the head, surface water and no latrine.
func newHousehold(code string, income int64) *registry.Household {
	h := &registry.Household{Code: code, CommuneCode: "10816", VillageName: "Thôn Đông", Address: "Thôn Đông, xã Hồng Lạc", HeadName: "Nguyễn Văn Hùng",
		Survey: poverty.Household{Income12m: ptr(income), WaterSource: poverty.WaterSurface, Latrine: poverty.LatrineNone,
			HouseWallsDurable: ptr(true), HouseColumnsDurable: ptr(true), HouseRoofDurable: ptr(true), FloorAreaM2: ptr(60.0), Telecom: ptr(true),
			Devices: []poverty.Device{poverty.DeviceTV}},
		Livelihood: registry.Livelihood{AnnualCropLandM2: ptr(1440.5), AquacultureM2: ptr(0.0), Cattle: ptr(2), Poultry: ptr(0)}}
	h.Members = []registry.Member{
		{Member: poverty.Member{Name: "Nguyễn Văn Hùng", Sex: poverty.Male, BirthDate: "1980-03-01", HealthInsurance: ptr(false),
			Schooling: poverty.SchoolingUpperSecondary, Employment: poverty.SelfEmployed}, Relation: registry.RelationHead, Ethnicity: "Kinh", NationalID: "030080001234"},
		{Member: poverty.Member{Name: "Lê Thị Hoa", Sex: poverty.Female, BirthDate: "1982-05-20", HealthInsurance: ptr(true),
			Schooling: poverty.SchoolingUpperSecondary, Employment: poverty.SelfEmployed, DisabilityAllowance: true}, Relation: registry.RelationSpouse, Ethnicity: "Kinh",
			SocialAllowance: registry.AllowanceDisability},
		{Member: poverty.Member{Name: "Nguyễn Văn An", Sex: poverty.Male, BirthDate: "2012-09-01", HealthInsurance: ptr(true),
			Schooling: poverty.SchoolingStudying}, Relation: registry.RelationChild, Ethnicity: "Kinh"},
	}
	return h
}

// checkRegistryFields fails unless h carries the land, livestock and social allowance
// of newHousehold: they travel in the survey and answers JSON columns, beside the
// poverty answers, on every path (create, import, find, stream, history).
func checkRegistryFields(t *testing.T, where string, h *registry.Household) {
	t.Helper()
	l := h.Livelihood
	if l.AnnualCropLandM2 == nil || *l.AnnualCropLandM2 != 1440.5 || l.AquacultureM2 == nil || *l.AquacultureM2 != 0 ||
		l.Cattle == nil || *l.Cattle != 2 || l.Poultry == nil || *l.Poultry != 0 || l.PerennialCropLandM2 != nil || l.Pigs != nil {
		t.Fatalf("%s: land and livestock %+v", where, l)
	}
	if len(h.Members) < 2 || h.Members[1].SocialAllowance != registry.AllowanceDisability || !h.Members[1].DisabilityAllowance || h.Members[0].SocialAllowance != "" {
		t.Fatalf("%s: social allowances of the members %+v", where, h.Members)
	}
}

func registryService(s Store, now *time.Time) *registry.Service {
	return &registry.Service{Store: s, Units: s, Audit: s, Tx: s, Now: func() time.Time { return *now }}
}

// onFixture loads the fixture's units into s and returns a registry service on s with
// its clock at t0, and a classifier at t0.
func onFixture(t *testing.T, s Store) (*registry.Service, *registry.Classifier) {
	t.Helper()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := t0
	svc := registryService(s, &now)
	c, err := svc.NewClassifier(t0)
	MustOK(t, err)
	return svc, c
}

func testHouseholdStore(t *testing.T, s Store) {
	ctx := context.Background()
	_, c := onFixture(t, s)

	h := newHousehold("HL-001", 3*1_000_000*12)
	MustOK(t, c.Prepare(ctx, h))
	h.CreatedAt, h.UpdatedAt, h.Version = t0, t0, 1
	MustOK(t, s.CreateHousehold(ctx, h))
	if h.ID == 0 || h.Members[2].ID == 0 {
		t.Fatalf("ids not set: %d %d", h.ID, h.Members[2].ID)
	}
	dup := newHousehold("HL-001", 1)
	MustOK(t, c.Prepare(ctx, dup))
	MustCode(t, s.CreateHousehold(ctx, dup), giamngheo.ECONFLICT)

	got, err := s.FindHouseholdByID(ctx, h.ID)
	MustOK(t, err)
	// 10816 is Xã Hà Bắc of Hải Phòng (31) on the reference date 2026-11-28: the
	// household belongs to the province of its commune as the map stands on that date.
	if got.ProvinceCode != "31" || len(got.Members) != 3 || got.Members[1].Name != "Lê Thị Hoa" || got.Members[0].NationalID != "030080001234" ||
		got.Result == nil || got.Result.Class != poverty.Poor || got.Result.Explanation == nil || !got.CreatedAt.Equal(t0) ||
		*got.Survey.Income12m != 36_000_000 || got.Survey.WaterSource != poverty.WaterSurface {
		t.Fatalf("household round trip: %+v", got)
	}
	checkRegistryFields(t, "FindHouseholdByID", got)
	_, err = s.FindHouseholdByCode(ctx, "31", "nope")
	MustCode(t, err, giamngheo.ENOTFOUND)
	byCode, err := s.FindHouseholdByCode(ctx, "31", "HL-001")
	MustOK(t, err)
	if byCode.ID != h.ID {
		t.Fatal("FindHouseholdByCode returned another household")
	}

	// Bulk import: 250 households, every fifth one rich (not poor).
	var hs []*registry.Household
	for i := 0; i < 250; i++ {
		income := int64(3 * 1_000_000 * 12)
		if i%5 == 0 {
			income = 3 * 9_000_000 * 12
		}
		x := newHousehold(fmt.Sprintf("HL-%03d", 100+i), income)
		x.Members[0].Name, x.HeadName = fmt.Sprintf("Trần Văn Số%d", i), fmt.Sprintf("Trần Văn Số%d", i)
		x.Members[0].NationalID = ""
		MustOK(t, c.Prepare(ctx, x))
		x.CreatedAt, x.UpdatedAt, x.Version = t0, t0, 1
		hs = append(hs, x)
	}
	MustOK(t, s.ImportHouseholds(ctx, hs))
	if hs[249].ID == 0 || hs[249].Members[2].ID == 0 {
		t.Fatal("import did not set ids")
	}
	last, err := s.FindHouseholdByID(ctx, hs[249].ID)
	MustOK(t, err)
	if last.Code != "HL-349" || len(last.Members) != 3 || last.Members[0].Name != "Trần Văn Số249" {
		t.Fatalf("imported household: %+v", last)
	}
	checkRegistryFields(t, "ImportHouseholds", last)
	// All or nothing: a batch with one taken code writes nothing.
	again := []*registry.Household{newHousehold("HL-900", 1), newHousehold("HL-100", 1)}
	for _, x := range again {
		MustOK(t, c.Prepare(ctx, x))
	}
	MustCode(t, s.ImportHouseholds(ctx, again), giamngheo.ECONFLICT)
	_, err = s.FindHouseholdByCode(ctx, "31", "HL-900")
	MustCode(t, err, giamngheo.ENOTFOUND)

	poor := poverty.Poor
	for _, tc := range []struct {
		name string
		f    registry.HouseholdFilter
		want int
	}{
		{"all", registry.HouseholdFilter{}, 251},
		{"commune", registry.HouseholdFilter{CommuneCodes: []string{"10816"}}, 251},
		{"no commune", registry.HouseholdFilter{CommuneCodes: []string{}}, 0},
		{"other commune", registry.HouseholdFilter{CommuneCodes: []string{"10813"}}, 0},
		{"poor", registry.HouseholdFilter{Class: &poor}, 201},
		{"indicator", registry.HouseholdFilter{Indicator: "latrine"}, 251},
		{"indicator not deprived", registry.HouseholdFilter{Indicator: "housing_area"}, 0},
		{"name without diacritics", registry.HouseholdFilter{Query: "tran van so24"}, 11},
		{"national id", registry.HouseholdFilter{Query: "030080001234"}, 1},
		{"code", registry.HouseholdFilter{Query: "hl-001"}, 1},
	} {
		got, total, err := s.FindHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: tc.f.CommuneCodes, Class: tc.f.Class, Indicator: tc.f.Indicator, Query: tc.f.Query, Page: giamngheo.Page{Limit: 5}})
		MustOK(t, err)
		if total != tc.want || len(got) != min(5, tc.want) {
			t.Errorf("%s: total %d (page %d), want %d", tc.name, total, len(got), tc.want)
		}
	}
	page, _, err := s.FindHouseholds(ctx, registry.HouseholdFilter{Page: giamngheo.Page{Limit: 2, Offset: 1}})
	MustOK(t, err)
	if page[0].Code != "HL-100" || page[1].Code != "HL-101" {
		t.Fatalf("households are not in code order: %s %s", page[0].Code, page[1].Code)
	}

	// Sorted as Vietnamese lists are: by given name, with diacritics in their order
	// (An < Ánh < Bình), whatever the codes.
	for _, x := range []struct{ code, head string }{{"AA-1", "Lê Văn Bình"}, {"BB-1", "Trần Thị Ánh"}, {"CC-1", "Nguyễn Văn An"}} {
		y := newHousehold(x.code, 1)
		y.CommuneCode, y.HeadName, y.Members[0].Name, y.Members[0].NationalID = "10813", x.head, x.head, ""
		MustOK(t, c.Prepare(ctx, y))
		y.CreatedAt, y.UpdatedAt, y.Version = t0, t0, 1
		MustOK(t, s.CreateHousehold(ctx, y))
	}
	byName, _, err := s.FindHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: []string{"10813"}, SortByName: true})
	MustOK(t, err)
	if len(byName) != 3 || byName[0].Code != "CC-1" || byName[1].Code != "BB-1" || byName[2].Code != "AA-1" {
		t.Fatalf("households by name: %v %v %v", byName[0].HeadName, byName[1].HeadName, byName[2].HeadName)
	}

	// Streaming over many pages with members.
	seen, members := 0, 0
	MustOK(t, s.EachHousehold(ctx, registry.HouseholdFilter{}, func(h *registry.Household) error {
		seen++
		members += len(h.Members)
		if seen == 1 {
			checkRegistryFields(t, "EachHousehold", h)
		}
		return nil
	}))
	if seen != 254 || members != 762 {
		t.Fatalf("EachHousehold: %d households, %d members; want 254, 762", seen, members)
	}
	seen = 0
	MustOK(t, s.EachHousehold(ctx, registry.HouseholdFilter{Class: &poor, CommuneCodes: []string{"10816"}}, func(h *registry.Household) error {
		seen++
		if h.Result.Class != poverty.Poor || len(h.Members) != 3 {
			t.Fatalf("EachHousehold(poor) gave %s with %d members", h.Result.Class, len(h.Members))
		}
		return nil
	}))
	if seen != 201 {
		t.Fatalf("EachHousehold(poor) = %d, want 201", seen)
	}
	MustOK(t, s.EachHousehold(ctx, registry.HouseholdFilter{CommuneCodes: []string{}}, func(*registry.Household) error {
		t.Fatal("an empty commune list must match nothing")
		return nil
	}))

	codes, err := s.FindHouseholdCodes(ctx, "31", []string{"HL-001", "HL-349", "HL-999"})
	MustOK(t, err)
	if len(codes) != 2 || codes["HL-001"] != h.ID {
		t.Fatalf("FindHouseholdCodes = %v", codes)
	}

	// Whole-record save replaces the members; history keeps the past state.
	got.Members = got.Members[:2]
	got.Version = 2
	MustOK(t, s.InsertHistory(ctx, got.ID, &registry.HistoryEntry{Version: 1, ValidFrom: t0, ValidTo: t0.Add(time.Hour), ChangedBy: "an", Household: byCode}))
	MustOK(t, s.SaveHousehold(ctx, got))
	after, err := s.FindHouseholdByID(ctx, got.ID)
	MustOK(t, err)
	if len(after.Members) != 2 || after.Version != 2 {
		t.Fatalf("after save: %d members, version %d", len(after.Members), after.Version)
	}
	hist, err := s.FindHistory(ctx, got.ID)
	MustOK(t, err)
	if len(hist) != 1 || len(hist[0].Household.Members) != 3 || hist[0].ChangedBy != "an" || !hist[0].ValidTo.Equal(t0.Add(time.Hour)) {
		t.Fatalf("history: %+v", hist)
	}
	checkRegistryFields(t, "FindHistory", hist[0].Household)
}

func testRegistryService(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := t0
	svc := registryService(s, &now)
	officer := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 3, Username: "xa.honglac", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816"})
	other := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 4, Username: "xa.thanhha", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10813"})
	viewer := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 5, Username: "xem", Role: giamngheo.RoleViewer, ScopeCode: "30"})

	h := newHousehold("HL-001", 3*1_000_000*12)
	MustCode(t, svc.CreateHousehold(other, h), giamngheo.EFORBIDDEN)
	MustCode(t, svc.CreateHousehold(viewer, newHousehold("HL-002", 1)), giamngheo.EFORBIDDEN)
	bad := newHousehold("HL-003", 1)
	bad.Members[0].NationalID = "0300800012345"
	err := svc.CreateHousehold(officer, bad)
	MustCode(t, err, giamngheo.EINVALID)
	if e := err.(*giamngheo.Error); e.Field != "members[0].national_id" {
		t.Fatalf("13-digit ID error names %q", e.Field)
	}
	MustOK(t, svc.CreateHousehold(officer, h))
	if h.Result.Class != poverty.Poor || h.ProvinceCode != "31" {
		t.Fatalf("created household: class %s province %s", h.Result.Class, h.ProvinceCode)
	}
	_, err = svc.FindHouseholdByID(other, h.ID)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	// The histories check the stored household's scope as FindHouseholdByID does.
	_, err = svc.History(other, h.ID)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.StatusHistory(other, h.ID)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.History(officer, h.ID+1000)
	MustCode(t, err, giamngheo.ENOTFOUND)
	_, err = svc.StatusHistory(officer, h.ID+1000)
	MustCode(t, err, giamngheo.ENOTFOUND)
	_, err = svc.History(officer, h.ID)
	MustOK(t, err)
	_, err = svc.StatusHistory(officer, h.ID)
	MustOK(t, err)
	list, total, err := svc.FindHouseholds(other, registry.HouseholdFilter{})
	MustOK(t, err)
	if total != 0 || len(list) != 0 {
		t.Fatalf("another commune's officer lists %d households", total)
	}
	_, total, err = svc.FindHouseholds(viewer, registry.HouseholdFilter{})
	MustOK(t, err)
	if total != 1 {
		t.Fatalf("province viewer lists %d households, want 1", total)
	}

	// An edit that gives everyone health insurance and a septic latrine: not poor any
	// more on income? No: income is unchanged, deprivations drop to one → near-poor.
	now = t0.Add(48 * time.Hour)
	survey := h.Survey
	survey.Latrine = poverty.LatrineSeptic
	members := append([]registry.Member(nil), h.Members...)
	members[0].HealthInsurance = ptr(true)
	members[2].SocialAllowance = registry.AllowanceChild
	land := h.Livelihood
	land.ForestLandM2, land.Cattle = ptr(5000.0), nil
	upd, err := svc.UpdateHousehold(officer, h.ID, registry.HouseholdUpdate{BaseVersion: h.Version, Survey: &survey, Members: &members, Livelihood: &land})
	MustOK(t, err)
	if upd.Result.Class != poverty.NearPoor || upd.Version != 2 {
		t.Fatalf("after the edit: class %s version %d", upd.Result.Class, upd.Version)
	}
	stored, err := svc.FindHouseholdByID(officer, h.ID)
	MustOK(t, err)
	if *stored.Livelihood.ForestLandM2 != 5000 || stored.Livelihood.Cattle != nil || stored.Members[2].SocialAllowance != registry.AllowanceChild {
		t.Fatalf("after the edit of land and allowance: %+v %+v", stored.Livelihood, stored.Members)
	}
	badLand := land
	badLand.Pigs = ptr(-1)
	_, err = svc.UpdateHousehold(officer, h.ID, registry.HouseholdUpdate{BaseVersion: upd.Version, Livelihood: &badLand})
	MustCode(t, err, giamngheo.EINVALID)
	if e := err.(*giamngheo.Error); e.Field != "livelihood.pigs" {
		t.Fatalf("negative pigs error names %q", e.Field)
	}
	was, err := svc.HouseholdAsOf(officer, h.ID, t0.Add(time.Hour))
	MustOK(t, err)
	if was.Result.Class != poverty.Poor || was.Survey.Latrine != poverty.LatrineNone {
		t.Fatalf("as of the first day: class %s latrine %s", was.Result.Class, was.Survey.Latrine)
	}
	checkRegistryFields(t, "HouseholdAsOf", was)
	_, err = svc.HouseholdAsOf(officer, h.ID, t0.Add(-time.Hour))
	MustCode(t, err, giamngheo.ENOTFOUND)
	entries, _, err := s.FindAudit(context.Background(), audit.Filter{Entity: "household", EntityID: "HL-001"})
	MustOK(t, err)
	if len(entries) != 2 || entries[0].Action != "update" || entries[0].Username != "xa.honglac" || len(entries[0].Before) == 0 {
		t.Fatalf("audit of the household: %+v", entries)
	}
	_, err = svc.UpdateHousehold(other, h.ID, registry.HouseholdUpdate{BaseVersion: upd.Version, Survey: &survey})
	MustCode(t, err, giamngheo.EFORBIDDEN)
}
