package importfile

import (
	"strconv"
	"strings"
	"time"

	"giamngheo/poverty"
	"giamngheo/registry"
)

// recognisedChoices are the classes of a recognised list (Tình trạng đã công nhận).
var recognisedChoices = newChoices(
	choice[poverty.Class]{poverty.Poor, "Hộ nghèo", []string{"nghèo", "HN"}},
	choice[poverty.Class]{poverty.NearPoor, "Hộ cận nghèo", []string{"cận nghèo", "HCN"}},
	choice[poverty.Class]{poverty.Middle, "Hộ có mức sống trung bình", []string{"mức sống trung bình", "hộ mức sống trung bình", "trung bình", "MSTB"}},
	choice[poverty.Class]{poverty.NotPoor, "Không thuộc diện", []string{"không", "không nghèo", "thoát nghèo", "thoát cận nghèo"}},
)

// setRecognition parses a cell of the recognised list's columns into rc.
func setRecognition(rc *registry.Recognition, id colID, v string) *problem {
	var p *problem
	switch id {
	case colRecognised:
		rc.Class, p = parseChoice(recognisedChoices, v)
	case colDecisionNumber:
		rc.DecisionNumber = strings.TrimSpace(v)
	case colDecisionDate:
		rc.DecidedOn, p = parseDecisionDate(v)
		rc.Since = rc.DecidedOn
	case colCertificate:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n <= 0 {
			return problemf("số giấy chứng nhận %q phải là số nguyên dương", "certificate number %q must be a positive whole number", v)
		}
		rc.Certificate = n
	}
	return p
}

// parseDecisionDate reads a decision's date as parseDate reads a birth date, and
// returns it as YYYY-MM-DD.
func parseDecisionDate(s string) (string, *problem) {
	t := strings.TrimSpace(s)
	if i := strings.IndexAny(t, " T"); i > 0 {
		t = t[:i]
	}
	var y, m, d int
	var ok bool
	if n, err := parseSerial(t); err == nil && n >= 61 && n < 2958466 && n == float64(int(n)) {
		dt := excelEpoch.AddDate(0, 0, int(n))
		y, m, d, ok = dt.Year(), int(dt.Month()), dt.Day(), true
	} else if err != nil {
		y, m, d, ok = splitDate(t)
	}
	if !ok || m < 1 || m > 12 || d < 1 || d > 31 || y < 2000 || y > 2200 {
		return "", problemf("ngày quyết định %q không đọc được (ghi dạng ngày/tháng/năm, ví dụ 15/12/2024)", "cannot read decision date %q (write day/month/year, e.g. 15/12/2024)", s)
	}
	if d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return "", problemf("ngày quyết định %q không tồn tại", "decision date %q does not exist", s)
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format("2006-01-02"), nil
}

// HasRecognition reports whether the file's header holds a column of the recognised
// list (Tình trạng đã công nhận, Số quyết định, Ngày quyết định, Số giấy chứng nhận),
// and names those found.
func (r *Reader) HasRecognition() (bool, []string) {
	var names []string
	for _, c := range columns {
		if c.Recognition && r.colIdx[c.id] >= 0 {
			names = append(names, strconv.Quote(r.header[r.colIdx[c.id]]))
		}
	}
	return len(names) > 0, names
}

// IgnoreRecognition leaves the recognised-list columns aside: an import that does not
// migrate a registry's list reads a household export (which carries them to be read)
// as a plain list of households.
func (r *Reader) IgnoreRecognition() {
	for _, c := range columns {
		if c.Recognition {
			r.colIdx[c.id] = -1
		}
	}
}
