package jobs

import (
	"strings"
	"time"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/vntext"
)

// Priority is the priority group of a job seeker, from the household's recognised
// status (Decree 30/2025/NĐ-CP gives priority to these workers).
type Priority string

// The priority groups, highest first.
const (
	PriorityPoor      Priority = "poor"       // thuộc hộ nghèo
	PriorityNearPoor  Priority = "near_poor"  // thuộc hộ cận nghèo
	PriorityEscaped   Priority = "escaped"    // thuộc hộ mới thoát nghèo, thoát cận nghèo
	PriorityLowIncome Priority = "low_income" // người lao động có thu nhập thấp
	PriorityNone      Priority = ""
)

// Priorities lists the groups in order, with their names.
var Priorities = []struct {
	Priority Priority
	Name     poverty.Text
}{
	{PriorityPoor, poverty.Text{VI: "Thuộc hộ nghèo", EN: "Poor household"}},
	{PriorityNearPoor, poverty.Text{VI: "Thuộc hộ cận nghèo", EN: "Near-poor household"}},
	{PriorityEscaped, poverty.Text{VI: "Thuộc hộ mới thoát nghèo", EN: "Newly escaped household"}},
	{PriorityLowIncome, poverty.Text{VI: "Lao động thu nhập thấp", EN: "Low-income worker"}},
	{PriorityNone, poverty.Text{VI: "Không thuộc diện ưu tiên", EN: "No priority group"}},
}

// Name returns the name of the group.
func (p Priority) Name() poverty.Text {
	for _, x := range Priorities {
		if x.Priority == p {
			return x.Name
		}
	}
	return poverty.Text{VI: string(p), EN: string(p)}
}

// Valid reports whether p is a known group.
func (p Priority) Valid() bool {
	for _, x := range Priorities {
		if x.Priority == p {
			return true
		}
	}
	return false
}

// EscapedYears is how long a household that left the poor or near-poor list counts as
// newly escaped: three years from the decision (Decision 28/2015/QĐ-TTg, Art. 2:
// "hộ mới thoát nghèo" for at most 3 years after leaving the list).
const EscapedYears = 3

// PriorityOf is the priority group of a worker of a household recognised as class,
// escaped telling whether the household was decided out of the poor or near-poor list
// within EscapedYears, and lowIncome whether the worker is a low-income worker (the
// survey's result, or declared when the seeker is not in the registry). Pure.
func PriorityOf(class poverty.Class, escaped, lowIncome bool) Priority {
	switch {
	case class == poverty.Poor:
		return PriorityPoor
	case class == poverty.NearPoor:
		return PriorityNearPoor
	case escaped:
		return PriorityEscaped
	case lowIncome:
		return PriorityLowIncome
	}
	return PriorityNone
}

// Range is how far a seeker is willing to travel to work.
type Range string

// The commuting ranges.
const (
	RangeCommune  Range = "commune"  // trong xã
	RangeProvince Range = "province" // trong tỉnh
	RangeAny      Range = "any"      // bất cứ đâu (kể cả nước ngoài)
)

// Ranges lists the ranges with their names.
var Ranges = []struct {
	Range Range
	Name  poverty.Text
}{
	{RangeCommune, poverty.Text{VI: "Trong xã, phường", EN: "Within the commune"}},
	{RangeProvince, poverty.Text{VI: "Trong tỉnh, thành phố", EN: "Within the province"}},
	{RangeAny, poverty.Text{VI: "Bất cứ đâu", EN: "Anywhere"}},
}

// SeekerStatus is where a seeker stands.
type SeekerStatus string

// The seeker statuses.
const (
	// SeekerPending: registered on the public form, not yet verified by an officer;
	// nobody but officers sees it.
	SeekerPending SeekerStatus = "pending"
	SeekerActive  SeekerStatus = "active" // looking for work
	SeekerPlaced  SeekerStatus = "placed" // found work through the exchange
	SeekerClosed  SeekerStatus = "closed" // no longer looking
)

// Seeker is a person looking for work.
type Seeker struct {
	ID           int64  `json:"id,omitempty"`
	ProvinceCode string `json:"province_code"`
	CommuneCode  string `json:"commune_code"`
	FullName     string `json:"full_name"`
	BirthDate    string `json:"birth_date"`
	Sex          string `json:"sex,omitempty"`
	Phone        string `json:"phone,omitempty"`
	Address      string `json:"address,omitempty"`
	// HouseholdID links the seeker to a registry household (0: none). Members are
	// stored anew on each save of a household, so the member is named by FullName and
	// BirthDate (support.PersonKey), never by its id.
	HouseholdID   int64  `json:"household_id,omitempty"`
	HouseholdCode string `json:"household_code,omitempty"`
	// Class is the household's RECOGNISED class when linked (registry.Recognition).
	Class poverty.Class `json:"class,omitempty"`
	// LowIncome: a low-income worker (the survey's result when linked, else declared).
	LowIncome bool     `json:"low_income,omitempty"`
	Priority  Priority `json:"priority,omitempty"`
	// Skills are comma-separated (matched folded, without diacritics).
	Skills      string `json:"skills,omitempty"`
	Education   string `json:"education,omitempty"`
	Vocational  string `json:"vocational,omitempty"`
	DesiredWork string `json:"desired_work,omitempty"`
	// DesiredWage is the monthly wage wished, in đồng (0: no wish).
	DesiredWage int64 `json:"desired_wage,omitempty"`
	Range       Range `json:"range"`
	// AvailableFrom is the first day the seeker can start (YYYY-MM-DD, "" = now).
	AvailableFrom string `json:"available_from,omitempty"`
	// LabourExport: a candidate to work abroad under contract (Law 69/2020/QH14).
	LabourExport bool `json:"labour_export,omitempty"`
	// Consent to share the profile with employers; ConsentAt when given, WithdrawnAt
	// when withdrawn (then Consent is false). Without it the seeker is on no list
	// outside the officers' register and is referred to nobody.
	Consent     bool         `json:"consent"`
	ConsentAt   time.Time    `json:"consent_at,omitzero"`
	WithdrawnAt time.Time    `json:"withdrawn_at,omitzero"`
	Status      SeekerStatus `json:"status"`
	// Origin is "officer" or "public" (the public form).
	Origin     string    `json:"origin"`
	VerifiedBy string    `json:"verified_by,omitempty"`
	VerifiedAt time.Time `json:"verified_at,omitzero"`
	// Day is the day of registration (Vietnam), for reports by period.
	Day       string    `json:"day"`
	CreatedBy string    `json:"created_by,omitempty"`
	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// Shareable reports whether the seeker may be shown to an employer or put on a
// candidate list: verified, still looking, and consenting.
func (s *Seeker) Shareable() bool {
	return s.Consent && s.Status == SeekerActive
}

func invalid(field, vi, en string, args ...any) error {
	e := giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...)
	e.Field = field
	return e
}

// maxText bounds a free-text field, in bytes.
const maxText = 2000

// normalize cleans the text fields of s and checks them; today bounds the birth date.
func (s *Seeker) normalize(today time.Time) error {
	for _, p := range []*string{&s.FullName, &s.Phone, &s.Address, &s.Skills, &s.Education, &s.Vocational, &s.DesiredWork, &s.Sex} {
		*p = vntext.Clean(strings.TrimSpace(*p))
		if len(*p) > maxText {
			return invalid("text", "Nội dung quá dài (tối đa %d ký tự).", "Text too long (at most %d bytes).", maxText)
		}
	}
	s.BirthDate, s.AvailableFrom = strings.TrimSpace(s.BirthDate), strings.TrimSpace(s.AvailableFrom)
	if s.FullName == "" {
		return invalid("full_name", "Nhập họ và tên người tìm việc.", "Enter the job seeker's name.")
	}
	b, err := time.Parse(giamngheo.DateLayout, s.BirthDate)
	if err != nil {
		return invalid("birth_date", "Ngày sinh %q không hợp lệ.", "Birth date %q is not valid.", s.BirthDate)
	}
	if age := today.Year() - b.Year(); age < 15 || age > 100 {
		// Labour Code 45/2019/QH14, Art. 3.1: a worker is aged 15 or over.
		return invalid("birth_date", "Người tìm việc phải từ đủ 15 tuổi (Bộ luật Lao động, Điều 3).", "A job seeker must be at least 15 (Labour Code, Art. 3).")
	}
	if s.AvailableFrom != "" {
		if _, err := time.Parse(giamngheo.DateLayout, s.AvailableFrom); err != nil {
			return invalid("available_from", "Ngày có thể bắt đầu %q không hợp lệ.", "Start day %q is not valid.", s.AvailableFrom)
		}
	}
	if s.CommuneCode == "" {
		return invalid("commune_code", "Chọn xã, phường nơi người tìm việc sinh sống.", "Choose the commune where the job seeker lives.")
	}
	if s.DesiredWage < 0 || s.DesiredWage > 1_000_000_000 {
		return invalid("desired_wage", "Mức lương mong muốn không hợp lệ.", "The desired wage is not valid.")
	}
	switch s.Range {
	case RangeCommune, RangeProvince, RangeAny:
	case "":
		s.Range = RangeProvince
	default:
		return invalid("range", "Phạm vi đi làm %q không hợp lệ.", "Commuting range %q is not valid.", string(s.Range))
	}
	return nil
}

// SeekerFilter selects seekers; zero fields do not filter.
type SeekerFilter struct {
	// CommuneCodes limits to these communes (nil: all; empty: none).
	CommuneCodes []string
	Status       SeekerStatus
	Priority     *Priority
	// Shareable keeps only active, consenting seekers (what a candidate list reads).
	Shareable    bool
	LabourExport bool
	HouseholdID  int64
	// Query matches the name or the skills, folded.
	Query string
	Page  giamngheo.Page
}
