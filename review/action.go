package review

import (
	"slices"

	"giamngheo"
)

// Action is a step a user takes on a case. Next decides whether it is allowed.
type Action string

// The actions.
const (
	ActionScreen        Action = "screen"         // Phiếu A (requests, Mẫu 01)
	ActionSurvey        Action = "survey"         // Phiếu B: collect, score, classify
	ActionHoldMeeting   Action = "hold_meeting"   // village meeting; Case.Votes hold the count
	ActionPost          Action = "post"           // public posting (niêm yết)
	ActionComplain      Action = "complain"       // record a complaint about the posted result
	ActionRecheck       Action = "recheck"        // re-check (phúc tra) after a complaint
	ActionRepost        Action = "repost"         // post the re-checked result again
	ActionAskDistrict   Action = "ask_district"   // ask the district chairman's opinion
	ActionDistrictReply Action = "district_reply" // the district gives its opinion
	ActionDecide        Action = "decide"         // commune chairman's recognition decision
	ActionReject        Action = "reject"         // written answer: not eligible, with reasons
	ActionWithdraw      Action = "withdraw"       // the household withdraws its request
)

// Actions lists every action in workflow order.
var Actions = []Action{
	ActionScreen, ActionSurvey, ActionHoldMeeting, ActionPost, ActionComplain,
	ActionRecheck, ActionRepost, ActionAskDistrict, ActionDistrictReply, ActionDecide,
	ActionReject, ActionWithdraw,
}

var actionLabels = map[Action][2]string{
	ActionScreen:        {"Nhận dạng nhanh (Phiếu A)", "screen (Phiếu A)"},
	ActionSurvey:        {"Rà soát, chấm điểm (Phiếu B)", "survey and score (Phiếu B)"},
	ActionHoldMeeting:   {"Họp dân", "hold the village meeting"},
	ActionPost:          {"Niêm yết công khai", "post publicly"},
	ActionComplain:      {"Ghi nhận khiếu nại", "record a complaint"},
	ActionRecheck:       {"Phúc tra", "re-check (phúc tra)"},
	ActionRepost:        {"Niêm yết lại", "post again"},
	ActionAskDistrict:   {"Xin ý kiến Chủ tịch UBND cấp huyện", "ask the district chairman's opinion"},
	ActionDistrictReply: {"Cho ý kiến (cấp huyện)", "give the district opinion"},
	ActionDecide:        {"Quyết định công nhận", "decide (recognise)"},
	ActionReject:        {"Trả lời không đủ điều kiện", "answer: not eligible"},
	ActionWithdraw:      {"Rút đề nghị", "withdraw the request"},
}

// Valid reports whether a is a known action.
func (a Action) Valid() bool {
	_, ok := actionLabels[a]
	return ok
}

// Label returns the Vietnamese name of the action.
func (a Action) Label() string { return label(actionLabels, a, 0) }

// LabelEN returns the English name of the action.
func (a Action) LabelEN() string { return label(actionLabels, a, 1) }

// Who may take each action. The rule:
//
//   - The commune officer (cán bộ giảm nghèo xã) records every commune step: the
//     steering committee's screening, survey, meeting, posting and re-check, and the
//     commune chairman's request to the district, decision, rejection; and the
//     household's withdrawal (Decision 24/2021/QĐ-TTg, Art. 4 and Art. 5 give all of
//     these to the commune).
//   - The district officer records only the district chairman's opinion (Art. 4), and
//     nothing after 01/07/2025 because rounds then have no district step.
//   - Province administrators and officers supervise: they see every case (a matter
//     for the service's scope check) and may record a complaint, since households may
//     complain to a higher level, which forwards it; so may the district officer. They
//     never take a commune or district step: those are legal acts of those levels, and
//     a province account recording them would misstate who acted. Corrections of
//     wrongly entered data belong to a separate, audited administration path.
//   - Agency officers and viewers take no action.
var actionRoles = map[Action][]giamngheo.Role{
	ActionScreen:        {giamngheo.RoleCommuneOfficer},
	ActionSurvey:        {giamngheo.RoleCommuneOfficer},
	ActionHoldMeeting:   {giamngheo.RoleCommuneOfficer},
	ActionPost:          {giamngheo.RoleCommuneOfficer},
	ActionComplain:      {giamngheo.RoleCommuneOfficer, giamngheo.RoleDistrictOfficer, giamngheo.RoleProvinceOfficer, giamngheo.RoleProvinceAdmin},
	ActionRecheck:       {giamngheo.RoleCommuneOfficer},
	ActionRepost:        {giamngheo.RoleCommuneOfficer},
	ActionAskDistrict:   {giamngheo.RoleCommuneOfficer},
	ActionDistrictReply: {giamngheo.RoleDistrictOfficer},
	ActionDecide:        {giamngheo.RoleCommuneOfficer},
	ActionReject:        {giamngheo.RoleCommuneOfficer},
	ActionWithdraw:      {giamngheo.RoleCommuneOfficer},
}

// Roles returns the roles that may take the action (a copy), for permission screens.
func (a Action) Roles() []giamngheo.Role {
	return slices.Clone(actionRoles[a])
}

// AllowedFor reports whether the role may take the action in some state.
func (a Action) AllowedFor(role giamngheo.Role) bool {
	return slices.Contains(actionRoles[a], role)
}
