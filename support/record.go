package support

import (
	"context"
	"strings"
	"time"

	"giamngheo/poverty"
	"giamngheo/vntext"
)

// Record is one support delivered to a person or a household.
type Record struct {
	ID          int64 `json:"id,omitempty"`
	HouseholdID int64 `json:"household_id"`
	// Person is the supported person's key (PersonKey: folded name and birth date,
	// stable across edits of the household, which renumber its members); "" when the
	// support went to the household. MemberName and BirthDate are as recorded.
	Person       string `json:"person,omitempty"`
	MemberName   string `json:"member_name,omitempty"`
	BirthDate    string `json:"birth_date,omitempty"`
	ProvinceCode string `json:"province_code"`
	CommuneCode  string `json:"commune_code"`
	Type         string `json:"type"`
	// Agency is the code of the agency that delivered it (the type's agency, or the
	// recording agency officer's for "other").
	Agency string `json:"agency"`
	// Day is the day of the support, YYYY-MM-DD (Vietnam); Year is its year.
	Day      string  `json:"day"`
	Year     int     `json:"year"`
	Quantity float64 `json:"quantity,omitempty"`
	// Amount is the money, in đồng (0 when none or in kind).
	Amount int64  `json:"amount,omitempty"`
	Source Source `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
	// Origin says how it was entered: "form", or "list: FILE" for a beneficiary list.
	Origin    string    `json:"origin,omitempty"`
	CreatedBy string    `json:"created_by,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Key is a person of a household (Person ≠ "") or the household (Person = "").
type Key struct {
	HouseholdID int64
	Person      string
}

// PersonKey is how a support record names a person: the folded name and the birth
// date. Members are stored anew on each edit of a household (their ids change) and a
// national ID may be added later, so neither identifies the person over a year.
func PersonKey(name, birthDate string) string {
	return strings.Join(strings.Fields(vntext.Fold(name)), " ") + "|" + strings.TrimSpace(birthDate)
}

// Filter selects support records; zero fields do not filter.
type Filter struct {
	HouseholdID int64
	// CommuneCodes limits to these communes (nil: all; empty: none).
	CommuneCodes []string
	Year         int
	Types        []string
	Agency       string
}

// Candidate is a person of the registry a beneficiary-list row may mean.
type Candidate struct {
	HouseholdID   int64         `json:"household_id"`
	MemberID      int64         `json:"member_id"`
	HouseholdCode string        `json:"household_code"`
	ProvinceCode  string        `json:"province_code"`
	CommuneCode   string        `json:"commune_code"`
	HeadName      string        `json:"head_name"`
	FullName      string        `json:"full_name"`
	BirthDate     string        `json:"birth_date"`
	NationalID    string        `json:"national_id,omitempty"`
	Status        poverty.Class `json:"status,omitempty"`
}

// Store persists support records and answers the matching queries. Inserts use the
// transaction carried by ctx.
type Store interface {
	NeedStore
	// InsertSupport stores r and reports true, or reports false and stores nothing when
	// the same support (type, household, member, day) is already recorded.
	InsertSupport(ctx context.Context, r *Record) (bool, error)
	// InsertSupports stores the records not recorded yet and returns how many it stored
	// (a list's commit, in a few statements).
	InsertSupports(ctx context.Context, rs []*Record) (int, error)
	// FindSupport returns the matching records, newest day first.
	FindSupport(ctx context.Context, f Filter) ([]*Record, error)
	// SupportedKeys returns the persons and households with a record of one of the
	// types in the year, in the communes (nil: all).
	SupportedKeys(ctx context.Context, f Filter) (map[Key]bool, error)
	// CandidatesByNationalID returns the members holding one of the IDs (a list is
	// matched a chunk of IDs at a time).
	CandidatesByNationalID(ctx context.Context, ids []string) ([]Candidate, error)
	// CandidatesByHouseholdCodes returns the members of the households with one of
	// the codes.
	CandidatesByHouseholdCodes(ctx context.Context, codes []string) ([]Candidate, error)
	// CandidatesByBirthDate returns the members born on the day in the communes.
	CandidatesByBirthDate(ctx context.Context, communeCodes []string, birthDate string) ([]Candidate, error)
}
