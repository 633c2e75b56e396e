package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"giamngheo"
)

// TestUserTokensCLI: `user token --days`, `user tokens NAME` and `user revoke ID`; a
// token expires, is revoked by id, and dies with a password change or a disabled
// account, which re-enabling does not undo (issue 10 item 7).
func TestUserTokensCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	t.Setenv("GIAMNGHEO_NOW", "2026-12-01T09:00:00+07:00")
	cli := func(want int, args ...string) string {
		t.Helper()
		var out bytes.Buffer
		if code := run(context.Background(), append(args, "--db", db), strings.NewReader(""), &out, &out); code != want {
			t.Fatalf("%q: exit %d, want %d:\n%s", args, code, want, out.String())
		}
		return out.String()
	}
	auth := func(token string) error {
		t.Helper()
		s, err := openStore(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		clock, _ := envClock()
		_, err = newApp(withClock(context.Background(), clock), s).users.AuthenticateAPIToken(context.Background(), token)
		return err
	}
	tokenRe := regexp.MustCompile(`API token (\d+), expires (\S+ \S+) \(shown once\):\n(gn_\S+)`)
	issue := func(days string) (id, expires, token string) {
		t.Helper()
		m := tokenRe.FindStringSubmatch(cli(0, "user", "token", "may.tinh", "--token-name", "dhis2", "--days", days))
		if m == nil {
			t.Fatal("no token printed")
		}
		return m[1], m[2], m[3]
	}
	cli(0, "user", "add", "may.tinh", "--role", "viewer", "--password", testPassword)
	cli(1, "user", "token", "may.tinh", "--days", "0")

	id1, exp1, tok1 := issue("10")
	if exp1 != "11/12/2026 09:00" {
		t.Fatalf("expires %s, want 11/12/2026 09:00 (10 days, Vietnam time)", exp1)
	}
	if err := auth(tok1); err != nil {
		t.Fatalf("fresh token refused: %v", err)
	}
	out := cli(0, "user", "tokens", "may.tinh")
	if !regexp.MustCompile(`(?m)^` + id1 + `\s+dhis2\s+01/12/2026 09:00\s+11/12/2026 09:00\s+hiệu lực/live`).MatchString(out) {
		t.Fatalf("tokens:\n%s", out)
	}
	// Ten days on, it has expired.
	t.Setenv("GIAMNGHEO_NOW", "2026-12-11T09:01:00+07:00")
	if err := auth(tok1); giamngheo.ErrorCode(err) != giamngheo.EUNAUTHORIZED {
		t.Fatalf("expired token: %v", err)
	}
	if out := cli(0, "user", "tokens", "may.tinh"); !strings.Contains(out, "hết hạn/expired") {
		t.Fatalf("tokens after expiry:\n%s", out)
	}
	// Revoked by id.
	id2, _, tok2 := issue("90")
	cli(0, "user", "revoke", id2)
	if err := auth(tok2); giamngheo.ErrorCode(err) != giamngheo.EUNAUTHORIZED {
		t.Fatalf("revoked token: %v", err)
	}
	if out := cli(0, "user", "tokens", "may.tinh"); !regexp.MustCompile(`(?m)^` + id2 + `\s.*đã thu hồi/revoked 11/12/2026 09:01`).MatchString(out) {
		t.Fatalf("tokens after revoke:\n%s", out)
	}
	cli(1, "user", "revoke", "999")
	cli(1, "user", "revoke", "abc")
	// A password change, then disabling, revoke; re-enabling does not revive.
	_, _, tok3 := issue("90")
	cli(0, "user", "passwd", "may.tinh", "--password", testPassword+"x")
	if err := auth(tok3); giamngheo.ErrorCode(err) != giamngheo.EUNAUTHORIZED {
		t.Fatalf("token after password change: %v", err)
	}
	_, _, tok4 := issue("90")
	cli(0, "user", "disable", "may.tinh")
	cli(0, "user", "enable", "may.tinh")
	if err := auth(tok4); giamngheo.ErrorCode(err) != giamngheo.EUNAUTHORIZED {
		t.Fatalf("token after disable and enable: %v", err)
	}
	_, _, tok5 := issue("90")
	if err := auth(tok5); err != nil {
		t.Fatalf("new token after re-enabling refused: %v", err)
	}
}
