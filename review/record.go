package review

import (
	"context"
	"time"

	"giamngheo/registry"
)

// CaseRecord is a case as stored: the pure Case plus what the service records around
// it (the household's identity for lists, the Phiếu B result, the meeting, the
// certificate). Result is the JSON of the classification with its explanation, kept
// opaque here so that the pure core does not depend on the poverty package.
type CaseRecord struct {
	Case
	ProvinceCode, CommuneCode string
	HouseholdCode, HeadName   string
	VillageName               string
	Members                   int
	MeetingDate               time.Time
	MeetingChair              string
	MeetingSecretary          string
	Result                    []byte
	Transition                TransitionKind
	CertificateNumber         int
	SurveyedBy                string
	UpdatedAt                 time.Time
	// LateReason is why a step of the case was dated after the round's decision
	// deadline (CheckStepDay); "" when none was.
	LateReason string
}

// RoundRecord is a round as stored, with its decision once taken.
type RoundRecord struct {
	Round
	ProvinceCode   string
	DecisionNumber string
	DecidedOn      time.Time
	CreatedAt      time.Time
	// BackdateReason is why the round was opened after its decision deadline had
	// passed (CheckOpening); "" for a round opened in time.
	BackdateReason string
}

// StepRecord is one step taken on a case, for its history.
type StepRecord struct {
	ID       int64
	CaseID   int64
	At       time.Time
	Username string
	Action   Action
	From, To State
	Note     string
}

// StatusCount is the number of households and persons of a recognised class.
type StatusCount struct {
	Class      Class
	Households int
	Persons    int
}

// Store persists rounds, cases, events and the households' recognised status.
type Store interface {
	CreateRound(ctx context.Context, r *RoundRecord) error
	SaveRound(ctx context.Context, r *RoundRecord) error
	FindRoundByID(ctx context.Context, id int64) (*RoundRecord, error)
	// FindRounds lists the rounds of the communes (all when nil), newest first.
	FindRounds(ctx context.Context, communeCodes []string) ([]*RoundRecord, error)

	CreateCase(ctx context.Context, c *CaseRecord) error
	SaveCase(ctx context.Context, c *CaseRecord) error
	FindCaseByID(ctx context.Context, id int64) (*CaseRecord, error)
	// FindCases lists the cases of a round in household-code order.
	FindCases(ctx context.Context, roundID int64) ([]*CaseRecord, error)

	InsertStep(ctx context.Context, e *StepRecord) error
	FindSteps(ctx context.Context, caseID int64) ([]*StepRecord, error)

	// SetHouseholdStatus records the recognised status of a household (the class of a
	// decision, since when, the decision and round, the certificate number).
	SetHouseholdStatus(ctx context.Context, householdID int64, rc registry.Recognition) error
	// HouseholdStatus returns the recognised class of a household ("" if on no list).
	HouseholdStatus(ctx context.Context, householdID int64) (Class, error)
	// CountStatus counts the households and persons of a commune by recognised class.
	CountStatus(ctx context.Context, communeCode string) ([]StatusCount, error)
	// ListedHouseholds returns the ids of the commune's households recognised poor or
	// near-poor, with their class (the periodic review's list, Circular 07/2021 App. I).
	ListedHouseholds(ctx context.Context, communeCode string) (map[int64]Class, error)
	// DecidedClasses returns the classes a household was recognised as by decisions
	// taken on or after since (earlier cases of the standard's period).
	DecidedClasses(ctx context.Context, householdID int64, since time.Time) ([]Class, error)
	// NextCertificateNumber returns the next certificate number of a commune in a year.
	NextCertificateNumber(ctx context.Context, communeCode string, year int) (int, error)
}
