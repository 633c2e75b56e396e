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
