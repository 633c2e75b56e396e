package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"giamngheo"
)

const poorHousehold = `{"id":"HD-1","area":"rural","income_12m":43200000,"water_source":"surface","latrine":"none",
 "house_walls_durable":true,"house_columns_durable":true,"house_roof_durable":true,"floor_area_m2":60,"telecom":true,"devices":["tv"],
 "members":[{"name":"Nguyễn Văn Hùng","sex":"male","birth_date":"1980-03-01","health_insurance":false,"schooling":"finished_upper_secondary","employment":"self_employed"},
            {"name":"Lê Thị Hoa","sex":"female","birth_date":"1982-05-20","health_insurance":true,"schooling":"finished_upper_secondary","employment":"self_employed"},
            {"name":"Nguyễn Văn An","sex":"male","birth_date":"2012-09-01","health_insurance":true,"schooling":"studying"}]}`

func apiCall(tb testing.TB, method, url, token, body string) (int, []byte) {
	tb.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func TestAPIClassifyAndTokens(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "may.tinh", giamngheo.RoleViewer, "30")
	token, err := r.App.users.CreateAPIToken(systemCtx(context.Background()), "may.tinh", "test")
	if err != nil {
		t.Fatal(err)
	}
	status, body := apiCall(t, "GET", r.URL+"/api/v1/me", token, "")
	if status != 200 || !strings.Contains(string(body), `"username":"may.tinh"`) {
		t.Fatalf("me: %d %s", status, body)
	}
	if status, _ := apiCall(t, "GET", r.URL+"/api/v1/me", "gn_wrong", ""); status != 401 {
		t.Fatalf("a wrong token gave %d, want 401", status)
	}

	status, body = apiCall(t, "POST", r.URL+"/api/v1/classify?date=2026-10-01", token, poorHousehold)
	if status != 200 {
		t.Fatalf("classify: %d %s", status, body)
	}
	var res struct {
		Class            string   `json:"class"`
		Standard         string   `json:"standard"`
		Deprived         []string `json:"deprived"`
		DeprivationCount int      `json:"deprivation_count"`
		Explanation      any      `json:"explanation"`
	}
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if res.Class != "poor" || res.Standard != "2022-2026" || res.DeprivationCount != 3 || res.Explanation == nil {
		t.Fatalf("classify result: %s", body)
	}
	for _, k := range []string{"health_insurance", "water", "latrine"} {
		if !strings.Contains(strings.Join(res.Deprived, ","), k) {
			t.Fatalf("deprived %v lacks %s", res.Deprived, k)
		}
	}
	// The same household with health insurance for all: two deprivations → near-poor;
	// and a list gives a list of results. 2027 selects the 2027-2030 standard.
	nearPoor := strings.Replace(poorHousehold, `"health_insurance":false`, `"health_insurance":true`, 1)
	status, body = apiCall(t, "POST", r.URL+"/api/v1/classify?date=2027-02-01", token, "["+poorHousehold+","+nearPoor+"]")
	if status != 200 || !strings.Contains(string(body), `"standard":"2027-2030"`) || strings.Count(string(body), `"class":"`) != 2 {
		t.Fatalf("classify list: %d %s", status, body)
	}
	status, body = apiCall(t, "POST", r.URL+"/api/v1/classify?date=2026-10-01", token, nearPoor)
	if status != 200 || !strings.Contains(string(body), `"class":"near_poor"`) {
		t.Fatalf("near-poor: %d %s", status, body)
	}
	// Bad input: a clear message naming the field, never a stack trace.
	status, body = apiCall(t, "POST", r.URL+"/api/v1/classify?date=2026-10-01", token, `{"members":[{"sex":"male","birth_date":"1990-02-31"}]}`)
	if status != 400 || !strings.Contains(string(body), "birth_date") || strings.Contains(string(body), "goroutine") {
		t.Fatalf("bad date: %d %s, want 400 naming birth_date", status, body)
	}
	// In a list, one bad household makes the answer 400; the good one keeps its result.
	status, body = apiCall(t, "POST", r.URL+"/api/v1/classify?date=2026-10-01", token, "["+nearPoor+`,{"members":[{"sex":"male","birth_date":"1990-02-31"}]}]`)
	if status != 400 || !strings.Contains(string(body), `"class":"near_poor"`) || !strings.Contains(string(body), `"failed":1`) {
		t.Fatalf("a list with a bad household: %d %s", status, body)
	}
	status, body = apiCall(t, "POST", r.URL+"/api/v1/classify?date=31/12/2026", token, poorHousehold)
	if status != 400 || !strings.Contains(string(body), "NNNN-TT-NN") {
		t.Fatalf("bad query date: %d %s", status, body)
	}
}
