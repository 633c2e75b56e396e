package poverty

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDecodeHousehold checks that each bad input gives an EINVALID error naming the
// field at fault.
func TestDecodeHousehold(t *testing.T) {
	const member = `{"sex":"male","birth_date":"1980-01-01"}`
	tests := []struct {
		name, in, field string
	}{
		{"empty input", ``, ""},
		{"truncated", `{"members":[`, ""},
		{"syntax error", `{"members":[}`, ""},
		{"not an object", `[1,2]`, ""},
		{"trailing data", `{"income_12m":1,"members":[` + member + `]} {}`, ""},
		{"null", `null`, "members"},
		{"no members", `{"income_12m":1,"members":[]}`, "members"},
		{"negative income", `{"income_12m":-5,"members":[` + member + `]}`, "income_12m"},
		{"income as text", `{"income_12m":"5000000","members":[` + member + `]}`, "income_12m"},
		{"income with decimals", `{"income_12m":1.5e7,"members":[` + member + `]}`, "income_12m"},
		{"income too large for int64", `{"income_12m":99999999999999999999,"members":[` + member + `]}`, "income_12m"},
		{"absurd income", `{"income_12m":9000000000000000000,"members":[` + member + `]}`, "income_12m"},
		{"misspelt field", `{"income_12m":1,"members":[{"sex":"male","birth_date":"1980-01-01","helth_insurance":true}]}`, "helth_insurance"},
		{"unknown household field", `{"income":1,"members":[` + member + `]}`, "income"},
		{"missing sex", `{"income_12m":1,"members":[{"birth_date":"1980-01-01"}]}`, "members[0].sex"},
		{"bad sex", `{"income_12m":1,"members":[{"sex":"m","birth_date":"1980-01-01"}]}`, "members[0].sex"},
		{"missing birth date", `{"income_12m":1,"members":[{"sex":"male"}]}`, "members[0].birth_date"},
		{"birth date as dd/mm/yyyy", `{"income_12m":1,"members":[` + member + `,{"sex":"male","birth_date":"30/06/2010"}]}`, "members[1].birth_date"},
		{"absurd birth year", `{"income_12m":1,"members":[{"sex":"female","birth_date":"0999-01-01"}]}`, "members[0].birth_date"},
		{"birth year in the far future", `{"income_12m":1,"members":[{"sex":"female","birth_date":"9999-12-31"}]}`, "members[0].birth_date"},
		{"health insurance as text", `{"income_12m":1,"members":[{"sex":"male","birth_date":"1980-01-01","health_insurance":"yes"}]}`, "members.health_insurance"},
		{"bad schooling", `{"income_12m":1,"members":[{"sex":"male","birth_date":"1980-01-01","schooling":"university"}]}`, "members[0].schooling"},
		{"bad employment", `{"income_12m":1,"members":[{"sex":"male","birth_date":"1980-01-01","employment":"farmer"}]}`, "members[0].employment"},
		{"bad water source", `{"income_12m":1,"water_source":"well","members":[` + member + `]}`, "water_source"},
		{"bad latrine", `{"income_12m":1,"latrine":"toilet","members":[` + member + `]}`, "latrine"},
		{"bad device", `{"income_12m":1,"devices":["fax"],"members":[` + member + `]}`, "devices"},
		{"negative floor area", `{"income_12m":1,"floor_area_m2":-1,"members":[` + member + `]}`, "floor_area_m2"},
		{"bad area", `{"income_12m":1,"area":"city","members":[` + member + `]}`, "area"},
		{"bad region", `{"income_12m":1,"region":"north","members":[` + member + `]}`, "region"},
		{"empty score answer", `{"score_answers":{"household_size":""},"members":[` + member + `]}`, "score_answers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := DecodeHousehold([]byte(tt.in))
			if h != nil {
				t.Errorf("household returned with an error")
			}
			wantInvalid(t, err, tt.field)
		})
	}
	many := `{"income_12m":1,"members":[` + strings.Repeat(member+",", MaxMembers) + member + `]}`
	_, err := DecodeHousehold([]byte(many))
	wantInvalid(t, err, "members")
}

// TestDecodeKeepsUnknown checks that absent answers stay unknown and an empty device
// list stays "none".
func TestDecodeKeepsUnknown(t *testing.T) {
	h, err := DecodeHousehold([]byte(`{"income_12m":0,"devices":[],"members":[{"sex":"female","birth_date":"2000-02-29","health_insurance":false}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if h.Income12m == nil || *h.Income12m != 0 || h.Devices == nil || len(h.Devices) != 0 || h.Telecom != nil || h.FloorAreaM2 != nil {
		t.Errorf("decoded %+v", h)
	}
	m := h.Members[0]
	if m.HealthInsurance == nil || *m.HealthInsurance || m.Malnourished != nil || m.Schooling != "" {
		t.Errorf("decoded member %+v", m)
	}
	h, err = DecodeHousehold([]byte(`{"income_12m":0,"members":[{"sex":"female","birth_date":"2000-02-29"}]}`))
	if err != nil || h.Devices != nil {
		t.Errorf("absent devices: %v, %v", h.Devices, err)
	}
	// A household survives a round trip through JSON with its unknowns.
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := DecodeHousehold(b)
	if err != nil || h2.Devices != nil || h2.Members[0].HealthInsurance != nil {
		t.Errorf("round trip %s: %+v, %v", b, h2, err)
	}
}

// FuzzDecodeHousehold feeds arbitrary bytes to the decoder, then classifies and
// explains what it accepts under both standards: every failure must be an EINVALID
// *giamngheo.Error, never a panic, and every result must be consistent.
func FuzzDecodeHousehold(f *testing.F) {
	seeds := []string{
		``, `{`, `null`, `[]`, `{"members":[]}`, `{"members":null}`,
		`{"income_12m":-1,"members":[{"sex":"male","birth_date":"1980-01-01"}]}`,
		`{"income_12m":1,"members":[{"sex":"male","birth_date":"1700-01-01"}]}`,
		`{"income_12m":1,"members":[{"sex":"male","birth_date":"2199-12-31"}]}`,
		`{"income_12m":1,"members":[{"sex":"male","birth_date":"2026-02-30"}]}`,
		`{"income_12m":1e400,"members":[{"sex":"male","birth_date":"1980-01-01"}]}`,
		`{"floor_area_m2":1e308,"income_12m":1,"members":[{"sex":"male","birth_date":"1980-01-01"}]}`,
		`{"score_answers":{"household_size":"1"},"region":"red_river_delta","members":[{"sex":"male","birth_date":"1980-01-01"}]}`,
	}
	files, _ := filepath.Glob("testdata/golden/*.json")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var c goldenCase
		if err := json.Unmarshal(b, &c); err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, string(c.Household))
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	stds := []struct {
		std *Standard
		ref Date
	}{
		{mustStandard(f, "2022-2026"), DateOf(ref2026)},
		{mustStandard(f, "2027-2030"), DateOf(ref2027)},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := DecodeHousehold(data)
		if err != nil {
			wantInvalid(t, err, "")
			return
		}
		for _, s := range stds {
			for _, area := range []Area{Rural, Urban} {
				r, err := ClassifyExplained(h, s.std, area, s.ref.Time(), ExampleScoreCard())
				if err != nil {
					wantInvalid(t, err, "")
					continue
				}
				checkResult(t, h, s.std, &r)
			}
		}
	})
}

// checkResult checks the invariants of a result.
func checkResult(t *testing.T, h *Household, std *Standard, r *Result) {
	t.Helper()
	if r.DeprivationCount != r.Deprived.Len() || r.Deprived&r.Unknown != 0 || r.Deprived&^std.want != 0 || r.Unknown&^std.want != 0 {
		t.Fatalf("inconsistent indicators: %+v", r)
	}
	switch r.Class {
	case Poor:
		if r.DeprivationCount < std.PoorMinDeprivations {
			t.Fatalf("poor with %d deprivations", r.DeprivationCount)
		}
	case NearPoor:
		if r.DeprivationCount >= std.PoorMinDeprivations {
			t.Fatalf("near-poor with %d deprivations", r.DeprivationCount)
		}
	case Middle:
		if !h.FarmHousehold {
			t.Fatalf("middle but not a farm household")
		}
	case NotPoor:
	default:
		t.Fatalf("unknown class %q", r.Class)
	}
	if r.LowIncomeWorkers != 0 && (r.Class == Poor || r.Class == NearPoor) {
		t.Fatalf("low-income workers in a %s household", r.Class)
	}
	if r.Explanation == nil || len(r.Explanation.Lines) < 4 {
		t.Fatalf("explanation too short: %+v", r.Explanation)
	}
	for _, l := range r.Explanation.Lines {
		if l.VI == "" || l.EN == "" {
			t.Fatalf("explanation line without both languages: %+v", l)
		}
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("marshal: %v", err)
	}
}
