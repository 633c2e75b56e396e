package simulate

import (
	"fmt"
	"strings"

	"giamngheo/poverty"
	"giamngheo/vntext"
)

// Change is a household whose simulated class differs from its recognised status or
// from its current survey result.
type Change struct {
	HouseholdID int64  `json:"household_id"`
	Code        string `json:"code"`
	CommuneCode string `json:"commune_code"`
	VillageName string `json:"village_name,omitempty"`
	Persons     int    `json:"persons"`
	// Status is the recognised status ("" on no list), Survey the current survey
	// result, Simulated the simulated class with unknown indicators not deprived and
	// IfDeprived with them deprived.
	Status     poverty.Class `json:"status"`
	Survey     poverty.Class `json:"survey"`
	Simulated  poverty.Class `json:"simulated"`
	IfDeprived poverty.Class `json:"if_deprived"`
	Reason     Reason        `json:"reason"`
}

// Reason says why the simulated class differs: the income test and the deprived
// indicators under the standard of the current result (Before) against the simulated
// standard (After), both applied on the reference date.
type Reason struct {
	IncomeMethod poverty.IncomeMethod `json:"income_method,omitempty"`
	// Income is the monthly per-capita income (VND) or the B1 score; LineBefore and
	// LineAfter the lines it is compared with.
	Income      int64 `json:"income"`
	LineBefore  int64 `json:"line_before"`
	LineAfter   int64 `json:"line_after"`
	BelowBefore bool  `json:"below_before"`
	BelowAfter  bool  `json:"below_after"`
	// Gained and Lost are the indicators deprived under one standard and not the other.
	Gained poverty.IndicatorSet `json:"gained"`
	Lost   poverty.IndicatorSet `json:"lost"`
	// CountBefore and CountAfter are the numbers of deprived indicators; PoorMin the
	// simulated standard's number from which a household is poor.
	CountBefore int `json:"count_before"`
	CountAfter  int `json:"count_after"`
	PoorMin     int `json:"poor_min"`
	// Unknown are the simulated standard's indicators the answers cannot decide.
	Unknown poverty.IndicatorSet `json:"unknown"`
	// Recomputed is set when the current result's standard, applied again on the
	// reference date, no longer gives the stored class: ages or answers have changed
	// since the household was classified.
	Recomputed bool `json:"recomputed"`
	// NoBaseline is set when the current result's standard is unknown here.
	NoBaseline bool `json:"no_baseline"`
}

// below reports whether a result met the income test, and the value and line compared.
func below(r *poverty.Result) (bool, int64, int64) {
	if r.IncomeMethod == poverty.IncomeScore {
		return r.Score.Points <= r.Score.Line, int64(r.Score.Points), int64(r.Score.Line)
	}
	return r.Income.PerCapita <= r.Income.Line, r.Income.PerCapita, r.Income.Line
}

// reason compares the baseline result (nil when unknown) with the simulated one.
func reason(base, sim *poverty.Result, stored poverty.Class, poorMin int) Reason {
	r := Reason{IncomeMethod: sim.IncomeMethod, CountAfter: sim.DeprivationCount, PoorMin: poorMin, Unknown: sim.Unknown}
	r.BelowAfter, r.Income, r.LineAfter = below(sim)
	if base == nil {
		r.NoBaseline = true
		return r
	}
	r.BelowBefore, _, r.LineBefore = below(base)
	if base.IncomeMethod != sim.IncomeMethod {
		r.LineBefore = 0 // not comparable (a score against an income)
	}
	r.Gained, r.Lost = sim.Deprived&^base.Deprived, base.Deprived&^sim.Deprived
	r.CountBefore = base.DeprivationCount
	r.Recomputed = stored != "" && base.Class != stored
	return r
}

// Text says the reason in Vietnamese and English.
func (r Reason) Text() poverty.Text {
	var vi, en []string
	money := r.IncomeMethod != poverty.IncomeScore
	unit := func(v int64) (string, string) {
		if money {
			return groupVI(v) + " đ/người/tháng", groupEN(v) + " VND/person/month"
		}
		return fmt.Sprintf("%d điểm B1", v), fmt.Sprintf("B1 score %d", v)
	}
	iv, ie := unit(r.Income)
	switch {
	case r.NoBaseline:
		vi = append(vi, "không rõ chuẩn của kết quả hiện tại")
		en = append(en, "the standard of the current result is unknown")
	case r.BelowBefore != r.BelowAfter && r.LineBefore != 0:
		lb, lbe := unit(r.LineBefore)
		la, lae := unit(r.LineAfter)
		if r.BelowAfter {
			vi = append(vi, fmt.Sprintf("thu nhập %s: trên chuẩn cũ %s, không quá chuẩn mới %s", iv, lb, la))
			en = append(en, fmt.Sprintf("income %s: above the old line %s, at or below the new line %s", ie, lbe, lae))
		} else {
			vi = append(vi, fmt.Sprintf("thu nhập %s: không quá chuẩn cũ %s, trên chuẩn mới %s", iv, lb, la))
			en = append(en, fmt.Sprintf("income %s: at or below the old line %s, above the new line %s", ie, lbe, lae))
		}
	case r.BelowBefore != r.BelowAfter:
		vi = append(vi, "phương pháp đánh giá thu nhập khác (điểm B1 / thu nhập đo được)")
		en = append(en, "another income method (B1 score / measured income)")
	}
	if r.Gained != 0 {
		vi = append(vi, "thêm thiếu hụt: "+keys(r.Gained, true))
		en = append(en, "newly deprived: "+keys(r.Gained, false))
	}
	if r.Lost != 0 {
		vi = append(vi, "hết thiếu hụt: "+keys(r.Lost, true))
		en = append(en, "no longer deprived: "+keys(r.Lost, false))
	}
	if r.Gained != 0 || r.Lost != 0 {
		vi = append(vi, fmt.Sprintf("số chỉ số thiếu hụt %d → %d (hộ nghèo từ %d)", r.CountBefore, r.CountAfter, r.PoorMin))
		en = append(en, fmt.Sprintf("deprivations %d → %d (poor from %d)", r.CountBefore, r.CountAfter, r.PoorMin))
	}
	if r.Recomputed {
		vi = append(vi, "tuổi hoặc thông tin của hộ đã thay đổi từ lần phân loại trước")
		en = append(en, "ages or answers have changed since the last classification")
	}
	if r.Unknown != 0 {
		vi = append(vi, "chưa có thông tin: "+keys(r.Unknown, true))
		en = append(en, "not answered: "+keys(r.Unknown, false))
	}
	if len(vi) == 0 {
		vi, en = []string{"chuẩn hiện tại cho kết quả khác kết quả đang lưu"}, []string{"the stored result differs from the current standard's"}
	}
	return poverty.Text{VI: strings.Join(vi, "; "), EN: strings.Join(en, "; ")}
}

// keys names the indicators of s.
func keys(s poverty.IndicatorSet, vi bool) string {
	var out []string
	for _, k := range s.Keys() {
		n := IndicatorName(k)
		if vi {
			out = append(out, n.VI)
		} else {
			out = append(out, n.EN)
		}
	}
	return strings.Join(out, ", ")
}

// IndicatorName is the name of an indicator as the national standards give it.
func IndicatorName(k poverty.IndicatorKey) poverty.Text {
	for _, s := range poverty.Standards() {
		if x, ok := s.Spec(k); ok {
			return x.Name
		}
	}
	return poverty.Text{VI: string(k), EN: string(k)}
}

// groupVI writes n with dots between thousands (1.500.000), groupEN with commas.
func groupVI(n int64) string { return group(n, '.') }
func groupEN(n int64) string { return group(n, ',') }

func group(n int64, sep byte) string { return vntext.Grouped(n, sep) }
