package registry

import (
	"strings"

	"giamngheo/poverty"
	"giamngheo/vntext"
)

// Relation is a member's relation to the head of the household, as written on the
// household list (cột "Quan hệ với chủ hộ").
type Relation string

// Relations.
const (
	RelationHead        Relation = "head"         // chủ hộ
	RelationSpouse      Relation = "spouse"       // vợ, chồng
	RelationChild       Relation = "child"        // con (đẻ, nuôi)
	RelationChildInLaw  Relation = "child_in_law" // con dâu, con rể
	RelationParent      Relation = "parent"       // bố, mẹ (đẻ, vợ, chồng)
	RelationGrandparent Relation = "grandparent"  // ông, bà
	RelationGrandchild  Relation = "grandchild"   // cháu
	RelationSibling     Relation = "sibling"      // anh, chị, em
	RelationOther       Relation = "other"        // quan hệ khác
)

// Relations lists every relation with its Vietnamese and English labels, in the order
// shown to officers.
var Relations = []struct {
	Value  Relation
	VI, EN string
}{
	{RelationHead, "Chủ hộ", "head of household"},
	{RelationSpouse, "Vợ/Chồng", "spouse"},
	{RelationChild, "Con", "child"},
	{RelationChildInLaw, "Con dâu/Con rể", "child-in-law"},
	{RelationParent, "Bố/Mẹ", "parent"},
	{RelationGrandparent, "Ông/Bà", "grandparent"},
	{RelationGrandchild, "Cháu", "grandchild"},
	{RelationSibling, "Anh/Chị/Em", "sibling"},
	{RelationOther, "Khác", "other"},
}

// Valid reports whether r is one of the known relations.
func (r Relation) Valid() bool {
	for _, x := range Relations {
		if x.Value == r {
			return true
		}
	}
	return false
}

// Label returns the Vietnamese label of r, or r itself when unknown.
func (r Relation) Label() string {
	for _, x := range Relations {
		if x.Value == r {
			return x.VI
		}
	}
	return string(r)
}

// SocialAllowance is the monthly social allowance a member receives (trợ cấp xã hội
// hằng tháng), as the commune's list of beneficiaries records it; "" is none or not
// recorded. It is kept for the registry and its reports, not read by the poverty
// rules (poverty.Member.DisabilityAllowance is the rule input for the disability
// case).
type SocialAllowance string

// Social allowances: Decree 20/2021/NĐ-CP Art. 5 (beneficiaries of monthly social
// allowance) [S: from secondary knowledge, not in ../shared/reference/regulations.md;
// 'other' covers what is not listed].
const (
	AllowanceChild        SocialAllowance = "child"         // trẻ em không có nguồn nuôi dưỡng
	AllowanceSingleParent SocialAllowance = "single_parent" // người đơn thân thuộc hộ nghèo, cận nghèo đang nuôi con
	AllowanceElderly      SocialAllowance = "elderly"       // người cao tuổi
	AllowanceDisability   SocialAllowance = "disability"    // người khuyết tật nặng, đặc biệt nặng
	AllowanceHIV          SocialAllowance = "hiv"           // người nhiễm HIV thuộc hộ nghèo
	AllowanceOther        SocialAllowance = "other"         // đối tượng khác
)

// SocialAllowances lists every social allowance with its Vietnamese and English
// labels, in the order shown to officers.
var SocialAllowances = []struct {
	Value  SocialAllowance
	VI, EN string
}{
	{AllowanceChild, "Trẻ em không có nguồn nuôi dưỡng", "child without means of support"},
	{AllowanceSingleParent, "Người đơn thân nghèo đang nuôi con", "poor or near-poor single parent raising children"},
	{AllowanceElderly, "Người cao tuổi", "elderly person"},
	{AllowanceDisability, "Người khuyết tật nặng, đặc biệt nặng", "person with a severe or very severe disability"},
	{AllowanceHIV, "Người nhiễm HIV thuộc hộ nghèo", "person living with HIV in a poor household"},
	{AllowanceOther, "Đối tượng khác", "other beneficiary"},
}

// Valid reports whether a is "" (none) or one of the known allowances.
func (a SocialAllowance) Valid() bool {
	if a == "" {
		return true
	}
	for _, x := range SocialAllowances {
		if x.Value == a {
			return true
		}
	}
	return false
}

// Label returns the Vietnamese label of a, "" for none, or a itself when unknown.
func (a SocialAllowance) Label() string {
	for _, x := range SocialAllowances {
		if x.Value == a {
			return x.VI
		}
	}
	return string(a)
}

// LabelEN returns the English label of a, "" for none, or a itself when unknown.
func (a SocialAllowance) LabelEN() string {
	for _, x := range SocialAllowances {
		if x.Value == a {
			return x.EN
		}
	}
	return string(a)
}

// Member is one person of a registered household. It embeds the survey answers of the
// person (poverty.Member: full name, sex, birth date, health insurance, schooling,
// employment …) so that the name, sex and birth date are held once, and adds the
// identity the registry keeps beyond what the rules read.
type Member struct {
	poverty.Member
	// ID is the store's identifier; 0 before the member is stored.
	ID int64 `json:"id,omitempty"`
	// Relation is the relation to the head; "" when not recorded.
	Relation Relation `json:"relation,omitempty"`
	// Ethnicity is the ethnic group as written ("Kinh", "Tày", "Mường" …), cleaned.
	Ethnicity string `json:"ethnicity,omitempty"`
	// NationalID is the 12-digit citizen identity number (số định danh cá nhân, CCCD)
	// or a 9-digit identity card number (CMND) of the old kind, digits only.
	NationalID string `json:"national_id,omitempty"`
	// SocialAllowance is the monthly social allowance the member receives; "" none.
	SocialAllowance SocialAllowance `json:"social_allowance,omitempty"`

	// answers is the answers column computed ahead by Precompute, or nil.
	answers []byte
}

// normalize cleans the member's text fields and national ID in place.
func (m *Member) normalize() {
	m.Name = vntext.Clean(m.Name)
	m.Ethnicity = vntext.Clean(m.Ethnicity)
	m.BirthDate = strings.TrimSpace(m.BirthDate)
	m.Sex = poverty.Sex(strings.TrimSpace(string(m.Sex)))
	m.NationalID = NormalizeNationalID(m.NationalID)
	m.SocialAllowance = SocialAllowance(strings.TrimSpace(string(m.SocialAllowance)))
}
