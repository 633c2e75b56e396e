package pdf

import (
	"fmt"
	"strconv"
)

// Category is the class a review result gives a household. Decision 24/2021/QĐ-TTg,
// Art. 4 (step 6 in regulations.md §3.4): the commune chairman recognises four lists,
// poor, near-poor, escaped poor (thoát nghèo) and escaped near-poor (thoát cận nghèo).
type Category int

// The four categories. The zero value is no category and is refused.
const (
	Poor            Category = iota + 1 // hộ nghèo
	NearPoor                            // hộ cận nghèo
	EscapedPoor                         // hộ thoát nghèo
	EscapedNearPoor                     // hộ thoát cận nghèo
)

// categories lists the four categories in the order of the legal lists.
var categories = [...]Category{Poor, NearPoor, EscapedPoor, EscapedNearPoor}

// valid reports whether c is one of the four categories.
func (c Category) valid() bool { return c >= Poor && c <= EscapedNearPoor }

// label is the category as written in a sentence: "hộ nghèo".
func (c Category) label() string {
	switch c {
	case Poor:
		return "hộ nghèo"
	case NearPoor:
		return "hộ cận nghèo"
	case EscapedPoor:
		return "hộ thoát nghèo"
	case EscapedNearPoor:
		return "hộ thoát cận nghèo"
	}
	return ""
}

// Label is the category as written in a table cell: "Hộ nghèo".
func (c Category) Label() string {
	s := c.label()
	if s == "" {
		return ""
	}
	return "H" + s[1:]
}

// Round is the review a document belongs to. The periodic review runs once a year
// from 1 September to 14 December; the regular review runs every month from the 15th
// (Decision 24/2021/QĐ-TTg, Art. 3; regulations.md §3.3 [V]).
type Round struct {
	Year  int // year of the review
	Month int // 0 for the periodic annual review; 1–12 for the regular review of that month
	// Standard names the poverty standard the review applied with its legal text
	// ("chuẩn nghèo đa chiều quốc gia giai đoạn 2022-2026 (Nghị định 07/2021/NĐ-CP)");
	// empty prints none.
	Standard string
}

// validate checks the year and month of r.
func (r Round) validate(field string) error {
	// The 2022–2025 standard and its procedure start with the 2021 review
	// (Decision 24/2021/QĐ-TTg took effect on 01/09/2021; regulations.md §3.1 [V]).
	if r.Year < 2021 || r.Year > 2100 {
		return invalid(field+".year", "Năm rà soát không hợp lệ: %d (trường %s).",
			"Invalid review year: %d (field %s).", r.Year, field+".year")
	}
	if r.Month < 0 || r.Month > 12 {
		return invalid(field+".month", "Tháng rà soát không hợp lệ: %d (trường %s).",
			"Invalid review month: %d (field %s).", r.Month, field+".month")
	}
	return nil
}

// phrase is the period of r in a sentence: "năm 2025" or "tháng 3 năm 2025".
// standardPhrase is ", theo <standard>" for a round that names its standard.
func (r Round) standardPhrase() string {
	if r.Standard == "" {
		return ""
	}
	return ", theo " + lowerFirst(r.Standard)
}

func (r Round) phrase() string {
	if r.Month == 0 {
		return "năm " + strconv.Itoa(r.Year)
	}
	return "tháng " + strconv.Itoa(r.Month) + " năm " + strconv.Itoa(r.Year)
}

// kind is the kind of review in a sentence.
func (r Round) kind() string {
	if r.Month == 0 {
		return "rà soát định kỳ"
	}
	return "rà soát thường xuyên"
}

// Household is one row of a published list. It has no national ID number on
// purpose: the lists are posted in public (Decision 24/2021/QĐ-TTg, Art. 4, step 4;
// regulations.md §3.4) and show only the head's name, the village and the result.
type Household struct {
	Head         string // full name of the household head
	Address      string // village (thôn/tổ dân phố) or fuller address
	Members      int    // number of members (nhân khẩu)
	Score        int    // income score (điểm B1, Circular 07/2021/TT-BLĐTBXH; regulations.md §2.3 [S]); 0 = none
	Income       int64  // measured income, VND per person per month, shown when Score is 0; 0 = none
	Deprivations int    // number of the 12 deprivation indicators (Decree 07/2021/NĐ-CP, Art. 3.2) the household lacks
	Note         string // free note: "tái nghèo", "phát sinh mới", "phúc tra"…
}

// validate checks one household row; field locates it ("poor[3]").
func (h Household) validate(field string) error {
	if err := requireText(field+".head", h.Head, "họ tên chủ hộ", "The household head's name"); err != nil {
		return err
	}
	if h.Members < 1 {
		return invalid(field+".members", "Số nhân khẩu phải từ 1 trở lên (trường %s, đang là %d).",
			"The number of members must be at least 1 (field %s, got %d).", field+".members", h.Members)
	}
	if h.Score < 0 || h.Income < 0 {
		return invalid(field+".score", "Điểm hoặc thu nhập không được âm (trường %s).",
			"The score or income cannot be negative (field %s).", field+".score")
	}
	// Decree 07/2021/NĐ-CP, Art. 3.2: 12 indicators of basic social services.
	if h.Deprivations < 0 || h.Deprivations > 12 {
		return invalid(field+".deprivations", "Số chỉ số thiếu hụt phải từ 0 đến 12 (trường %s, đang là %d).",
			"The deprivation count must be between 0 and 12 (field %s, got %d).", field+".deprivations", h.Deprivations)
	}
	return nil
}

// validateHouseholds checks every row of a list named field.
func validateHouseholds(field string, hs []Household) error {
	for i, h := range hs {
		if err := h.validate(fmt.Sprintf("%s[%d]", field, i)); err != nil {
			return err
		}
	}
	return nil
}

// scoreCell writes the score, else the income, else nothing.
func (h Household) scoreCell() string {
	switch {
	case h.Score > 0:
		return strconv.Itoa(h.Score)
	case h.Income > 0:
		return thousands(h.Income)
	}
	return ""
}

// members is the number of members of all of hs.
func members(hs []Household) int {
	n := 0
	for _, h := range hs {
		n += h.Members
	}
	return n
}

// countPhrase is "N hộ, M nhân khẩu".
func countPhrase(hs []Household) string {
	return strconv.Itoa(len(hs)) + " hộ, " + strconv.Itoa(members(hs)) + " nhân khẩu"
}

// householdColumns are the columns of a published list.
var householdColumns = []column{
	{title: "STT", w: 9, align: "C"},
	{title: "Họ và tên chủ hộ", w: 40},
	{title: "Địa chỉ (thôn, tổ dân phố)", w: 33},
	{title: "Số nhân khẩu", w: 16, align: "C"},
	{title: "Điểm B1 / Thu nhập (đồng/người/tháng)", w: 25, align: "R"},
	{title: "Số chỉ số thiếu hụt", w: 18, align: "C"},
	{title: "Ghi chú", w: 24},
}

// householdList writes hs as a table followed by its total, or a line saying the
// list is empty.
func (l *layout) householdList(hs []Household) {
	if len(hs) == 0 {
		l.para("Không có hộ nào.", style{indent: 5})
		return
	}
	t := l.newTable(householdColumns)
	for i, h := range hs {
		t.row(false, strconv.Itoa(i+1), h.Head, h.Address, strconv.Itoa(h.Members),
			h.scoreCell(), strconv.Itoa(h.Deprivations), h.Note)
	}
	t.end()
	l.para("Tổng cộng: "+countPhrase(hs)+".", style{bold: true})
}
