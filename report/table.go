package report

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"giamngheo"
	"giamngheo/admin"
)

// Row is one line of a table: a unit (or a district heading, or the total) and, for
// reports with two lines per unit, the line's name.
type Row struct {
	Code   string    `json:"code,omitempty"`
	Name   string    `json:"name"`
	Kind   string    `json:"kind"` // "unit", "group" (a district before 1 July 2025) or "total"
	Line   string    `json:"line,omitempty"`
	Values []float64 `json:"values"`
}

// Table is a report computed for a unit and a period: what every format renders.
type Table struct {
	Name     string   `json:"name"`
	Number   int      `json:"number"`
	Title    string   `json:"title"`
	Unit     string   `json:"unit"`
	UnitName string   `json:"unit_name"`
	Period   int      `json:"period"`
	From     string   `json:"from"`
	To       string   `json:"to"`
	RowLevel string   `json:"row_level"` // "village", "commune" or "province"
	Columns  []Column `json:"columns"`
	Rows     []Row    `json:"rows"`

	// pending holds the rows of a definition with Specialise until the total is known.
	pending []pendingRow
}

type pendingRow struct {
	row Row
	n   *Numbers
}

// Units is what the reports need of the administrative units.
type Units interface {
	FindUnits(ctx context.Context, f admin.UnitFilter) ([]*admin.Unit, error)
	FindUnitByCode(ctx context.Context, code, asOf string) (*admin.Unit, error)
	FindVillages(ctx context.Context, communeCode string) ([]*admin.Village, error)
}

// Service computes reports inside the actor's scope.
type Service struct {
	Store Store
	Units Units
	// InScope checks the actor's scope (admin.StoreInScope over the units).
	InScope giamngheo.InScopeFunc
	// Households and Members read the named lists (14, 15); nil: no named lists.
	Households ListHouseholds
	Members    MemberLoader
	// Frozen reads the figures frozen by approvals (approval.go); nil: none.
	Frozen interface {
		FrozenCommunes(ctx context.Context, period int, communes []string) (map[string]*Frozen, error)
	}
	// AF holds the operator's defaults of the Alkire–Foster analysis (Analysis).
	AF AFSettings
}

// reformDay is the first day of the two-tier local government (regulations.md §4.4):
// before it, communes are grouped under their district.
const reformDay = "2025-07-01"

// Build computes report name for unit (a commune: rows are its villages; a province:
// its communes; "" the nation: its provinces) over the calendar year period.
func (s *Service) Build(ctx context.Context, name, unit string, period int) (*Table, error) {
	if memoOf(ctx) != nil {
		// The scope is checked on every Build; a memo (memo.go) keeps only the tables.
		if err := giamngheo.RequireScope(ctx, s.InScope, unit); err != nil {
			return nil, err
		}
	}
	return s.memoBuild(ctx, name, unit, period, func() (*Table, error) { return s.buildTable(ctx, name, unit, period) })
}

func (s *Service) buildTable(ctx context.Context, name, unit string, period int) (*Table, error) {
	t, err := s.build(ctx, name, unit, period)
	if err != nil || t.pending == nil {
		return t, err
	}
	// A report whose columns depend on the data: made from the total row's numbers.
	def := Find(name).Specialise(t.pending[len(t.pending)-1].n)
	t.Columns, t.Rows = def.Columns, nil
	for _, p := range t.pending {
		t.addRows(def, p.row, p.n)
	}
	t.pending = nil
	return t, nil
}

func (s *Service) build(ctx context.Context, name, unit string, period int) (*Table, error) {
	def := Find(name)
	if def == nil {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có báo cáo %s.", "No report %s.", name)
	}
	if period < 2000 || period > 2100 {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Kỳ báo cáo phải là một năm (2025).", "The period must be a year (2025).")
	}
	if err := giamngheo.RequireScope(ctx, s.InScope, unit); err != nil {
		return nil, err
	}
	from, to := fmt.Sprintf("%04d-01-01", period), fmt.Sprintf("%04d-12-31", period)
	t := &Table{Name: def.Name, Number: def.Number, Title: def.Title, Unit: unit, UnitName: "Toàn quốc", Period: period, From: from, To: to, Columns: def.Columns}
	// The units as they stood at the end of the period.
	asOf := to
	var rows []rowUnit
	var communes []string
	byVillage := false
	if unit != "" {
		u, err := s.Units.FindUnitByCode(ctx, unit, asOf)
		if err != nil {
			return nil, err
		}
		t.UnitName = u.Name
		switch u.Level {
		case admin.LevelCommune:
			t.RowLevel, byVillage, communes = "village", true, []string{u.Code}
			vs, err := s.Units.FindVillages(ctx, u.Code)
			if err != nil {
				return nil, err
			}
			for _, v := range vs {
				rows = append(rows, rowUnit{code: fmt.Sprint(v.ID), name: v.Name, communes: []string{u.Code}, village: v.ID})
			}
			rows = append(rows, rowUnit{code: "0", name: "Chưa gắn thôn", communes: []string{u.Code}})
		default:
			t.RowLevel = "commune"
			cu, err := communeRowsMemo.Get(ctx, s.Units, [2]string{unit, asOf}, func() (*communeRows, error) { return s.communeRows(ctx, u, asOf) })
			if err != nil {
				return nil, err
			}
			groups := cu.groups
			rows, communes = cu.rows, cu.communes
			numbers, err := s.numbers(ctx, communes, from, to, false, def.Measures(), def.MeasurePrefixes)
			if err != nil {
				return nil, err
			}
			total := newNumbers()
			lastGroup := ""
			var groupNum *Numbers
			flush := func() {
				if groupNum != nil {
					t.addRows(def, Row{Code: lastGroup, Name: groups[lastGroup], Kind: "group"}, groupNum)
				}
			}
			var pending []Row
			var pendingNum []*Numbers
			for _, r := range rows {
				n := numbers[key(r.communes[0], 0)]
				if n == nil {
					n = newNumbers()
				}
				if r.group != lastGroup || groupNum == nil {
					flush()
					for i := range pending {
						t.addRows(def, pending[i], pendingNum[i])
					}
					pending, pendingNum = nil, nil
					lastGroup, groupNum = r.group, nil
					if r.group != "" {
						groupNum = newNumbers()
					}
				}
				if groupNum != nil {
					groupNum.add(n)
				}
				pending = append(pending, Row{Code: r.code, Name: r.name, Kind: "unit"})
				pendingNum = append(pendingNum, n)
				total.add(n)
			}
			flush()
			for i := range pending {
				t.addRows(def, pending[i], pendingNum[i])
			}
			t.addRows(def, Row{Name: "Tổng cộng", Kind: "total"}, total)
			return t, nil
		}
	} else {
		// The nation: one row per province, from the roll-ups summed per province.
		return s.buildNation(ctx, def, t)
	}
	numbers, err := s.numbers(ctx, communes, from, to, byVillage, def.Measures(), def.MeasurePrefixes)
	if err != nil {
		return nil, err
	}
	total := newNumbers()
	for _, r := range rows {
		n := numbers[key(r.communes[0], r.village)]
		if n == nil {
			n = newNumbers()
		}
		total.add(n)
		t.addRows(def, Row{Code: r.code, Name: r.name, Kind: "unit"}, n)
	}
	t.addRows(def, Row{Name: "Tổng cộng", Kind: "total"}, total)
	return t, nil
}

// rowUnit is a row of a report: a unit, its communes (or village), its group.
type rowUnit struct {
	code, name, group string
	communes          []string
	village           int64
}

// communeRows are the rows of a province's or a district's report at a date: its
// communes, grouped by district before 1 July 2025, with the districts' names.
type communeRows struct {
	rows     []rowUnit
	communes []string
	groups   map[string]string
}

// communeRowsMemo remembers them while the units stand (admin.StampMemo): reading a
// province's communes and districts took a third of a flows-only report (issue 14
// item 9). Shared between builds: read, never changed.
var communeRowsMemo = admin.StampMemo[[2]string, *communeRows]{Size: 1024}

func (s *Service) communeRows(ctx context.Context, u *admin.Unit, asOf string) (*communeRows, error) {
	cs, err := s.Units.FindUnits(ctx, admin.UnitFilter{AsOf: asOf, Level: admin.LevelCommune, Province: provinceOf(u)})
	if err != nil {
		return nil, err
	}
	out := &communeRows{groups: map[string]string{}}
	for _, c := range cs {
		if u.Level == admin.LevelDistrict && c.ParentCode != u.Code {
			continue
		}
		g := ""
		if asOf < reformDay && c.ParentCode != u.Code {
			if _, ok := out.groups[c.ParentCode]; !ok {
				d, err := s.Units.FindUnitByCode(ctx, c.ParentCode, asOf)
				if err == nil {
					out.groups[c.ParentCode] = d.Name
				}
			}
			g = c.ParentCode
		}
		out.rows = append(out.rows, rowUnit{code: c.Code, name: c.Name, group: g, communes: []string{c.Code}})
		out.communes = append(out.communes, c.Code)
	}
	sort.SliceStable(out.rows, func(i, j int) bool { return out.rows[i].group < out.rows[j].group })
	return out, nil
}

func provinceOf(u *admin.Unit) string {
	if u.Level == admin.LevelProvince {
		return u.Code
	}
	return ""
}

// unitKey is a commune, or a village of it (0: the commune as a whole), in the
// numbers read for a report.
type unitKey struct {
	commune string
	village int64
}

func key(commune string, village int64) unitKey { return unitKey{commune, village} }

// CellsReader is a Store that reads only some measures of the roll-ups (the store's
// RollupCellsOf); a report then reads its own rows only (Definition.Measures).
type CellsReader interface {
	RollupCellsOf(ctx context.Context, communes []string, byVillage bool, measures, prefixes []string) ([]Cell, error)
}

// numbers reads the roll-ups and flows of the communes, per commune (and village): the
// measures given and those that begin with one of prefixes, or every measure when
// measures is nil.
func (s *Service) numbers(ctx context.Context, communes []string, from, to string, byVillage bool, measures, prefixes []string) (map[unitKey]*Numbers, error) {
	return s.memoNumbers(ctx, communes, from, to, byVillage, measures, prefixes, func() (map[unitKey]*Numbers, error) {
		return s.readNumbers(ctx, communes, from, to, byVillage, measures, prefixes)
	})
}

func (s *Service) readNumbers(ctx context.Context, communes []string, from, to string, byVillage bool, measures, prefixes []string) (map[unitKey]*Numbers, error) {
	out := map[unitKey]*Numbers{}
	// The rows come commune by commune: the last one is kept at hand.
	var lastKey unitKey
	var last *Numbers
	get := func(k unitKey) *Numbers {
		if last != nil && k == lastKey {
			return last
		}
		n := out[k]
		if n == nil {
			n = newNumbers()
			out[k] = n
		}
		lastKey, last = k, n
		return n
	}
	// The communes of an approved period read the figures frozen at the approval
	// (issue 14 item 3); the others the live roll-ups.
	var frozen map[string]*Frozen
	if s.Frozen != nil && len(from) >= 4 {
		period, _ := strconv.Atoi(from[:4])
		var err error
		if frozen, err = s.Frozen.FrozenCommunes(ctx, period, communes); err != nil {
			return nil, err
		}
	}
	live := communes
	if len(frozen) > 0 {
		live = make([]string, 0, len(communes))
		for _, c := range communes {
			if frozen[c] == nil {
				live = append(live, c)
			}
		}
	}
	village := func(v int64) int64 {
		if byVillage {
			return v
		}
		return 0
	}
	var cells []Cell
	var flows []Flow
	if len(live) > 0 {
		var err error
		if cells, err = s.rollupCells(ctx, live, byVillage, measures, prefixes); err != nil {
			return nil, err
		}
		if flows, err = s.Store.RollupFlows(ctx, live, from, to, byVillage); err != nil {
			return nil, err
		}
	}
	// The cells may be a memo's (shared): the frozen ones go on a copy.
	cells = cells[:len(cells):len(cells)]
	for _, f := range frozen {
		cells = append(cells, f.Cells...)
		flows = append(flows, f.Flows...)
	}
	for _, c := range cells {
		get(key(c.CommuneCode, village(c.VillageID))).addCell(c.Status, c.Measure, c.N)
	}
	for _, f := range flows {
		get(key(f.CommuneCode, village(f.VillageID))).addFlow(f.Status, f.Kind, f.Day == "in", f.Households, f.Persons)
	}
	return out, nil
}

// addRows appends the lines of one unit.
func (t *Table) addRows(def *Definition, r Row, n *Numbers) {
	if def.Specialise != nil {
		t.pending = append(t.pending, pendingRow{r, n})
		return
	}
	for i, vals := range def.Values(n) {
		row := r
		row.Line, row.Values = def.Lines[i], vals
		t.Rows = append(t.Rows, row)
	}
}
