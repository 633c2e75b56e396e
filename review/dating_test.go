package review

import (
	"strings"
	"testing"
	"time"

	"giamngheo"
)

// TestCheckStepDay: a step is dated from the round's start to today; after the
// decision deadline only with a reason; the message names the step.
func TestCheckStepDay(t *testing.T) {
	// November 2026's regular round: 15/11, decision due 30/11.
	r, err := NewRegularRound("10816", 2026, time.November, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if r.StartDate != Date(2026, time.November, 15) || r.DecisionDue != Date(2026, time.November, 30) {
		t.Fatalf("round window %s–%s", formatDate(r.StartDate), formatDate(r.DecisionDue))
	}
	d := func(m time.Month, day int) time.Time { return Date(2026, m, day) }
	for _, tc := range []struct {
		name       string
		action     Action
		day, today time.Time
		reason     string
		late       bool
		field      string // "" when accepted
		msg        string // part of the Vietnamese message
	}{
		{"first day", ActionHoldMeeting, d(11, 15), d(11, 20), "", false, "", ""},
		{"on the deadline", ActionDecide, d(11, 30), d(11, 30), "", false, "", ""},
		{"today", ActionSurvey, d(11, 20), d(11, 20), "", false, "", ""},
		{"before the start", ActionHoldMeeting, d(11, 14), d(11, 20), "", false, "meeting_date", "Ngày của bước «Họp dân» (14/11/2026) trước ngày bắt đầu của đợt rà soát (15/11/2026)"},
		{"before the start, survey today", ActionSurvey, d(11, 10), d(11, 10), "", false, "day", "«Rà soát, chấm điểm (Phiếu B)»"},
		{"in the future", ActionPost, d(11, 21), d(11, 20), "", false, "posted_on", "Ngày của bước «Niêm yết công khai» (21/11/2026) sau hôm nay (20/11/2026)"},
		{"future with a reason", ActionPost, d(12, 2), d(12, 1), "trễ", false, "posted_on", "sau hôm nay"},
		{"late without a reason", ActionDecide, d(12, 1), d(12, 1), "", false, "late_reason", "Bước «Quyết định công nhận» ngày 01/12/2026 sau hạn quyết định của đợt rà soát (30/11/2026): cần ghi lý do quá hạn"},
		{"late, blank reason", ActionHoldMeeting, d(12, 1), d(12, 3), "  ", false, "late_reason", "«Họp dân»"},
		{"late with a reason", ActionDecide, d(12, 1), d(12, 1), "Chờ hết niêm yết", true, "", ""},
		{"missing day", ActionHoldMeeting, time.Time{}, d(11, 20), "", false, "meeting_date", "Thiếu ngày của bước «Họp dân»"},
		// The day is read in Vietnam: 16:30 UTC on 30/11 is already 01/12 there.
		{"instant in Vietnam", ActionDecide, time.Date(2026, 11, 30, 17, 30, 0, 0, time.UTC).In(vietnam), time.Date(2026, 11, 30, 17, 30, 0, 0, time.UTC).In(vietnam), "", false, "late_reason", "01/12/2026"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			late, err := CheckStepDay(r, tc.action, tc.day, tc.today, tc.reason)
			if tc.field == "" {
				if err != nil || late != tc.late {
					t.Fatalf("late %v, err %v; want late %v, no error", late, err, tc.late)
				}
				return
			}
			var e *giamngheo.Error
			if err == nil || giamngheo.ErrorCode(err) != giamngheo.EINVALID {
				t.Fatalf("want EINVALID on %s, got %v", tc.field, err)
			}
			e = err.(*giamngheo.Error)
			if e.Field != tc.field || !strings.Contains(e.Message, tc.msg) || e.MessageEN == "" || late {
				t.Fatalf("error %+v (late %v); want field %s and a message containing %q", e, late, tc.field, tc.msg)
			}
		})
	}
}

// TestCheckOpening: a round whose decision deadline has passed opens only with a reason.
func TestCheckOpening(t *testing.T) {
	r, err := NewRegularRound("10816", 2026, time.October, DefaultConfig()) // due 30/10
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		today     time.Time
		reason    string
		backdated bool
		ok        bool
	}{
		{Date(2026, time.October, 1), "", false, true},  // before it starts
		{Date(2026, time.October, 30), "", false, true}, // on its deadline
		{Date(2026, time.October, 31), "", false, false},
		{Date(2026, time.November, 28), "Nhập lại hồ sơ giấy", true, true},
	} {
		backdated, err := CheckOpening(r, tc.today, tc.reason)
		if (err == nil) != tc.ok || backdated != tc.backdated {
			t.Fatalf("opened on %s with %q: back-dated %v, err %v", formatDate(tc.today), tc.reason, backdated, err)
		}
		if err != nil {
			if e := err.(*giamngheo.Error); e.Field != "backdate_reason" || !strings.Contains(e.Message, "30/10/2026") || !strings.Contains(e.Message, "lùi ngày") {
				t.Fatalf("message %+v", e)
			}
		}
	}
}
