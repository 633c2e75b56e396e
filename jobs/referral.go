package jobs

import (
	"time"

	"giamngheo/poverty"
)

// ReferralStatus is where a referral stands.
type ReferralStatus string

// The referral statuses: referred, then interviewed, then hired or not.
const (
	ReferralReferred  ReferralStatus = "referred"
	ReferralInterview ReferralStatus = "interview"
	ReferralHired     ReferralStatus = "hired"
	ReferralNotHired  ReferralStatus = "not_hired"
)

// ReferralStatuses lists the statuses with their names.
var ReferralStatuses = []struct {
	Status ReferralStatus
	Name   poverty.Text
}{
	{ReferralReferred, poverty.Text{VI: "Đã giới thiệu", EN: "Referred"}},
	{ReferralInterview, poverty.Text{VI: "Hẹn phỏng vấn", EN: "Interview"}},
	{ReferralHired, poverty.Text{VI: "Được tuyển dụng", EN: "Hired"}},
	{ReferralNotHired, poverty.Text{VI: "Không được tuyển", EN: "Not hired"}},
}

// Name returns the status's name.
func (s ReferralStatus) Name() poverty.Text {
	for _, x := range ReferralStatuses {
		if x.Status == s {
			return x.Name
		}
	}
	return poverty.Text{VI: string(s), EN: string(s)}
}

// Referral is a seeker sent to a vacancy's employer, and what came of it.
type Referral struct {
	ID        int64 `json:"id,omitempty"`
	SeekerID  int64 `json:"seeker_id"`
	VacancyID int64 `json:"vacancy_id"`
	// ProvinceCode and CommuneCode are the seeker's (reports count by where the
	// worker lives); Priority the seeker's group when referred.
	ProvinceCode string         `json:"province_code"`
	CommuneCode  string         `json:"commune_code"`
	Priority     Priority       `json:"priority,omitempty"`
	Status       ReferralStatus `json:"status"`
	// Score is the match score when referred.
	Score        int       `json:"score"`
	ReferredOn   string    `json:"referred_on"`
	InterviewOn  string    `json:"interview_on,omitempty"`
	PlacedOn     string    `json:"placed_on,omitempty"`
	WithContract bool      `json:"with_contract,omitempty"`
	Note         string    `json:"note,omitempty"`
	SupportID    int64     `json:"support_id,omitempty"`
	SeekerName   string    `json:"seeker_name,omitempty"`
	EmployerName string    `json:"employer_name,omitempty"`
	Position     string    `json:"position,omitempty"`
	CreatedBy    string    `json:"created_by,omitempty"`
	CreatedAt    time.Time `json:"created_at,omitzero"`
	UpdatedAt    time.Time `json:"updated_at,omitzero"`
}

// ReferralFilter selects referrals; zero fields do not filter.
type ReferralFilter struct {
	SeekerID     int64
	VacancyID    int64
	CommuneCodes []string
}
