package support

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// Need is one fact about a recognised poor or near-poor household that the worklists and
// the coverage measures count: a person or the household on a kind of worklist before
// its age window and the year's support are applied, or a fact a measure counts. The
// store keeps the needs of every listed household with its roll-ups (ADR 0009), so that
// no page reads the households of a province.
type Need struct {
	HouseholdID   int64         `json:"household_id"`
	Kind          string        `json:"kind"`
	Seq           int           `json:"seq,omitempty"` // the member's order (1…), 0 for the household
	MemberID      int64         `json:"member_id,omitempty"`
	Person        string        `json:"person,omitempty"` // PersonKey; "" for the household
	ProvinceCode  string        `json:"province_code"`
	CommuneCode   string        `json:"commune_code"`
	HouseholdCode string        `json:"household_code"`
	Status        poverty.Class `json:"status"`
	HeadName      string        `json:"head_name,omitempty"`
	MemberName    string        `json:"member_name,omitempty"`
	BirthDate     string        `json:"birth_date,omitempty"` // YYYY-MM-DD, "" when unreadable
	NationalID    string        `json:"national_id,omitempty"`
	Reason        string        `json:"reason,omitempty"`
}

// The kinds of need that are facts of a measure, not worklists (the worklists' kinds
// are their GapKind).
const (
	// NeedMember is every member of a listed household (persons of the coverage
	// measures, trainees).
	NeedMember = "member"
	// NeedPupil is a member attending school (tuition exemption).
	NeedPupil = "pupil"
	// NeedNoWater is a household deprived of clean water (the clean-water measure).
	NeedNoWater = "no_water"
)

// The reasons of a need, stored as codes and shown in the user's language.
var reasons = map[string]poverty.Text{
	"hi_none":     {VI: "Chưa có thẻ bảo hiểm y tế", EN: "No health-insurance card"},
	"hi_unknown":  {VI: "Chưa có thông tin thẻ bảo hiểm y tế", EN: "Health-insurance card not recorded"},
	"school":      {VI: "Không đi học đúng cấp theo độ tuổi", EN: "Not attending school at the level for age"},
	"unemployed":  {VI: "Thất nghiệp", EN: "Unemployed"},
	"no_contract": {VI: "Làm công không có hợp đồng lao động", EN: "Works without a labour contract"},
	"housing":     {VI: "Nhà ở không bền chắc hoặc diện tích bình quân dưới 8 m²/người", EN: "Non-durable house or under 8 m² per person"},
	"water":       {VI: "Không tiếp cận nước sinh hoạt an toàn hoặc không có nhà tiêu hợp vệ sinh", EN: "No safe drinking water or no hygienic latrine"},
	"information": {VI: "Không sử dụng dịch vụ viễn thông hoặc không có phương tiện tiếp cận thông tin", EN: "No telecom service or no information device"},
	"credit":      {VI: "Chưa vay vốn chính sách trong năm", EN: "No policy loan this year"},
}

// ReasonText is the text of a need's reason code.
func ReasonText(code string) poverty.Text { return reasons[code] }

// NeedsOf derives the needs of a household as stored: none unless it is recognised poor
// or near-poor. It is pure and reads no date: the age windows (health insurance from 6,
// schooling from 3 to under 16, children under 6 covered) are applied when the needs are
// read, on the day of the reading, so that nobody waits for a write to age.
func NeedsOf(h *registry.Household) []Need {
	if !listed(h) {
		return nil
	}
	base := Need{HouseholdID: h.ID, ProvinceCode: h.ProvinceCode, CommuneCode: h.CommuneCode, HouseholdCode: h.Code, Status: h.Recognised.Class, HeadName: h.HeadName}
	var out []Need
	household := func(kind, reason string) {
		n := base
		n.Kind, n.Reason = kind, reason
		out = append(out, n)
	}
	var deprived poverty.IndicatorSet
	if h.Result != nil {
		deprived = h.Result.Deprived
	}
	if deprived.Has(poverty.IndicatorHousingQuality) || deprived.Has(poverty.IndicatorHousingArea) {
		household(string(GapHousing), "housing")
	}
	if deprived.Has(poverty.IndicatorWater) || deprived.Has(poverty.IndicatorLatrine) {
		household(string(GapWater), "water")
	}
	if deprived.Has(poverty.IndicatorTelecom) || deprived.Has(poverty.IndicatorInfoDevices) {
		household(string(GapInformation), "information")
	}
	// The survey does not ask whether a household needs capital: every listed household
	// without a policy loan this year is offered to the bank, which confirms need and
	// eligibility (plan 2023, I.2: 100% of those in need). These rows are also the
	// listed households the household measures count.
	household(string(GapCredit), "credit")
	if deprived.Has(poverty.IndicatorWater) {
		household(NeedNoWater, "")
	}
	for i, m := range h.Members {
		person := func(kind, reason string) {
			n := base
			n.Kind, n.Reason = kind, reason
			n.Seq, n.MemberID, n.Person, n.MemberName, n.NationalID = i+1, m.ID, PersonKey(m.Name, m.BirthDate), m.Name, m.NationalID
			n.BirthDate = birthDay(m.BirthDate)
			out = append(out, n)
		}
		person(NeedMember, "")
		// Decree 07/2021/NĐ-CP, Art. 3.1.b (health insurance): members aged 6 and over
		// without a card (the age is applied when read); children under 6 receive a card
		// from the State budget (Law on Health Insurance, Art. 12).
		if m.HealthInsurance == nil {
			person(string(GapHealthInsurance), "hi_unknown")
		} else if !*m.HealthInsurance {
			person(string(GapHealthInsurance), "hi_none")
		}
		// Decree 07/2021/NĐ-CP, Art. 3.1.b (children's schooling): children from 3 to
		// under 16 (applied when read) not attending school at the level for their age.
		if m.Schooling != "" && m.Schooling != poverty.SchoolingStudying {
			person(string(GapEducation), "school")
		}
		if m.Schooling == poverty.SchoolingStudying || m.Schooling == poverty.SchoolingStudyingBelowLevel {
			person(NeedPupil, "")
		}
		switch m.Employment {
		case poverty.Unemployed:
			person(string(GapLabour), "unemployed")
		case poverty.EmployedNoContract:
			person(string(GapLabour), "no_contract")
		}
	}
	return out
}

// birthDay is the birth date as YYYY-MM-DD, or "" when it is not a date: the age
// windows compare it as text.
func birthDay(s string) string {
	s = strings.TrimSpace(s)
	if _, err := time.Parse(giamngheo.DateLayout, s); err != nil {
		return ""
	}
	return s
}

// bornBefore is the last birth date of a person aged years or more on ref, as text: the
// same day and month years earlier (a 29 February stays one, and no date of the year
// before 1 March compares after it), as ageOn counts completed years.
func bornBefore(ref time.Time, years int) string {
	return fmt.Sprintf("%04d-%02d-%02d", ref.Year()-years, int(ref.Month()), ref.Day())
}

// NeedFilter selects maintained needs.
type NeedFilter struct {
	Kind string
	// CommuneCodes limits to these communes (nil: all; empty: none).
	CommuneCodes []string
	// BornAfter and BornThrough bound the birth date, as text, each "" for no bound:
	// with either, needs without a readable birth date are left out. BornOutside keeps
	// the needs outside the window instead (those without a birth date too).
	BornAfter, BornThrough string
	BornOutside            bool
	// Types, with Year, keeps the needs without a support record of one of the types in
	// the year (Supported false) or only those with one (Supported true).
	Types     []string
	Year      int
	Supported bool
}

// NeedCursor is a place in a worklist's order (commune, household code, member order):
// a page starts after it (Before false) or ends before it (Before true).
type NeedCursor struct {
	CommuneCode, HouseholdCode string
	Seq                        int
	Before                     bool
}

// NeedStore is what the store answers of the maintained needs.
type NeedStore interface {
	// CountNeeds counts the needs of f.
	CountNeeds(ctx context.Context, f NeedFilter) (int, error)
	// FindNeeds returns at most limit needs of f in worklist order, from the start, or
	// after or before the cursor.
	FindNeeds(ctx context.Context, f NeedFilter, cur *NeedCursor, limit int) ([]Need, error)
}

// String encodes the cursor for a link: "a" (after) or "b" (before), then the place.
func (c NeedCursor) String() string {
	dir := "a"
	if c.Before {
		dir = "b"
	}
	return dir + base64.RawURLEncoding.EncodeToString([]byte(c.CommuneCode+"\x1f"+c.HouseholdCode+"\x1f"+strconv.Itoa(c.Seq)))
}

// ParseNeedCursor decodes a cursor of String; "" is the start (nil).
func ParseNeedCursor(s string) (*NeedCursor, error) {
	if s == "" {
		return nil, nil
	}
	bad := giamngheo.Errorf(giamngheo.EINVALID, "Vị trí trang danh sách không hợp lệ.", "The worklist page position is not valid.")
	if s[0] != 'a' && s[0] != 'b' {
		return nil, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(s[1:])
	if err != nil {
		return nil, bad
	}
	parts := strings.Split(string(b), "\x1f")
	if len(parts) != 3 {
		return nil, bad
	}
	seq, err := strconv.Atoi(parts[2])
	if err != nil {
		return nil, bad
	}
	return &NeedCursor{CommuneCode: parts[0], HouseholdCode: parts[1], Seq: seq, Before: s[0] == 'b'}, nil
}
