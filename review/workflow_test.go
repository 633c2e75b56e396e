package review

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"giamngheo"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// fixture describes the case and round a step is tried on. The zero fixture is a
// Mẫu 01 household whose data is complete: Phiếu A says survey, Phiếu B says poor, the
// meeting agreed 6 of 10, the decision says poor, reasons are written, and the round
// has no district step.
type fixture struct {
	Origin                                     Origin    // default OriginRequest01
	Screening                                  Screening // default ScreeningNeedsSurvey
	Votes                                      Votes     // default 6 of 10 agree
	District                                   bool      // the round asks the district's opinion
	NoScreening, NoProposed, NoFinal, NoReason bool
}

func (f fixture) build(s State) (*Case, *Round) {
	r := &Round{ID: 1, CommuneCode: "10507", Kind: RoundRegular, Year: 2025, Month: 7,
		DistrictOpinionRequired: f.District, PostingDays: 3}
	c := &Case{ID: 1, RoundID: 1, HouseholdID: 1, State: s, Origin: OriginRequest01,
		Screening: ScreeningNeedsSurvey, PreviousClass: ClassNone, ProposedClass: ClassPoor,
		FinalClass: ClassPoor, Votes: Votes{10, 6}, Reason: "Thu nhập bình quân vượt chuẩn cận nghèo."}
	if f.Origin != "" {
		c.Origin = f.Origin
	}
	if c.Origin == OriginListed || c.Origin == OriginRequest04 {
		c.PreviousClass = ClassPoor
	}
	if f.Screening != "" {
		c.Screening = f.Screening
	}
	if f.Votes != (Votes{}) {
		c.Votes = f.Votes
	}
	if f.NoScreening {
		c.Screening = ScreeningNone
	}
	if f.NoProposed {
		c.ProposedClass = ClassNone
	}
	if f.NoFinal {
		c.FinalClass = ClassNone
	}
	if f.NoReason {
		c.Reason = "  "
	}
	return c, r
}

var (
	commune  = []giamngheo.Role{giamngheo.RoleCommuneOfficer}
	district = []giamngheo.Role{giamngheo.RoleDistrictOfficer}
	// Households may complain to any level; the levels above record and forward it.
	complainers = []giamngheo.Role{giamngheo.RoleCommuneOfficer, giamngheo.RoleDistrictOfficer,
		giamngheo.RoleProvinceOfficer, giamngheo.RoleProvinceAdmin}
)

// wantRoles is who may take each action, written out again here as the spec the
// table in action.go must meet. Agency officers and viewers appear nowhere.
var wantRoles = map[Action][]giamngheo.Role{
	ActionScreen: commune, ActionSurvey: commune, ActionHoldMeeting: commune, ActionPost: commune,
	ActionComplain: complainers, ActionRecheck: commune, ActionRepost: commune,
	ActionAskDistrict: commune, ActionDistrictReply: district,
	ActionDecide: commune, ActionReject: commune, ActionWithdraw: commune,
}

// legal is every move the workflow allows: from a state, an action on a case like the
// fixture leads to a state. The first row of a (state, action) pair is the fixture the
// exhaustive test uses for that pair.
var legal = []struct {
	from   State
	action Action
	fx     fixture
	to     State
}{
	{StateListed, ActionSurvey, fixture{Origin: OriginListed}, StateSurveyed},

	{StateRequested, ActionScreen, fixture{}, StateScreened},
	{StateRequested, ActionScreen, fixture{Screening: ScreeningNotEligible}, StateScreened},
	{StateRequested, ActionSurvey, fixture{Origin: OriginRequest04}, StateSurveyed},
	{StateRequested, ActionWithdraw, fixture{}, StateWithdrawn},
	{StateRequested, ActionWithdraw, fixture{Origin: OriginRequest04}, StateWithdrawn},

	{StateScreened, ActionSurvey, fixture{}, StateSurveyed},
	{StateScreened, ActionReject, fixture{Screening: ScreeningNotEligible}, StateRejected},
	{StateScreened, ActionWithdraw, fixture{}, StateWithdrawn},

	{StateSurveyed, ActionHoldMeeting, fixture{Votes: Votes{10, 5}}, StateMeetingAgreed}, // exactly 50%
	{StateSurveyed, ActionHoldMeeting, fixture{Votes: Votes{10, 4}}, StateResurvey},
	{StateSurveyed, ActionHoldMeeting, fixture{Origin: OriginListed, Votes: Votes{30, 30}}, StateMeetingAgreed},
	{StateSurveyed, ActionWithdraw, fixture{}, StateWithdrawn},

	{StateResurvey, ActionSurvey, fixture{}, StateSurveyed},
	{StateResurvey, ActionSurvey, fixture{Origin: OriginListed}, StateSurveyed},
	{StateResurvey, ActionWithdraw, fixture{}, StateWithdrawn},

	{StateMeetingAgreed, ActionPost, fixture{}, StatePosted},
	{StateMeetingAgreed, ActionPost, fixture{Origin: OriginListed, District: true}, StatePosted},
	{StateMeetingAgreed, ActionWithdraw, fixture{}, StateWithdrawn},

	{StatePosted, ActionComplain, fixture{}, StateComplaint},
	{StatePosted, ActionComplain, fixture{District: true}, StateComplaint},
	{StatePosted, ActionAskDistrict, fixture{District: true}, StateDistrictOpinion},
	{StatePosted, ActionDecide, fixture{}, StateDecided},
	{StatePosted, ActionDecide, fixture{Origin: OriginListed}, StateDecided},
	{StatePosted, ActionReject, fixture{}, StateRejected},
	{StatePosted, ActionReject, fixture{Origin: OriginRequest04}, StateRejected},
	{StatePosted, ActionWithdraw, fixture{}, StateWithdrawn},

	{StateComplaint, ActionRecheck, fixture{}, StateRechecked},
	{StateComplaint, ActionWithdraw, fixture{}, StateWithdrawn},

	{StateRechecked, ActionRepost, fixture{}, StatePosted},
	{StateRechecked, ActionWithdraw, fixture{}, StateWithdrawn},

	{StateDistrictOpinion, ActionDistrictReply, fixture{District: true}, StateDistrictReplied},
	{StateDistrictOpinion, ActionWithdraw, fixture{District: true}, StateWithdrawn},

	{StateDistrictReplied, ActionDecide, fixture{District: true}, StateDecided},
	{StateDistrictReplied, ActionDecide, fixture{District: true, Origin: OriginListed}, StateDecided},
	{StateDistrictReplied, ActionReject, fixture{District: true}, StateRejected},
	{StateDistrictReplied, ActionWithdraw, fixture{District: true}, StateWithdrawn},
}

// allRoles is every role plus one the system does not know.
var allRoles = append(slices.Clone(giamngheo.Roles), giamngheo.Role("mayor"))

func TestLegalMoves(t *testing.T) {
	for _, m := range legal {
		for _, role := range allRoles {
			c, r := m.fx.build(m.from)
			got, err := Next(c, m.action, role, r)
			if slices.Contains(wantRoles[m.action], role) {
				if err != nil || got != m.to {
					t.Errorf("%s --%s/%s--> (%+v) = %q, %v; want %q", m.from, m.action, role, m.fx, got, err, m.to)
				}
			} else if code := giamngheo.ErrorCode(err); code != giamngheo.EFORBIDDEN {
				t.Errorf("%s --%s/%s--> = %q, %v; want EFORBIDDEN", m.from, m.action, role, got, err)
			}
			if c.State != m.from {
				t.Fatalf("Next changed the case's state")
			}
		}
	}
}

// TestNextExhaustive tries every state × action × role.
func TestNextExhaustive(t *testing.T) {
	n := 0
	for _, s := range States {
		for _, a := range Actions {
			fx, want, isLegal := fixture{}, State(""), false
			for _, m := range legal {
				if m.from == s && m.action == a {
					fx, want, isLegal = m.fx, m.to, true
					break
				}
			}
			for _, role := range allRoles {
				n++
				c, r := fx.build(s)
				got, err := Next(c, a, role, r)
				switch {
				case !slices.Contains(wantRoles[a], role):
					checkError(t, err, giamngheo.EFORBIDDEN, a.Label(), a.LabelEN(), role.Label())
				case isLegal:
					if err != nil || got != want {
						t.Errorf("%s --%s/%s--> = %q, %v; want %q", s, a, role, got, err, want)
					}
				case s.Terminal():
					checkError(t, err, giamngheo.EINVALID, a.Label(), "hồ sơ đã kết thúc", s.Label(), s.LabelEN())
				default:
					// Wrong step: the message names the action and the state, in both languages.
					checkError(t, err, giamngheo.EINVALID, a.Label(), s.Label(), a.LabelEN(), s.LabelEN(), "Bước tiếp theo có thể")
				}
				if err != nil && got != "" {
					t.Errorf("%s --%s/%s--> returned state %q with an error", s, a, role, got)
				}
			}
		}
	}
	if want := len(States) * len(Actions) * len(allRoles); n != want || n != 14*12*7 {
		t.Errorf("tried %d combinations, want %d", n, want)
	}
}

// checkError asserts the code and that each part appears in the Vietnamese or
// English message.
func checkError(t *testing.T, err error, code string, parts ...string) {
	t.Helper()
	if got := giamngheo.ErrorCode(err); got != code {
		t.Errorf("error %v: code %q, want %q", err, got, code)
		return
	}
	msg := giamngheo.ErrorMessage(err) + " | " + giamngheo.ErrorMessageEN(err)
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("message %q lacks %q", msg, p)
		}
	}
}

// TestEveryStepIsSpecified checks the table in workflow.go against legal: each row of
// the table is a move listed in the test, and each state is reachable and, unless
// closed, can be left.
func TestEveryStepIsSpecified(t *testing.T) {
	for _, s := range Steps() {
		found := slices.ContainsFunc(legal, func(m struct {
			from   State
			action Action
			fx     fixture
			to     State
		}) bool {
			return m.from == s.From && m.action == s.Action && m.to == s.To
		})
		if !found {
			t.Errorf("table row %s --%s--> %s is not in the test's legal moves", s.From, s.Action, s.To)
		}
		for _, k := range s.When {
			if k.Label() == "" || k.LabelEN() == "" {
				t.Errorf("condition %q has no label", k)
			}
		}
	}
	for _, s := range States {
		in := s == StateListed || s == StateRequested // the first states of NewCase
		out := false
		for _, st := range Steps() {
			in = in || st.To == s
			out = out || st.From == s
		}
		if !in {
			t.Errorf("state %s cannot be reached", s)
		}
		if out == s.Terminal() {
			t.Errorf("state %s: has moves out = %v, terminal = %v", s, out, s.Terminal())
		}
	}
}

func TestNextConditions(t *testing.T) {
	tests := []struct {
		name   string
		from   State
		action Action
		fx     fixture
		field  string
		vi     string // part of the Vietnamese message
	}{
		{"Phiếu A is for Mẫu 01 only", StateRequested, ActionScreen, fixture{Origin: OriginRequest04}, "origin", "Mẫu 01"},
		{"Phiếu A outcome missing", StateRequested, ActionScreen, fixture{NoScreening: true}, "screening", "Phiếu A"},
		{"Mẫu 01 cannot skip Phiếu A", StateRequested, ActionSurvey, fixture{}, "origin", "Phiếu A"},
		{"no Phiếu B after not eligible", StateScreened, ActionSurvey, fixture{Screening: ScreeningNotEligible}, "screening", "không đủ điều kiện"},
		{"no rejection when Phiếu B is needed", StateScreened, ActionReject, fixture{}, "screening", "cần rà soát bằng Phiếu B"},
		{"rejection needs written reasons (Art. 5)", StateScreened, ActionReject, fixture{Screening: ScreeningNotEligible, NoReason: true}, "reason", "Điều 5"},
		{"survey needs the Phiếu B class", StateListed, ActionSurvey, fixture{Origin: OriginListed, NoProposed: true}, "proposed_class", "Phiếu B"},
		{"re-survey needs the Phiếu B class", StateResurvey, ActionSurvey, fixture{NoProposed: true}, "proposed_class", "Phiếu B"},
		{"meeting with more agreeing than attending", StateSurveyed, ActionHoldMeeting, fixture{Votes: Votes{5, 6}}, "votes", "không được lớn hơn"},
		{"meeting with nobody", StateSurveyed, ActionHoldMeeting, fixture{Votes: Votes{0, -1}}, "votes", "lớn hơn 0"},
		{"decide before asking the district", StatePosted, ActionDecide, fixture{District: true}, "district", "xin ý kiến Chủ tịch UBND cấp huyện"},
		{"reject before asking the district", StatePosted, ActionReject, fixture{District: true}, "district", "xin ý kiến Chủ tịch UBND cấp huyện"},
		{"no district step after 01/07/2025", StatePosted, ActionAskDistrict, fixture{}, "district", "01/07/2025"},
		{"decision needs the class", StatePosted, ActionDecide, fixture{NoFinal: true}, "final_class", "phân loại được công nhận"},
		{"decision after the district needs the class", StateDistrictReplied, ActionDecide, fixture{District: true, NoFinal: true}, "final_class", "phân loại"},
		{"a listed household is decided, not rejected", StatePosted, ActionReject, fixture{Origin: OriginListed}, "origin", "quyết định"},
		{"a listed household cannot withdraw", StateSurveyed, ActionWithdraw, fixture{Origin: OriginListed}, "origin", "rút"},
		{"rejection after the district needs reasons", StateDistrictReplied, ActionReject, fixture{District: true, NoReason: true}, "reason", "lý do"},
	}
	for _, tt := range tests {
		c, r := tt.fx.build(tt.from)
		_, err := Next(c, tt.action, giamngheo.RoleCommuneOfficer, r)
		e, ok := err.(*giamngheo.Error)
		if !ok || e.Code != giamngheo.EINVALID || e.Field != tt.field || !strings.Contains(e.Message, tt.vi) || e.MessageEN == "" {
			t.Errorf("%s: got %#v, want EINVALID on %q mentioning %q", tt.name, err, tt.field, tt.vi)
		}
	}
}

func TestNextBadInput(t *testing.T) {
	c, r := fixture{}.build(StateRequested)
	other := *r
	other.ID = 2
	bad := *c
	bad.State = "lost"
	tests := []struct {
		name  string
		c     *Case
		a     Action
		r     *Round
		field string
	}{
		{"no case", nil, ActionScreen, r, ""},
		{"no round", c, ActionScreen, nil, ""},
		{"case of another round", c, ActionScreen, &other, "round"},
		{"unknown action", c, "approve", r, "action"},
		{"unknown state", &bad, ActionScreen, r, "state"},
	}
	for _, tt := range tests {
		_, err := Next(tt.c, tt.a, giamngheo.RoleCommuneOfficer, tt.r)
		e, ok := err.(*giamngheo.Error)
		if !ok || e.Code != giamngheo.EINVALID || e.Field != tt.field {
			t.Errorf("%s: got %v, want EINVALID on %q", tt.name, err, tt.field)
		}
	}
}

func TestAllowed(t *testing.T) {
	tests := []struct {
		name  string
		state State
		fx    fixture
		role  giamngheo.Role
		want  []Action
	}{
		{"listed household, commune", StateListed, fixture{Origin: OriginListed}, giamngheo.RoleCommuneOfficer, []Action{ActionSurvey}},
		{"Mẫu 01 request, commune", StateRequested, fixture{}, giamngheo.RoleCommuneOfficer, []Action{ActionScreen, ActionWithdraw}},
		{"Mẫu 04 request, commune", StateRequested, fixture{Origin: OriginRequest04}, giamngheo.RoleCommuneOfficer, []Action{ActionSurvey, ActionWithdraw}},
		{"posted request, commune, no district", StatePosted, fixture{}, giamngheo.RoleCommuneOfficer, []Action{ActionComplain, ActionDecide, ActionReject, ActionWithdraw}},
		{"posted request, commune, district step", StatePosted, fixture{District: true}, giamngheo.RoleCommuneOfficer, []Action{ActionComplain, ActionAskDistrict, ActionWithdraw}},
		{"posted listed household, commune", StatePosted, fixture{Origin: OriginListed}, giamngheo.RoleCommuneOfficer, []Action{ActionComplain, ActionDecide}},
		{"posted, province officer", StatePosted, fixture{}, giamngheo.RoleProvinceOfficer, []Action{ActionComplain}},
		{"posted, viewer", StatePosted, fixture{}, giamngheo.RoleViewer, nil},
		{"posted, agency officer", StatePosted, fixture{}, giamngheo.RoleAgencyOfficer, nil},
		{"awaiting district, district officer", StateDistrictOpinion, fixture{District: true}, giamngheo.RoleDistrictOfficer, []Action{ActionDistrictReply}},
		{"awaiting district, commune", StateDistrictOpinion, fixture{District: true}, giamngheo.RoleCommuneOfficer, []Action{ActionWithdraw}},
		{"decided, commune", StateDecided, fixture{}, giamngheo.RoleCommuneOfficer, nil},
		// The step's own data is not needed to offer the step: the form collects it.
		{"Mẫu 01 before Phiếu A", StateRequested, fixture{NoScreening: true}, giamngheo.RoleCommuneOfficer, []Action{ActionScreen, ActionWithdraw}},
		{"listed before Phiếu B", StateListed, fixture{Origin: OriginListed, NoProposed: true}, giamngheo.RoleCommuneOfficer, []Action{ActionSurvey}},
		{"surveyed before the meeting", StateSurveyed, fixture{Votes: Votes{0, -1}}, giamngheo.RoleCommuneOfficer, []Action{ActionHoldMeeting, ActionWithdraw}},
		{"posted before the class and reasons", StatePosted, fixture{NoFinal: true, NoReason: true}, giamngheo.RoleCommuneOfficer, []Action{ActionComplain, ActionDecide, ActionReject, ActionWithdraw}},
		// But the path taken is: after "not eligible" there is no survey.
		{"screened out", StateScreened, fixture{Screening: ScreeningNotEligible}, giamngheo.RoleCommuneOfficer, []Action{ActionReject, ActionWithdraw}},
		{"screened in", StateScreened, fixture{}, giamngheo.RoleCommuneOfficer, []Action{ActionSurvey, ActionWithdraw}},
	}
	for _, tt := range tests {
		c, r := tt.fx.build(tt.state)
		if got := Allowed(c, tt.role, r); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Allowed = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestForbiddenMessage(t *testing.T) {
	c, r := fixture{}.build(StatePosted)
	_, err := Next(c, ActionDecide, giamngheo.RoleViewer, r)
	if vi := giamngheo.ErrorMessage(err); vi != `Vai trò "Chỉ xem" không được thực hiện bước "Quyết định công nhận"; chỉ Cán bộ xã được thực hiện.` {
		t.Errorf("vi = %q", vi)
	}
	if en := giamngheo.ErrorMessageEN(err); en != `The role "viewer" may not take the step "decide (recognise)"; only commune_officer may.` {
		t.Errorf("en = %q", en)
	}
	_, err = Next(c, ActionHoldMeeting, giamngheo.RoleCommuneOfficer, r)
	if vi := giamngheo.ErrorMessage(err); vi != `Không thể "Họp dân" khi hồ sơ đang ở bước "Đang niêm yết công khai". Bước tiếp theo có thể: "Ghi nhận khiếu nại", "Xin ý kiến Chủ tịch UBND cấp huyện", "Quyết định công nhận", "Trả lời không đủ điều kiện", "Rút đề nghị".` {
		t.Errorf("vi = %q", vi)
	}
}

// TestWorkflowGolden renders the workflow for policy officers to read (the rules, then
// the outcome of every state × action × role) and compares it with
// testdata/workflow.golden. Run `go test ./review/ -run Golden -update` after a
// deliberate change and review the diff.
func TestWorkflowGolden(t *testing.T) {
	got := renderWorkflow()
	path := "testdata/workflow.golden"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the workflow; run with -update and review the diff", path)
	}
}

func renderWorkflow() string {
	var b strings.Builder
	b.WriteString("# Quy trình rà soát (Quyết định 24/2021/QĐ-TTg) — review workflow\n")
	b.WriteString("# Generated by TestWorkflowGolden; do not edit by hand.\n\n")
	b.WriteString("## Bước — steps: from --action--> to [conditions] (roles)\n")
	b.WriteString("## * = data the step itself records (checked by Next, not needed to offer the step)\n\n")
	for _, s := range Steps() {
		var when []string
		for _, k := range s.When {
			if k.Input() {
				when = append(when, "*"+k.Label())
			} else {
				when = append(when, k.Label())
			}
		}
		var roles []string
		for _, r := range s.Action.Roles() {
			roles = append(roles, r.Label())
		}
		fmt.Fprintf(&b, "%-17s --%s--> %s", s.From, s.Action, s.To)
		if len(when) > 0 {
			fmt.Fprintf(&b, " [%s]", strings.Join(when, "; "))
		}
		fmt.Fprintf(&b, " (%s)\n", strings.Join(roles, ", "))
		fmt.Fprintf(&b, "    %s --%s--> %s\n", s.From.Label(), s.Action.Label(), s.To.Label())
	}
	b.WriteString("\n## Ma trận — every state × action × role, on the test fixture of that pair\n")
	b.WriteString("## cells: next state | forbidden (wrong role) | invalid (wrong step or condition)\n\n")
	fmt.Fprintf(&b, "%-17s %-15s", "state", "action")
	for _, r := range giamngheo.Roles {
		fmt.Fprintf(&b, " %-17s", r)
	}
	b.WriteString("\n")
	for _, s := range States {
		for _, a := range Actions {
			fx := fixture{}
			for _, m := range legal {
				if m.from == s && m.action == a {
					fx = m.fx
					break
				}
			}
			fmt.Fprintf(&b, "%-17s %-15s", s, a)
			for _, role := range giamngheo.Roles {
				c, r := fx.build(s)
				to, err := Next(c, a, role, r)
				cell := string(to)
				if err != nil {
					cell = giamngheo.ErrorCode(err)
				}
				fmt.Fprintf(&b, " %-17s", cell)
			}
			b.WriteString("\n")
		}
	}
	// No trailing blanks: editors strip them and the file must stay byte-identical.
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// TestAllowedMatchesNext: when the case holds all the data its steps record, the
// buttons Allowed offers are exactly the actions Next accepts.
func TestAllowedMatchesNext(t *testing.T) {
	fixtures := []fixture{{}, {District: true}, {Origin: OriginListed}, {Origin: OriginRequest04},
		{Screening: ScreeningNotEligible}, {Votes: Votes{10, 4}}}
	for _, s := range States {
		for _, fx := range fixtures {
			for _, role := range allRoles {
				c, r := fx.build(s)
				var want []Action
				for _, a := range Actions {
					if _, err := Next(c, a, role, r); err == nil {
						want = append(want, a)
					}
				}
				if got := Allowed(c, role, r); !slices.Equal(got, want) {
					t.Errorf("%s %+v %s: Allowed = %v, Next accepts %v", s, fx, role, got, want)
				}
			}
		}
	}
}
