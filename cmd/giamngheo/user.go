package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"giamngheo"
	"giamngheo/user"
)

// parseInterleaved parses flags that may come before or after positional arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runUser(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Thiếu lệnh con: add, passwd, disable, enable, list, token, tokens, revoke.", "Missing subcommand: add, passwd, disable, enable, list, token, tokens, revoke.")
	}
	c := DefaultConfig()
	var n user.NewUser
	var role, tokenName string
	fs := newFlagSet("user "+args[0], stdout)
	dbFlag(fs, &c)
	fs.StringVar(&n.Name, "name", "", "họ tên / full name")
	fs.StringVar(&role, "role", string(giamngheo.RoleCommuneOfficer), "vai trò / role: province_admin, province_officer, district_officer, commune_officer, agency_officer, viewer")
	fs.StringVar(&n.ScopeCode, "scope", "", "mã đơn vị phạm vi / scope unit code (trống = toàn quốc / empty = whole country)")
	fs.StringVar(&n.Agency, "agency", "", "sở, ngành / agency (agency_officer)")
	fs.StringVar(&n.Password, "password", "", "mật khẩu (nếu trống: đọc một dòng từ stdin, hoặc tạo ngẫu nhiên) / password (else one line from stdin, or random)")
	fs.StringVar(&tokenName, "token-name", "api", "tên mã truy cập / API token name")
	tokenDays := fs.Int("days", int(user.DefaultTokenTTL/(24*time.Hour)), "số ngày mã truy cập còn hiệu lực / days the API token lives (token)")
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	n.Role = giamngheo.Role(role)
	needName := args[0] != "list"
	if needName && len(pos) != 1 {
		if args[0] == "revoke" {
			return giamngheo.Errorf(giamngheo.EINVALID, "Cần đúng một số hiệu mã truy cập (xem: giamngheo user tokens TÊN).", "Exactly one token id is needed (see: giamngheo user tokens NAME).")
		}
		return giamngheo.Errorf(giamngheo.EINVALID, "Cần đúng một tên đăng nhập.", "Exactly one username is needed.")
	}
	if *tokenDays < 1 || *tokenDays > 3650 {
		return giamngheo.Errorf(giamngheo.EINVALID, "--days phải từ 1 đến 3650.", "--days must be between 1 and 3650.")
	}
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return err
	}
	defer s.Close()
	a := newApp(ctx, s)
	sys := systemCtx(ctx)
	switch args[0] {
	case "add":
		n.Username = pos[0]
		shown := n.Password == "" && readPassword(stdin, &n.Password)
		u, err := a.users.CreateUser(sys, n)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã tạo tài khoản / created user %s (%s, %s)\n", u.Username, u.Role, or(u.ScopeCode, "toàn quốc / national"))
		if shown {
			fmt.Fprintf(stdout, "mật khẩu / password: %s\n", n.Password)
		}
	case "passwd":
		pw := n.Password
		shown := pw == "" && readPassword(stdin, &pw)
		if err := a.users.SetPassword(sys, pos[0], pw); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã đổi mật khẩu / password changed for %s\n", pos[0])
		if shown {
			fmt.Fprintf(stdout, "mật khẩu / password: %s\n", pw)
		}
	case "disable", "enable":
		if err := a.users.SetDisabled(sys, pos[0], args[0] == "disable"); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã cập nhật / updated %s\n", pos[0])
	case "token":
		a.users.TokenTTL = time.Duration(*tokenDays) * 24 * time.Hour
		tok, t, err := a.users.IssueAPIToken(sys, pos[0], tokenName)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Mã truy cập số %d, hết hạn %s (chỉ hiện một lần) / API token %d, expires %s (shown once):\n%s\n",
			t.ID, vnTime(t.ExpiresAt), t.ID, vnTime(t.ExpiresAt), tok)
	case "tokens":
		_, ts, err := a.users.APITokens(sys, pos[0])
		if err != nil {
			return err
		}
		now := a.users.Now()
		tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tCREATED\tEXPIRES\tSTATUS")
		for _, t := range ts {
			status := "hiệu lực/live"
			switch {
			case t.Revoked:
				status = "đã thu hồi/revoked " + vnTime(t.RevokedAt)
			case !t.Live(now):
				status = "hết hạn/expired"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", t.ID, t.Name, vnTime(t.CreatedAt), vnTime(t.Expiry()), status)
		}
		return tw.Flush()
	case "revoke":
		id, err := strconv.ParseInt(strings.TrimSpace(pos[0]), 10, 64)
		if err != nil || id <= 0 {
			return giamngheo.Errorf(giamngheo.EINVALID, "Số hiệu mã truy cập không hợp lệ: %q.", "Invalid token id: %q.", pos[0])
		}
		if _, err := a.users.RevokeAPIToken(sys, id); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã thu hồi mã truy cập số %d / API token %d revoked\n", id, id)
	case "list":
		users, _, err := a.users.FindUsers(sys, giamngheo.Page{Limit: 10000})
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "USERNAME\tNAME\tROLE\tSCOPE\tDISABLED")
		for _, u := range users {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\n", u.Username, u.Name, u.Role, u.ScopeCode, u.Disabled)
		}
		return tw.Flush()
	default:
		return giamngheo.Errorf(giamngheo.EINVALID, "Lệnh con không rõ: %s.", "Unknown subcommand: %s.", args[0])
	}
	return nil
}

// readPassword reads one line from stdin into pw, or generates a random password
// when stdin is empty; it reports whether the password was generated (to be shown).
func readPassword(stdin io.Reader, pw *string) bool {
	if stdin != nil {
		sc := bufio.NewScanner(stdin)
		if sc.Scan() {
			if line := strings.TrimRight(sc.Text(), "\r\n"); line != "" {
				*pw = line
				return false
			}
		}
	}
	*pw = user.RandomPassword()
	return true
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// vnTime is a time as officers read it: Vietnam's clock, dd/mm/yyyy hh:mm.
func vnTime(t time.Time) string {
	return t.In(giamngheo.Vietnam).Format("02/01/2006 15:04")
}
