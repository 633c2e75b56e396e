package report

import (
	"context"
	"fmt"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// ListDefinition is a named list of the report set: the households of one recognised
// status with their members (regulations.md §2.4 items 14–15).
type ListDefinition struct {
	Name   string
	Number int
	Title  string
	Status poverty.Class
}

// Lists are the named lists: (14) near-poor and (15) poor households.
var Lists = []*ListDefinition{
	{Name: "danh-sach-ho-can-ngheo", Number: 14, Title: "Danh sách chi tiết hộ cận nghèo", Status: poverty.NearPoor},
	{Name: "danh-sach-ho-ngheo", Number: 15, Title: "Danh sách chi tiết hộ nghèo", Status: poverty.Poor},
}

// FindList returns the named list called name ("15" or its Name), or nil.
func FindList(name string) *ListDefinition {
	for _, d := range Lists {
		if d.Name == name || itoa(d.Number) == name {
			return d
		}
	}
	return nil
}

// The page size of a named list: a page never holds more households than MaxListLimit,
// whatever the unit (a province's list is read page by page, never whole).
const (
	DefaultListLimit = 50
	MaxListLimit     = 500
)

// NamedList is one page of a named list for a unit and a period: what the page, the
// API, CSV and XLSX show. Total counts the list's households in the unit.
type NamedList struct {
	Name       string          `json:"name"`
	Number     int             `json:"number"`
	Title      string          `json:"title"`
	Unit       string          `json:"unit"`
	UnitName   string          `json:"unit_name"`
	Period     int             `json:"period"`
	From       string          `json:"from"`
	To         string          `json:"to"`
	Offset     int             `json:"offset"`
	Limit      int             `json:"limit"`
	Total      int             `json:"total"`
	Households []ListHousehold `json:"households"`
}

// ListHousehold is a household of a named list: its number in the list, head,
// address and members. New marks a household whose status took effect during the
// period (newly arisen or fallen back: the registry keeps the current recognition
// only, so the two are not told apart); the others were on the list at its start.
type ListHousehold struct {
	No          int    `json:"no"`
	ID          int64  `json:"id"`
	Code        string `json:"code"`
	CommuneCode string `json:"commune_code"`
	VillageName string `json:"village_name,omitempty"`
	Address     string `json:"address,omitempty"`
	HeadName    string `json:"head_name"`
	Since       string `json:"since,omitempty"`
	New         bool   `json:"new"`
	// Merit and NoLabour mark a household with a person of merit and one with no
	// labour capacity (registry.Traits; regulations.md §2.4 items 14–15).
	Merit    bool         `json:"merit"`
	NoLabour bool         `json:"no_labour"`
	Members  []ListMember `json:"members"`
}

// ListMember is a member as the named list shows it: the year of birth goes under
// Nam or Nữ by sex.
type ListMember struct {
	No        int    `json:"no"`
	Name      string `json:"name"`
	BirthYear string `json:"birth_year,omitempty"`
	Female    bool   `json:"female"`
	Ethnicity string `json:"ethnicity,omitempty"`
	Relation  string `json:"relation,omitempty"`
}

// ListHouseholds is what the named lists read of the registry: the scoped search of
// households (registry.Service, which confines it to the actor's scope and refuses a
// commune outside it) and the members of one page of them.
type ListHouseholds interface {
	FindHouseholds(ctx context.Context, f registry.HouseholdFilter) ([]*registry.Household, int, error)
}

// MemberLoader loads the members of a page of households with one query.
type MemberLoader interface {
	LoadMembers(ctx context.Context, hs []*registry.Household) error
}

// BuildList computes one page of named list name for unit ("" for the actor's whole
// scope) over the calendar year period, offset households in, at most limit
// (DefaultListLimit when 0, never more than MaxListLimit). The households are read
// through the registry's scoped search: a user sees only households of its scope.
func (s *Service) BuildList(ctx context.Context, name, unit string, period, offset, limit int) (*NamedList, error) {
	def := FindList(name)
	if def == nil {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có danh sách %s.", "No named list %s.", name)
	}
	if s.Households == nil || s.Members == nil {
		return nil, giamngheo.Errorf(giamngheo.EINTERNAL, "Chưa cấu hình danh sách hộ.", "The named lists are not configured.")
	}
	if period < 2000 || period > 2100 {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Kỳ báo cáo phải là một năm (2025).", "The period must be a year (2025).")
	}
	if limit <= 0 {
		limit = DefaultListLimit
	}
	limit = min(limit, MaxListLimit)
	offset = max(offset, 0)
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return nil, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	from, to := fmt.Sprintf("%04d-01-01", period), fmt.Sprintf("%04d-12-31", period)
	l := &NamedList{Name: def.Name, Number: def.Number, Title: def.Title, Unit: unit, UnitName: "Toàn quốc", Period: period,
		From: from, To: to, Offset: offset, Limit: limit, Households: []ListHousehold{}}
	status := def.Status
	f := registry.HouseholdFilter{Status: &status, Page: giamngheo.Page{Offset: offset, Limit: limit}}
	if unit != "" {
		if err := giamngheo.RequireScope(ctx, s.InScope, unit); err != nil {
			return nil, err
		}
		u, err := s.Units.FindUnitByCode(ctx, unit, "")
		if err != nil {
			return nil, err
		}
		l.UnitName = u.Name
		switch {
		case u.Level == admin.LevelCommune:
			f.CommuneCodes = []string{u.Code}
		case unit != a.ScopeCode:
			// A unit below the actor's scope: its communes (the registry checks each).
			cs, err := communesUnder(ctx, s.Units, u.Code)
			if err != nil {
				return nil, err
			}
			f.CommuneCodes = cs
		}
	}
	hs, total, err := s.Households.FindHouseholds(ctx, f)
	if err != nil {
		return nil, err
	}
	if err := s.Members.LoadMembers(ctx, hs); err != nil {
		return nil, err
	}
	l.Total = total
	for i, h := range hs {
		lh := ListHousehold{No: offset + i + 1, ID: h.ID, Code: h.Code, CommuneCode: h.CommuneCode, VillageName: h.VillageName,
			Address: h.Address, HeadName: h.HeadName, Since: h.Recognised.Since, New: h.Recognised.Since >= from && h.Recognised.Since <= to,
			Merit: h.Traits.Merit, NoLabour: h.Traits.NoLabour, Members: []ListMember{}}
		for j, m := range h.Members {
			lm := ListMember{No: j + 1, Name: m.Name, Female: m.Sex == poverty.Female, Ethnicity: m.Ethnicity}
			if len(m.BirthDate) >= 4 {
				lm.BirthYear = m.BirthDate[:4]
			}
			if m.Relation != "" {
				lm.Relation = m.Relation.Label()
			}
			lh.Members = append(lh.Members, lm)
		}
		l.Households = append(l.Households, lh)
	}
	return l, nil
}

// communesUnder returns the codes of every commune that is or was under a unit (all
// versions), as registry.CommunesUnder does over the report's narrower Units.
func communesUnder(ctx context.Context, units Units, code string) ([]string, error) {
	seen := map[string]bool{}
	out := []string{}
	frontier := []string{code}
	for depth := 0; depth < 4 && len(frontier) > 0; depth++ {
		var next []string
		for _, c := range frontier {
			kids, err := units.FindUnits(ctx, admin.UnitFilter{ParentCode: c})
			if err != nil {
				return nil, err
			}
			for _, k := range kids {
				if seen[k.Code] {
					continue
				}
				seen[k.Code] = true
				if k.Level == admin.LevelCommune {
					out = append(out, k.Code)
				} else {
					next = append(next, k.Code)
				}
			}
		}
		frontier = next
	}
	return out, nil
}

// BuildCommuneList computes the whole named list of one commune (the list a commune
// posts and signs), page by page of MaxListLimit households; it refuses a larger unit,
// whose list is read page by page with BuildList.
func (s *Service) BuildCommuneList(ctx context.Context, name, commune string, period int) (*NamedList, error) {
	if commune == "" {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Danh sách chi tiết được lập theo từng xã: hãy chọn một xã.", "A named list is made per commune: choose a commune.")
	}
	u, err := s.Units.FindUnitByCode(ctx, commune, "")
	if err != nil {
		return nil, err
	}
	if u.Level != admin.LevelCommune {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Danh sách chi tiết được lập theo từng xã: %s không phải là xã.", "A named list is made per commune: %s is not a commune.", commune)
	}
	var all *NamedList
	for offset := 0; ; offset += MaxListLimit {
		l, err := s.BuildList(ctx, name, commune, period, offset, MaxListLimit)
		if err != nil {
			return nil, err
		}
		if all == nil {
			all = l
		} else {
			all.Households = append(all.Households, l.Households...)
		}
		if len(l.Households) < MaxListLimit || offset+MaxListLimit >= l.Total {
			break
		}
	}
	all.Offset, all.Limit = 0, len(all.Households)
	return all, nil
}
