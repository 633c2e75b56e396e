package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"giamngheo/poverty"
	"giamngheo/registry"
)

var surveyJSONSamples = []string{
	`{"region":"red_river_delta","income_12m":621000000,"house_walls_durable":true,"house_columns_durable":true,"house_roof_durable":false,"floor_area_m2":78.5,"water_source":"tap","latrine":"septic","telecom":true,"devices":["tv","smartphone"],"waste_treated":null,"members":null}`,
	`{"area":"urban","farm_household":true,"income_12m":0,"devices":[],"members":null,"livelihood":{"annual_crop_land_m2":1440.5,"cattle":2,"x":[1,{"a":"b"}],"y":null}}`,
	`{"devices":null,"members":null}`,
	`{}`,
	` { "income_12m" : -5 , "telecom" : false } `,
	`{"score_answers":{"b1":"a"},"members":null}`,
	`{"water_source":"t\u0061p","members":null}`,
	`{"Area":"urban"}`,
	`{"income_12m":1e3}`,
	`{"income_12m":"12"}`,
	`{"farm_household":null}`,
	`{"devices":["tv",]}`,
	`{"telecom":true}x`,
}

var memberJSONSamples = []string{
	`{"name":"Nguyễn Đức Trung","sex":"male","birth_date":"1971-07-08","health_insurance":true,"schooling":"finished_primary","employment":"employed_with_contract"}`,
	`{"name":"Lê \"Hoa\"","sex":"female","birth_date":"1982-05-20","disability_allowance":true,"social_allowance":"disability","malnourished":null}`,
	`{"name":"An","sex":"male","birth_date":"2012-09-01","malnourished":false,"schooling":"studying"}`,
	`{"sex":"unknown_value","other":1}`,
	`{"disability_allowance":false}`,
}

// TestSurveyJSONMatchesEncodingJSON: the fast decoders give what encoding/json gives,
// on the registry's own encoding and on texts they hand over.
func TestSurveyJSONMatchesEncodingJSON(t *testing.T) {
	h := &registry.Household{Survey: poverty.Household{Income12m: ptr(int64(36_000_000)), FloorAreaM2: ptr(60.25), Devices: []poverty.Device{}},
		Livelihood: registry.Livelihood{Cattle: ptr(2)}}
	b, err := registry.EncodeSurvey(h)
	if err != nil {
		t.Fatal(err)
	}
	m := &registry.Member{Member: poverty.Member{Name: "Tên <có> & \"dấu\"", Sex: poverty.Female, BirthDate: "1990-01-02", HealthInsurance: ptr(false)}, SocialAllowance: registry.AllowanceDisability}
	mb, err := registry.EncodeMemberAnswers(m)
	if err != nil {
		t.Fatal(err)
	}
	fast := 0
	for _, s := range append(surveyJSONSamples, string(b)) {
		var want, got poverty.Household
		wantErr := json.Unmarshal([]byte(s), &want)
		gotErr := decodeSurveyJSON([]byte(s), &got, arenaFor(s))
		if (wantErr == nil) != (gotErr == nil) || (wantErr == nil && !reflect.DeepEqual(want, got)) {
			t.Fatalf("survey %s:\nfast %+v (%v)\njson %+v (%v)", s, got, gotErr, want, wantErr)
		}
		var x poverty.Household
		if (&jscan{b: []byte(s)}).survey(&x) {
			fast++
		}
	}
	for _, s := range append(memberJSONSamples, string(mb)) {
		var want, got poverty.Member
		wantErr := json.Unmarshal([]byte(s), &want)
		gotErr := decodeMemberJSON([]byte(s), &got, arenaFor(s))
		if (wantErr == nil) != (gotErr == nil) || (wantErr == nil && !reflect.DeepEqual(want, got)) {
			t.Fatalf("member %s:\nfast %+v (%v)\njson %+v (%v)", s, got, gotErr, want, wantErr)
		}
	}
	if fast < 5 {
		t.Fatalf("the fast path took only %d of the survey samples", fast)
	}
}

func FuzzSurveyJSON(f *testing.F) {
	for _, s := range append(surveyJSONSamples, memberJSONSamples...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want, got poverty.Household
		wantErr := json.Unmarshal([]byte(s), &want)
		gotErr := decodeSurveyJSON([]byte(s), &got, arenaFor(s))
		if (wantErr == nil) != (gotErr == nil) || (wantErr == nil && !reflect.DeepEqual(want, got)) {
			t.Fatalf("survey %q: fast %+v (%v), json %+v (%v)", s, got, gotErr, want, wantErr)
		}
		var wm, gm poverty.Member
		wantErr = json.Unmarshal([]byte(s), &wm)
		gotErr = decodeMemberJSON([]byte(s), &gm, arenaFor(s))
		if (wantErr == nil) != (gotErr == nil) || (wantErr == nil && !reflect.DeepEqual(wm, gm)) {
			t.Fatalf("member %q: fast %+v (%v), json %+v (%v)", s, gm, gotErr, wm, wantErr)
		}
	})
}

func ptr[T any](v T) *T { return &v }

// arenaFor decodes half the inputs (by their length) with a value arena and half
// without, so that both paths are compared with encoding/json.
func arenaFor(s string) *arena {
	if len(s)%2 == 0 {
		return &arena{}
	}
	return nil
}

// TestArenaValuesStay decodes many members and surveys through one arena, keeping
// every result, and checks them all afterwards: a value handed out is never
// overwritten by a later one, across the arena's blocks.
func TestArenaValuesStay(t *testing.T) {
	a := &arena{}
	type pair struct {
		s        string
		got      poverty.Member
		survey   string
		gotHouse poverty.Household
	}
	var all []pair
	for i := range 20000 {
		m := &registry.Member{Member: poverty.Member{Name: fmt.Sprintf("Nguyễn Văn Số %d", i), Sex: poverty.Male,
			BirthDate: fmt.Sprintf("%04d-%02d-%02d", 1940+i%80, 1+i%12, 1+i%28), HealthInsurance: ptr(i%3 == 0), Malnourished: ptr(i%5 == 0)}}
		mb, err := registry.EncodeMemberAnswers(m)
		if err != nil {
			t.Fatal(err)
		}
		sb := fmt.Sprintf(`{"income_12m":%d,"floor_area_m2":%d.5,"telecom":%v,"members":null}`, i*1000, i%90, i%2 == 0)
		p := pair{s: string(mb), survey: sb}
		all = append(all, p)
		q := &all[len(all)-1]
		if err := decodeMemberJSON(mb, &q.got, a); err != nil {
			t.Fatal(err)
		}
		if err := decodeSurveyJSON([]byte(sb), &q.gotHouse, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range all {
		var want poverty.Member
		var wantHouse poverty.Household
		if err := json.Unmarshal([]byte(p.s), &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(p.survey), &wantHouse); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(want, p.got) || !reflect.DeepEqual(wantHouse, p.gotHouse) {
			t.Fatalf("after decoding through one arena:\n got %+v %+v\nwant %+v %+v", p.got, p.gotHouse, want, wantHouse)
		}
	}
}
