package http

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"giamngheo"
	"giamngheo/export/pdf"
	"giamngheo/plan"
	"giamngheo/support"
)

// handlePlanReportPDF writes an agency's progress report on the plan (its own, for an
// agency officer; any responsible agency's, for the other readers of the plan) as a
// PDF in the look of an official report. The document is Vietnamese whatever the
// page's language: it is the administrative text.
func (s *Server) handlePlanReportPDF(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	province, year, err := s.planOf(ctx, q)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	u := currentUser(ctx)
	agency := q.Get("agency")
	if agency == "" && u.Role == giamngheo.RoleAgencyOfficer {
		agency = u.Agency
	}
	p, err := s.Plan.FindPlan(ctx, province, year)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if !containsString(p.Responsible(), agency) {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Cơ quan %q không báo cáo về kế hoạch này.", "The agency %q does not report on this plan.", agency))
		return
	}
	o, err := s.Plan.Progress(ctx, p)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	doc := progressDoc(context.WithValue(ctx, keyLang, "vi"), s, p, o, agency)
	s.sendPDF(w, r, "bao-cao-"+agency+"-"+strconv.Itoa(p.Year)+".pdf", func(b *bytes.Buffer) error { return pdf.WriteProgressReport(b, doc) })
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// progressDoc assembles the report of agency from the plan's progress: the targets it
// answers for with their actuals, its report's narrative by area and its money.
func progressDoc(ctx context.Context, s *Server, p *plan.Plan, o *plan.Overview, agency string) *pdf.ProgressReport {
	a, _ := support.AgencyByCode(agency)
	place := strings.TrimPrefix(strings.TrimPrefix(p.Issuer, "Ủy ban nhân dân "), "UBND ")
	doc := &pdf.ProgressReport{
		Parent:  parentOf(agency, p.Issuer),
		Issuer:  issuerName(a.Name.VI, place),
		Place:   placeOfIssuer(place),
		Date:    s.Today(),
		Subject: "Kết quả thực hiện " + p.Title,
		Bases:   []string{p.Title},
		Signer:  pdf.Signature{Title: "Thủ trưởng cơ quan"},
	}
	if p.Number != "" {
		doc.Bases[0] = p.Title + " (số " + p.Number + ")"
	}
	start := time.Date(p.Year, time.January, 1, 0, 0, 0, 0, giamngheo.Vietnam)
	end := s.Today()
	if end.Year() > p.Year {
		end = time.Date(p.Year, time.December, 31, 0, 0, 0, 0, giamngheo.Vietnam)
	}
	doc.Period = "từ ngày " + start.Format("02/01/2006") + " đến ngày " + end.Format("02/01/2006")
	var rep *plan.Report
	for _, st := range o.Reports {
		if st.Agency == agency {
			rep = st.Report
		}
	}
	areaTitle := map[string]string{}
	for _, ar := range p.Areas {
		areaTitle[ar.Code] = ar.Code + ". " + ar.Title
	}
	for _, g := range o.Groups {
		pg := s.planGroupOf(ctx, g, false)
		for i, x := range g.Actuals {
			if x.Target.Agency != agency {
				continue
			}
			row := pg.Rows[i]
			actual := row.Actual
			if actual == "—" {
				actual = ""
			}
			doc.Figures = append(doc.Figures, pdf.ProgressFigure{Indicator: row.Indicator, Target: strings.TrimPrefix(row.Target, "—"),
				Actual: actual, Detail: row.Detail, Assessment: row.StateLabel})
		}
	}
	notes := map[string]string{}
	if rep != nil {
		for _, n := range rep.Areas {
			notes[n.Area] = n.Text
		}
		doc.Narrative = rep.Narrative
		for _, m := range rep.Money {
			src := string(m.Source)
			for _, f := range plan.FundSources {
				if f.Source == m.Source {
					src = f.VI
				}
			}
			title := areaTitle[m.Area]
			if title == "" {
				title = "Chung"
			}
			doc.Money = append(doc.Money, pdf.ProgressMoney{Area: title, Source: src, Disbursed: m.Disbursed, Settled: m.Settled})
		}
	}
	for _, ar := range p.AreasOf(agency) {
		doc.Areas = append(doc.Areas, pdf.ProgressArea{Title: ar.Code + ". " + ar.Title, Text: notes[ar.Code]})
	}
	doc.Recipients = []string{p.Issuer + " (để báo cáo);", "Sở Lao động – Thương binh và Xã hội (cơ quan thường trực, để tổng hợp);", "Lưu: VT."}
	return doc
}

// parentOf is the body above a reporting agency in its document's header: the
// province's people's committee for its departments and mass organisations, the
// national body for the branches of central agencies.
func parentOf(agency, issuer string) string {
	switch agency {
	case support.AgencyInsurance:
		return "Bảo hiểm xã hội Việt Nam"
	case support.AgencyPolicyBank:
		return "Ngân hàng Chính sách xã hội"
	case support.AgencyStateBank:
		return "Ngân hàng Nhà nước Việt Nam"
	case support.AgencyFront:
		return "Mặt trận Tổ quốc Việt Nam"
	}
	return issuer
}

// issuerName names the agency with its province ("Bảo hiểm xã hội tỉnh" → "Bảo hiểm
// xã hội tỉnh Hải Dương").
func issuerName(name, place string) string {
	if strings.HasSuffix(name, " tỉnh") && strings.HasPrefix(place, "tỉnh ") {
		return strings.TrimSuffix(name, "tỉnh") + place
	}
	return name
}

// placeOfIssuer is the place of the date line: "tỉnh Hải Dương" → "Hải Dương".
func placeOfIssuer(place string) string {
	for _, p := range []string{"tỉnh ", "thành phố ", "Tỉnh ", "Thành phố "} {
		place = strings.TrimPrefix(place, p)
	}
	return place
}
