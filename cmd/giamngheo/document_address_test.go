package main

import (
	"context"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/review"
)

// TestCertificateAddressOnItsDate: a certificate reads the household's residence with
// the units valid on the day it was issued: one of June 2025 names the ward, the city
// and the province of Hải Dương; one of November 2026 the merged ward and Hải Phòng,
// although the officer wrote the old units into the address. The village is named
// once (issue 11 item 5).
func TestCertificateAddressOnItsDate(t *testing.T) {
	r := MustRunServerAt(t, time.Date(2026, time.December, 7, 10, 0, 0, 0, giamngheo.Vietnam))
	r.MustAddUser(t, "xa.thanhdong", giamngheo.RoleCommuneOfficer, "10507")
	officer := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 99, Username: "xa.thanhdong", Role: giamngheo.RoleCommuneOfficer, ScopeCode: "10507"})
	district := giamngheo.NewContextWithActor(context.Background(), &giamngheo.Actor{UserID: 98, Username: "huyen.tphd", Role: giamngheo.RoleDistrictOfficer, ScopeCode: "288"})
	c := loginClient(t, r.URL, "xa.thanhdong", testPassword)
	// decideOn takes a household through a regular round of month, meeting on the 15th,
	// posted on the 16th, decided on day, with the service's clock at each step.
	decideOn := func(code, head string, month time.Month, year int, day time.Time) string {
		t.Helper()
		h := poorHouseholdOf("10507", code, head)
		h.Members[0].NationalID = ""
		h.Address = "Số 8, Tổ dân phố 3, phường Cẩm Thượng, TP Hải Dương"
		if err := r.App.reg.CreateHousehold(systemCtx(context.Background()), h); err != nil {
			t.Fatal(err)
		}
		svc := *r.App.rev
		at := review.Date(year, month, 16).Add(9 * time.Hour)
		svc.Now = func() time.Time { return at }
		round, err := svc.OpenRound(officer, "10507", review.RoundRegular, year, month)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := svc.FileRequest(officer, round.ID, h.ID, review.OriginRequest01, review.Date(year, month, 15))
		if err != nil {
			t.Fatal(err)
		}
		type step struct {
			a  review.Action
			in review.StepInput
		}
		steps := []step{
			{review.ActionScreen, review.StepInput{Screening: review.ScreeningNeedsSurvey}},
			{review.ActionSurvey, review.StepInput{}},
			{review.ActionHoldMeeting, review.StepInput{Votes: review.Votes{Attendees: 20, Agree: 15}, MeetingDate: review.Date(year, month, 15)}},
			{review.ActionPost, review.StepInput{PostedOn: review.Date(year, month, 16)}},
		}
		if round.DistrictOpinionRequired { // before 1 July 2025 (Decision 24/2021/QĐ-TTg, Art. 4)
			steps = append(steps, step{review.ActionAskDistrict, review.StepInput{}}, step{review.ActionDistrictReply, review.StepInput{Note: "Đồng ý"}})
		}
		for _, st := range append(steps, step{review.ActionDecide, review.StepInput{}}) {
			actor := officer
			switch st.a {
			case review.ActionAskDistrict, review.ActionDistrictReply, review.ActionDecide:
				at = day.Add(9 * time.Hour)
			}
			if st.a == review.ActionDistrictReply {
				actor = district
			}
			if _, err := svc.Act(actor, cs.ID, st.a, st.in); err != nil {
				t.Fatalf("%s: %v", st.a, err)
			}
		}
		resp, err := c.Get(r.URL + "/review/cases/" + strconv.FormatInt(cs.ID, 10) + "/certificate.pdf")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("certificate: %v %v", err, resp)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return strings.Join(strings.Fields(pdfText(t, body)), " ")
	}
	// Monday 16/06/2025: three working days of posting end Thursday 19/06.
	old := decideOn("TD-2025", "Lý Thị Hoa", time.June, 2025, review.Date(2025, time.June, 20))
	if !strings.Contains(old, "Số 8, Tổ dân phố 3, phường Cẩm Thượng, thành phố Hải Dương, tỉnh Hải Dương") ||
		!strings.Contains(old, "PHƯỜNG CẨM THƯỢNG") || strings.Contains(old, "Hải Phòng") {
		t.Fatalf("the certificate of 20/06/2025 must read the units of that day:\n%s", old)
	}
	// Monday 16/11/2026: posting over Thursday 19/11.
	now := decideOn("TD-2026", "Lý Văn Hùng", time.November, 2026, review.Date(2026, time.November, 20))
	if !strings.Contains(now, "Số 8, Tổ dân phố 3, phường Thành Đông, thành phố Hải Phòng") ||
		!strings.Contains(now, "PHƯỜNG THÀNH ĐÔNG") || strings.Contains(now, "Cẩm Thượng") || strings.Count(now, "Tổ dân phố 3") != 1 {
		t.Fatalf("the certificate of 20/11/2026 must read today's units, the village once:\n%s", now)
	}
}
