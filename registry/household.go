package registry

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/vntext"
)

// Household is one registered household: where it lives, who its members are, and
// its survey answers.
//
// The survey answers are a field, not an embedded struct: poverty.Household has its
// own Validate and Members, and embedding would promote both next to the registry's
// and make it ambiguous which one a caller is reading. The split is:
//
//   - Survey holds the household-level answers of Phiếu B (income, dwelling, water,
//     latrine, telecom, devices, waste, farm household, area override, region …).
//     The area override the brief asks for is Survey.Area ("" keeps the commune's),
//     held there once rather than repeated here.
//   - Members holds the persons, each embedding poverty.Member (name, sex, birth date
//     and the member answers) plus the registry identity. Survey.Members is always
//     empty in a normalised household; Answers joins the two for the poverty rules.
type Household struct {
	ID int64 `json:"id,omitempty"`
	// Code is the household code (mã hộ) the commune uses; unique within the province.
	Code string `json:"code"`
	// ProvinceCode and CommuneCode are GSO codes (2 and 5 digits). The service derives
	// the province from the commune when an import does not give it.
	ProvinceCode string `json:"province_code,omitempty"`
	CommuneCode  string `json:"commune_code"`
	// VillageID is the store's village (thôn, tổ dân phố) when resolved; VillageName is
	// the name as written, kept for display and for matching on import.
	VillageID   int64  `json:"village_id,omitempty"`
	VillageName string `json:"village_name,omitempty"`
	Address     string `json:"address,omitempty"`
	// HeadName is the name of the head of household (chủ hộ), the name the household
	// is listed under.
	HeadName string `json:"head_name"`
	Phone    string `json:"phone,omitempty"`
	// Survey holds the household-level survey answers; see the type comment.
	Survey poverty.Household `json:"survey"`
	// Livelihood is the household's land and livestock, survey answers the registry
	// keeps beside Survey because the poverty rules do not read them.
	Livelihood Livelihood `json:"livelihood,omitzero"`
	// Traits are the characteristics the reports count (merit, labour capacity,
	// causes of poverty, needs, ethnic minority, female head); see Traits.
	Traits  Traits   `json:"traits,omitzero"`
	Members []Member `json:"members"`
	// Result is the household's current classification with its explanation, set by
	// the service on import and on every edit; nil before the first classification.
	// It is the survey result: a proposal beside Recognised, never a list by itself.
	Result *poverty.Result `json:"result,omitempty"`
	// Recognised is the status by the commune's decision (see Recognition); only the
	// review changes it, and the store never writes it with the household's edits.
	Recognised Recognition `json:"recognised,omitzero"`
	// Version counts the stored changes of the household (1 when created).
	Version int `json:"version,omitempty"`

	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// Warnings are the non-blocking issues Normalize found; they are recomputed on
	// every Normalize and are not an input.
	Warnings []Warning `json:"warnings,omitempty"`

	// stored is the stored form computed ahead by Precompute, or nil.
	stored *Stored
}

// Warning is a non-blocking issue about a household: the data is accepted, but an
// officer should look. Field uses the same paths as validation errors.
type Warning struct {
	Code      string `json:"code"`
	Field     string `json:"field,omitempty"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en,omitempty"`
}

// WarnNationalIDRepeated is the code of the warning for the same national ID on two
// members of one household. The other national-ID warnings carry the codes of
// CheckNationalID (IDProvinceUnknown, IDCenturySexMismatch, IDYearMismatch,
// IDOldCMND). Codes are stable: the UI and reports filter on them.
const WarnNationalIDRepeated = "national_id_repeated"

// idBlocking are the CheckNationalID findings that make a number unfit to store: a
// wrong length (an 11-digit number too, whose lost leading zero the officer must
// confirm) or a character that is not a digit.
var idBlocking = map[string]bool{IDNotDigits: true, IDLength: true, IDLeadingZeroMissing: true}

// Bounds on free text, in bytes; sanity limits against pasted garbage.
const (
	maxCodeLen    = 40
	maxNameLen    = 200
	maxAddressLen = 500
	maxPhoneLen   = 20
)

// Answers returns the survey answers with the members filled in from Members, in
// order, as the poverty rules read them. It copies the member answers; Survey's
// slices and maps are shared.
func (h *Household) Answers() *poverty.Household {
	a := h.Survey
	a.Members = make([]poverty.Member, len(h.Members))
	for i := range h.Members {
		a.Members[i] = h.Members[i].Member
	}
	return &a
}

// Head returns the index of the member who is the head of household: the first whose
// relation is RelationHead, or -1.
func (h *Household) Head() int {
	for i := range h.Members {
		if h.Members[i].Relation == RelationHead {
			return i
		}
	}
	return -1
}

// Normalize cleans the household in place: every text to NFC with white space
// collapsed (vntext.Clean), national IDs and phone to their digits, members given as
// Survey.Members moved to Members, and Warnings recomputed. Call it before Validate.
func (h *Household) Normalize() {
	h.Code = vntext.Clean(h.Code)
	h.ProvinceCode = vntext.Clean(h.ProvinceCode)
	h.CommuneCode = vntext.Clean(h.CommuneCode)
	h.VillageName = vntext.Clean(h.VillageName)
	h.Address = vntext.Clean(h.Address)
	h.HeadName = vntext.Clean(h.HeadName)
	h.Phone = normalizePhone(h.Phone)
	if len(h.Members) == 0 && len(h.Survey.Members) > 0 {
		h.Members = make([]Member, len(h.Survey.Members))
		for i, m := range h.Survey.Members {
			h.Members[i].Member = m
		}
		h.Survey.Members = nil
	}
	for i := range h.Members {
		h.Members[i].normalize()
	}
	if h.HeadName == "" {
		if i := h.Head(); i >= 0 {
			h.HeadName = h.Members[i].Name
		}
	}
	h.Warnings = h.check()
}

// check returns the non-blocking issues: national IDs that disagree with the member's
// sex or birth date, and the same ID on two members.
func (h *Household) check() []Warning {
	var ws []Warning
	seen := map[string]int{}
	for i := range h.Members {
		m := &h.Members[i]
		if m.NationalID == "" {
			continue
		}
		field := memberField(i, "national_id")
		for _, is := range CheckNationalID(m.NationalID, birthTime(m.BirthDate), string(m.Sex)) {
			if !idBlocking[is.Code] { // blocking ones are Validate's
				ws = append(ws, Warning{Code: is.Code, Field: field, Message: is.Message, MessageEN: is.MessageEN})
			}
		}
		if j, ok := seen[m.NationalID]; ok {
			ws = append(ws, Warning{Code: WarnNationalIDRepeated, Field: field,
				Message: fmt.Sprintf("Số CCCD %s trùng với thành viên thứ %d (%s) của cùng hộ",
					m.NationalID, j+1, h.Members[j].Name),
				MessageEN: fmt.Sprintf("national ID %s is the same as that of member %d (%s) of the same household",
					m.NationalID, j+1, h.Members[j].Name)})
			continue
		}
		seen[m.NationalID] = i
	}
	return ws
}

// Validate checks that the household can be stored: codes well formed, a head, each
// member named with a known relation and social allowance and a well-formed national
// ID, land and livestock in range, and the survey answers valid by poverty's rules. The error is a *giamngheo.Error with code
// EINVALID and Field set (e.g. "commune_code", "members[2].national_id").
func (h *Household) Validate() error {
	switch {
	case h.Code == "":
		return invalid("code", "Thiếu mã hộ", "the household code is missing")
	case len(h.Code) > maxCodeLen || !isCode(h.Code):
		return invalid("code", "Mã hộ %q không hợp lệ (chỉ chữ, số và - _ . /, tối đa %d ký tự)",
			"invalid household code %q (letters, digits and - _ . / only, at most %d characters)", h.Code, maxCodeLen)
	case h.ProvinceCode != "" && !isDigits(h.ProvinceCode, 2):
		return invalid("province_code", "Mã tỉnh %q không hợp lệ (2 chữ số)", "invalid province code %q (2 digits)", h.ProvinceCode)
	case h.CommuneCode == "":
		return invalid("commune_code", "Thiếu mã xã", "the commune code is missing")
	case !isDigits(h.CommuneCode, 5):
		return invalid("commune_code", "Mã xã %q không hợp lệ (5 chữ số theo danh mục của Tổng cục Thống kê)",
			"invalid commune code %q (5 digits of the GSO list)", h.CommuneCode)
	case h.VillageID < 0:
		return invalid("village_id", "Mã thôn %d không hợp lệ", "invalid village id %d", h.VillageID)
	case !okText(h.VillageName, maxNameLen):
		return invalid("village_name", "Tên thôn/tổ dân phố quá dài (tối đa %d byte)", "village name too long (at most %d bytes)", maxNameLen)
	case !okText(h.Address, maxAddressLen):
		return invalid("address", "Địa chỉ quá dài (tối đa %d byte)", "address too long (at most %d bytes)", maxAddressLen)
	case h.Phone != "" && !isPhone(h.Phone):
		return invalid("phone", "Số điện thoại %q không hợp lệ", "invalid phone number %q", h.Phone)
	case h.HeadName == "":
		return invalid("head_name", "Thiếu họ tên chủ hộ", "the name of the head of household is missing")
	case !okText(h.HeadName, maxNameLen):
		return invalid("head_name", "Họ tên chủ hộ quá dài (tối đa %d byte)", "head's name too long (at most %d bytes)", maxNameLen)
	case len(h.Survey.Members) > 0:
		return invalid("survey.members", "Thành viên phải nằm trong danh sách thành viên của hộ, không trong phiếu khảo sát",
			"members belong in the household's member list, not in the survey answers")
	case len(h.Members) == 0:
		return invalid("members", "Hộ không có thành viên nào", "the household has no members")
	}
	if err := h.Livelihood.Validate(); err != nil {
		return err
	}
	if err := h.Traits.Validate(); err != nil {
		return err
	}
	head := -1
	for i := range h.Members {
		m := &h.Members[i]
		switch {
		case m.Name == "":
			return invalid(memberField(i, "name"), "Thành viên thứ %d: thiếu họ tên", "member %d: the full name is missing", i+1)
		case m.Relation != "" && !m.Relation.Valid():
			return invalid(memberField(i, "relation"), "Thành viên thứ %d: quan hệ với chủ hộ %q không hợp lệ",
				"member %d: invalid relation to the head %q", i+1, m.Relation)
		case !okText(m.Ethnicity, maxNameLen):
			return invalid(memberField(i, "ethnicity"), "Thành viên thứ %d: dân tộc quá dài", "member %d: ethnicity too long", i+1)
		case !m.SocialAllowance.Valid():
			return invalid(memberField(i, "social_allowance"), "Thành viên thứ %d: loại trợ cấp xã hội hằng tháng %q không hợp lệ",
				"member %d: invalid kind of monthly social allowance %q", i+1, m.SocialAllowance)
		}
		for _, is := range CheckNationalID(m.NationalID, time.Time{}, "") {
			if idBlocking[is.Code] {
				return invalidMsg(memberField(i, "national_id"), fmt.Sprintf("Thành viên thứ %d: %s", i+1, is.Message), fmt.Sprintf("Member %d: %s", i+1, is.MessageEN))
			}
		}
		if m.Relation == RelationHead {
			if head >= 0 {
				return invalid(memberField(i, "relation"), "Hộ có hai chủ hộ (thành viên thứ %d và %d)",
					"the household has two heads (members %d and %d)", head+1, i+1)
			}
			head = i
		}
	}
	if head >= 0 && vntext.Fold(h.Members[head].Name) != vntext.Fold(h.HeadName) {
		return invalid("head_name", "Tên chủ hộ %q khác tên thành viên là chủ hộ %q",
			"head's name %q differs from the name of the member who is head %q", h.HeadName, h.Members[head].Name)
	}
	if err := h.Answers().Validate(); err != nil {
		var e *giamngheo.Error
		if errors.As(err, &e) && strings.HasPrefix(e.Field, "members[") {
			return e // same paths as ours
		} else if e != nil && e.Field != "" {
			c := *e
			c.Field = "survey." + e.Field
			return &c
		}
		return err
	}
	return nil
}

// HouseholdFilter selects households for FindHouseholds. Zero fields do not filter.
type HouseholdFilter struct {
	// CommuneCodes limits to these communes (the caller's scope, already resolved).
	CommuneCodes []string
	VillageID    *int64
	// Class is the poverty class of the household's current survey result.
	Class *poverty.Class
	// Status keeps households recognised in this class (poverty.Poor, poverty.NearPoor;
	// "" for households on no list): the default meaning of a list of the poor.
	Status *poverty.Class
	// Differs keeps households whose survey result would put them on another list than
	// the one they are recognised on (Household.NeedsReview).
	Differs bool
	// Unanswered keeps households whose survey has no answer to the household-level
	// question of this indicator (waste treatment, before the 2027–2030 standard).
	Unanswered poverty.IndicatorKey
	// Indicator keeps households deprived in this indicator.
	Indicator poverty.IndicatorKey
	// Query matches the household code, the head's name or a member's name or national
	// ID. It is compared folded (vntext.Fold), so "nguyen van a" finds "Nguyễn Văn A".
	Query string
	// SortByName orders by the head's name as Vietnamese lists do (given name first);
	// otherwise households come in administrative order (commune, then code).
	SortByName bool
	Page       giamngheo.Page
	// After, when set, starts the page after this household of the list (keyset
	// paging, issue 13 item 8); Page.Offset is then ignored. CursorAfter makes it.
	After *HouseholdCursor
	// CountUpTo bounds the total FindHouseholds returns: 0 counts every matching
	// household (the exact total); n > 0 counts at most n+1, so that a total above n
	// means "more than n"; a negative value counts nothing and the total is -1 (the
	// caller takes it from the maintained roll-ups). Counting reads every match: at a
	// province's size, lists bound it.
	CountUpTo int
	// Summary reads only what a list shows: identity, village, head, recognised status
	// and the survey result's class and deprivation count (Result holds only those);
	// no answers, address, phone or warnings. For pages that list, never for exports.
	Summary bool
}

// HouseholdUpdate changes some fields of a household; nil fields are left as they are.
// Members, Survey and Livelihood replace the whole list or answer set, as the survey
// form is edited as a whole.
type HouseholdUpdate struct {
	// BaseVersion is the version of the household the edit was based on (required):
	// an edit of a household changed since then is refused as a conflict, never
	// applied over the other officer's change.
	BaseVersion int
	VillageID   *int64
	VillageName *string
	Address     *string
	HeadName    *string
	Phone       *string
	Survey      *poverty.Household
	Livelihood  *Livelihood
	Traits      *Traits
	Members     *[]Member
}

// Apply copies the set fields of u onto h. The caller normalises and validates h
// afterwards, as for a new household.
func (u HouseholdUpdate) Apply(h *Household) {
	if u.VillageID != nil {
		h.VillageID = *u.VillageID
	}
	if u.VillageName != nil {
		h.VillageName = *u.VillageName
	}
	if u.Address != nil {
		h.Address = *u.Address
	}
	if u.HeadName != nil {
		h.HeadName = *u.HeadName
	}
	if u.Phone != nil {
		h.Phone = *u.Phone
	}
	if u.Survey != nil {
		h.Survey = *u.Survey
	}
	if u.Livelihood != nil {
		h.Livelihood = *u.Livelihood
	}
	if u.Traits != nil {
		h.Traits = *u.Traits
	}
	if u.Members != nil {
		h.Members = append([]Member(nil), (*u.Members)...)
	}
}

// Store persists households. The SQL stores implement it; the rules (validation,
// scope, audit) live in the service, not here.
type Store interface {
	// FindHouseholdByID returns the household with its members, or ENOTFOUND.
	FindHouseholdByID(ctx context.Context, id int64) (*Household, error)
	// FindHouseholdCommune returns the stored household's commune code, or ENOTFOUND:
	// what a scope check reads.
	FindHouseholdCommune(ctx context.Context, id int64) (string, error)
	// FindHouseholdByCode returns the household of the province with that code, or
	// ENOTFOUND.
	FindHouseholdByCode(ctx context.Context, provinceCode, code string) (*Household, error)
	// FindHouseholds returns one page of the households that match, in f.Order(), and
	// the total count before paging (bounded or left out by f.CountUpTo).
	FindHouseholds(ctx context.Context, f HouseholdFilter) ([]*Household, int, error)
	// CreateHousehold stores a new household and its members and sets their IDs and
	// timestamps; ECONFLICT when the code is taken in the province.
	CreateHousehold(ctx context.Context, h *Household) error
	// UpdateHousehold applies upd to household id and returns the household as stored.
	UpdateHousehold(ctx context.Context, id int64, upd HouseholdUpdate) (*Household, error)
	// ImportHouseholds stores many new households at once (COPY on PostgreSQL, one
	// transaction either way); ECONFLICT names the first code already taken.
	ImportHouseholds(ctx context.Context, hs []*Household) error
}

func invalid(field, vi, en string, args ...any) *giamngheo.Error {
	e := giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...)
	e.Field = field
	return e
}

func invalidMsg(field, vi, en string) *giamngheo.Error {
	return &giamngheo.Error{Code: giamngheo.EINVALID, Message: vi, MessageEN: en, Field: field}
}

func memberField(i int, name string) string { return fmt.Sprintf("members[%d].%s", i, name) }

// birthTime returns a YYYY-MM-DD birth date as a time, or the zero time when it is
// not one (CheckNationalID then skips the checks that need it).
func birthTime(s string) time.Time {
	d, err := poverty.ParseDate(s)
	if err != nil {
		return time.Time{}
	}
	return d.Time()
}

func okText(s string, max int) bool { return len(s) <= max && utf8.ValidString(s) }

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isCode(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ||
			c == '-' || c == '_' || c == '.' || c == '/'
		if !ok {
			return false
		}
	}
	return true
}

// normalizePhone drops the spaces, dots, dashes and brackets people write between
// the groups of a phone number; anything else is kept so that Validate sees it.
func normalizePhone(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '(', ')', '\u00A0':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

func isPhone(s string) bool {
	d := strings.TrimPrefix(s, "+")
	if len(d) < 8 || len(s) > maxPhoneLen {
		return false
	}
	return isDigits(d, len(d))
}
