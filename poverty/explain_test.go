package poverty

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestNumberFormat checks the Vietnamese and English number formats.
func TestNumberFormat(t *testing.T) {
	for _, tt := range []struct {
		n      int64
		vi, en string
	}{
		{0, "0", "0"}, {999, "999", "999"}, {1000, "1.000", "1,000"}, {1_450_000, "1.450.000", "1,450,000"},
		{12_345_678_901, "12.345.678.901", "12,345,678,901"}, {-1_234_567, "-1.234.567", "-1,234,567"},
	} {
		if got := money(tt.n); got.VI != tt.vi || got.EN != tt.en {
			t.Errorf("money(%d) = %+v, want %s / %s", tt.n, got, tt.vi, tt.en)
		}
	}
	for _, tt := range []struct {
		x      float64
		prec   int
		vi, en string
	}{
		{7.5, 2, "7,5", "7.5"}, {8, 2, "8", "8"}, {200.0 / 3, 1, "66,7", "66.7"}, {6.666, 2, "6,67", "6.67"}, {100, 1, "100", "100"},
	} {
		if vi, en := decimalVI(tt.x, tt.prec), decimalEN(tt.x, tt.prec); vi != tt.vi || en != tt.en {
			t.Errorf("decimal(%v, %d) = %s / %s, want %s / %s", tt.x, tt.prec, vi, en, tt.vi, tt.en)
		}
	}
}

// TestExplainStructure checks the structured lines: topics, indicators and members.
func TestExplainStructure(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	h := withDeprivations(1_450_000, 2)
	h.Members[1].HealthInsurance = no()
	r, err := ClassifyExplained(h, std, Rural, ref2026, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := r.Explanation
	var deprivedKeys []IndicatorKey
	var income, class *ExplanationLine
	for i, l := range e.Lines {
		switch l.Topic {
		case TopicDeprived:
			deprivedKeys = append(deprivedKeys, l.Indicator)
			if l.Indicator == IndicatorHealthInsurance && !reflect.DeepEqual(l.Members, []int{1}) {
				t.Errorf("health insurance line names members %v, want [1]", l.Members)
			}
		case TopicIncome:
			income = &e.Lines[i]
		case TopicClass:
			class = &e.Lines[i]
		}
	}
	if !reflect.DeepEqual(deprivedKeys, r.Deprived.Keys()) {
		t.Errorf("deprived lines %v, result %v", deprivedKeys, r.Deprived.Keys())
	}
	if income == nil || !strings.Contains(income.VI, "= 1.450.000 đồng/người/tháng ≤ chuẩn nghèo khu vực nông thôn 1.500.000 đồng (Nghị định 07/2021/NĐ-CP, Điều 3)") ||
		!strings.Contains(income.EN, "= 1,450,000 VND per person per month ≤ the rural poverty line of 1,500,000 VND") {
		t.Errorf("income line: %+v", income)
	}
	if class == nil || !strings.HasPrefix(class.VI, "Kết luận: HỘ NGHÈO") || !strings.HasPrefix(class.EN, "Result: POOR") {
		t.Errorf("class line: %+v", class)
	}
	if e.Standard != "2022-2026" || e.Lines[0].Topic != TopicStandard {
		t.Errorf("explanation header: %s, %s", e.Standard, e.Lines[0].Topic)
	}
}

// TestResultJSONRoundTrip checks that a result with its explanation can be stored as
// JSON and read back unchanged.
func TestResultJSONRoundTrip(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	h := withDeprivations(2_000_000, 1)
	h.FarmHousehold = true
	h.FloorAreaM2 = nil
	r, err := ClassifyExplained(h, std, Rural, ref2026, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Class != Middle || r.LowIncomeWorkers == 0 || r.Unknown == 0 {
		t.Fatalf("setup: %+v", r)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, r) {
		t.Errorf("round trip changed the result:\n%s\n%+v\n%+v", b, back, r)
	}
	for _, want := range []string{`"deprived":["water"]`, `"unknown":["housing_area"]`, `"low_income_workers":[0,1]`, `"reference_date":"2026-06-30"`, `"class":"middle"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), `"score"`) {
		t.Errorf("a measured-income result carries a score: %s", b)
	}
}

// TestExplainRefusesStale checks that Explain refuses a result that no longer
// matches the household, or another standard.
func TestExplainRefusesStale(t *testing.T) {
	std := mustStandard(t, "2022-2026")
	h := withDeprivations(1_000_000, 2)
	r := mustClassify(t, h, std, Rural, ref2026, nil)
	if _, err := Explain(h, &r, std, nil); err != nil {
		t.Fatalf("fresh result: %v", err)
	}
	h.Telecom = no()
	_, err := Explain(h, &r, std, nil)
	wantInvalid(t, err, "")
	_, err = Explain(h, &r, mustStandard(t, "2027-2030"), nil)
	wantInvalid(t, err, "standard")
}
