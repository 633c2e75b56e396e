package simulate

import (
	"context"
	"errors"
	"runtime"
	"sort"
	"strconv"
	"sync"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// maxIssues bounds the unclassifiable households shown (all are counted).
const maxIssues = 100

// mayRun reports whether a role may simulate: the officers who plan the programme
// (province and commune officers, and the district and province administration).
func mayRun(r giamngheo.Role) bool {
	switch r {
	case giamngheo.RoleProvinceAdmin, giamngheo.RoleProvinceOfficer, giamngheo.RoleDistrictOfficer, giamngheo.RoleCommuneOfficer:
		return true
	}
	return false
}

// Run simulates p within the actor's scope. It reads the registry once, streaming, and
// writes nothing.
func (s *Service) Run(ctx context.Context, p Params) (*Result, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if !mayRun(a.Role) {
		return nil, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Chỉ cán bộ tỉnh, huyện, xã được chạy mô phỏng.", "Only province, district and commune officers may run a simulation.")
	}
	if p.Standard == nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Chọn chuẩn nghèo để mô phỏng.", "Choose the standard to simulate.")
	}
	if err := p.Standard.Validate(); err != nil {
		return nil, err
	}
	for i := range p.Costs {
		if err := p.Costs[i].Validate(); err != nil {
			return nil, err
		}
	}
	unit := p.Unit
	if unit == "" {
		unit = a.ScopeCode
	}
	if err := giamngheo.RequireScope(ctx, func(ctx context.Context, scope, code string) (bool, error) {
		return admin.StoreInScope(ctx, s.Units, scope, code)
	}, unit); err != nil {
		return nil, err
	}
	if p.Date.IsZero() {
		p.Date = s.Now()
	}
	if p.Standards == nil {
		p.Standards = poverty.Standards()
	}
	if p.MaxChanges <= 0 {
		p.MaxChanges = 1000
	}
	r := &Result{Standard: p.Standard.ID, StandardName: p.Standard.Name, Date: poverty.DateOf(p.Date), UnitCode: unit, UnitName: "Toàn quốc", RowLevel: "province", Changes: []Change{}}
	var communes []string
	if unit != "" {
		u, err := s.Units.FindUnitByCode(ctx, unit, "")
		if err != nil {
			return nil, err
		}
		r.UnitName = u.Name
		r.RowLevel = "commune"
		if u.Level == admin.LevelCommune {
			r.RowLevel = "village"
		}
		if communes, err = registry.CommunesUnder(ctx, s.Units, unit); err != nil {
			return nil, err
		}
		sort.Strings(communes)
	}
	parts := splitCommunes(communes, s.parts())
	runs := make([]*runner, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		runs[i] = newRunner(s, p, &Result{RowLevel: r.RowLevel, Changes: []Change{}})
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each part holds two read connections while it runs (the households'
			// cursor and its members' batches): the parts running at once, over all
			// simulations, are bounded so that pages always find a connection.
			select {
			case partSlots <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				return
			}
			defer func() { <-partSlots }()
			errs[i] = s.Store.EachSurvey(ctx, part, runs[i].household)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	run := newRunner(s, p, r)
	for _, part := range runs {
		run.absorb(part)
	}
	if err := run.finish(ctx); err != nil {
		return nil, err
	}
	return r, nil
}

// partSlots bounds the parts read at once by all simulations of the process: 2 parts
// hold 4 read connections, of the 8 or more of the store's read pool
// (store.OpenSQLite; PostgreSQL's pool is larger).
var partSlots = make(chan struct{}, 2)

// parts is how many readers a simulation runs at once: one per processor, at most 4
// (each holds two read connections while it runs; partSlots bounds them all).
func (s *Service) parts() int {
	if s.Parallel > 0 {
		return s.Parallel
	}
	return min(4, runtime.GOMAXPROCS(0))
}

// splitCommunes cuts the sorted communes into at most n runs of consecutive communes,
// read at once, so that the concatenation of their results is in commune order; all
// communes (nil) are one run.
func splitCommunes(communes []string, n int) [][]string {
	if communes == nil || n <= 1 || len(communes) < 2 {
		return [][]string{communes}
	}
	n = min(n, len(communes))
	parts := make([][]string, 0, n)
	for i := range n {
		parts = append(parts, communes[i*len(communes)/n:(i+1)*len(communes)/n])
	}
	return parts
}

func newRunner(s *Service, p Params, r *Result) *runner {
	return &runner{s: s, p: p, r: r, ref: poverty.DateOf(p.Date), rows: map[string]*Row{}, areas: map[string]poverty.Area{}, bases: map[string]*poverty.Standard{}}
}

// absorb adds the counts of a part read by another runner; parts are absorbed in
// commune order, so the changes and issues stay in that order and the first
// MaxChanges (maxIssues) are kept, as one reader would keep them.
func (run *runner) absorb(o *runner) {
	r, x := run.r, o.r
	for key, row := range o.rows {
		if mine := run.rows[key]; mine != nil {
			mine.merge(row)
		} else {
			run.rows[key] = row
		}
	}
	for i := range r.SurveyToSimulated {
		for j := range r.SurveyToSimulated[i] {
			r.SurveyToSimulated[i][j] += x.SurveyToSimulated[i][j]
			r.StatusToSimulated[i][j] += x.StatusToSimulated[i][j]
		}
	}
	r.ChangedVsStatus.add(x.ChangedVsStatus)
	r.ChangedVsSurvey.add(x.ChangedVsSurvey)
	for _, c := range x.Changes {
		if len(r.Changes) >= run.p.MaxChanges {
			r.Truncated = true
			break
		}
		r.Changes = append(r.Changes, c)
	}
	r.Truncated = r.Truncated || x.Truncated
	r.Invalid += x.Invalid
	for _, is := range x.Issues {
		if len(r.Issues) < maxIssues {
			r.Issues = append(r.Issues, is)
		}
	}
	for i := range run.unknown {
		run.unknown[i] += o.unknown[i]
		run.decisive[i] += o.decisive[i]
	}
}

// runner holds the state of one simulation.
type runner struct {
	s     *Service
	p     Params
	r     *Result
	ref   poverty.Date // p.Date in Vietnam
	facts poverty.FactsClassifier
	rows  map[string]*Row
	areas map[string]poverty.Area // commune → area; "" when the commune is unknown
	bases map[string]*poverty.Standard
	// unknown counts households per undecided indicator, decisive those near-poor
	// that would be poor with them deprived.
	unknown, decisive [16]int
}

// rowKey is the row a household falls in.
func (run *runner) rowKey(h *Household) string {
	switch run.r.RowLevel {
	case "province":
		return h.ProvinceCode
	case "commune":
		return h.CommuneCode
	}
	if h.VillageID != 0 {
		return strconv.FormatInt(h.VillageID, 10)
	}
	return "name:" + h.VillageName
}

func (run *runner) area(ctx context.Context, commune string) poverty.Area {
	if a, ok := run.areas[commune]; ok {
		return a
	}
	var a poverty.Area
	u, err := run.s.Units.FindUnitByCode(ctx, commune, run.r.Date.String())
	if err != nil {
		u, err = run.s.Units.FindUnitByCode(ctx, commune, "")
	}
	if err == nil && u.Level == admin.LevelCommune {
		// Decree 07/2021/NĐ-CP, Art. 3: the area of residence selects the lines; the
		// household's own Area overrides its commune's type.
		a = poverty.Rural
		if u.Urban() {
			a = poverty.Urban
		}
	}
	run.areas[commune] = a
	return a
}

// baseline is the standard of the household's current result, or nil.
func (run *runner) baseline(id string) *poverty.Standard {
	if s, ok := run.bases[id]; ok {
		return s
	}
	var s *poverty.Standard
	if id != "" {
		s, _ = run.p.Standards.ByID(id)
	}
	if s == nil {
		s, _ = run.p.Standards.InForce(run.p.Date)
	}
	run.bases[id] = s
	return s
}

// classify applies std to h as the registry does: a B1 score card decides the income
// test only under a standard that has a score line (Circular 07/2021/TT-BLĐTBXH);
// under 2027–2030 (Decree 351/2025/NĐ-CP, no B1 line) the measured income does.
func (run *runner) classify(h *Household, std *poverty.Standard, area poverty.Area) (poverty.Result, error) {
	if h.Facts != nil {
		var r poverty.Result
		err := run.facts.Classify(&r, h.Facts, std, area, run.ref)
		return r, err
	}
	ans := &h.Answers
	if len(ans.ScoreAnswers) > 0 && !std.HasScoreLine() {
		if ans.Income12m == nil {
			return poverty.Result{}, &giamngheo.Error{Code: giamngheo.EINVALID, Field: "income_12m",
				Message:   "Chuẩn " + std.ID + " không dùng bảng điểm B1: cần tổng thu nhập 12 tháng của hộ.",
				MessageEN: "Standard " + std.ID + " has no B1 score card: the household's 12-month income is needed."}
		}
		sa, region := ans.ScoreAnswers, ans.Region
		ans.ScoreAnswers, ans.Region = nil, ""
		r, err := poverty.Classify(ans, std, area, run.p.Date, nil)
		ans.ScoreAnswers, ans.Region = sa, region
		return r, err
	}
	return poverty.Classify(ans, std, area, run.p.Date, run.s.Card)
}

func (run *runner) household(h *Household) error {
	ctx := context.Background()
	key := run.rowKey(h)
	row := run.rows[key]
	if row == nil {
		row = &Row{Code: key}
		if run.r.RowLevel == "village" && h.VillageID == 0 {
			row.Name = h.VillageName
		}
		run.rows[key] = row
	}
	persons, pupils := poverty.FactsMembers(h.Facts)
	if h.Facts == nil {
		persons = len(h.Answers.Members)
		for i := range h.Answers.Members {
			if s := h.Answers.Members[i].Schooling; s == poverty.SchoolingStudying || s == poverty.SchoolingStudyingBelowLevel {
				pupils++
			}
		}
	}
	status, survey := ClassIndex(h.Status), ClassIndex(h.Class)
	row.Recognised.add(status, persons, pupils)
	row.Survey.add(survey, persons, pupils)

	sim, err := run.classify(h, run.p.Standard, run.area(ctx, h.CommuneCode))
	if err != nil {
		var e *giamngheo.Error
		if !errors.As(err, &e) {
			return err
		}
		row.Simulated.add(IdxInvalid, persons, pupils)
		row.IfDeprived.add(IdxInvalid, persons, pupils)
		run.r.Invalid++
		if len(run.r.Issues) < maxIssues {
			run.r.Issues = append(run.r.Issues, Issue{HouseholdID: h.ID, Code: h.Code, CommuneCode: h.CommuneCode, Field: e.Field, Message: e.Message, MessageEN: giamngheo.ErrorMessageEN(err)})
		}
		return nil
	}
	// Decree 07/2021/NĐ-CP, Art. 3.2: income AND deprivations. An undecided indicator
	// can only turn a near-poor household poor (Result.Provisional), never change the
	// income test, so the class with unknown indicators deprived is poor or the same.
	simIdx, ifIdx := ClassIndex(sim.Class), ClassIndex(sim.Class)
	if sim.Provisional {
		ifIdx = IdxPoor
	}
	row.Simulated.add(simIdx, persons, pupils)
	row.IfDeprived.add(ifIdx, persons, pupils)
	run.r.SurveyToSimulated[survey][simIdx]++
	run.r.StatusToSimulated[status][simIdx]++
	for u := sim.Unknown; u != 0; u &= u - 1 {
		i := trailing(u)
		run.unknown[i]++
		if sim.Provisional {
			run.decisive[i]++
		}
	}
	vsStatus := [2]bool{differs(status, simIdx), differs(status, ifIdx)}
	vsSurvey := [2]bool{survey != simIdx, survey != ifIdx}
	run.r.ChangedVsStatus.note(vsStatus[0], vsStatus[1])
	run.r.ChangedVsSurvey.note(vsSurvey[0], vsSurvey[1])
	if !(vsStatus[0] || vsStatus[1] || vsSurvey[0] || vsSurvey[1]) {
		return nil
	}
	if len(run.r.Changes) >= run.p.MaxChanges {
		run.r.Truncated = true
		return nil
	}
	c := Change{HouseholdID: h.ID, Code: h.Code, CommuneCode: h.CommuneCode, VillageName: h.VillageName, Persons: persons,
		Status: h.Status, Survey: h.Class, Simulated: sim.Class, IfDeprived: sim.Class}
	if sim.Provisional {
		c.IfDeprived = poverty.Poor
	}
	var base *poverty.Result
	if std := run.baseline(h.StandardID); std != nil {
		if b, err := run.classify(h, std, run.area(ctx, h.CommuneCode)); err == nil {
			base = &b
		}
	}
	c.Reason = reason(base, &sim, h.Class, run.p.Standard.PoorMinDeprivations)
	run.r.Changes = append(run.r.Changes, c)
	return nil
}

// differs reports whether a simulated class differs from a recognised status: a
// household on no list (status "") keeps that position when neither poor, near-poor
// nor middle.
func differs(status, sim int) bool {
	if status == IdxNone {
		return sim != IdxNotPoor
	}
	return status != sim
}

func trailing(s poverty.IndicatorSet) int {
	n := 0
	for s&1 == 0 {
		s >>= 1
		n++
	}
	return n
}

// finish names the rows, sorts them, sums the total and costs the support.
func (run *runner) finish(ctx context.Context) error {
	r := run.r
	var villages map[string]string
	if r.RowLevel == "village" {
		vs, err := run.s.Units.FindVillages(ctx, r.UnitCode)
		if err != nil {
			return err
		}
		villages = map[string]string{}
		for _, v := range vs {
			villages[strconv.FormatInt(v.ID, 10)] = v.Name
		}
	}
	for key, row := range run.rows {
		switch {
		case villages != nil && row.Name == "":
			row.Name = villages[key]
			if row.Name == "" {
				row.Name = "Thôn " + key
			}
		case villages != nil:
			row.Code = ""
		default:
			if u, err := run.s.Units.FindUnitByCode(ctx, key, ""); err == nil {
				row.Name = u.Name
			} else {
				row.Name = key
			}
		}
		if row.Name == "" {
			row.Name = "(chưa ghi thôn / no village)"
		}
		r.Rows = append(r.Rows, row)
	}
	sort.Slice(r.Rows, func(i, j int) bool {
		if r.Rows[i].Code != r.Rows[j].Code {
			return r.Rows[i].Code < r.Rows[j].Code
		}
		return r.Rows[i].Name < r.Rows[j].Name
	})
	if r.Rows == nil {
		r.Rows = []*Row{}
	}
	r.Total.Name = r.UnitName
	r.Total.Code = r.UnitCode
	for _, row := range r.Rows {
		r.Total.merge(row)
	}
	r.Unknown = []Unknown{}
	for i, k := range poverty.IndicatorKeys {
		if run.unknown[i] > 0 {
			r.Unknown = append(r.Unknown, Unknown{Key: k, Name: IndicatorName(k), Households: run.unknown[i], Decisive: run.decisive[i]})
		}
	}
	for _, c := range run.p.Costs {
		r.Costs = append(r.Costs, costOf(c, &r.Total))
	}
	return nil
}
