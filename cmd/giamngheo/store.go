package main

import (
	"context"
	"os"
	"strings"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/jobs"
	"giamngheo/plan"
	"giamngheo/portal"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/report"
	"giamngheo/review"
	"giamngheo/simulate"
	sqlstore "giamngheo/store"
	"giamngheo/support"
	"giamngheo/user"
)

// store is what the binary needs of a store; giamngheo/store implements it on both engines.
type store interface {
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
	report.ApprovalStore
	plan.Store
	portal.Store
	jobs.Store
	Migrate(ctx context.Context) ([]string, error)
	Dialect() string
	Close() error
}

// openStoreNoMigrate opens PostgreSQL for a postgres:// DSN, else the SQLite file.
func openStoreNoMigrate(ctx context.Context, dsn string) (store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return sqlstore.OpenPostgres(ctx, dsn)
	}
	return sqlstore.OpenSQLite(ctx, dsn)
}

// openStore opens the store and applies pending migrations.
func openStore(ctx context.Context, dsn string) (store, error) {
	s, err := openStoreNoMigrate(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// app bundles the store and the services over it.
type app struct {
	store store
	users *user.Service
	units *admin.Service
	reg   *registry.Service
	rev   *review.Service
	sim   *simulate.Service
	sup   *support.Service
	plan  *plan.Service
	post  *portal.Service
	job   *jobs.Service
	// now is the one clock of the binary: services, pages and files read it.
	now giamngheo.Clock
}

// newApp wires the services over s with the clock carried by ctx (clockOf).
func newApp(ctx context.Context, s store) *app {
	now := clockOf(ctx)
	a := &app{
		store: s,
		now:   now,
		users: &user.Service{Store: s, Units: s, Audit: s, Tx: s, Now: now},
		units: &admin.Service{Store: s, Audit: s, Tx: s, Now: now},
		reg:   &registry.Service{Store: s, Units: s, Audit: s, Tx: s, Now: now, Traits: traitRules()},
	}
	a.sim = &simulate.Service{Store: s, Units: s, Card: a.reg.Card, Now: now}
	a.rev = &review.Service{Store: s, Registry: a.reg, Units: s, Audit: s, Tx: s, Now: now, Config: review.DefaultConfig()}
	a.sup = &support.Service{Store: s, Registry: a.reg, Units: s, Audit: s, Tx: s, Now: now, Rollups: s}
	a.plan = &plan.Service{Store: s, Support: a.sup, Rollups: s, Units: s, Audit: s, Tx: s, Now: now}
	a.post = &portal.Service{Store: s, Audit: s, Tx: s, Now: now, InScope: func(ctx context.Context, scope, unit string) (bool, error) {
		return admin.StoreInScope(ctx, s, scope, unit)
	}}
	a.job = &jobs.Service{Store: s, Registry: a.reg, Support: a.sup, Units: s, Audit: s, Tx: s, Now: now}
	return a
}

// systemCtx is the context of CLI commands: they act as the system (national scope).
func systemCtx(ctx context.Context) context.Context {
	return giamngheo.NewContextWithActor(ctx, giamngheo.System)
}

// configure applies the review settings of the configuration: the posting period and
// the holiday calendar (both [U] in regulations.md §3.4, so both are configuration).
func (a *app) configure(c Config) error {
	if c.PostingDays < 0 || c.PostingDays > 30 {
		return giamngheo.Errorf(giamngheo.EINVALID, "--posting-days phải từ 1 đến 30.", "--posting-days must be 1 to 30.")
	}
	if c.PostingDays > 0 {
		a.rev.Config.PostingDays = c.PostingDays
	}
	switch c.Card {
	case "":
	case "example":
		a.reg.Card = poverty.ExampleScoreCard()
	default:
		f, err := os.Open(c.Card)
		if err != nil {
			return giamngheo.Errorf(giamngheo.EINVALID, "Không mở được tệp bảng điểm %s: %v", "Cannot open the score card %s: %v", c.Card, err)
		}
		card, err := poverty.LoadScoreCard(f)
		f.Close()
		if err != nil {
			return err
		}
		a.reg.Card = card
	}
	a.sim.Card = a.reg.Card
	if c.Holidays != "" {
		f, err := os.Open(c.Holidays)
		if err != nil {
			return giamngheo.Errorf(giamngheo.EINVALID, "Không mở được tệp lịch nghỉ %s: %v", "Cannot open the holiday file %s: %v", c.Holidays, err)
		}
		defer f.Close()
		cal, err := review.LoadCalendar(f)
		if err != nil {
			return err
		}
		a.rev.Config.Calendar = cal
	}
	return a.rev.Config.Validate()
}
