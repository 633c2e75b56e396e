package registry

import (
	"context"
	"sort"
	"time"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/poverty"
)

// StatusRecorder records a household's recognised status (the store's
// SetHouseholdStatus, which the review's decisions use).
type StatusRecorder interface {
	SetHouseholdStatus(ctx context.Context, householdID int64, rc Recognition) error
}

// RecognitionImport collects the recognised statuses of an import of an existing
// registry's recognised list (issue 11 item 1: migrating a registry whose households
// were recognised poor or near-poor by decisions taken before the product). Besides a
// review decision (review.Service), it is the only way a household's recognised status
// is set (ADR 0010): only when the importer asks for it, for roles that may record the
// review's decisions, within their scope, each household audited.
type RecognitionImport struct {
	today string
	list  []recognised
}

type recognised struct {
	province, code, commune string
	rc                      Recognition
}

// NewRecognitionImport returns an empty collection for an import run at now (no
// decision may be dated after that day).
func NewRecognitionImport(now time.Time) *RecognitionImport {
	return &RecognitionImport{today: giamngheo.DayString(now)}
}

// Len is the number of households whose status the import sets.
func (ri *RecognitionImport) Len() int {
	if ri == nil {
		return 0
	}
	return len(ri.list)
}

// take checks the recognition a row carries and keeps it for the household (h has been
// prepared: its province and commune are final); h.Recognised is cleared, since only
// ApplyRecognitions writes it.
func (ri *RecognitionImport) take(h *Household) error {
	rc := h.Recognised
	h.Recognised = Recognition{}
	if rc == (Recognition{}) || rc == (Recognition{Class: poverty.NotPoor}) {
		return nil // on no list and no decision named: nothing to record
	}
	switch {
	case rc.Class == "":
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "recognised_status",
			Message:   "Có số, ngày quyết định hoặc số giấy chứng nhận nhưng thiếu tình trạng đã công nhận (Hộ nghèo, Hộ cận nghèo …).",
			MessageEN: "A decision number, date or certificate is given without the recognised status (poor, near-poor …)."}
	case rc.DecisionNumber == "":
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "decision_number",
			Message:   "Thiếu số quyết định công nhận: tình trạng đã công nhận phải kèm số và ngày quyết định.",
			MessageEN: "The decision number is missing: a recognised status needs its decision's number and date."}
	case rc.DecidedOn == "":
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "decision_date",
			Message:   "Thiếu ngày quyết định công nhận: tình trạng đã công nhận phải kèm số và ngày quyết định.",
			MessageEN: "The decision date is missing: a recognised status needs its decision's number and date."}
	case rc.DecidedOn > ri.today:
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "decision_date",
			Message:   "Ngày quyết định " + viDay(rc.DecidedOn) + " sau ngày hôm nay.",
			MessageEN: "The decision date " + viDay(rc.DecidedOn) + " is after today."}
	case rc.Certificate != 0 && !rc.Listed():
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "certificate_number",
			Message:   "Chỉ hộ nghèo, hộ cận nghèo có giấy chứng nhận.",
			MessageEN: "Only poor and near-poor households hold a certificate."}
	}
	if !rc.Listed() {
		// A middle-living or not-poor decision puts the household on no list; the
		// decision's facts are kept, as a review decision keeps them (review.decide).
		rc.Class = ""
	}
	ri.list = append(ri.list, recognised{h.ProvinceCode, h.Code, h.CommuneCode, rc})
	return nil
}

// ApplyRecognitions records the collected statuses on the stored households (call it in
// the import's transaction, after its households are written), except those of codes
// in skip (rows left out of the import), each audited as "recognise" with the status
// before and after, naming the import's job. It returns how many households it set.
func (s *Service) ApplyRecognitions(ctx context.Context, ri *RecognitionImport, skip map[string]bool) (int, error) {
	if ri.Len() == 0 {
		return 0, nil
	}
	// The roles that record the review's decisions (review.Service.Decide).
	if err := giamngheo.RequireRegistryWrite(ctx); err != nil {
		return 0, err
	}
	rec, ok := s.Store.(StatusRecorder)
	if !ok {
		return 0, giamngheo.Errorf(giamngheo.EINTERNAL, "Kho dữ liệu không ghi được tình trạng đã công nhận.", "The store cannot record recognised statuses.")
	}
	byProvince := map[string][]string{}
	for _, r := range ri.list {
		byProvince[r.province] = append(byProvince[r.province], r.code)
	}
	ids := map[string]int64{}
	provinces := make([]string, 0, len(byProvince))
	for p := range byProvince {
		provinces = append(provinces, p)
	}
	sort.Strings(provinces)
	for _, p := range provinces {
		found, err := s.Store.FindHouseholdCodes(ctx, p, byProvince[p])
		if err != nil {
			return 0, err
		}
		for code, id := range found {
			ids[p+"/"+code] = id
		}
	}
	now := s.Now()
	var entries []*audit.Entry
	n := 0
	for _, r := range ri.list {
		if skip[r.code] {
			continue
		}
		id, ok := ids[r.province+"/"+r.code]
		if !ok {
			continue // not stored (skipped as invalid)
		}
		before, err := s.Store.FindHouseholdByID(ctx, id)
		if err != nil {
			return 0, err
		}
		if err := s.authorise(ctx, before.CommuneCode); err != nil {
			return 0, err
		}
		if before.Recognised == r.rc {
			continue
		}
		if err := rec.SetHouseholdStatus(ctx, id, r.rc); err != nil {
			return 0, err
		}
		e, err := audit.NewEntry(ctx, now, "recognise", "household", r.code, before.CommuneCode,
			map[string]any{"recognised": before.Recognised}, map[string]any{"recognised": r.rc, "source": "import"})
		if err != nil {
			return 0, err
		}
		entries = append(entries, e)
		n++
	}
	if len(entries) == 0 {
		return 0, nil
	}
	return n, s.Audit.InsertAudits(ctx, entries)
}
