package http

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"giamngheo/jobs"
)

type jobsReportPage struct {
	jobsView
	Report *jobs.Report
	Rows   []jobsReportRow
	Total  jobsReportRow
	// All are the rows and the total, as shown.
	All []jobsReportRow
	CSV string
}

// jobsReportRow is one line of the report as shown.
type jobsReportRow struct {
	jobs.ReportRow
	Name string
	// SeekerShare and PlacementShare are the shares from poor, near-poor and newly
	// escaped households.
	SeekerShare, PlacementShare float64
	// Poor, NearPoor and Escaped are the seekers of each group.
	Poor, NearPoor, Escaped int
}

func jobsRowOf(r jobs.ReportRow, name string) jobsReportRow {
	return jobsReportRow{ReportRow: r, Name: name, SeekerShare: jobs.Share(r.PrioritySeekers, r.Seekers), PlacementShare: jobs.Share(r.PriorityPlacements, r.Placements),
		Poor: r.SeekersBy[jobs.PriorityPoor], NearPoor: r.SeekersBy[jobs.PriorityNearPoor], Escaped: r.SeekersBy[jobs.PriorityEscaped]}
}

// handleJobsReport shows (or, with format=csv, downloads) the exchange's figures of the
// user's scope for a period, by commune: aggregates only, readable by every role.
func (s *Server) handleJobsReport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	rep, err := s.Jobs.Report(ctx, q.Get("from"), q.Get("to"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	jv := s.jobsView(r)
	p := &jobsReportPage{jobsView: jv, Report: rep, Total: jobsRowOf(rep.Total, pickVIEN(ctx, "Tổng cộng", "Total")),
		CSV: "/jobs/report?format=csv&from=" + rep.From + "&to=" + rep.To}
	for _, x := range rep.Rows {
		p.Rows = append(p.Rows, jobsRowOf(x, jv.Commune(x.CommuneCode)))
	}
	p.All = append(append(p.All, p.Rows...), p.Total)
	if q.Get("format") != "csv" {
		s.render(w, r, "jobs_report", p)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="san-viec-lam-`+rep.From+`-`+rep.To+`.csv"`)
	w.Write([]byte("\ufeff")) // Excel reads UTF-8 with its byte-order mark
	cw := csv.NewWriter(w)
	en := lang(ctx) == "en"
	head := []string{"Mã xã", "Xã, phường", "Người tìm việc", "Thuộc hộ nghèo", "Thuộc hộ cận nghèo", "Thuộc hộ mới thoát nghèo", "Tỷ lệ từ hộ nghèo, cận nghèo, mới thoát nghèo (%)",
		"Tin tuyển dụng", "Chỉ tiêu tuyển", "Lượt giới thiệu", "Có việc làm", "Có việc làm thuộc hộ nghèo, cận nghèo, mới thoát nghèo", "Tỷ lệ (%)"}
	if en {
		head = []string{"Commune code", "Commune", "Job seekers", "From poor households", "From near-poor households", "From newly escaped households", "Share from poor, near-poor, newly escaped (%)",
			"Vacancies", "Places", "Referrals", "Placements", "Placements from poor, near-poor, newly escaped", "Share (%)"}
	}
	cw.Write(head)
	line := func(x jobsReportRow, code string) {
		cw.Write([]string{code, x.Name, strconv.Itoa(x.Seekers), strconv.Itoa(x.SeekersBy[jobs.PriorityPoor]), strconv.Itoa(x.SeekersBy[jobs.PriorityNearPoor]),
			strconv.Itoa(x.SeekersBy[jobs.PriorityEscaped]), strconv.FormatFloat(x.SeekerShare, 'f', 1, 64), strconv.Itoa(x.Vacancies), strconv.Itoa(x.Places),
			strconv.Itoa(x.Referrals), strconv.Itoa(x.Placements), strconv.Itoa(x.PriorityPlacements), strconv.FormatFloat(x.PlacementShare, 'f', 1, 64)})
	}
	for _, x := range p.Rows {
		line(x, x.CommuneCode)
	}
	line(p.Total, "")
	cw.Flush()
}
