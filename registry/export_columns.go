package registry

import (
	"strconv"

	"giamngheo/poverty"
)

// ExportColumn is a column an export of households adds after the import template's
// columns: its Vietnamese header and the household's value. An import leaves such
// columns aside, so an exported file still imports back as it was.
type ExportColumn struct {
	Header string
	Value  func(*Household) string
}

// StatusColumns are the columns that carry, beside the survey answers, the household's
// recognised status (the commune chairman's decision after a review, Decision
// 24/2021/QĐ-TTg, Art. 4 step 6 and Art. 5: what makes it poor or near-poor) and the
// result of its survey (the class of its current answers, a proposal), and whether the
// two differ ("cần rà soát", ADR 0010). Household columns: repeated on every member row.
var StatusColumns = []ExportColumn{
	{"Tình trạng đã công nhận", func(h *Household) string { return RecognisedLabel(h.Recognised.Class) }},
	{"Công nhận từ ngày", func(h *Household) string { return DMY(h.Recognised.Since) }},
	{"Số quyết định công nhận", func(h *Household) string { return h.Recognised.DecisionNumber }},
	{"Ngày quyết định công nhận", func(h *Household) string { return DMY(h.Recognised.DecidedOn) }},
	{"Số giấy chứng nhận", func(h *Household) string {
		if h.Recognised.Certificate == 0 {
			return ""
		}
		return strconv.Itoa(h.Recognised.Certificate)
	}},
	{"Kết quả khảo sát", func(h *Household) string {
		if h.Result == nil {
			return ""
		}
		return SurveyLabel(h.Result.Class)
	}},
	{"Cần rà soát", func(h *Household) string {
		if h.NeedsReview() {
			return "Có"
		}
		return "Không"
	}},
}

// RecognisedLabel names a recognised status as the commune's lists do: "Hộ nghèo",
// "Hộ cận nghèo", or "Không thuộc hộ nghèo, hộ cận nghèo" for a household on no list.
func RecognisedLabel(c poverty.Class) string {
	switch listClass(c) {
	case poverty.Poor:
		return "Hộ nghèo"
	case poverty.NearPoor:
		return "Hộ cận nghèo"
	}
	return "Không thuộc hộ nghèo, hộ cận nghèo"
}

// SurveyLabel names the class of a survey result, the middle living standard of farm
// households (poverty.Middle) included, first letter capitalised.
func SurveyLabel(c poverty.Class) string {
	switch c {
	case poverty.Poor, poverty.NearPoor:
		return RecognisedLabel(c)
	case poverty.Middle:
		return "Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình"
	}
	return "Không thuộc hộ nghèo, hộ cận nghèo"
}

// DMY writes a stored day (YYYY-MM-DD) as dd/mm/yyyy; other text as it is.
func DMY(day string) string {
	if len(day) != 10 || day[4] != '-' || day[7] != '-' {
		return day
	}
	return day[8:10] + "/" + day[5:7] + "/" + day[0:4]
}
