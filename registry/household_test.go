package registry

import (
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/poverty"
)

func validHousehold() *Household {
	inc := int64(30_000_000)
	return &Household{
		Code: "HD-001", CommuneCode: "10507", VillageName: "Thôn  Đông",
		Survey: poverty.Household{Income12m: &inc},
		Members: []Member{
			{Member: poverty.Member{Name: " Nguyễn  Văn An ", Sex: poverty.Male, BirthDate: "1980-05-12"}, Relation: RelationHead, NationalID: "030 080 001 234"},
			{Member: poverty.Member{Name: "Trần Thị Bình", Sex: poverty.Female, BirthDate: "1983-01-02"}, Relation: RelationSpouse, NationalID: "030183001235"},
			{Member: poverty.Member{Name: "Nguyễn Văn Cường", Sex: poverty.Male, BirthDate: "2010-09-30"}, Relation: RelationChild},
		},
	}
}

func TestNormalize(t *testing.T) {
	h := validHousehold()
	// Decomposed input (Unikey "tổ hợp"): e + combining circumflex + combining tilde.
	h.Members[2].Name = "Nguye\u0302\u0303n Văn Cường"
	h.Phone = "0912 345.678"
	h.Normalize()
	if h.HeadName != "Nguyễn Văn An" || h.VillageName != "Thôn Đông" || h.Members[2].Name != "Nguyễn Văn Cường" {
		t.Errorf("names not cleaned: %q %q %q", h.HeadName, h.VillageName, h.Members[2].Name)
	}
	if h.Members[0].NationalID != "030080001234" || h.Phone != "0912345678" {
		t.Errorf("ID/phone not normalised: %q %q", h.Members[0].NationalID, h.Phone)
	}
	if len(h.Warnings) != 0 {
		t.Errorf("unexpected warnings: %+v", h.Warnings)
	}
	if err := h.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if a := h.Answers(); len(a.Members) != 3 || a.Members[1].Name != "Trần Thị Bình" || len(h.Survey.Members) != 0 {
		t.Errorf("Answers did not join members: %+v", a.Members)
	}
}

func TestNormalizeLiftsSurveyMembers(t *testing.T) {
	h := validHousehold()
	h.Survey.Members = []poverty.Member{h.Members[0].Member}
	h.Members = nil
	h.Normalize()
	if len(h.Members) != 1 || len(h.Survey.Members) != 0 || h.Members[0].Name != "Nguyễn Văn An" {
		t.Fatalf("members not lifted: %+v / %+v", h.Members, h.Survey.Members)
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(h *Household)
		codes []string
	}{
		{"sex digit", func(h *Household) { h.Members[0].NationalID = "030180001234" }, []string{IDCenturySexMismatch}},
		{"birth year", func(h *Household) { h.Members[0].NationalID = "030079001234" }, []string{IDYearMismatch}},
		{"21st century", func(h *Household) { h.Members[2].NationalID = "030210001236" }, nil},
		{"21st century wrong", func(h *Household) { h.Members[2].NationalID = "030010001236" }, []string{IDCenturySexMismatch}},
		{"province", func(h *Household) { h.Members[0].NationalID = "003080001234" }, []string{IDProvinceUnknown}},
		{"repeated", func(h *Household) {
			h.Members[1].NationalID = "030080001234"
			h.Members[1].Sex = poverty.Male
			h.Members[1].BirthDate = "1980-01-01"
		}, []string{WarnNationalIDRepeated}},
		{"old CMND", func(h *Household) { h.Members[0].NationalID = "142000001" }, []string{IDOldCMND}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := validHousehold()
			tt.edit(h)
			h.Normalize()
			var got []string
			for _, w := range h.Warnings {
				got = append(got, w.Code)
				if w.Message == "" || w.MessageEN == "" || !strings.HasPrefix(w.Field, "members[") {
					t.Errorf("incomplete warning %+v", w)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.codes, ",") {
				t.Errorf("warnings = %v, want %v", got, tt.codes)
			}
			if err := h.Validate(); err != nil {
				t.Errorf("a warning must not block: %v", err)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name, field string
		edit        func(h *Household)
	}{
		{"no code", "code", func(h *Household) { h.Code = "" }},
		{"code with space", "code", func(h *Household) { h.Code = "HD 1" }},
		{"no commune", "commune_code", func(h *Household) { h.CommuneCode = "" }},
		{"bad commune", "commune_code", func(h *Household) { h.CommuneCode = "105" }},
		{"bad province", "province_code", func(h *Household) { h.ProvinceCode = "X1" }},
		{"bad phone", "phone", func(h *Household) { h.Phone = "12ab" }},
		{"no members", "members", func(h *Household) { h.Members = nil; h.HeadName = "A" }},
		{"member no name", "members[1].name", func(h *Household) { h.Members[1].Name = "" }},
		{"13-digit ID", "members[1].national_id", func(h *Household) { h.Members[1].NationalID = "0301830012351" }},
		{"letter in ID", "members[1].national_id", func(h *Household) { h.Members[1].NationalID = "03018300123O" }},
		{"11-digit ID", "members[1].national_id", func(h *Household) { h.Members[1].NationalID = "30183001235" }},
		{"bad relation", "members[2].relation", func(h *Household) { h.Members[2].Relation = "cousin" }},
		{"two heads", "members[1].relation", func(h *Household) { h.Members[1].Relation = RelationHead }},
		{"head name differs", "head_name", func(h *Household) { h.HeadName = "Lê Văn Bảy" }},
		{"bad sex (poverty)", "members[2].sex", func(h *Household) { h.Members[2].Sex = "x" }},
		{"impossible date (poverty)", "members[2].birth_date", func(h *Household) { h.Members[2].BirthDate = "1990-02-31" }},
		{"negative income (poverty)", "survey.income_12m", func(h *Household) { n := int64(-1); h.Survey.Income12m = &n }},
		{"negative land", "livelihood.annual_crop_land_m2", func(h *Household) { h.Livelihood.AnnualCropLandM2 = ptr(-1.0) }},
		{"huge forest", "livelihood.forest_land_m2", func(h *Household) { h.Livelihood.ForestLandM2 = ptr(MaxLandM2 + 1.0) }},
		{"negative cattle", "livelihood.cattle", func(h *Household) { h.Livelihood.Cattle = ptr(-2) }},
		{"too many poultry", "livelihood.poultry", func(h *Household) { h.Livelihood.Poultry = ptr(MaxAnimals + 1) }},
		{"bad allowance", "members[2].social_allowance", func(h *Household) { h.Members[2].SocialAllowance = "pension" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := validHousehold()
			h.Normalize()
			tt.edit(h)
			err := h.Validate()
			e, ok := err.(*giamngheo.Error)
			if !ok {
				t.Fatalf("Validate() = %v, want *giamngheo.Error", err)
			}
			if e.Code != giamngheo.EINVALID || e.Field != tt.field || e.Message == "" || e.MessageEN == "" {
				t.Errorf("got %+v, want EINVALID on %s with both messages", e, tt.field)
			}
		})
	}
}

func TestUpdateApply(t *testing.T) {
	h := validHousehold()
	addr, members := "Số 5, thôn Đông", []Member{h.Members[0]}
	HouseholdUpdate{Address: &addr, Members: &members}.Apply(h)
	if h.Address != addr || len(h.Members) != 1 || h.Code != "HD-001" {
		t.Errorf("Apply: %+v", h)
	}
	members[0].Name = "changed"
	if h.Members[0].Name == "changed" {
		t.Error("Apply must copy the member list")
	}
}

func ptr[T any](v T) *T { return &v }

func TestLivelihoodAndAllowanceValid(t *testing.T) {
	h := validHousehold()
	h.Livelihood = Livelihood{AnnualCropLandM2: ptr(1440.5), ForestLandM2: ptr(float64(MaxLandM2)), Cattle: ptr(0), Poultry: ptr(MaxAnimals)}
	h.Members[0].SocialAllowance = AllowanceElderly
	h.Members[2].SocialAllowance = " child "
	h.Normalize()
	if err := h.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if h.Members[2].SocialAllowance != AllowanceChild || !h.Livelihood.Answered() || (&Livelihood{}).Answered() {
		t.Errorf("allowance %q, answered %v", h.Members[2].SocialAllowance, h.Livelihood.Answered())
	}
	for _, a := range SocialAllowances {
		if !a.Value.Valid() || a.Value.Label() != a.VI || a.Value.LabelEN() != a.EN || a.VI == "" || a.EN == "" {
			t.Errorf("allowance %+v", a)
		}
	}
	if !SocialAllowance("").Valid() || SocialAllowance("").Label() != "" {
		t.Error(`"" must be valid (none) with no label`)
	}
}

// TestStoredLayout: the survey and member answers columns carry the registry fields
// beside the poverty answers, decode back, and rows written before the fields existed
// still decode.
func TestStoredLayout(t *testing.T) {
	h := validHousehold()
	h.Livelihood = Livelihood{PerennialCropLandM2: ptr(2000.0), AquacultureM2: ptr(360.0), Pigs: ptr(3)}
	h.Members[0].SocialAllowance = AllowanceDisability
	h.Members[0].DisabilityAllowance = true
	h.Normalize()
	st, err := Encode(h)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(st.Survey, `"livelihood":{"perennial_crop_land_m2":2000,"aquaculture_m2":360,"pigs":3}`) || !strings.Contains(st.Survey, `"income_12m":30000000`) {
		t.Errorf("survey column: %s", st.Survey)
	}
	var got Household
	if err := Decode(&got, st.Survey, "", ""); err != nil {
		t.Fatal(err)
	}
	if got.Livelihood.Pigs == nil || *got.Livelihood.Pigs != 3 || *got.Livelihood.AquacultureM2 != 360 || got.Livelihood.Cattle != nil || *got.Survey.Income12m != 30_000_000 {
		t.Errorf("decoded survey: %+v / %+v", got.Survey, got.Livelihood)
	}
	b, err := EncodeMemberAnswers(&h.Members[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"disability_allowance":true,"social_allowance":"disability"`) || strings.Contains(string(b), "national_id") {
		t.Errorf("answers column: %s", b)
	}
	var m Member
	if err := DecodeMemberAnswers(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.SocialAllowance != AllowanceDisability || !m.DisabilityAllowance || m.Name != "Nguyễn Văn An" {
		t.Errorf("decoded member: %+v", m)
	}
	// Rows of before: no livelihood, no social_allowance.
	var old Household
	if err := Decode(&old, `{"income_12m":1,"members":null}`, "", ""); err != nil || old.Livelihood.Answered() || *old.Survey.Income12m != 1 {
		t.Errorf("old survey: %v %+v", err, old.Livelihood)
	}
	var om Member
	if err := DecodeMemberAnswers([]byte(`{"name":"A","sex":"male","birth_date":"1980-01-01"}`), &om); err != nil || om.SocialAllowance != "" || om.Name != "A" {
		t.Errorf("old member: %v %+v", err, om)
	}
}

// TestSameContentSeesRegistryFields: a re-import that changes only a land area or an
// allowance is a change; the same data is not.
func TestSameContentSeesRegistryFields(t *testing.T) {
	a, b := validHousehold(), validHousehold()
	a.Livelihood.AnnualCropLandM2, b.Livelihood.AnnualCropLandM2 = ptr(500.0), ptr(500.0)
	if !SameContent(a, b) {
		t.Fatal("equal households differ")
	}
	b.Livelihood.AnnualCropLandM2 = ptr(720.0)
	if SameContent(a, b) {
		t.Error("a changed land area is not seen")
	}
	b = validHousehold()
	b.Livelihood.AnnualCropLandM2 = ptr(500.0)
	b.Members[1].SocialAllowance = AllowanceOther
	if SameContent(a, b) {
		t.Error("a changed social allowance is not seen")
	}
	c := validHousehold()
	copyContent(c, b)
	if !SameContent(c, b) {
		t.Error("copyContent must copy the land and the allowances")
	}
}
