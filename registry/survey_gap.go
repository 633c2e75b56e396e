package registry

import (
	"time"

	"giamngheo/poverty"
)

// SurveyGap is what a household's survey answers lack under the standard in force on
// a day: the indicators they cannot decide (for a household surveyed before 1 January
// 2027, the treatment of household waste that Decree 351/2025/NĐ-CP added). Such a
// household needs a survey update; until then its result counts those indicators as
// not deprived and says so, and no list may treat them as deprived or not.
type SurveyGap struct {
	Standard *poverty.Standard
	Missing  []poverty.IndicatorSpec
}

// SurveyGapOf returns the gap of h's answers under the standard in force on ref, with
// no Missing when the survey is complete for it.
func SurveyGapOf(h *Household, ref time.Time) (*SurveyGap, error) {
	std, err := poverty.StandardInForce(ref)
	if err != nil {
		return nil, err
	}
	unknown, err := poverty.Unanswered(h.Answers(), std, ref)
	if err != nil {
		return nil, err
	}
	g := &SurveyGap{Standard: std}
	for _, k := range unknown.Keys() {
		if spec, ok := std.Spec(k); ok {
			g.Missing = append(g.Missing, spec)
		}
	}
	return g, nil
}

// surveyFields are the JSON keys of the stored survey (poverty.Household) that answer a
// household-level indicator, for finding the households whose survey lacks one.
var surveyFields = map[poverty.IndicatorKey]string{
	poverty.IndicatorWaste:       "waste_treated",
	poverty.IndicatorInfoDevices: "devices",
	poverty.IndicatorTelecom:     "telecom",
	poverty.IndicatorWater:       "water_source",
	poverty.IndicatorLatrine:     "latrine",
}

// SurveyField returns the JSON key of the stored survey answer of indicator k, or ""
// when k is not answered by one household-level field.
func SurveyField(k poverty.IndicatorKey) string { return surveyFields[k] }
