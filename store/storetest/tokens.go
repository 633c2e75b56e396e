package storetest

import (
	"context"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/user"
)

// testAPITokenLifecycle: tokens expire, are listed and revoked by id, and die with a
// password change or a disabled account; re-enabling does not revive them (issue 10
// item 7).
func testAPITokenLifecycle(t *testing.T, s Store) {
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(context.Background(), units, maps))
	now := t0
	svc := service(s, &now)
	svc.TokenTTL = 30 * 24 * time.Hour
	sys := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)
	bg := context.Background()
	admin30, err := svc.CreateUser(sys, user.NewUser{Username: "tinh", Password: "rau-muong-xao-toi", Role: giamngheo.RoleProvinceAdmin, ScopeCode: "30"})
	MustOK(t, err)
	_, err = svc.CreateUser(sys, user.NewUser{Username: "haiphong", Password: "rau-muong-xao-toi", Role: giamngheo.RoleViewer, ScopeCode: "31"})
	MustOK(t, err)
	_, err = svc.CreateUser(sys, user.NewUser{Username: "may", Password: "rau-muong-xao-toi", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816"})
	MustOK(t, err)
	ctx30 := giamngheo.NewContextWithActor(bg, admin30.Actor())

	// Expiry: the configured term, then refused.
	tok1, t1, err := svc.IssueAPIToken(ctx30, "may", "dhis2")
	MustOK(t, err)
	if !t1.ExpiresAt.Equal(t0.Add(30 * 24 * time.Hour)) {
		t.Fatalf("expires_at = %v, want 30 days after %v", t1.ExpiresAt, t0)
	}
	_, err = svc.AuthenticateAPIToken(bg, tok1)
	MustOK(t, err)
	now = t0.Add(30*24*time.Hour - time.Second)
	_, err = svc.AuthenticateAPIToken(bg, tok1)
	MustOK(t, err)
	now = t0.Add(30 * 24 * time.Hour)
	_, err = svc.AuthenticateAPIToken(bg, tok1)
	MustCode(t, err, giamngheo.EUNAUTHORIZED)

	// Listing shows every token with its expiry; another scope's administrator sees
	// neither the tokens nor may revoke them.
	tok2, t2, err := svc.IssueAPIToken(ctx30, "may", "bao-cao")
	MustOK(t, err)
	_, list, err := svc.APITokens(ctx30, "may")
	MustOK(t, err)
	if len(list) != 2 || list[0].ID != t2.ID || list[1].ID != t1.ID || !list[1].ExpiresAt.Equal(t1.ExpiresAt) || list[0].Revoked {
		t.Fatalf("APITokens = %+v", list)
	}
	hpAdmin := giamngheo.NewContextWithActor(bg, &giamngheo.Actor{UserID: 99, Username: "thanhha", Role: giamngheo.RoleProvinceAdmin, ScopeCode: "10813"})
	_, _, err = svc.APITokens(hpAdmin, "may")
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.RevokeAPIToken(hpAdmin, t2.ID)
	MustCode(t, err, giamngheo.ENOTFOUND)
	officer := giamngheo.NewContextWithActor(bg, &giamngheo.Actor{UserID: 98, Username: "may", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10816"})
	_, err = svc.RevokeAPIToken(officer, t2.ID)
	MustCode(t, err, giamngheo.EFORBIDDEN)
	_, err = svc.AuthenticateAPIToken(bg, tok2)
	MustOK(t, err)

	// Revocation by id, recorded with its time and audited.
	now = now.Add(time.Hour)
	got, err := svc.RevokeAPIToken(ctx30, t2.ID)
	MustOK(t, err)
	if !got.Revoked || !got.RevokedAt.Equal(now) {
		t.Fatalf("revoked token = %+v", got)
	}
	_, err = svc.AuthenticateAPIToken(bg, tok2)
	MustCode(t, err, giamngheo.EUNAUTHORIZED)
	stored, err := s.FindAPITokenByID(bg, t2.ID)
	MustOK(t, err)
	if !stored.Revoked || !stored.RevokedAt.Equal(now) {
		t.Fatalf("stored revoked token = %+v", stored)
	}
	_, err = s.FindAPITokenByID(bg, 999999)
	MustCode(t, err, giamngheo.ENOTFOUND)
	entries, _, err := s.FindAudit(bg, audit.Filter{Entity: "api_token"})
	MustOK(t, err)
	if len(entries) != 3 || entries[0].Action != "revoke" || entries[0].Username != "tinh" {
		t.Fatalf("token audit = %+v", entries)
	}

	// A password change revokes the live tokens.
	tok3, _, err := svc.IssueAPIToken(ctx30, "may", "a")
	MustOK(t, err)
	MustOK(t, svc.SetPassword(ctx30, "may", "ca-kho-to-niu-2026"))
	_, err = svc.AuthenticateAPIToken(bg, tok3)
	MustCode(t, err, giamngheo.EUNAUTHORIZED)

	// Disabling revokes them; re-enabling does not revive them; a disabled account
	// gets no new token.
	tok4, _, err := svc.IssueAPIToken(ctx30, "may", "b")
	MustOK(t, err)
	MustOK(t, svc.SetDisabled(ctx30, "may", true))
	_, _, err = svc.IssueAPIToken(ctx30, "may", "c")
	MustCode(t, err, giamngheo.ECONFLICT)
	MustOK(t, svc.SetDisabled(ctx30, "may", false))
	_, err = svc.AuthenticateAPIToken(bg, tok4)
	MustCode(t, err, giamngheo.EUNAUTHORIZED)
	_, list, err = svc.APITokens(ctx30, "may")
	MustOK(t, err)
	for _, tk := range list {
		if !tk.Revoked && tk.Live(now) {
			t.Fatalf("token %d (%s) still live after password change and disable", tk.ID, tk.Name)
		}
	}
	tok5, _, err := svc.IssueAPIToken(ctx30, "may", "d")
	MustOK(t, err)
	_, err = svc.AuthenticateAPIToken(bg, tok5)
	MustOK(t, err)
}

// testAuditAppendOnly: the audit log refuses UPDATE and DELETE whoever asks (a trigger
// on both engines, migration 0006).
func testAuditAppendOnly(t *testing.T, s Store) {
	ctx := giamngheo.NewContextWithActor(context.Background(), giamngheo.System)
	MustOK(t, s.WithTx(ctx, func(ctx context.Context) error {
		return audit.Record(ctx, s, t0, "create", "user", "an", "", nil, map[string]int{"v": 1})
	}))
	ex, ok := s.(interface {
		ExecForTest(ctx context.Context, query string, args ...any) error
	})
	if !ok {
		t.Fatal("store has no ExecForTest (store/export_test.go)")
	}
	for _, q := range []string{`UPDATE audit_log SET username = 'ai-do'`, `DELETE FROM audit_log`} {
		if err := ex.ExecForTest(ctx, q); err == nil {
			t.Errorf("%s: accepted, want refused", q)
		}
	}
	entries, total, err := s.FindAudit(ctx, audit.Filter{})
	MustOK(t, err)
	if total != 1 || entries[0].Username != giamngheo.System.Username {
		t.Fatalf("audit after refused changes = %+v", entries)
	}
}
