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
}

// normalize cleans the member's text fields and national ID in place.
func (m *Member) normalize() {
	m.Name = vntext.Clean(m.Name)
	m.Ethnicity = vntext.Clean(m.Ethnicity)
	m.BirthDate = strings.TrimSpace(m.BirthDate)
	m.Sex = poverty.Sex(strings.TrimSpace(string(m.Sex)))
	m.NationalID = NormalizeNationalID(m.NationalID)
}
