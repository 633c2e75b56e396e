package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	gnhttp "giamngheo/http"
	"giamngheo/portal"
	"giamngheo/registry/importfile"
	"giamngheo/registry/imports"
	"giamngheo/user"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// A page allocates a little per row read and per value rendered. At 50 clients on
	// the 650,000-household province, collecting half as often served 15–35 % more
	// pages a second, with p99 mostly lower, for about 100 MB more heap
	// (docs/benchmarks.md, "Session 9"). An explicit GOGC is left as it is.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	c := DefaultConfig()
	fs := newFlagSet("serve", stderr)
	fs.StringVar(&c.Addr, "addr", c.Addr, "địa chỉ lắng nghe / listen address HOST:PORT (GIAMNGHEO_ADDR)")
	dbFlag(fs, &c)
	fs.BoolVar(&c.NoDemo, "no-demo", c.NoDemo, "không nạp dữ liệu mẫu / start without demo data (GIAMNGHEO_NO_DEMO)")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "text | json (GIAMNGHEO_LOG_FORMAT)")
	fs.IntVar(&c.PostingDays, "posting-days", c.PostingDays, "số ngày làm việc niêm yết (mặc định 3) / posting period in working days (GIAMNGHEO_POSTING_DAYS)")
	fs.StringVar(&c.Holidays, "holidays", c.Holidays, "tệp lịch nghỉ lễ / holiday calendar file (GIAMNGHEO_HOLIDAYS)")
	fs.StringVar(&c.Card, "card", c.Card, "bảng điểm B1: tệp JSON, hoặc example (không chính thức) / B1 score card file, or example (GIAMNGHEO_CARD)")
	fs.IntVar(&c.DemoHouseholds, "demo-households", c.DemoHouseholds, "số hộ mẫu nạp lúc đầu / synthetic households seeded at first start (GIAMNGHEO_DEMO_HOUSEHOLDS)")
	fs.StringVar(&c.Provinces, "provinces", c.Provinces, "tỉnh nạp lúc đầu / provinces loaded at first start: codes or 'all' (GIAMNGHEO_PROVINCES)")
	fs.BoolVar(&c.SecureCookies, "secure-cookies", c.SecureCookies, "cookie Secure và HSTS khi chạy qua HTTPS / Secure cookies and HSTS, for a site served over HTTPS (GIAMNGHEO_SECURE_COOKIES)")
	fs.StringVar(&c.MetricsToken, "metrics-token", c.MetricsToken, "mã để đọc /metrics (trống: chỉ máy chủ) / bearer token for /metrics; empty: localhost only (GIAMNGHEO_METRICS_TOKEN)")
	fs.IntVar(&c.MaxUploadMB, "max-upload-mb", c.MaxUploadMB, "cỡ tối đa của tệp nhập, MB (mặc định 1024) / largest upload in MB, default 1024 (GIAMNGHEO_MAX_UPLOAD_MB)")
	fs.StringVar(&c.DataDir, "data-dir", c.DataDir, "thư mục dữ liệu (tệp tạm khi nhập) / data directory, for import temporary files (GIAMNGHEO_DATA_DIR)")
	fs.StringVar(&c.PublicAddr, "public-addr", c.PublicAddr, "địa chỉ riêng của trang công khai / a second address serving only the public site (GIAMNGHEO_PUBLIC_ADDR)")
	fs.StringVar(&c.PublicContent, "public-content", c.PublicContent, "tệp JSON: nơi hỗ trợ, văn bản của trang công khai / JSON file of the public site's offices and documents (GIAMNGHEO_PUBLIC_CONTENT)")
	fs.StringVar(&c.PublicFiles, "public-files", c.PublicFiles, "thư mục tệp văn bản công khai / directory of the public documents' files (GIAMNGHEO_PUBLIC_FILES)")
	fs.IntVar(&c.PublicRate, "public-rate", c.PublicRate, "số yêu cầu mỗi phút của một địa chỉ tới trang công khai (mặc định 600, âm: không giới hạn) / public requests a minute per address (GIAMNGHEO_PUBLIC_RATE)")
	fs.IntVar(&c.MaxActive, "max-active", c.MaxActive, "số yêu cầu được phục vụ cùng lúc, các yêu cầu khác chờ lượt (0: một mỗi CPU với SQLite, hai với PostgreSQL; âm: không giới hạn) / requests served at once, the others waiting their turn (0: one per CPU on SQLite, two on PostgreSQL; negative: no bound; GIAMNGHEO_MAX_ACTIVE)")
	if err := fs.Parse(args); err != nil {
		return errSilent
	}
	applyEnv(fs, &c)
	var logger *slog.Logger
	if c.LogFormat == "json" {
		logger = slog.New(slog.NewJSONHandler(stderr, nil))
	} else {
		logger = slog.New(slog.NewTextHandler(stderr, nil))
	}

	srv, a, err := start(ctx, c, logger, stdout)
	if err != nil {
		return err
	}
	defer a.store.Close()
	s := a.store
	fmt.Fprintf(stdout, "giamngheo %s đang chạy tại / is serving at http://%s (%s)\n", giamngheo.Version, srv.Addr(), s.Dialect())
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve() }()
	// An import whose process died on another machine (a PostgreSQL shared by several
	// servers, a container restarted under a new name) is found dead only by its age:
	// look again while serving, not only at the start (imports.StaleAfter).
	go func() {
		tick := time.NewTicker(imports.StaleAfter / 2)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if err := recoverImports(ctx, a, stdout, false); err != nil {
					logger.Error("recover imports", "err", err)
				}
			}
		}
	}()
	if c.PublicAddr != "" {
		pub, err := servePublic(srv, c.PublicAddr, errc)
		if err != nil {
			srv.Shutdown(context.Background())
			return err
		}
		defer pub.Close()
		fmt.Fprintf(stdout, "trang công khai / public site: http://%s/public\n", pub.Addr)
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(shut)
	}
}

// maxActive is the places of the server's gate (http/gate.go): as configured, or by
// default one per CPU on SQLite, whose reads run on the server's own CPUs, and two per
// CPU on PostgreSQL, whose requests also wait for the database server's answers: with
// one per CPU the CPUs idle meanwhile (issue 13 item 8: 2 → 4 places on 2 CPUs, the
// pages 15–30 % more requests a second; docs/benchmarks.md, "Session 12").
func maxActive(configured int, dialect string) int {
	if configured != 0 {
		return configured
	}
	if dialect == "postgres" {
		return 2 * runtime.GOMAXPROCS(0)
	}
	return runtime.GOMAXPROCS(0)
}

// start opens the store, prepares a new database and binds the server; serve and the
// end-to-end tests share it.
func start(ctx context.Context, c Config, logger *slog.Logger, stdout io.Writer) (*gnhttp.Server, *app, error) {
	s, err := openStore(ctx, c.DB)
	if err != nil {
		return nil, nil, err
	}
	a := newApp(ctx, s)
	srv, err := func() (*gnhttp.Server, error) {
		if err := a.configure(c); err != nil {
			return nil, err
		}
		if err := firstStart(ctx, a, c, stdout); err != nil {
			return nil, err
		}
		if err := recoverImports(ctx, a, stdout, true); err != nil {
			return nil, err
		}
		tmp, err := importTempDir(c, logger)
		if err != nil {
			return nil, err
		}
		content, err := portal.LoadContent(c.PublicContent)
		if err != nil {
			return nil, err
		}
		rs := reportService(s, a.reg)
		srv, err := gnhttp.NewServer(gnhttp.Deps{Users: a.users, Registry: a.reg, Review: a.rev, Simulate: a.sim, Support: a.sup, Plan: a.plan, Jobs: a.job, Card: a.reg.Card, Units: s, Audit: s, Logger: logger,
			Reports: rs, Approvals: approvals(s, rs, a.now), Portal: a.post, PublicContent: content, PublicFiles: c.PublicFiles, PublicRate: c.PublicRate, MaxActive: maxActive(c.MaxActive, s.Dialect()),
			Today:  a.now,
			Ping:   func(ctx context.Context) error { _, err := s.CountUnits(ctx); return err },
			Secure: c.SecureCookies, MetricsToken: c.MetricsToken, TempDir: tmp, MaxUpload: int64(c.MaxUploadMB) << 20})
		if err != nil {
			return nil, err
		}
		return srv, srv.Listen(c.Addr)
	}()
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return srv, a, nil
}

// importTempDir prepares the private directory of the imports' temporary files,
// DataDir/tmp (0700, the files in it 0600), removes what a crashed import left there,
// and makes the importers use it.
func importTempDir(c Config, logger *slog.Logger) (string, error) {
	dir := c.DataDir
	if dir == "" {
		dir = "."
		if !strings.HasPrefix(c.DB, "postgres://") && !strings.HasPrefix(c.DB, "postgresql://") {
			dir = filepath.Dir(c.DB)
		}
	}
	dir = filepath.Join(dir, "tmp")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", giamngheo.Errorf(giamngheo.EINVALID, "Không tạo được thư mục tạm %s: %v", "Cannot create the temporary directory %s: %v", dir, err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return "", err
	}
	n, err := importfile.RemoveStale(dir)
	if err != nil {
		return "", err
	}
	if n > 0 {
		logger.Info("removed the temporary files of interrupted imports", "dir", dir, "files", n)
	}
	importfile.TempDir = dir
	return dir, nil
}

// firstStart loads the administrative units and creates the first administrator
// when the database is new. The administrator's random password is printed once.
func firstStart(ctx context.Context, a *app, c Config, stdout io.Writer) error {
	sys := systemCtx(ctx)
	if err := ensureUnits(ctx, a, c.Provinces, stdout); err != nil {
		return err
	}
	_, total, err := a.store.FindUsers(ctx, user.Filter{Page: giamngheo.Page{Limit: 1}})
	if err != nil {
		return err
	}
	if total == 0 {
		if !c.NoDemo && c.DemoHouseholds > 0 {
			if err := seedDemo(ctx, a, c.DemoHouseholds, stdout); err != nil {
				return err
			}
		}
		pw := user.RandomPassword()
		if _, err := a.users.CreateUser(sys, user.NewUser{Username: "admin", Name: "Quản trị hệ thống", Password: pw, Role: giamngheo.RoleProvinceAdmin}); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Tài khoản quản trị đầu tiên / first administrator:\n  tên đăng nhập / username: admin\n  mật khẩu / password:      %s\n  (chỉ hiện một lần / shown once; đổi bằng / change with: giamngheo user passwd admin)\n", pw)
	}
	return nil
}

// ensureUnits loads the embedded unit catalogues of the provinces into a database that
// has none yet, as serve does at its first start; commands that need the units (import)
// call it too, so that they work on a new database.
func ensureUnits(ctx context.Context, a *app, provinces string, stdout io.Writer) error {
	n, err := a.store.CountUnits(ctx)
	if err != nil || n > 0 {
		return err
	}
	return loadEmbeddedUnits(systemCtx(ctx), a, provinces, stdout)
}

// loadEmbeddedUnits loads the national catalogues embedded in the binary, for the
// given provinces ("all" = the whole country).
func loadEmbeddedUnits(ctx context.Context, a *app, provinces string, stdout io.Writer) error {
	var units []admin.Unit
	var maps []admin.Mapping
	var err error
	if strings.TrimSpace(provinces) == "all" {
		units, maps, err = admin.Embedded()
	} else {
		units, maps, err = admin.EmbeddedProvinces(splitCodes(provinces)...)
	}
	if err != nil {
		return err
	}
	if err := a.units.ImportUnits(ctx, "embedded:"+provinces, units, maps); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã nạp %d phiên bản đơn vị hành chính và %d dòng chuyển đổi / loaded %d unit versions and %d mapping rows\n", len(units), len(maps), len(units), len(maps))
	return nil
}

func splitCodes(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// publicServer is the public site on its own address.
type publicServer struct {
	Addr string
	srv  *http.Server
}

// Close stops the public server.
func (p *publicServer) Close() error { return p.srv.Close() }

// servePublic binds addr and serves the public site alone on it (--public-addr);
// its failure is sent on errc.
func servePublic(srv *gnhttp.Server, addr string, errc chan<- error) (*publicServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Không mở được địa chỉ %s: %v", "Cannot listen on %s: %v", addr, err)
	}
	p := &publicServer{Addr: ln.Addr().String(), srv: &http.Server{Handler: srv.PublicHandler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute}}
	go func() {
		if err := p.srv.Serve(ln); err != nil && err != http.ErrServerClosed {
			errc <- err
		}
	}()
	return p, nil
}
