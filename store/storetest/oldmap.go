package storetest

import (
	"context"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/registry"
)

// testOldMapCarry: households of a file of before 1 July 2025 are carried onto the new
// communes. In the fixture, Xã Hồng Lạc (10816) was split between Xã Thanh Hà (10813)
// and Xã Hà Bắc (10816, a reused code): its households go by their village's
// assignment, or by the importer's choice, and are refused naming both candidates
// when neither decides. A row of today's map under a reused code stays where it is.
func testOldMapCarry(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	MustOK(t, s.CreateVillage(ctx, &admin.Village{CommuneCode: "10816", Name: "Thôn An", NewCommuneCode: "10813", CreatedAt: t0}))
	MustOK(t, s.CreateVillage(ctx, &admin.Village{CommuneCode: "10816", Name: "Thôn Bình", NewCommuneCode: "10816", CreatedAt: t0}))
	now := t0
	svc := registryService(s, &now)

	carry := func(m *registry.OldMap, province, commune, village string) (*registry.Household, error) {
		h := &registry.Household{ProvinceCode: province, CommuneCode: commune, VillageName: village}
		return h, m.Carry(ctx, h)
	}
	m := svc.NewOldMap(t0, nil)
	for _, tc := range []struct{ province, commune, village, want string }{
		{"30", "10816", "Thôn An", "10813"},   // the village went to Thanh Hà
		{"30", "10816", "thôn  AN", "10813"},  // named another way
		{"30", "10816", "Thôn Bình", "10816"}, // went to Hà Bắc, the reused code
		{"30", "10813", "Khu 1", "10813"},     // Thị trấn Thanh Hà, whole into Xã Thanh Hà
		{"", "10816", "Thôn Mới", "10816"},    // no old province: today's Xã Hà Bắc
		{"31", "10816", "Thôn An", "10816"},   // today's province: today's Xã Hà Bắc
	} {
		h, err := carry(m, tc.province, tc.commune, tc.village)
		MustOK(t, err)
		if h.CommuneCode != tc.want {
			t.Errorf("%s/%s %q carried to %s, want %s", tc.province, tc.commune, tc.village, h.CommuneCode, tc.want)
		}
	}
	_, err := carry(m, "30", "10816", "Thôn Mới")
	MustCode(t, err, giamngheo.EINVALID)
	for _, want := range []string{"10816 (Xã Hồng Lạc)", "10813 (Xã Thanh Hà)", "10816 (Xã Hà Bắc)", "01/07/2025", "Thôn Mới"} {
		if !strings.Contains(err.Error(), want) && !strings.Contains(giamngheo.ErrorMessageEN(err), want) {
			t.Errorf("the refusal %q should name %q", err, want)
		}
	}
	if p := m.Pending(); len(p) != 1 || p[0].OldCode != "10816" || p[0].Households != 1 || len(p[0].Candidates) != 2 {
		t.Errorf("pending choices = %+v", p)
	}
	got := map[string]int{}
	for _, a := range m.Applied() {
		got[a.OldCode+">"+a.NewCode+":"+a.By] = a.Households
		if a.From != "2025-07-01" || a.OldName == "" || a.NewName == "" {
			t.Errorf("applied mapping %+v", a)
		}
	}
	want := map[string]int{"10816>10813:village": 2, "10816>10816:village": 1, "10813>10813:merger": 1}
	if len(got) != len(want) {
		t.Errorf("applied = %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("applied = %v, want %v", got, want)
		}
	}

	// The importer's choice places the unassigned village; a choice that is not one of
	// the split commune's new communes is refused.
	m = svc.NewOldMap(t0, map[string]string{"10816": "10813"})
	h, err := carry(m, "30", "10816", "Thôn Mới")
	MustOK(t, err)
	if h.CommuneCode != "10813" || m.Applied()[0].By != registry.MappedByChoice {
		t.Errorf("by choice: %s, %+v", h.CommuneCode, m.Applied())
	}
	_, err = carry(svc.NewOldMap(t0, map[string]string{"10816": "99999"}), "30", "10816", "Thôn Mới")
	MustCode(t, err, giamngheo.EINVALID)

	// Before the reform nothing moves: the old communes are the map.
	h, err = carry(svc.NewOldMap(t0.AddDate(-2, 0, 0), nil), "30", "10816", "Thôn An")
	MustOK(t, err)
	if h.CommuneCode != "10816" {
		t.Errorf("on the old map the commune moved to %s", h.CommuneCode)
	}

	// Through the classifier (what an import does): the household takes the new
	// commune's province.
	c, err := svc.NewClassifier(t0)
	MustOK(t, err)
	c.OldMap = svc.NewOldMap(t0, nil)
	hh := newHousehold("OLD-1", 5_000_000)
	hh.ProvinceCode, hh.VillageName = "30", "Thôn An"
	MustOK(t, c.Prepare(ctx, hh))
	if hh.CommuneCode != "10813" || hh.ProvinceCode != "31" {
		t.Errorf("classified under %s/%s, want 31/10813", hh.ProvinceCode, hh.CommuneCode)
	}
}
