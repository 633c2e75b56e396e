package review

import (
	"strings"

	"giamngheo"
)

// Condition is a named requirement on the case or its round that a workflow step
// needs besides the state: which form the household filed, what Phiếu A concluded,
// how the village meeting voted, whether the round has the district step, and that the
// data the step records is present. Conditions are data in the step table, so the
// table reads as the rules.
type Condition string

// The conditions.
const (
	IfRequest01      Condition = "request_01"       // the household filed Mẫu 01
	IfRequest04      Condition = "request_04"       // the household filed Mẫu 04
	IfRequest        Condition = "request"          // the household filed Mẫu 01 or Mẫu 04
	IfScreened       Condition = "screening_set"    // Case.Screening holds the Phiếu A outcome
	IfNeedsSurvey    Condition = "needs_survey"     // Phiếu A: go on with Phiếu B
	IfNotEligible    Condition = "not_eligible"     // Phiếu A: not eligible
	IfProposed       Condition = "proposed_class"   // Case.ProposedClass holds the Phiếu B class
	IfMeetingAgreed  Condition = "meeting_agreed"   // Case.Votes: at least 50% agree
	IfMeetingFailed  Condition = "meeting_failed"   // Case.Votes: below 50%
	IfDistrictStep   Condition = "district_step"    // the round asks the district's opinion
	IfNoDistrictStep Condition = "no_district_step" // the round has no district step
	IfFinal          Condition = "final_class"      // Case.FinalClass holds the decided class
	IfReason         Condition = "reason"           // Case.Reason holds the written reasons
)

// conditionRule is the label of a condition and its check. check returns nil when the
// condition holds, else the application error to show. input marks a condition on the
// data the step itself records (the Phiếu A outcome, the class, the votes, the
// reasons): a screen offers the step before that data exists.
type conditionRule struct {
	vi, en string
	input  bool
	check  func(c *Case, r *Round) error
}

var conditions = map[Condition]conditionRule{
	IfRequest01: {"hộ nộp Mẫu 01", "the household filed Mẫu 01", false, func(c *Case, _ *Round) error {
		return unless(c.Origin == OriginRequest01, "origin",
			"Chỉ hộ nộp giấy đề nghị Mẫu 01 mới nhận dạng nhanh bằng Phiếu A.",
			"Only a household that filed Mẫu 01 is screened with Phiếu A.")
	}},
	IfRequest04: {"hộ nộp Mẫu 04", "the household filed Mẫu 04", false, func(c *Case, _ *Round) error {
		// [U] Phiếu A screens Mẫu 01 requests (Circular 07/2021, Phụ lục II); a Mẫu 04
		// household is already on the lists and goes straight to Phiếu B.
		return unless(c.Origin == OriginRequest04, "origin",
			"Hộ nộp Mẫu 01 phải nhận dạng nhanh bằng Phiếu A trước khi rà soát Phiếu B.",
			"A household that filed Mẫu 01 must be screened with Phiếu A before the Phiếu B survey.")
	}},
	IfRequest: {"hộ có giấy đề nghị", "the household filed a request", false, func(c *Case, _ *Round) error {
		return unless(c.Origin.Request(), "origin",
			"Hộ đang quản lý trong danh sách không có giấy đề nghị để từ chối hoặc rút; kết quả rà soát được công nhận bằng quyết định.",
			"A listed household has no request to reject or withdraw; its review result is recognised by a decision.")
	}},
	IfScreened: {"đã có kết quả Phiếu A", "the Phiếu A outcome is recorded", true, func(c *Case, _ *Round) error {
		return unless(c.Screening == ScreeningNeedsSurvey || c.Screening == ScreeningNotEligible, "screening",
			"Cần ghi kết quả nhận dạng nhanh (Phiếu A) trước.",
			"Record the outcome of the quick identification (Phiếu A) first.")
	}},
	IfNeedsSurvey: {"Phiếu A: cần rà soát Phiếu B", "Phiếu A: needs a Phiếu B survey", false, func(c *Case, _ *Round) error {
		return unless(c.Screening == ScreeningNeedsSurvey, "screening",
			"Phiếu A kết luận hộ không đủ điều kiện, không rà soát tiếp bằng Phiếu B.",
			"Phiếu A found the household not eligible; there is no Phiếu B survey.")
	}},
	IfNotEligible: {"Phiếu A: không đủ điều kiện", "Phiếu A: not eligible", false, func(c *Case, _ *Round) error {
		return unless(c.Screening == ScreeningNotEligible, "screening",
			"Phiếu A kết luận hộ cần rà soát bằng Phiếu B, chưa thể trả lời không đủ điều kiện.",
			"Phiếu A found that the household needs a Phiếu B survey; it cannot be rejected yet.")
	}},
	IfProposed: {"đã có phân loại theo Phiếu B", "the Phiếu B class is recorded", true, func(c *Case, _ *Round) error {
		return unless(c.ProposedClass != ClassNone && c.ProposedClass.Valid(), "proposed_class",
			"Cần ghi kết quả phân loại theo Phiếu B trước.",
			"Record the class from Phiếu B first.")
	}},
	IfMeetingAgreed: {"họp dân đạt từ 50% trở lên", "the meeting agreed with at least 50%", true, func(c *Case, _ *Round) error {
		agreed, err := c.Votes.Outcome()
		if err != nil {
			return err
		}
		return unless(agreed, "votes",
			"Họp dân chưa đạt 50% số người dự họp đồng ý.",
			"Fewer than 50% of the meeting's attendees agreed.")
	}},
	IfMeetingFailed: {"họp dân dưới 50%", "the meeting agreed with less than 50%", true, func(c *Case, _ *Round) error {
		agreed, err := c.Votes.Outcome()
		if err != nil {
			return err
		}
		return unless(!agreed, "votes",
			"Họp dân đã đạt từ 50% trở lên.",
			"At least 50% of the meeting's attendees agreed.")
	}},
	IfDistrictStep: {"đợt có bước xin ý kiến cấp huyện", "the round asks the district's opinion", false, func(_ *Case, r *Round) error {
		return unless(r.DistrictOpinionRequired, "district",
			"Đợt rà soát này không có bước xin ý kiến Chủ tịch UBND cấp huyện (chính quyền địa phương hai cấp từ 01/07/2025).",
			"This round has no district-opinion step (two-tier local government from 01/07/2025).")
	}},
	IfNoDistrictStep: {"đợt không có bước cấp huyện", "the round has no district step", false, func(_ *Case, r *Round) error {
		return unless(!r.DistrictOpinionRequired, "district",
			"Đợt rà soát này phải xin ý kiến Chủ tịch UBND cấp huyện trước khi xã quyết định (Quyết định 24/2021/QĐ-TTg, Điều 4).",
			"This round must ask the district chairman's opinion before the commune decides (Decision 24/2021/QĐ-TTg, Art. 4).")
	}},
	IfFinal: {"đã có phân loại công nhận", "the decided class is recorded", true, func(c *Case, _ *Round) error {
		return unless(c.FinalClass != ClassNone && c.FinalClass.Valid(), "final_class",
			"Cần ghi phân loại được công nhận trong quyết định.",
			"Record the class the decision recognises.")
	}},
	IfReason: {"có lý do bằng văn bản", "written reasons are given", true, func(c *Case, _ *Round) error {
		return unless(hasText(c.Reason), "reason",
			"Phải nêu rõ lý do bằng văn bản (Quyết định 24/2021/QĐ-TTg, Điều 5).",
			"The written reasons must be given (Decision 24/2021/QĐ-TTg, Art. 5).")
	}},
}

// Label returns the Vietnamese wording of the condition.
func (k Condition) Label() string { return conditions[k].vi }

// LabelEN returns the English wording of the condition.
func (k Condition) LabelEN() string { return conditions[k].en }

// Input reports whether the condition is on the data the step itself records, as
// opposed to the path the case has taken (its origin, the Phiếu A outcome already
// recorded, the round's district step).
func (k Condition) Input() bool { return conditions[k].input }

// unless returns nil if ok, else an EINVALID error about the field.
func unless(ok bool, name, vi, en string) error {
	if ok {
		return nil
	}
	return &giamngheo.Error{Code: giamngheo.EINVALID, Message: vi, MessageEN: en, Field: name}
}

// hasText reports whether s has something besides white space.
func hasText(s string) bool { return strings.TrimSpace(s) != "" }
