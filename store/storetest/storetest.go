// Package storetest is the one behavioural suite every store must pass: the SQLite file
// and PostgreSQL run the same tests, so the two dialects cannot drift apart.
package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/jobs"
	"giamngheo/plan"
	"giamngheo/registry"
	"giamngheo/report"
	"giamngheo/review"
	"giamngheo/simulate"
	"giamngheo/support"
	"giamngheo/user"
)

// Store is everything a store implements.
type Store interface {
	giamngheo.TxRunner
	admin.Store
	user.Store
	audit.Store
	registry.RecordStore
	review.Store
	simulate.Store
	support.Store
	support.Rollups
	report.Store
	report.MemberLoader
	plan.Store
	jobs.Store
	report.ApprovalStore
	Migrate(ctx context.Context) ([]string, error)
	Pending(ctx context.Context) ([]string, error)
	Dialect() string
	Close() error
}

// Opener returns a new, empty, migrated store for one test; it registers its cleanup.
type Opener func(tb testing.TB) Store

// Run runs the whole suite against stores made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Store)
	}{
		{"Migrate", testMigrate},
		{"Units", testUnits},
		{"UnitsReplace", testUnitsReplace},
		{"Villages", testVillages},
		{"Users", testUsers},
		{"Sessions", testSessions},
		{"APITokens", testAPITokens},
		{"APITokenLifecycle", testAPITokenLifecycle},
		{"AuditAppendOnly", testAuditAppendOnly},
		{"DistrictScopeAfterReform", testDistrictScopeAfterReform},
		{"AuditRollback", testAuditRollback},
		{"AuditsInBulk", testAuditsInBulk},
		{"UserService", testUserService},
		{"LoginThrottle", testLoginThrottle},
		{"HouseholdStore", testHouseholdStore},
		{"HouseholdPaging", testHouseholdPaging},
		{"MoveAcrossProvinces", testMoveAcrossProvinces},
		{"ScopeMemo", testScopeMemo},
		{"LongScope", testLongScope},
		{"RollupMemo", testRollupMemo},
		{"UnitsMemo", testUnitsMemo},
		{"RegistryService", testRegistryService},
		{"BulkImport", testBulkImport},
		{"ReviewWorkflow", testReviewWorkflow},
		{"ReviewOverdue", testReviewOverdue},
		{"ReviewRePoor", testReviewRePoor},
		{"RecognisedStatus", testRecognisedStatus},
		{"StatusHistory", testStatusHistory},
		{"UnitNamesOn", testUnitNamesOn},
		{"NoLostUpdates", testNoLostUpdates},
		{"EachSurvey", testEachSurvey},
		{"SupportLists", testSupportLists},
		{"SupportMatchBatch", testSupportMatchBatch},
		{"SupportNeeds", testSupportNeeds},
		{"RollupsRandom", testRollupsRandom},
		{"TraitReports", testTraitReports},
		{"NamedLists", testNamedLists},
		{"Plan", testPlan},
		{"PublicPosts", testPublicPosts},
		{"JobsExchange", testJobsExchange},
		{"ImportUndo", testImportUndo},
		{"ReportApproval", testReportApproval},
		{"OldMapCarry", testOldMapCarry},
		{"RecognisedImport", testRecognisedImport},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

// MustCode fails unless err carries the application error code want.
func MustCode(tb testing.TB, err error, want string) {
	tb.Helper()
	if got := giamngheo.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

// MustOK fails on a non-nil error.
func MustOK(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("unexpected error: %v", err)
	}
}

var t0 = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

func testMigrate(t *testing.T, s Store) {
	ctx := context.Background()
	applied, err := s.Migrate(ctx)
	MustOK(t, err)
	if len(applied) != 0 {
		t.Fatalf("second migration applied %v, want nothing", applied)
	}
	pending, err := s.Pending(ctx)
	MustOK(t, err)
	if len(pending) != 0 {
		t.Fatalf("pending after migrate: %v", pending)
	}
}

// fixtureUnits is a slice of the real catalogue: a province with a district and two
// communes before 1/7/2025, and the merged province after, with a reused code.
func fixtureUnits() ([]admin.Unit, []admin.Mapping) {
	return []admin.Unit{
			{Code: "30", Name: "Tỉnh Hải Dương", Type: "Tỉnh", Level: admin.LevelProvince, ValidTo: "2025-06-30"},
			{Code: "294", Name: "Huyện Thanh Hà", Type: "Huyện", Level: admin.LevelDistrict, ParentCode: "30", ValidTo: "2025-06-30"},
			{Code: "10813", Name: "Thị trấn Thanh Hà", Type: "Thị trấn", Level: admin.LevelCommune, ParentCode: "294", ValidTo: "2025-06-30"},
			{Code: "10816", Name: "Xã Hồng Lạc", Type: "Xã", Level: admin.LevelCommune, ParentCode: "294", ValidTo: "2024-12-31"},
			{Code: "10816", Name: "Xã Hồng Lạc", Type: "Xã", Level: admin.LevelCommune, ParentCode: "294", ValidFrom: "2025-01-01", ValidTo: "2025-06-30"},
			{Code: "31", Name: "Thành phố Hải Phòng", Type: "Thành phố", Level: admin.LevelProvince, ValidFrom: "2025-07-01"},
			{Code: "10813", Name: "Xã Thanh Hà", Type: "Xã", Level: admin.LevelCommune, ParentCode: "31", ValidFrom: "2025-07-01"},
			{Code: "10816", Name: "Xã Hà Bắc", Type: "Xã", Level: admin.LevelCommune, ParentCode: "31", ValidFrom: "2025-07-01"},
		}, []admin.Mapping{
			{OldCode: "10813", OldName: "Thị trấn Thanh Hà", NewCode: "10813", NewName: "Xã Thanh Hà", Kind: "full"},
			{OldCode: "10816", OldName: "Xã Hồng Lạc", NewCode: "10813", NewName: "Xã Thanh Hà", Kind: "partial"},
			{OldCode: "10816", OldName: "Xã Hồng Lạc", NewCode: "10816", NewName: "Xã Hà Bắc", Kind: "partial"},
		}
}

func testUnits(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))

	n, err := s.CountUnits(ctx)
	MustOK(t, err)
	if n != len(units) {
		t.Fatalf("CountUnits = %d, want %d", n, len(units))
	}
	for _, tc := range []struct {
		date, parent string
		want         []string
	}{
		{"2023-06-30", "294", []string{"Thị trấn Thanh Hà", "Xã Hồng Lạc"}},
		{"2025-03-01", "294", []string{"Thị trấn Thanh Hà", "Xã Hồng Lạc"}},
		{"2025-08-01", "294", nil},
		{"2025-08-01", "31", []string{"Xã Thanh Hà", "Xã Hà Bắc"}},
	} {
		got, err := s.FindUnits(ctx, admin.UnitFilter{AsOf: tc.date, ParentCode: tc.parent})
		MustOK(t, err)
		var names []string
		for _, u := range got {
			names = append(names, u.Name)
		}
		if len(names) != len(tc.want) || (len(names) > 0 && (names[0] != tc.want[0] || names[1] != tc.want[1])) {
			t.Errorf("units under %s on %s = %v, want %v", tc.parent, tc.date, names, tc.want)
		}
	}
	provs, err := s.FindUnits(ctx, admin.UnitFilter{AsOf: "2025-08-01", Level: admin.LevelProvince})
	MustOK(t, err)
	if len(provs) != 1 || provs[0].Code != "31" {
		t.Fatalf("provinces on 2025-08-01 = %+v, want only 31", provs)
	}
	u, err := s.FindUnitByCode(ctx, "10813", "2024-05-01")
	MustOK(t, err)
	if u.Name != "Thị trấn Thanh Hà" || u.ParentCode != "294" {
		t.Fatalf("10813 on 2024-05-01 = %+v", u)
	}
	u, err = s.FindUnitByCode(ctx, "10813", "")
	MustOK(t, err)
	if u.Name != "Xã Thanh Hà" {
		t.Fatalf("latest 10813 = %q, want Xã Thanh Hà", u.Name)
	}
	_, err = s.FindUnitByCode(ctx, "99999", "")
	MustCode(t, err, giamngheo.ENOTFOUND)

	old, err := s.FindMappings(ctx, "10816", "")
	MustOK(t, err)
	if len(old) != 2 || old[0].Kind != "partial" {
		t.Fatalf("old 10816 maps to %+v, want two partial rows", old)
	}
	back, err := s.FindMappings(ctx, "", "10813")
	MustOK(t, err)
	if len(back) != 2 {
		t.Fatalf("new 10813 comes from %d rows, want 2", len(back))
	}
	ok, err := admin.StoreInScope(ctx, s, "30", "10816")
	MustOK(t, err)
	if !ok {
		t.Fatal("10816 must be in scope of province 30")
	}
	ok, err = admin.StoreInScope(ctx, s, "294", "10813")
	MustOK(t, err)
	if !ok {
		t.Fatal("10813 must be in scope of district 294")
	}
	ok, err = admin.StoreInScope(ctx, s, "10813", "10816")
	MustOK(t, err)
	if ok {
		t.Fatal("a commune is not in the scope of another commune")
	}
}

func testUnitsReplace(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	n, err := s.CountUnits(ctx)
	MustOK(t, err)
	if n != len(units) {
		t.Fatalf("after loading twice CountUnits = %d, want %d", n, len(units))
	}
	// A failing load (duplicate version) leaves the previous load intact.
	bad := append(append([]admin.Unit{}, units...), units[2])
	if err := s.ReplaceUnits(ctx, bad, nil); err == nil {
		t.Fatal("duplicate unit version must fail")
	}
	n, _ = s.CountUnits(ctx)
	if n != len(units) {
		t.Fatalf("after a failed load CountUnits = %d, want %d (nothing half-written)", n, len(units))
	}
}

func testVillages(t *testing.T, s Store) {
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	for _, name := range []string{"Thôn Đông", "Thôn An"} {
		MustOK(t, s.CreateVillage(ctx, &admin.Village{CommuneCode: "10816", Name: name, CreatedAt: t0}))
	}
	MustCode(t, s.CreateVillage(ctx, &admin.Village{CommuneCode: "10816", Name: "Thôn An", CreatedAt: t0}), giamngheo.ECONFLICT)
	vs, err := s.FindVillages(ctx, "10816")
	MustOK(t, err)
	if len(vs) != 2 || vs[0].Name != "Thôn An" || vs[0].ID == 0 || !vs[0].CreatedAt.Equal(t0) {
		t.Fatalf("villages = %+v", vs)
	}
}

func newUser(name string) *user.User {
	return &user.User{Username: name, Name: "Nguyễn Văn " + name, Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816",
		PasswordHash: "x", CreatedAt: t0, UpdatedAt: t0}
}

func testUsers(t *testing.T, s Store) {
	ctx := context.Background()
	a := newUser("an")
	MustOK(t, s.CreateUser(ctx, a))
	if a.ID == 0 {
		t.Fatal("CreateUser did not set the id")
	}
	MustCode(t, s.CreateUser(ctx, newUser("an")), giamngheo.ECONFLICT)
	MustOK(t, s.CreateUser(ctx, newUser("binh")))

	got, err := s.FindUserByUsername(ctx, "an")
	MustOK(t, err)
	if got.ID != a.ID || got.Name != "Nguyễn Văn an" || got.Role != giamngheo.RoleCommuneOfficer || !got.CreatedAt.Equal(t0) {
		t.Fatalf("FindUserByUsername = %+v", got)
	}
	_, err = s.FindUserByID(ctx, 424242)
	MustCode(t, err, giamngheo.ENOTFOUND)
	_, err = s.FindUserByUsername(ctx, "nobody")
	MustCode(t, err, giamngheo.ENOTFOUND)

	got.Disabled, got.Name = true, "Trần Thị Bình"
	MustOK(t, s.UpdateUser(ctx, got))
	again, err := s.FindUserByID(ctx, a.ID)
	MustOK(t, err)
	if !again.Disabled || again.Name != "Trần Thị Bình" {
		t.Fatalf("UpdateUser not persisted: %+v", again)
	}
	list, total, err := s.FindUsers(ctx, user.Filter{Page: giamngheo.Page{Limit: 1}})
	MustOK(t, err)
	if total != 2 || len(list) != 1 || list[0].Username != "an" {
		t.Fatalf("FindUsers = %d rows, total %d", len(list), total)
	}
}

func testSessions(t *testing.T, s Store) {
	ctx := context.Background()
	u := newUser("an")
	MustOK(t, s.CreateUser(ctx, u))
	sess := &user.Session{TokenHash: "h1", UserID: u.ID, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}
	MustOK(t, s.CreateSession(ctx, sess))
	got, err := s.FindSession(ctx, "h1")
	MustOK(t, err)
	if got.UserID != u.ID || got.Revoked || !got.ExpiresAt.Equal(t0.Add(time.Hour)) || got.TokenHash != "h1" || !got.CreatedAt.Equal(t0) {
		t.Fatalf("FindSession = %+v", got)
	}
	// The session comes with its user, read with it.
	if got.User == nil || got.User.ID != u.ID || got.User.Username != "an" || got.User.Role != u.Role {
		t.Fatalf("FindSession's user = %+v, want %+v", got.User, u)
	}
	_, err = s.FindSession(ctx, "nope")
	MustCode(t, err, giamngheo.EUNAUTHORIZED)
	MustOK(t, s.RevokeSession(ctx, "h1"))
	got, _ = s.FindSession(ctx, "h1")
	if !got.Revoked {
		t.Fatal("session not revoked")
	}
	MustOK(t, s.CreateSession(ctx, &user.Session{TokenHash: "h2", UserID: u.ID, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}))
	MustOK(t, s.RevokeUserSessions(ctx, u.ID))
	got, _ = s.FindSession(ctx, "h2")
	if !got.Revoked {
		t.Fatal("RevokeUserSessions left a session alive")
	}
	MustCode(t, s.CreateSession(ctx, &user.Session{TokenHash: "h3", UserID: 999999, CreatedAt: t0, ExpiresAt: t0}), giamngheo.EINVALID)
}

func testAPITokens(t *testing.T, s Store) {
	ctx := context.Background()
	u := newUser("an")
	MustOK(t, s.CreateUser(ctx, u))
	tok := &user.APIToken{UserID: u.ID, Name: "dhis2", TokenHash: "th", CreatedAt: t0}
	MustOK(t, s.CreateAPIToken(ctx, tok))
	got, err := s.FindAPIToken(ctx, "th")
	MustOK(t, err)
	if got.ID != tok.ID || got.Name != "dhis2" {
		t.Fatalf("FindAPIToken = %+v", got)
	}
	_, err = s.FindAPIToken(ctx, "other")
	MustCode(t, err, giamngheo.EUNAUTHORIZED)
}

func testAuditRollback(t *testing.T, s Store) {
	ctx := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 7, Username: "an", Role: giamngheo.RoleCommuneOfficer})
	boom := giamngheo.Errorf(giamngheo.EINVALID, "hỏng", "broken")
	err := s.WithTx(ctx, func(ctx context.Context) error {
		MustOK(t, s.CreateUser(ctx, newUser("ghost")))
		MustOK(t, audit.Record(ctx, s, t0, "create", "user", "ghost", "10816", nil, map[string]string{"a": "b"}))
		return boom
	})
	if err != boom {
		t.Fatalf("WithTx returned %v, want the callback's error", err)
	}
	_, err = s.FindUserByUsername(ctx, "ghost")
	MustCode(t, err, giamngheo.ENOTFOUND)
	entries, total, err := s.FindAudit(ctx, audit.Filter{})
	MustOK(t, err)
	if total != 0 || len(entries) != 0 {
		t.Fatalf("rolled-back audit entries survived: %d", total)
	}
	MustOK(t, s.WithTx(ctx, func(ctx context.Context) error {
		return audit.Record(ctx, s, t0, "update", "user", "an", "10816", map[string]int{"v": 1}, map[string]int{"v": 2})
	}))
	entries, total, err = s.FindAudit(ctx, audit.Filter{Entity: "user", EntityID: "an"})
	MustOK(t, err)
	if total != 1 || entries[0].Username != "an" || entries[0].UserID != 7 || !entries[0].At.Equal(t0) {
		t.Fatalf("audit = %+v (total %d)", entries, total)
	}
	if string(entries[0].Before) != `{"v": 1}` && string(entries[0].Before) != `{"v":1}` {
		t.Fatalf("audit before = %s", entries[0].Before)
	}
}

// testAuditsInBulk: InsertAudits writes few entries (INSERT) and many (PostgreSQL:
// COPY) alike, JSON, empty values and times kept, in the caller's transaction (undone
// with it) or outside one.
func testAuditsInBulk(t *testing.T, s Store) {
	ctx := context.Background()
	entries := func(n int, job string) []*audit.Entry {
		es := make([]*audit.Entry, n)
		for i := range es {
			es[i] = &audit.Entry{At: t0.Add(time.Duration(i) * time.Second), UserID: 7, Username: "an", Action: "create", Entity: "household",
				EntityID: fmt.Sprintf("HL-%03d", i), ScopeCode: "10816", After: []byte(fmt.Sprintf(`{"code": "HL-%03d", "tên": "Trần Thị Hoa"}`, i)), Job: job}
		}
		es[n-1].After, es[n-1].Before = nil, []byte(`{"v": 1}`)
		return es
	}
	boom := giamngheo.Errorf(giamngheo.EINVALID, "hỏng", "broken")
	if err := s.WithTx(ctx, func(ctx context.Context) error {
		MustOK(t, s.InsertAudits(ctx, entries(30, "undone")))
		return boom
	}); err != boom {
		t.Fatalf("WithTx returned %v", err)
	}
	for _, x := range []struct {
		job string
		n   int
		tx  bool
	}{{"few", 3, true}, {"many", 250, true}, {"many-outside", 40, false}} {
		es := entries(x.n, x.job)
		if x.tx {
			MustOK(t, s.WithTx(ctx, func(ctx context.Context) error { return s.InsertAudits(ctx, es) }))
		} else {
			MustOK(t, s.InsertAudits(ctx, es))
		}
		got, total, err := s.FindAudit(ctx, audit.Filter{Job: x.job, Page: giamngheo.Page{Limit: 500}})
		MustOK(t, err)
		if total != x.n || len(got) != x.n {
			t.Fatalf("%s: %d entries (total %d), want %d", x.job, len(got), total, x.n)
		}
		byID := map[string]*audit.Entry{}
		for _, e := range got {
			byID[e.EntityID] = e
		}
		first, last := byID["HL-000"], byID[fmt.Sprintf("HL-%03d", x.n-1)]
		if first == nil || last == nil || !first.At.Equal(t0) || first.UserID != 7 || first.ScopeCode != "10816" || first.Before != nil ||
			!strings.Contains(string(first.After), "Trần Thị Hoa") || last.After != nil || !strings.Contains(string(last.Before), `"v"`) {
			t.Fatalf("%s: first %+v, last %+v", x.job, first, last)
		}
	}
	if _, total, err := s.FindAudit(ctx, audit.Filter{Job: "undone"}); err != nil || total != 0 {
		t.Fatalf("entries of a rolled-back transaction: %d (%v)", total, err)
	}
}

func service(s Store, now *time.Time) *user.Service {
	return &user.Service{Store: s, Units: s, Audit: s, Tx: s, Now: func() time.Time { return *now }}
}

func testUserService(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := t0
	svc := service(s, &now)
	sys := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)

	_, err := svc.CreateUser(sys, user.NewUser{Username: "x", Password: "rau-muong-xao-toi", Role: giamngheo.RoleViewer})
	MustCode(t, err, giamngheo.EINVALID)
	_, err = svc.CreateUser(sys, user.NewUser{Username: "tinh", Password: "short", Role: giamngheo.RoleProvinceAdmin, ScopeCode: "30"})
	MustCode(t, err, giamngheo.EINVALID)
	_, err = svc.CreateUser(sys, user.NewUser{Username: "tinh", Password: "rau-muong-xao-toi", Role: giamngheo.RoleProvinceAdmin, ScopeCode: "77777"})
	MustCode(t, err, giamngheo.EINVALID)

	admin30, err := svc.CreateUser(sys, user.NewUser{Username: "tinh", Name: "Quản trị", Password: "rau-muong-xao-toi", Role: giamngheo.RoleProvinceAdmin, ScopeCode: "30"})
	MustOK(t, err)
	_, err = svc.CreateUser(sys, user.NewUser{Username: "tinh", Password: "rau-muong-xao-toi", Role: giamngheo.RoleViewer, ScopeCode: "30"})
	MustCode(t, err, giamngheo.ECONFLICT)

	// The province administrator may create a commune officer inside the province,
	// not outside it, and a commune officer may create no one.
	ctx30 := giamngheo.NewContextWithActor(context.Background(), admin30.Actor())
	xa, err := svc.CreateUser(ctx30, user.NewUser{Username: "xa.honglac", Password: "rau-muong-xao-toi", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816"})
	MustOK(t, err)
	_, err = svc.CreateUser(ctx30, user.NewUser{Username: "haiphong", Password: "rau-muong-xao-toi", Role: giamngheo.RoleViewer, ScopeCode: "31"})
	MustCode(t, err, giamngheo.EFORBIDDEN)
	ctxXa := giamngheo.NewContextWithActor(context.Background(), xa.Actor())
	_, err = svc.CreateUser(ctxXa, user.NewUser{Username: "other", Password: "rau-muong-xao-toi", Role: giamngheo.RoleViewer, ScopeCode: "10816"})
	MustCode(t, err, giamngheo.EFORBIDDEN)

	entries, _, err := s.FindAudit(sys, audit.Filter{Entity: "user", EntityID: "xa.honglac"})
	MustOK(t, err)
	if len(entries) != 1 || entries[0].Username != "tinh" || entries[0].Action != "create" {
		t.Fatalf("creation not audited by its author: %+v", entries)
	}

	token, u, err := svc.Login(context.Background(), "XA.HONGLAC ", "rau-muong-xao-toi", "127.0.0.1")
	MustOK(t, err)
	if u.ID != xa.ID {
		t.Fatalf("login returned user %d", u.ID)
	}
	got, err := svc.Authenticate(context.Background(), token)
	MustOK(t, err)
	if got.Username != "xa.honglac" {
		t.Fatalf("Authenticate = %s", got.Username)
	}
	now = now.Add(user.SessionTTL + time.Minute)
	_, err = svc.Authenticate(context.Background(), token)
	MustCode(t, err, giamngheo.EUNAUTHORIZED)

	token, _, err = svc.Login(context.Background(), "xa.honglac", "rau-muong-xao-toi", "127.0.0.1")
	MustOK(t, err)
	MustOK(t, svc.SetDisabled(ctx30, "xa.honglac", true))
	_, err = svc.Authenticate(context.Background(), token)
	MustCode(t, err, giamngheo.EUNAUTHORIZED)
	_, _, err = svc.Login(context.Background(), "xa.honglac", "rau-muong-xao-toi", "127.0.0.1")
	MustCode(t, err, giamngheo.EUNAUTHORIZED)
	MustOK(t, svc.SetDisabled(ctx30, "xa.honglac", false))
	MustOK(t, svc.SetPassword(ctx30, "xa.honglac", "ca-kho-to-niu-2026"))
	_, _, err = svc.Login(context.Background(), "xa.honglac", "rau-muong-xao-toi", "127.0.0.2")
	MustCode(t, err, giamngheo.EUNAUTHORIZED)
	_, _, err = svc.Login(context.Background(), "xa.honglac", "ca-kho-to-niu-2026", "127.0.0.2")
	MustOK(t, err)

	apiToken, err := svc.CreateAPIToken(ctx30, "xa.honglac", "tool")
	MustOK(t, err)
	got, err = svc.AuthenticateAPIToken(context.Background(), apiToken)
	MustOK(t, err)
	if got.ID != xa.ID {
		t.Fatalf("API token user = %d", got.ID)
	}
	list, total, err := svc.FindUsers(ctx30, giamngheo.Page{})
	MustOK(t, err)
	if total != 2 || len(list) != 2 {
		t.Fatalf("province admin sees %d users, want 2 (itself and the commune officer)", total)
	}
}

func testLoginThrottle(t *testing.T, s Store) {
	// Failed logins slow the next attempts, never lock the account: the right
	// password is accepted once the wait is over (user/throttle.go; the full
	// scenarios are in cmd/giamngheo/login_test.go).
	now := t0
	svc := service(s, &now)
	var waited time.Duration
	svc.Sleep = func(ctx context.Context, d time.Duration) error { waited += d; now = now.Add(d); return nil }
	sys := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)
	_, err := svc.CreateUser(sys, user.NewUser{Username: "anvan", Password: "rau-muong-xao-toi", Role: giamngheo.RoleViewer})
	MustOK(t, err)
	for i := 0; i < 8; i++ {
		_, _, err := svc.Login(context.Background(), "anvan", "wrong-password", "10.0.0.1")
		MustCode(t, err, giamngheo.EUNAUTHORIZED)
	}
	if waited == 0 {
		t.Fatal("8 failed logins did not slow the next attempts")
	}
	_, _, err = svc.Login(context.Background(), "anvan", "rau-muong-xao-toi", "10.0.0.1")
	MustOK(t, err)
}
