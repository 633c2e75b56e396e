package report

import (
	"context"
	"strconv"
	"strings"
	"sync"
)

// Memo keeps, for the while a caller chooses, what the reports read and compute: a
// page that shows several reports of one unit (the dashboard: reports 1 to 7 of the
// year and reports 2 and 3 of every year of the trend) reads the roll-ups of the unit's
// communes once, and each report once, instead of once per report. The tables it
// keeps are shared: a caller reads them, never changes them. The scope is checked on
// every Build, memo or not.
type Memo struct {
	mu      sync.Mutex
	calls   map[string]*memoCall
	numbers map[string]*memoCall
	cells   map[string]*memoCall
}

// memoCall is one computation, made once for everyone who asks for it.
type memoCall struct {
	once sync.Once
	v    any
	err  error
}

type memoKey struct{}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{} }

// WithMemo returns ctx carrying m: the reports built with it share what m keeps.
func WithMemo(ctx context.Context, m *Memo) context.Context {
	return context.WithValue(ctx, memoKey{}, m)
}

func memoOf(ctx context.Context) *Memo {
	m, _ := ctx.Value(memoKey{}).(*Memo)
	return m
}

// do returns what f returns for key in table, calling f once per key.
func (m *Memo) do(table *map[string]*memoCall, key string, f func() (any, error)) (any, error) {
	m.mu.Lock()
	if *table == nil {
		*table = map[string]*memoCall{}
	}
	c := (*table)[key]
	if c == nil {
		c = &memoCall{}
		(*table)[key] = c
	}
	m.mu.Unlock()
	c.once.Do(func() { c.v, c.err = f() })
	return c.v, c.err
}

// memoBuild is Build through the context's memo, if any (the caller has checked the
// scope).
func (s *Service) memoBuild(ctx context.Context, name, unit string, period int, build func() (*Table, error)) (*Table, error) {
	m := memoOf(ctx)
	if m == nil {
		return build()
	}
	v, err := m.do(&m.calls, name+"|"+unit+"|"+strconv.Itoa(period), func() (any, error) { return build() })
	t, _ := v.(*Table)
	return t, err
}

// memoNumbers is numbers through the context's memo, if any.
func (s *Service) memoNumbers(ctx context.Context, communes []string, from, to string, byVillage bool, measures, prefixes []string, read func() (map[unitKey]*Numbers, error)) (map[unitKey]*Numbers, error) {
	m := memoOf(ctx)
	if m == nil {
		return read()
	}
	v, err := m.do(&m.numbers, from+"|"+to+"|"+cellsKey(communes, byVillage, measures, prefixes), func() (any, error) { return read() })
	n, _ := v.(map[unitKey]*Numbers)
	return n, err
}

// cellsKey names the cells of the communes and measures (nil measures: all of them).
func cellsKey(communes []string, byVillage bool, measures, prefixes []string) string {
	all := "all"
	if measures != nil {
		all = strings.Join(measures, ",") + "|" + strings.Join(prefixes, ",")
	}
	return strconv.FormatBool(byVillage) + "|" + all + "|" + strings.Join(communes, ",")
}

// rollupCells reads the roll-up cells of the communes (only the measures given, when
// the store can: CellsReader), through the context's memo, if any.
func (s *Service) rollupCells(ctx context.Context, communes []string, byVillage bool, measures, prefixes []string) ([]Cell, error) {
	read := func() ([]Cell, error) {
		if cr, ok := s.Store.(CellsReader); ok && measures != nil {
			return cr.RollupCellsOf(ctx, communes, byVillage, measures, prefixes)
		}
		return s.Store.RollupCells(ctx, communes, byVillage)
	}
	m := memoOf(ctx)
	if m == nil {
		return read()
	}
	v, err := m.do(&m.cells, cellsKey(communes, byVillage, measures, prefixes), func() (any, error) { return read() })
	c, _ := v.([]Cell)
	return c, err
}
