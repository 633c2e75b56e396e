package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

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
		return giamngheo.Errorf(giamngheo.EINVALID, "Thiếu lệnh con: add, passwd, disable, enable, list, token.", "Missing subcommand: add, passwd, disable, enable, list, token.")
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
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	n.Role = giamngheo.Role(role)
	needName := args[0] != "list"
	if needName && len(pos) != 1 {
		return giamngheo.Errorf(giamngheo.EINVALID, "Cần đúng một tên đăng nhập.", "Exactly one username is needed.")
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
		tok, err := a.users.CreateAPIToken(sys, pos[0], tokenName)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Mã truy cập (chỉ hiện một lần) / API token (shown once):\n%s\n", tok)
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
