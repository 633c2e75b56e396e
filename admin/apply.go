package admin

import (
	"time"

	"giamngheo"
)

// ApplySnapshot lays a newly imported catalogue on top of the stored versions of the
// provinces it covers, effective on the civil date effective, and returns the full new
// version list of those provinces. History is kept: a stored version identical to a
// unit of the file continues; an open version missing from the file, or changed, closes
// the day before effective; a file unit with no identical open version opens on
// effective. Versions that ended before effective are untouched, and versions that
// would start on or after effective are replaced by the file.
func ApplySnapshot(stored, file []Unit, effective string) ([]Unit, error) {
	d, err := time.Parse(DateLayout, effective)
	if err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINVALID, "Ngày hiệu lực %q không hợp lệ (cần dạng YYYY-MM-DD).", "Invalid effective date %q (want YYYY-MM-DD).", effective)
	}
	dayBefore := d.AddDate(0, 0, -1).Format(DateLayout)
	inFile := map[string]*Unit{}
	for i := range file {
		inFile[file[i].Code] = &file[i]
	}
	var out []Unit
	continued := map[string]bool{}
	for _, s := range stored {
		switch {
		case s.ValidTo != "" && s.ValidTo < effective:
			out = append(out, s) // history before the new catalogue
		case s.ValidFrom != "" && s.ValidFrom >= effective:
			// replaced by the file
		case inFile[s.Code] != nil && sameUnit(&s, inFile[s.Code]):
			s.ValidTo = ""
			out = append(out, s)
			continued[s.Code] = true
		default:
			s.ValidTo = dayBefore
			out = append(out, s)
		}
	}
	for _, f := range file {
		if continued[f.Code] {
			continue
		}
		f.ValidFrom, f.ValidTo = effective, ""
		out = append(out, f)
	}
	return out, nil
}
