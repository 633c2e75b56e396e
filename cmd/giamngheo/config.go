package main

import (
	"flag"
	"io"
	"os"
	"strconv"
	"strings"
)

// Config is the configuration of the serve command: flags, then GIAMNGHEO_*
// environment variables for flags not given on the command line.
type Config struct {
	Addr      string
	DB        string
	NoDemo    bool
	LogFormat string
	Provinces string
	// PostingDays is the public-posting period of the review in working days; 0 keeps
	// the default (3, regulations.md §3.4 [U]). Holidays names a holiday calendar file
	// (text or JSON, see review.LoadCalendar) replacing the embedded one.
	PostingDays int
	Holidays    string
	// Card is the B1 score card: a JSON file in poverty's format (the official card
	// entered from Circular 07/2021, Appendices III–IV), "example" for the unofficial
	// example card, or "" for measured income only.
	Card string
	// DemoHouseholds is the size of the synthetic Hải Dương sample seeded at first start.
	DemoHouseholds int
	// SecureCookies marks the cookies Secure and sends HSTS: for a site served over
	// TLS, directly or behind a trusted proxy that terminates it.
	SecureCookies bool
	// MetricsToken is the bearer token /metrics asks for; without one, /metrics
	// answers only requests from the machine itself.
	MetricsToken string
	// DataDir holds the server's files besides the database: the uploads being
	// imported (in DataDir/tmp). Default: the SQLite file's directory, or the current
	// directory with PostgreSQL.
	DataDir string
	// MaxUploadMB bounds an uploaded household file in megabytes (0: 1024).
	MaxUploadMB int
	// PublicAddr, when set, is a second address serving only the public site (issue
	// 17); PublicContent a JSON file of its offices and documents (portal.Content);
	// PublicFiles the directory of the documents' files; PublicRate the requests a
	// minute one address may make to it (0: the default, negative: no limit).
	PublicAddr    string
	PublicContent string
	PublicFiles   string
	PublicRate    int
	// MaxActive the requests served at once (0: one per CPU on SQLite, two on
	// PostgreSQL: maxActive; negative: no bound).
	MaxActive int
}

// DefaultConfig is the configuration of a fresh machine: local address, SQLite file.
func DefaultConfig() Config {
	return Config{Addr: "127.0.0.1:8080", DB: "./giamngheo.db", LogFormat: "text", Provinces: "30,31", DemoHouseholds: 20000}
}

func newFlagSet(name string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	return fs
}

// dbFlag registers --db with its environment default.
func dbFlag(fs *flag.FlagSet, c *Config) {
	fs.StringVar(&c.DB, "db", c.DB, "tệp SQLite hoặc postgres://… / SQLite file or postgres:// DSN (GIAMNGHEO_DB)")
}

// applyEnv fills the fields whose flags were not set from GIAMNGHEO_* variables.
func applyEnv(fs *flag.FlagSet, c *Config) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	env := func(flagName, key string, apply func(string)) {
		if v, ok := os.LookupEnv(key); ok && !set[flagName] && fs.Lookup(flagName) != nil {
			apply(v)
		}
	}
	env("addr", "GIAMNGHEO_ADDR", func(v string) { c.Addr = v })
	env("db", "GIAMNGHEO_DB", func(v string) { c.DB = v })
	env("no-demo", "GIAMNGHEO_NO_DEMO", func(v string) { c.NoDemo, _ = strconv.ParseBool(v) })
	env("log-format", "GIAMNGHEO_LOG_FORMAT", func(v string) { c.LogFormat = strings.ToLower(v) })
	env("provinces", "GIAMNGHEO_PROVINCES", func(v string) { c.Provinces = v })
	env("posting-days", "GIAMNGHEO_POSTING_DAYS", func(v string) { c.PostingDays, _ = strconv.Atoi(v) })
	env("holidays", "GIAMNGHEO_HOLIDAYS", func(v string) { c.Holidays = v })
	env("card", "GIAMNGHEO_CARD", func(v string) { c.Card = v })
	env("demo-households", "GIAMNGHEO_DEMO_HOUSEHOLDS", func(v string) { c.DemoHouseholds, _ = strconv.Atoi(v) })
	env("secure-cookies", "GIAMNGHEO_SECURE_COOKIES", func(v string) { c.SecureCookies, _ = strconv.ParseBool(v) })
	env("metrics-token", "GIAMNGHEO_METRICS_TOKEN", func(v string) { c.MetricsToken = v })
	env("data-dir", "GIAMNGHEO_DATA_DIR", func(v string) { c.DataDir = v })
	env("max-upload-mb", "GIAMNGHEO_MAX_UPLOAD_MB", func(v string) { c.MaxUploadMB, _ = strconv.Atoi(v) })
	env("public-addr", "GIAMNGHEO_PUBLIC_ADDR", func(v string) { c.PublicAddr = v })
	env("public-content", "GIAMNGHEO_PUBLIC_CONTENT", func(v string) { c.PublicContent = v })
	env("public-files", "GIAMNGHEO_PUBLIC_FILES", func(v string) { c.PublicFiles = v })
	env("public-rate", "GIAMNGHEO_PUBLIC_RATE", func(v string) { c.PublicRate, _ = strconv.Atoi(v) })
	env("max-active", "GIAMNGHEO_MAX_ACTIVE", func(v string) { c.MaxActive, _ = strconv.Atoi(v) })
}
