package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/review"
)

// TestReviewRoundDatesHTTP: on 07/12/2026 October's round (due 30/10) opens only with
// the reason of its back-dating, and the round page flags it "lùi ngày" with the
// reason; in November's round (due 30/11), a decision taken on 07/12 is refused with
// a message naming the step until the reason of the delay is given, and the round page
// then flags the case "quá hạn" with it (issue 11 item 4).
func TestReviewRoundDatesHTTP(t *testing.T) {
	now := time.Date(2026, time.December, 7, 10, 0, 0, 0, giamngheo.Vietnam)
	r := MustRunServerAt(t, now)
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	c := loginClient(t, r.URL, "xa.thanhdong", testPassword)
	var csrf string
	page := func(resp *http.Response, err error) (int, string) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(b); m != nil {
			csrf = string(m[1])
		}
		return resp.StatusCode, string(b)
	}
	get := func(path string) string {
		t.Helper()
		code, body := page(c.Get(r.URL + path))
		if code != 200 {
			t.Fatalf("GET %s: %d\n%s", path, code, body)
		}
		return body
	}
	post := func(path string, v url.Values) (int, string) {
		t.Helper()
		v.Set("csrf", csrf)
		return page(c.PostForm(r.URL+path, v))
	}
	get("/review")
	open := url.Values{"commune": {"10507"}, "kind": {"regular"}, "year": {"2026"}, "month": {"10"}}
	if code, body := post("/review", open); code != http.StatusBadRequest ||
		!strings.Contains(body, "Đợt rà soát này đã hết hạn quyết định (30/10/2026): mở lùi ngày cần ghi lý do.") {
		t.Fatalf("a back-dated round without its reason: %d\n%s", code, body)
	}
	open.Set("backdate_reason", "Nhập lại hồ sơ giấy của tháng 10")
	if code, body := post("/review", open); code != 200 || !strings.Contains(body, `id="round-backdated"`) ||
		!strings.Contains(body, "Lùi ngày") || !strings.Contains(body, "Nhập lại hồ sơ giấy của tháng 10") {
		t.Fatalf("the back-dated round's page: %d\n%s", code, body)
	}

	// November's round, opened and worked through in time (on 26/11), decided late.
	sys := systemCtx(context.Background())
	officer := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 99, Username: "xa.thanhdong", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10507"})
	h := poorHouseholdOf("10507", "TD-0077", "Trịnh Thị Xuân")
	if err := r.App.reg.CreateHousehold(sys, h); err != nil {
		t.Fatal(err)
	}
	then := *r.App.rev
	then.Now = func() time.Time { return time.Date(2026, time.November, 26, 9, 0, 0, 0, giamngheo.Vietnam) }
	round, err := then.OpenRound(sys, "10507", review.RoundRegular, 2026, time.November)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := then.FileRequest(sys, round.ID, h.ID, review.OriginRequest01, review.Date(2026, time.November, 16))
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []struct {
		a  review.Action
		in review.StepInput
	}{
		{review.ActionScreen, review.StepInput{Screening: review.ScreeningNeedsSurvey}},
		{review.ActionSurvey, review.StepInput{}},
		{review.ActionHoldMeeting, review.StepInput{Votes: review.Votes{Attendees: 20, Agree: 15}, MeetingDate: review.Date(2026, time.November, 18)}},
		{review.ActionPost, review.StepInput{PostedOn: review.Date(2026, time.November, 19)}},
	} {
		if _, err := then.Act(officer, cs.ID, st.a, st.in); err != nil {
			t.Fatalf("%s: %v", st.a, err)
		}
	}
	// The survey of 26/11 classified the household on the round's reference date.
	if stored, _, err := then.FindCase(officer, cs.ID); err != nil || !strings.Contains(string(stored.Result), `"reference_date":"2026-11-15"`) {
		t.Fatalf("the survey's reference date must be the round's (15/11/2026): %v\n%.300s", err, stored.Result)
	}
	casePath := "/review/cases/" + strconv.FormatInt(cs.ID, 10)
	if body := get(casePath); !strings.Contains(body, `id="late-reason-decide"`) {
		t.Fatalf("the case page of a round past its deadline must ask for the reason of the delay:\n%s", body)
	}
	// A meeting dated in the future is refused, naming the step.
	if code, body := post(casePath, url.Values{"action": {"hold_meeting"}, "meeting_date": {"2026-12-08"}, "attendees": {"20"}, "agree": {"15"}}); code != http.StatusBadRequest ||
		!strings.Contains(body, "Ngày của bước «Họp dân» (08/12/2026) sau hôm nay (07/12/2026)") {
		t.Fatalf("a meeting dated tomorrow: %d\n%s", code, body)
	}
	get(casePath)
	if code, body := post(casePath, url.Values{"action": {"decide"}}); code != http.StatusBadRequest ||
		!strings.Contains(body, "Bước «Quyết định công nhận» ngày 07/12/2026 sau hạn quyết định của đợt rà soát (30/11/2026): cần ghi lý do quá hạn.") {
		t.Fatalf("a late decision without its reason: %d\n%s", code, body)
	}
	if code, body := post(casePath, url.Values{"action": {"decide"}, "late_reason": {"Chủ tịch UBND xã đi công tác"}}); code != 200 ||
		!strings.Contains(body, `id="case-late"`) || !strings.Contains(body, "Chủ tịch UBND xã đi công tác") {
		t.Fatalf("the late decision with its reason: %d\n%s", code, body)
	}
	body := get("/review/rounds/" + strconv.FormatInt(round.ID, 10))
	if !strings.Contains(body, `class="badge badge-warning late">Quá hạn</span>`) || !strings.Contains(body, "Lý do: Chủ tịch UBND xã đi công tác") ||
		strings.Contains(body, `id="round-backdated"`) {
		t.Fatalf("the round page must flag the late case with its reason (and not the round as back-dated):\n%s", body)
	}
}
