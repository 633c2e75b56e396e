package jobs

import (
	"strings"
	"time"

	"giamngheo"
	"giamngheo/vntext"
)

// VacancyStatus is where a vacancy stands.
type VacancyStatus string

// The vacancy statuses.
const (
	// VacancyPending: sent on the public form by an employer, waiting for a job-centre
	// officer to verify the employer; not shown publicly.
	VacancyPending VacancyStatus = "pending"
	VacancyOpen    VacancyStatus = "open"
	// VacancyClosed: closed by an officer, or open past its closing date (StatusOn).
	VacancyClosed VacancyStatus = "closed"
	VacancyFilled VacancyStatus = "filled" // every place filled by placements
)

// Vacancy is an employer's offer of work.
type Vacancy struct {
	ID int64 `json:"id,omitempty"`
	// ProvinceCode and CommuneCode are where the work is.
	ProvinceCode    string `json:"province_code"`
	CommuneCode     string `json:"commune_code"`
	EmployerName    string `json:"employer_name"`
	EmployerTaxCode string `json:"employer_tax_code,omitempty"`
	EmployerAddress string `json:"employer_address,omitempty"`
	EmployerContact string `json:"employer_contact,omitempty"`
	Position        string `json:"position"`
	Requirements    string `json:"requirements,omitempty"`
	// Skills are comma-separated, matched folded against the seekers' skills.
	Skills string `json:"skills,omitempty"`
	// WageMin and WageMax are the monthly wage offered, in đồng (0: not stated).
	WageMin int64 `json:"wage_min,omitempty"`
	WageMax int64 `json:"wage_max,omitempty"`
	Places  int   `json:"places"`
	Filled  int   `json:"filled"`
	// ClosingDate is the last day applications are taken (YYYY-MM-DD, Vietnam).
	ClosingDate string `json:"closing_date"`
	// Abroad names the country of a labour-export order ("" for work in Vietnam).
	Abroad     string        `json:"abroad,omitempty"`
	Status     VacancyStatus `json:"status"`
	Origin     string        `json:"origin"`
	VerifiedBy string        `json:"verified_by,omitempty"`
	VerifiedAt time.Time     `json:"verified_at,omitzero"`
	Day        string        `json:"day"`
	CreatedBy  string        `json:"created_by,omitempty"`
	CreatedAt  time.Time     `json:"created_at,omitzero"`
	UpdatedAt  time.Time     `json:"updated_at,omitzero"`
}

// StatusOn is the status of the vacancy on the day today (YYYY-MM-DD in Vietnam): an
// open vacancy past its closing date is closed, with no one needing to close it.
func (v *Vacancy) StatusOn(today string) VacancyStatus {
	if v.Status == VacancyOpen && v.ClosingDate < today {
		return VacancyClosed
	}
	return v.Status
}

// Wage is the wage the matching compares with a seeker's wish: the top of the range
// when given, else its bottom.
func (v *Vacancy) Wage() int64 {
	if v.WageMax > 0 {
		return v.WageMax
	}
	return v.WageMin
}

// normalize cleans and checks the vacancy; today is the day in Vietnam (YYYY-MM-DD).
func (v *Vacancy) normalize(today string) error {
	for _, p := range []*string{&v.EmployerName, &v.EmployerTaxCode, &v.EmployerAddress, &v.EmployerContact, &v.Position, &v.Requirements, &v.Skills, &v.Abroad} {
		*p = vntext.Clean(strings.TrimSpace(*p))
		if len(*p) > maxText {
			return invalid("text", "Nội dung quá dài (tối đa %d ký tự).", "Text too long (at most %d bytes).", maxText)
		}
	}
	if v.EmployerName == "" {
		return invalid("employer_name", "Nhập tên doanh nghiệp, người sử dụng lao động.", "Enter the employer's name.")
	}
	if v.EmployerTaxCode != "" && !validTaxCode(v.EmployerTaxCode) {
		// Circular 105/2020/TT-BTC, Art. 5: a tax code has 10 digits, or 13 with a
		// dependent unit's "-NNN".
		return invalid("employer_tax_code", "Mã số thuế %q không hợp lệ (10 chữ số, hoặc 10 chữ số-3 chữ số).", "Tax code %q is not valid (10 digits, or 10 digits-3 digits).", v.EmployerTaxCode)
	}
	if v.Position == "" {
		return invalid("position", "Nhập vị trí việc làm.", "Enter the position.")
	}
	if v.CommuneCode == "" {
		return invalid("commune_code", "Chọn xã, phường nơi làm việc.", "Choose the commune of the workplace.")
	}
	if v.Places <= 0 || v.Places > 100000 {
		return invalid("places", "Số lượng cần tuyển phải từ 1.", "The number of places must be at least 1.")
	}
	if v.WageMin < 0 || v.WageMax < 0 || (v.WageMax > 0 && v.WageMin > v.WageMax) || v.WageMax > 1_000_000_000 {
		return invalid("wage", "Mức lương không hợp lệ.", "The wage is not valid.")
	}
	v.ClosingDate = strings.TrimSpace(v.ClosingDate)
	if _, err := time.Parse(giamngheo.DateLayout, v.ClosingDate); err != nil {
		return invalid("closing_date", "Hạn nộp hồ sơ %q không hợp lệ.", "Closing date %q is not valid.", v.ClosingDate)
	}
	if v.ClosingDate < today {
		return invalid("closing_date", "Hạn nộp hồ sơ đã qua.", "The closing date has passed.")
	}
	return nil
}

func validTaxCode(s string) bool {
	main, branch, dash := strings.Cut(s, "-")
	if len(main) != 10 || (dash && len(branch) != 3) {
		return false
	}
	for _, c := range main + branch {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// VacancyFilter selects vacancies; zero fields do not filter.
type VacancyFilter struct {
	// CommuneCodes limits to these communes (nil: all; empty: none).
	CommuneCodes []string
	// OpenOn keeps the vacancies open on that day (status open, closing date not
	// passed): what the public site and the matching read.
	OpenOn string
	Status VacancyStatus
	// Query matches employer, position, requirements and skills, folded.
	Query string
	Page  giamngheo.Page
}

// SearchText is what the search of vacancies compares, folded.
func (v *Vacancy) SearchText() string {
	return vntext.Fold(strings.Join([]string{v.EmployerName, v.Position, v.Requirements, v.Skills, v.Abroad}, " "))
}
