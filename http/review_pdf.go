package http

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/export/pdf"
	"giamngheo/export/xlsx"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/review"
)

// routesReviewDocuments mounts the documents of the review as PDF: the public posting
// list, the village meeting minutes, the commune chairman's decision and the household
// certificate. Each is rendered in memory first so that an error becomes a page, not a
// broken download.
func (s *Server) routesReviewDocuments(mux router) {
	mux.HandleFunc("GET /review/rounds/{id}/posting.pdf", s.requireUser(s.handlePostingPDF))
	mux.HandleFunc("GET /review/rounds/{id}/decision.pdf", s.requireUser(s.handleDecisionPDF))
	mux.HandleFunc("GET /review/rounds/{id}/decision.xlsx", s.requireUser(s.handleDecisionXLSX))
	mux.HandleFunc("GET /review/cases/{id}/minutes.pdf", s.requireUser(s.handleMinutesPDF))
	mux.HandleFunc("GET /review/cases/{id}/certificate.pdf", s.requireUser(s.handleCertificatePDF))
}

func (s *Server) sendPDF(w http.ResponseWriter, r *http.Request, name string, write func(*bytes.Buffer) error) {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`"`)
	w.Write(b.Bytes())
}

// communeNameOn is the commune's name on a document dated day: the catalogue's version
// valid that day (a document of 2024 names the commune before the 2025 mergers), else
// the latest.
func (s *Server) communeNameOn(ctx context.Context, code string, day time.Time) string {
	if !day.IsZero() {
		if u, err := s.Units.FindUnitByCode(ctx, code, day.Format(admin.DateLayout)); err == nil {
			return u.Name
		}
	}
	return s.communeName(ctx, code)
}

// pdfRound is the round as its documents name it, with the standard it applied.
func pdfRound(r *review.RoundRecord) pdf.Round {
	out := pdf.Round{Year: r.Year, Month: int(r.Month)}
	if std, err := r.StandardOf(); err == nil {
		out.Standard = std.Name.VI + " (" + std.Citation.VI + ")"
	}
	return out
}

// pdfHousehold is a case's row in a published list: head, village, members, income and
// deprivations from the Phiếu B result. No national ID: the lists are public.
func pdfHousehold(c *review.CaseRecord) pdf.Household {
	h := pdf.Household{Head: c.HeadName, Address: c.VillageName, Members: max(c.Members, 1)}
	var res poverty.Result
	if len(c.Result) > 0 && json.Unmarshal(c.Result, &res) == nil {
		h.Income, h.Deprivations = res.Income.PerCapita, res.DeprivationCount
		h.Score = res.Score.Points
	}
	if c.Transition != "" {
		h.Note = c.Transition.Label()
	}
	return h
}

// lists sorts the cases into the four lists of Decision 24/2021/QĐ-TTg, Art. 4 step 6:
// poor, near-poor, escaped poor (was poor, now not), escaped near-poor (was near-poor,
// now above). A poor household that became near-poor is on both the near-poor and the
// escaped-poor lists.
func lists(cases []*review.CaseRecord, class func(*review.CaseRecord) review.Class) (poor, near, escPoor, escNear []pdf.Household) {
	for _, c := range cases {
		cl := class(c)
		if cl == review.ClassNone {
			continue
		}
		h := pdfHousehold(c)
		switch cl {
		case review.ClassPoor:
			poor = append(poor, h)
		case review.ClassNearPoor:
			near = append(near, h)
		}
		switch {
		case c.PreviousClass == review.ClassPoor && cl != review.ClassPoor:
			escPoor = append(escPoor, h)
		case c.PreviousClass == review.ClassNearPoor && !cl.Below():
			escNear = append(escNear, h)
		}
	}
	return
}

func (s *Server) roundCases(r *http.Request) (*review.RoundRecord, []*review.CaseRecord, error) {
	id, err := idParam(r)
	if err != nil {
		return nil, nil, err
	}
	round, err := s.Review.FindRound(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	cases, err := s.Review.Store.FindCases(r.Context(), id)
	return round, cases, err
}

func (s *Server) handlePostingPDF(w http.ResponseWriter, r *http.Request) {
	round, cases, err := s.roundCases(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// Posting lists are per village (posted at the village's cultural house) or for the
	// whole commune (at the commune office): Decision 24/2021/QĐ-TTg, Art. 4 step 4.
	village := r.URL.Query().Get("village")
	var posted []*review.CaseRecord
	var from, to time.Time
	for _, c := range cases {
		if c.PostedOn.IsZero() || (village != "" && c.VillageName != village) {
			continue
		}
		posted = append(posted, c)
		if from.IsZero() || c.PostedOn.Before(from) {
			from = c.PostedOn
		}
		if end := review.PostingEnd(&c.Case, &round.Round, s.Review.Config.Calendar); end.After(to) {
			to = end
		}
	}
	if len(posted) == 0 {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Chưa có hộ nào được niêm yết trong đợt này.", "No household of this round has been posted."))
		return
	}
	doc := &pdf.PostingList{Commune: s.communeNameOn(r.Context(), round.CommuneCode, from), Village: village, Round: pdfRound(round), PostedFrom: from, PostedTo: to}
	doc.Poor, doc.NearPoor, doc.EscapedPoor, doc.EscapedNearPoor = lists(posted, func(c *review.CaseRecord) review.Class { return c.ProposedClass })
	s.sendPDF(w, r, "danh-sach-niem-yet.pdf", func(b *bytes.Buffer) error { return pdf.WritePostingList(b, doc) })
}

func (s *Server) handleDecisionPDF(w http.ResponseWriter, r *http.Request) {
	round, cases, err := s.roundCases(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	var decided []*review.CaseRecord
	var date time.Time
	for _, c := range cases {
		if c.State == review.StateDecided {
			decided = append(decided, c)
			if c.DecidedOn.After(date) {
				date = c.DecidedOn
			}
		}
	}
	if len(decided) == 0 {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Đợt rà soát chưa có hộ nào được quyết định công nhận.", "No household of this round has been decided."))
		return
	}
	number := round.DecisionNumber
	if number == "" {
		number = "…/QĐ-UBND"
	}
	doc := &pdf.Decision{Number: number, Date: date, Commune: s.communeNameOn(r.Context(), round.CommuneCode, date), Round: pdfRound(round)}
	if std, err := round.StandardOf(); err == nil {
		doc.LegalBases = pdf.LegalBasesFor(std.ID)
	}
	doc.Poor, doc.NearPoor, doc.EscapedPoor, doc.EscapedNearPoor = lists(decided, func(c *review.CaseRecord) review.Class { return c.FinalClass })
	s.sendPDF(w, r, "quyet-dinh-cong-nhan.pdf", func(b *bytes.Buffer) error { return pdf.WriteDecision(b, doc) })
}

func (s *Server) caseAndHousehold(r *http.Request) (*review.CaseRecord, *review.RoundRecord, *registry.Household, error) {
	id, err := idParam(r)
	if err != nil {
		return nil, nil, nil, err
	}
	c, round, err := s.Review.FindCase(r.Context(), id)
	if err != nil {
		return nil, nil, nil, err
	}
	h, err := s.Registry.FindHouseholdByID(r.Context(), c.HouseholdID)
	return c, round, h, err
}

func category(c review.Class) pdf.Category {
	switch c {
	case review.ClassPoor:
		return pdf.Poor
	case review.ClassNearPoor:
		return pdf.NearPoor
	}
	return 0
}

func (s *Server) handleMinutesPDF(w http.ResponseWriter, r *http.Request) {
	c, round, _, err := s.caseAndHousehold(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if c.MeetingDate.IsZero() {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Hộ này chưa được đưa ra họp dân.", "This household has not been discussed at a village meeting."))
		return
	}
	cases, err := s.Review.Store.FindCases(r.Context(), round.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	doc := &pdf.MeetingMinutes{Commune: s.communeNameOn(r.Context(), round.CommuneCode, c.MeetingDate), Village: orText(c.VillageName, "—"), Round: pdfRound(round),
		Start: c.MeetingDate, Chair: orText(c.MeetingChair, "Trưởng thôn"), Secretary: orText(c.MeetingSecretary, "Thư ký"),
		Attendees: c.Votes.Attendees}
	// The minutes cover every household of the same village discussed that day.
	for _, x := range cases {
		if x.VillageName != c.VillageName || !x.MeetingDate.Equal(c.MeetingDate) || x.Votes.Attendees == 0 {
			continue
		}
		cat := category(x.ProposedClass)
		if cat == 0 {
			cat = pdf.EscapedPoor
			if x.PreviousClass == review.ClassNearPoor {
				cat = pdf.EscapedNearPoor
			}
		}
		doc.Households = append(doc.Households, pdf.VotedHousehold{Household: pdfHousehold(x), Proposed: cat, Agree: x.Votes.Agree, Attendees: x.Votes.Attendees})
		doc.Representatives = append(doc.Representatives, x.HeadName)
	}
	s.sendPDF(w, r, "bien-ban-hop-dan.pdf", func(b *bytes.Buffer) error { return pdf.WriteMeetingMinutes(b, doc) })
}

func orText(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func (s *Server) handleCertificatePDF(w http.ResponseWriter, r *http.Request) {
	c, round, h, err := s.caseAndHousehold(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if c.State != review.StateDecided || c.CertificateNumber == 0 {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EINVALID, "Chỉ hộ nghèo, hộ cận nghèo đã có quyết định công nhận mới được cấp giấy chứng nhận.",
			"Only a household recognised poor or near-poor by a decision gets a certificate."))
		return
	}
	// The residence reads with the units of the certificate's date (issue 11 item 5).
	doc := &pdf.Certificate{Number: c.CertificateNumber, Date: c.DecidedOn, Commune: s.communeNameOn(r.Context(), round.CommuneCode, c.DecidedOn), Round: pdfRound(round),
		Head: h.HeadName, Residence: registry.FullAddress(h.Address, h.VillageName, admin.StoreNamesOn(r.Context(), s.Units, h.CommuneCode, c.DecidedOn.Format(admin.DateLayout))),
		Class:     category(c.FinalClass),
		ValidYear: c.DecidedOn.Year()}
	for _, m := range h.Members {
		if m.Relation == registry.RelationHead {
			doc.Ethnicity, doc.NationalID = m.Ethnicity, m.NationalID
		}
		year := 0
		if len(m.BirthDate) >= 4 {
			year, _ = strconv.Atoi(m.BirthDate[:4])
		}
		doc.Members = append(doc.Members, pdf.Member{Name: m.Name, Ethnicity: m.Ethnicity, Relationship: m.Relation.Label(), BirthYear: year, Female: m.Sex == poverty.Female})
	}
	s.sendPDF(w, r, "giay-chung-nhan.pdf", func(b *bytes.Buffer) error { return pdf.WriteCertificate(b, doc) })
}

// handleDecisionXLSX writes the four lists attached to the commune chairman's decision
// as a workbook an officer can edit (GET /review/rounds/{id}/decision.xlsx).
func (s *Server) handleDecisionXLSX(w http.ResponseWriter, r *http.Request) {
	_, cases, err := s.roundCases(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	var decided []*review.CaseRecord
	for _, c := range cases {
		if c.State == review.StateDecided {
			decided = append(decided, c)
		}
	}
	poor, near, escPoor, escNear := lists(decided, func(c *review.CaseRecord) review.Class { return c.FinalClass })
	header := []string{"STT", "Họ và tên chủ hộ", "Thôn, tổ dân phố", "Số nhân khẩu", "Thu nhập bình quân (đồng/người/tháng)", "Số chỉ số thiếu hụt", "Ghi chú"}
	sheet := func(name string, hs []pdf.Household) xlsx.Sheet {
		sh := xlsx.Sheet{Name: name, Header: header}
		for i, h := range hs {
			sh.Rows = append(sh.Rows, []any{i + 1, h.Head, h.Address, h.Members, h.Income, h.Deprivations, h.Note})
		}
		return sh
	}
	var b bytes.Buffer
	if err := xlsx.WriteSheets(&b, []xlsx.Sheet{sheet("Hộ nghèo", poor), sheet("Hộ cận nghèo", near), sheet("Hộ thoát nghèo", escPoor), sheet("Hộ thoát cận nghèo", escNear)}); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="danh-sach-kem-quyet-dinh.xlsx"`)
	w.Write(b.Bytes())
}
