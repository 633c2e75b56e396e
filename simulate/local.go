package simulate

import (
	"bytes"
	"encoding/json"
	"strings"

	"giamngheo"
	"giamngheo/poverty"
)

// LocalStandard builds a local standard from a national one with the income lines a
// province sets: a province may set a standard higher than the national one for its
// own territory (Decree 07/2021/NĐ-CP, Art. 3.3; Decree 351/2025/NĐ-CP), so the lines
// must not be below the base's and the indicators stay the base's. The result is
// checked as a local standard file is (poverty.LoadStandard).
func LocalStandard(base *poverty.Standard, name string, lines poverty.Lines) (*poverty.Standard, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "Chuẩn địa phương (" + base.ID + ")"
	}
	s := *base
	s.ID, s.Base, s.Lines = "local-"+base.ID, base.ID, lines
	s.Name = poverty.Text{VI: name, EN: "Local standard (" + base.ID + ")"}
	b, err := json.Marshal(&s)
	if err != nil {
		return nil, giamngheo.Errorf(giamngheo.EINTERNAL, "Không tạo được chuẩn địa phương.", "Cannot build the local standard.")
	}
	return poverty.LoadStandard(bytes.NewReader(b))
}
