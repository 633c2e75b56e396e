package registry

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/vntext"
)

// OldMap carries the households of a file made before a reorganisation (the commune
// codes of the old map, e.g. a 2024 list of Hải Dương) into the communes in force on
// its day, through the old→new commune mapping of 1 July 2025 (Resolution
// 202/2025/QH15; for Hải Dương, Resolution 1669/NQ-UBTVQH15): a commune merged whole
// goes to its new commune; a commune split across several new ones sends each
// household by its village's assignment (admin.Village.NewCommuneCode) when the
// catalogue records one, otherwise by the importer's choice for that old commune
// (Choices); when neither decides, the row is refused naming the candidate communes.
// One OldMap serves one import, from one goroutine.
type OldMap struct {
	units admin.Store
	day   string
	// choices are the new communes the importer chose for old communes (old → new).
	choices map[string]string
	olds    map[string]*oldCommune
	applied map[appliedKey]int
	pending map[string]*SplitChoice
	// gone caches notInForce, within whether a province holds a new commune.
	gone   map[string]bool
	within map[[2]string]bool
}

// AppliedMapping is one old commune → new commune carry of an import, with the
// households it moved.
type AppliedMapping struct {
	OldCode    string `json:"old_code"`
	OldName    string `json:"old_name"`
	NewCode    string `json:"new_code"`
	NewName    string `json:"new_name"`
	Kind       string `json:"kind"`           // admin.MappingFull or admin.MappingPartial
	By         string `json:"by"`             // how the new commune was decided (MappedBy…)
	Households int    `json:"households"`     // households carried
	From       string `json:"from,omitempty"` // first day of the new map (YYYY-MM-DD)
}

type appliedKey struct{ old, new, by string }

// How an AppliedMapping's new commune was decided.
const (
	MappedByMerger  = "merger"  // the old commune went whole to one new commune
	MappedByVillage = "village" // the village's assignment in the catalogue
	MappedByChoice  = "choice"  // the importer's choice (--map OLD=NEW, the preview)
)

// SplitChoice is an old commune split across several new ones whose households an
// import could not place: the importer chooses one of Candidates for it.
type SplitChoice struct {
	OldCode    string          `json:"old_code"`
	OldName    string          `json:"old_name"`
	Candidates []admin.Mapping `json:"candidates"`
	Households int             `json:"households"`
	Villages   []string        `json:"villages"`
}

type oldCommune struct {
	code, name string
	inForce    bool   // the code names a commune in force on the day (a reused code)
	oldProv    string // the province of the old commune ("" when unknown)
	from       string // the first day of the new map (YYYY-MM-DD)
	targets    []admin.Mapping
	villages   map[string]string // folded village name → new commune
}

// NewOldMap returns the carrier of old commune codes onto the map in force at t; choices
// maps old commune codes to the new commune chosen for their households (may be nil).
func (s *Service) NewOldMap(t time.Time, choices map[string]string) *OldMap {
	return &OldMap{units: s.Units, day: giamngheo.DayString(t), choices: choices, olds: map[string]*oldCommune{},
		applied: map[appliedKey]int{}, pending: map[string]*SplitChoice{}, gone: map[string]bool{}, within: map[[2]string]bool{}}
}

// ParseMapChoices reads importer choices "OLD=NEW" (several separated by commas).
func ParseMapChoices(specs []string) (map[string]string, error) {
	out := map[string]string{}
	for _, spec := range specs {
		for _, p := range strings.Split(spec, ",") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			old, nw, ok := strings.Cut(p, "=")
			old, nw = strings.TrimSpace(old), strings.TrimSpace(nw)
			if !ok || !digits(old, 5) || !digits(nw, 5) {
				return nil, giamngheo.Errorf(giamngheo.EINVALID, "Lựa chọn xã %q không hợp lệ: viết MÃ_XÃ_CŨ=MÃ_XÃ_MỚI (ví dụ 10540=10543).",
					"Invalid commune choice %q: write OLD_CODE=NEW_CODE (e.g. 10540=10543).", p)
			}
			if prev, dup := out[old]; dup && prev != nw {
				return nil, giamngheo.Errorf(giamngheo.EINVALID, "Xã cũ %s được chọn hai xã mới (%s và %s).",
					"Old commune %s is given two new communes (%s and %s).", old, prev, nw)
			}
			out[old] = nw
		}
	}
	return out, nil
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// lookup returns what the catalogue says of an old commune code (cached).
func (m *OldMap) lookup(ctx context.Context, code string) (*oldCommune, error) {
	if o, ok := m.olds[code]; ok {
		return o, nil
	}
	o := &oldCommune{code: code}
	rows, err := m.units.FindMappings(ctx, code, "")
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		o.targets = append(o.targets, *r)
		o.name = r.OldName
	}
	sort.Slice(o.targets, func(i, j int) bool { return o.targets[i].NewCode < o.targets[j].NewCode })
	if len(o.targets) > 0 {
		_, err := m.units.FindUnitByCode(ctx, code, m.day)
		switch giamngheo.ErrorCode(err) {
		case "":
			o.inForce = true
		case giamngheo.ENOTFOUND:
		default:
			return nil, err
		}
		// The version before the reorganisation: its last day gives the new map's first.
		vs, err := m.units.FindUnits(ctx, admin.UnitFilter{Code: code})
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			if v.Level != admin.LevelCommune || v.ValidTo == "" || v.ValidTo >= m.day {
				continue
			}
			if v.ValidTo >= o.from { // the latest version that ended
				o.from, o.name = v.ValidTo, v.Name
				o.oldProv = admin.StoreProvinceOf(ctx, m.units, v, v.ValidTo)
			}
		}
		if o.from != "" {
			if d, err := time.Parse(admin.DateLayout, o.from); err == nil {
				o.from = d.AddDate(0, 0, 1).Format(admin.DateLayout)
			}
		} else {
			o.from = admin.EffectiveTwoTier
		}
		if len(distinctTargets(o.targets)) > 1 {
			vs, err := m.units.FindVillages(ctx, code)
			if err != nil {
				return nil, err
			}
			o.villages = map[string]string{}
			for _, v := range vs {
				if v.NewCommuneCode != "" {
					o.villages[villageKey(v.Name)] = v.NewCommuneCode
				}
			}
		}
	}
	m.olds[code] = o
	return o, nil
}

func villageKey(name string) string {
	return strings.Join(strings.Fields(vntext.Fold(name)), " ")
}

func distinctTargets(ts []admin.Mapping) []string {
	var out []string
	for _, t := range ts {
		if len(out) == 0 || out[len(out)-1] != t.NewCode {
			out = append(out, t.NewCode)
		}
	}
	return out
}

// Carry moves h from an old commune code to the commune in force on the map's day when
// the mapping says where (see OldMap). A code in force that was also an old commune's
// (codes were reused) is read as the old commune only when the importer chose a new
// commune for it or the row names the province of before the reorganisation, which no
// longer exists (the file is then of the old map); otherwise it is today's commune.
// Errors are EINVALID on the commune code, naming the old commune and its candidates.
func (m *OldMap) Carry(ctx context.Context, h *Household) error {
	if m == nil || h.CommuneCode == "" {
		return nil
	}
	o, err := m.lookup(ctx, h.CommuneCode)
	if err != nil || len(o.targets) == 0 {
		return err
	}
	ts := distinctTargets(o.targets)
	// A row of the old map names the province of before the reorganisation, which no
	// longer exists (Hải Dương 30): its reused codes are read as the old communes.
	oldRow := h.ProvinceCode != "" && h.ProvinceCode == o.oldProv && m.notInForce(ctx, o.oldProv)
	to, by := "", ""
	if c, ok := m.choices[o.code]; ok {
		if !contains(ts, c) {
			return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "commune_code",
				Message:   fmt.Sprintf("Xã mới %s được chọn cho xã %s (%s) nhưng không phải là xã nhận địa bàn của xã này từ %s; chọn một trong: %s", c, o.code, o.name, viDay(o.from), candidates(o.targets)),
				MessageEN: fmt.Sprintf("New commune %s was chosen for commune %s (%s) but did not take over its area on %s; choose one of: %s", c, o.code, o.name, viDay(o.from), candidates(o.targets))}
		}
		to, by = c, MappedByChoice
	} else if len(ts) > 1 && h.VillageName != "" && (!o.inForce || oldRow) {
		if v, ok := o.villages[villageKey(h.VillageName)]; ok && contains(ts, v) {
			to, by = v, MappedByVillage
		}
	}
	// A reused code is today's commune unless the row is of the old map.
	if to == "" && o.inForce && !oldRow {
		return nil
	}
	if to == "" && len(ts) == 1 {
		to, by = ts[0], MappedByMerger
	}
	if to == "" {
		p := m.pending[o.code]
		if p == nil {
			p = &SplitChoice{OldCode: o.code, OldName: o.name, Candidates: o.targets}
			m.pending[o.code] = p
		}
		p.Households++
		if h.VillageName != "" && !contains(p.Villages, h.VillageName) && len(p.Villages) < 50 {
			p.Villages = append(p.Villages, h.VillageName)
		}
		village := "không ghi thôn"
		villageEN := "no village given"
		if h.VillageName != "" {
			village = fmt.Sprintf("thôn %q chưa được gán cho xã mới nào", h.VillageName)
			villageEN = fmt.Sprintf("village %q is not assigned to a new commune", h.VillageName)
		}
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "commune_code",
			Message: fmt.Sprintf("Xã %s (%s) đã được chia, sáp nhập vào các xã %s từ %s; %s: chọn xã mới cho hộ (--map %s=MÃ_XÃ_MỚI, hoặc chọn trong bản xem trước)",
				o.code, o.name, candidates(o.targets), viDay(o.from), village, o.code),
			MessageEN: fmt.Sprintf("Commune %s (%s) was split among the communes %s on %s; %s: choose the new commune (--map %s=NEW_CODE, or in the preview)",
				o.code, o.name, candidates(o.targets), viDay(o.from), villageEN, o.code)}
	}
	if m.notInForce(ctx, to) {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "commune_code",
			Message:   fmt.Sprintf("Xã %s (%s) đã sáp nhập vào xã %s từ %s, nhưng xã %s chưa có trong danh mục đơn vị hành chính (giamngheo units load)", o.code, o.name, name(o.targets, to), viDay(o.from), to),
			MessageEN: fmt.Sprintf("Commune %s (%s) was merged into %s on %s, but %s is not in the unit catalogue (giamngheo units load)", o.code, o.name, name(o.targets, to), viDay(o.from), to)}
	}
	// The province the file gives is that of the old commune (or the new one's): the
	// classifier takes the new commune's.
	if h.ProvinceCode != "" && h.ProvinceCode != o.oldProv {
		k := [2]string{h.ProvinceCode, to}
		ok, seen := m.within[k]
		if !seen {
			if ok, err = admin.StoreInScope(ctx, m.units, h.ProvinceCode, to); err != nil {
				return err
			}
			m.within[k] = ok
		}
		if !ok {
			return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "province_code",
				Message:   fmt.Sprintf("Mã tỉnh %s không khớp với xã %s (%s)", h.ProvinceCode, o.code, o.name),
				MessageEN: fmt.Sprintf("Province code %s does not match commune %s (%s)", h.ProvinceCode, o.code, o.name)}
		}
	}
	h.ProvinceCode = ""
	h.CommuneCode = to
	m.applied[appliedKey{o.code, to, by}]++
	return nil
}

// notInForce reports whether a unit code names no unit in force on the map's day (a
// province or commune abolished by the reorganisation).
func (m *OldMap) notInForce(ctx context.Context, code string) bool {
	if code == "" {
		return false
	}
	gone, ok := m.gone[code]
	if !ok {
		_, err := m.units.FindUnitByCode(ctx, code, m.day)
		gone = giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND
		m.gone[code] = gone
	}
	return gone
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// candidates names the new communes of an old one: "10543 (Phường Việt Hòa), 10891 (…)".
func candidates(ts []admin.Mapping) string {
	var parts []string
	for _, code := range distinctTargets(ts) {
		parts = append(parts, code+" ("+name(ts, code)+")")
	}
	return strings.Join(parts, ", ")
}

func name(ts []admin.Mapping, code string) string {
	for _, t := range ts {
		if t.NewCode == code {
			return t.NewName
		}
	}
	return code
}

// viDay writes a YYYY-MM-DD day as dd/mm/yyyy.
func viDay(d string) string {
	if t, err := time.Parse(admin.DateLayout, d); err == nil {
		return t.Format("02/01/2006")
	}
	return d
}

// Applied returns the carries done so far, by old then new commune.
func (m *OldMap) Applied() []AppliedMapping {
	if m == nil {
		return nil
	}
	out := make([]AppliedMapping, 0, len(m.applied))
	for k, n := range m.applied {
		o, to := m.olds[k.old], k.new
		a := AppliedMapping{OldCode: k.old, OldName: o.name, NewCode: to, NewName: name(o.targets, to), By: k.by, Households: n, From: o.from}
		for _, t := range o.targets {
			if t.NewCode == to {
				a.Kind = t.Kind
			}
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].OldCode != out[j].OldCode {
			return out[i].OldCode < out[j].OldCode
		}
		if out[i].NewCode != out[j].NewCode {
			return out[i].NewCode < out[j].NewCode
		}
		return out[i].By < out[j].By
	})
	return out
}

// Pending returns the split communes whose households no village assignment or choice
// placed, with their candidates, by old commune code.
func (m *OldMap) Pending() []SplitChoice {
	if m == nil {
		return nil
	}
	out := make([]SplitChoice, 0, len(m.pending))
	for _, p := range m.pending {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].OldCode < out[j].OldCode })
	return out
}

// formerCommune explains a code the catalogue does not hold in force when the old→new
// mapping (the store's, or the embedded one for provinces not loaded) knows it as a
// commune of before the reorganisation; nil otherwise.
func formerCommune(ctx context.Context, units admin.Store, code string) error {
	var ts []admin.Mapping
	if rows, err := units.FindMappings(ctx, code, ""); err == nil {
		for _, r := range rows {
			ts = append(ts, *r)
		}
	}
	loaded := len(ts) > 0
	if !loaded {
		_, maps, err := admin.Embedded()
		if err != nil {
			return nil
		}
		ts = admin.OldToNew(maps, code)
	}
	if len(ts) == 0 {
		return nil
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].NewCode < ts[j].NewCode })
	old := ts[0].OldName
	into := "xã " + candidates(ts)
	intoEN := candidates(ts)
	if len(distinctTargets(ts)) > 1 {
		into = "các xã " + candidates(ts)
	}
	from := viDay(admin.EffectiveTwoTier)
	vi := fmt.Sprintf("Xã %s (%s) đã sáp nhập vào %s từ %s", code, old, into, from)
	en := fmt.Sprintf("Commune %s (%s) was merged into %s on %s", code, old, intoEN, from)
	if !loaded {
		vi += "; tỉnh của xã mới chưa được nạp vào danh mục đơn vị hành chính (giamngheo units load --provinces …)"
		en += "; the new commune's province is not loaded in the unit catalogue (giamngheo units load --provinces …)"
	} else {
		vi += ": ghi mã xã mới"
		en += ": write the new commune's code"
	}
	return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "commune_code", Message: vi + ".", MessageEN: en + "."}
}
