package http

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/vntext"
)

// householdForm is the create/edit form of a household: household data, members (one
// row each) and the Phiếu B answers. Tri-state answers are "", "yes" or "no".
type householdForm struct {
	ID int64
	// Version is the household's version the form was opened on; the edit carries it.
	Version                              int
	Code, CommuneCode, VillageName       string
	Address, Phone, Area                 string
	FarmHousehold                        bool
	Income, FloorArea                    string
	Walls, Columns, Roof, Telecom, Waste string
	Water, Latrine                       string
	Devices                              map[string]bool
	// DevicesUnknown keeps "not asked" for the device list when the standard of the
	// form's day does not ask about devices (2027–2030) and the household never answered.
	DevicesUnknown bool
	Region         string
	// Score holds the B1 score-card answers, item key → answer key.
	Score map[string]string
	// Livelihood holds the land areas and animal counts as typed, by the JSON key of
	// the registry.Livelihood field ("annual_crop_land_m2", "cattle" …).
	Livelihood map[string]string
	// Merit, NoLabour ("" derived, "yes", "no": the officer's override), Causes and
	// Needs are the household traits the reports count (registry.Traits).
	Merit             bool
	NoLabour          string
	Causes, Needs     map[string]bool
	Members           []memberForm
	Error, ErrorField string
}

type memberForm struct {
	Name, Relation, Sex, BirthDate, Ethnicity, NationalID string
	Insurance, Schooling, Employment, Malnourished        string
	Disability                                            bool
	// Allowance is the registry.SocialAllowance; "" none.
	Allowance string
}

// blankMembers is how many empty member rows a form offers beyond the filled ones.
const blankMembers = 2

func triState(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "yes"
	}
	return "no"
}

func parseTri(s string) *bool {
	switch s {
	case "yes":
		v := true
		return &v
	case "no":
		v := false
		return &v
	}
	return nil
}

// formFromHousehold fills the form from a stored household.
func formFromHousehold(h *registry.Household) *householdForm {
	f := &householdForm{ID: h.ID, Version: h.Version, Code: h.Code, CommuneCode: h.CommuneCode, VillageName: h.VillageName, Address: h.Address, Phone: h.Phone,
		Area: string(h.Survey.Area), FarmHousehold: h.Survey.FarmHousehold, Walls: triState(h.Survey.HouseWallsDurable),
		Columns: triState(h.Survey.HouseColumnsDurable), Roof: triState(h.Survey.HouseRoofDurable), Telecom: triState(h.Survey.Telecom),
		Waste: triState(h.Survey.WasteTreated), Water: string(h.Survey.WaterSource), Latrine: string(h.Survey.Latrine), Devices: map[string]bool{}}
	if h.Survey.Income12m != nil {
		f.Income = strconv.FormatInt(*h.Survey.Income12m, 10)
	}
	if h.Survey.FloorAreaM2 != nil {
		f.FloorArea = strconv.FormatFloat(*h.Survey.FloorAreaM2, 'f', -1, 64)
	}
	for _, d := range h.Survey.Devices {
		f.Devices[string(d)] = true
	}
	f.DevicesUnknown = h.Survey.Devices == nil
	f.Region, f.Score = string(h.Survey.Region), map[string]string{}
	for k, v := range h.Survey.ScoreAnswers {
		f.Score[k] = v
	}
	f.Livelihood = map[string]string{}
	l := h.Livelihood
	for _, x := range registry.LivelihoodLand {
		if a := *x.Get(&l); a != nil {
			// A decimal comma, so that 1,125 m² does not read back as 1.125 (thousands).
			f.Livelihood[x.Key] = strings.Replace(strconv.FormatFloat(*a, 'f', -1, 64), ".", ",", 1)
		}
	}
	for _, x := range registry.LivelihoodAnimals {
		if n := *x.Get(&l); n != nil {
			f.Livelihood[x.Key] = strconv.Itoa(*n)
		}
	}
	f.Merit, f.NoLabour = h.Traits.Merit, triState(h.Traits.NoLabourOverride)
	f.Causes, f.Needs = map[string]bool{}, map[string]bool{}
	for _, c := range h.Traits.Causes {
		f.Causes[string(c)] = true
	}
	for _, n := range h.Traits.Needs {
		f.Needs[string(n)] = true
	}
	for _, m := range h.Members {
		f.Members = append(f.Members, memberForm{Name: m.Name, Relation: string(m.Relation), Sex: string(m.Sex), BirthDate: m.BirthDate,
			Ethnicity: m.Ethnicity, NationalID: m.NationalID, Insurance: triState(m.HealthInsurance), Schooling: string(m.Schooling),
			Employment: string(m.Employment), Malnourished: triState(m.Malnourished), Disability: m.DisabilityAllowance,
			Allowance: string(m.SocialAllowance)})
	}
	f.pad(0)
	return f
}

// pad adds empty member rows.
func (f *householdForm) pad(extra int) {
	for i := 0; i < blankMembers+extra; i++ {
		f.Members = append(f.Members, memberForm{})
	}
}

// parseHouseholdForm reads the posted form. Member rows without a name are ignored.
func parseHouseholdForm(r *http.Request) *householdForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := &householdForm{Code: v("code"), CommuneCode: v("commune_code"), VillageName: v("village_name"), Address: v("address"), Phone: v("phone"),
		Area: v("area"), FarmHousehold: v("farm_household") == "on", Income: v("income_12m"), FloorArea: v("floor_area_m2"),
		Walls: v("walls"), Columns: v("columns"), Roof: v("roof"), Telecom: v("telecom"), Waste: v("waste"), Water: v("water_source"),
		Latrine: v("latrine"), Devices: map[string]bool{}}
	for _, d := range r.PostForm["devices"] {
		f.Devices[d] = true
	}
	f.DevicesUnknown = v("devices_unknown") == "1" && len(f.Devices) == 0
	f.Version, _ = strconv.Atoi(v("version"))
	f.Region, f.Score, f.Livelihood = v("region"), map[string]string{}, map[string]string{}
	for _, x := range registry.LivelihoodLand {
		if s := v("lv_" + x.Key); s != "" {
			f.Livelihood[x.Key] = s
		}
	}
	for _, x := range registry.LivelihoodAnimals {
		if s := v("lv_" + x.Key); s != "" {
			f.Livelihood[x.Key] = s
		}
	}
	f.Merit, f.NoLabour, f.Causes, f.Needs = v("merit") == "on", v("no_labour"), map[string]bool{}, map[string]bool{}
	for _, c := range r.PostForm["causes"] {
		f.Causes[c] = true
	}
	for _, n := range r.PostForm["needs"] {
		f.Needs[n] = true
	}
	for k, vs := range r.PostForm {
		if item, ok := strings.CutPrefix(k, "b1_"); ok && len(vs) > 0 && vs[0] != "" {
			f.Score[item] = vs[0]
		}
	}
	n, _ := strconv.Atoi(v("member_rows"))
	for i := 0; i < min(n, poverty.MaxMembers+blankMembers); i++ {
		p := fmt.Sprintf("m%d_", i)
		m := memberForm{Name: v(p + "name"), Relation: v(p + "relation"), Sex: v(p + "sex"), BirthDate: v(p + "birth_date"),
			Ethnicity: v(p + "ethnicity"), NationalID: v(p + "national_id"), Insurance: v(p + "insurance"), Schooling: v(p + "schooling"),
			Employment: v(p + "employment"), Malnourished: v(p + "malnourished"), Disability: v(p+"disability") == "on",
			Allowance: v(p + "allowance")}
		if m.Name != "" {
			f.Members = append(f.Members, m)
		}
	}
	return f
}

// household builds the registry household, or EINVALID naming the field when a
// number is not a number.
func (f *householdForm) household() (*registry.Household, error) {
	h := &registry.Household{Code: f.Code, CommuneCode: f.CommuneCode, VillageName: f.VillageName, Address: f.Address, Phone: f.Phone}
	s := &h.Survey
	s.Area, s.FarmHousehold, s.Region = poverty.Area(f.Area), f.FarmHousehold, poverty.Region(f.Region)
	if len(f.Score) > 0 {
		s.ScoreAnswers = map[string]string{}
		for k, v := range f.Score {
			s.ScoreAnswers[k] = v
		}
	}
	if f.Income != "" {
		n, err := strconv.ParseInt(strings.NewReplacer(".", "", ",", "", " ", "").Replace(f.Income), 10, 64)
		if err != nil {
			return nil, &giamngheo.Error{Code: giamngheo.EINVALID, Field: "income_12m",
				Message: "Thu nhập 12 tháng phải là số đồng (ví dụ 36000000).", MessageEN: "The 12-month income must be a number of VND (e.g. 36000000)."}
		}
		s.Income12m = &n
	}
	if f.FloorArea != "" {
		a, err := vntext.ParseDecimal(f.FloorArea, false)
		if err != nil {
			return nil, &giamngheo.Error{Code: giamngheo.EINVALID, Field: "floor_area_m2",
				Message: "Diện tích nhà ở phải là số m² (ví dụ 45,5).", MessageEN: "The floor area must be a number of m² (e.g. 45.5)."}
		}
		s.FloorAreaM2 = &a
	}
	if err := f.livelihood(&h.Livelihood); err != nil {
		return nil, err
	}
	h.Traits.Merit, h.Traits.NoLabourOverride = f.Merit, parseTri(f.NoLabour)
	for _, c := range registry.Causes {
		if f.Causes[c.Value] {
			h.Traits.Causes = append(h.Traits.Causes, registry.Cause(c.Value))
		}
	}
	for _, n := range registry.Needs {
		if f.Needs[n.Value] {
			h.Traits.Needs = append(h.Traits.Needs, registry.Need(n.Value))
		}
	}
	s.HouseWallsDurable, s.HouseColumnsDurable, s.HouseRoofDurable = parseTri(f.Walls), parseTri(f.Columns), parseTri(f.Roof)
	s.Telecom, s.WasteTreated = parseTri(f.Telecom), parseTri(f.Waste)
	s.WaterSource, s.Latrine = poverty.WaterSource(f.Water), poverty.Latrine(f.Latrine)
	s.Devices = []poverty.Device{}
	if f.DevicesUnknown {
		s.Devices = nil
	}
	for _, c := range poverty.DeviceChoices() {
		if f.Devices[c.Value] {
			s.Devices = append(s.Devices, poverty.Device(c.Value))
		}
	}
	for _, m := range f.Members {
		rm := registry.Member{Relation: registry.Relation(m.Relation), Ethnicity: m.Ethnicity, NationalID: m.NationalID}
		rm.Name, rm.Sex, rm.BirthDate = m.Name, poverty.Sex(m.Sex), m.BirthDate
		rm.HealthInsurance, rm.Malnourished = parseTri(m.Insurance), parseTri(m.Malnourished)
		rm.Schooling, rm.Employment, rm.DisabilityAllowance = poverty.Schooling(m.Schooling), poverty.Employment(m.Employment), m.Disability
		rm.SocialAllowance = registry.SocialAllowance(m.Allowance)
		if rm.Relation == registry.RelationHead {
			h.HeadName = rm.Name
		}
		h.Members = append(h.Members, rm)
	}
	if h.HeadName == "" && len(h.Members) > 0 {
		h.HeadName = h.Members[0].Name
		if h.Members[0].Relation == "" {
			h.Members[0].Relation = registry.RelationHead
		}
	}
	return h, nil
}

// livelihood reads the land areas (m², a decimal comma or point, dots between
// thousands) and animal counts (whole numbers) into l, or EINVALID naming the field
// when one is not a number. The registry checks the ranges.
func (f *householdForm) livelihood(l *registry.Livelihood) error {
	for _, x := range registry.LivelihoodLand {
		s := f.Livelihood[x.Key]
		if s == "" {
			continue
		}
		a, err := vntext.ParseDecimal(s, true) // 1.440, 1.440,5, 360.5
		if err != nil {
			return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "livelihood." + x.Key,
				Message:   x.VI + ": diện tích phải là số m² (ví dụ 1440 hoặc 360,5).",
				MessageEN: "The " + x.EN + " must be a number of m² (e.g. 1440 or 360.5)."}
		}
		*x.Get(l) = &a
	}
	for _, x := range registry.LivelihoodAnimals {
		s := f.Livelihood[x.Key]
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(strings.NewReplacer(".", "", ",", "", " ", "").Replace(s))
		if err != nil {
			return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "livelihood." + x.Key,
				Message:   x.VI + ": số con phải là số nguyên (ví dụ 30).",
				MessageEN: "The number of " + x.EN + " must be a whole number (e.g. 30)."}
		}
		*x.Get(l) = &n
	}
	return nil
}
