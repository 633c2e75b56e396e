package report

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// WriteJSON writes the table as JSON: the numbers every other format shows.
func WriteJSON(w io.Writer, t *Table) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(t)
}

// WriteCSV writes the table as CSV (UTF-8): a header of the column titles with their
// numbers, then one record per row; numbers with a dot, rates to two decimals.
func WriteCSV(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	head := []string{"Mã", "Đơn vị", "Dòng"}
	for _, c := range t.Columns {
		head = append(head, "("+strconv.Itoa(c.Num)+") "+c.Title)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range t.Rows {
		rec := []string{r.Code, r.Name, r.Line}
		for i, v := range r.Values {
			prec := 0
			if t.Columns[i].Percent {
				prec = 2
			}
			rec = append(rec, strconv.FormatFloat(v, 'f', prec, 64))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ListColumns are the headers of a named list, one record per member (regulations.md
// §2.4 items 14–15): the household's number, code, head, village and address, then
// the member's number, name, year of birth under Nam or Nữ, ethnic group, relation to
// the head, whether the household joined the list during the period, has a person of
// merit and has no labour capacity.
var ListColumns = []string{"STT hộ", "Mã hộ", "Chủ hộ", "Thôn, tổ dân phố", "Địa chỉ", "STT nhân khẩu", "Họ và tên",
	"Năm sinh (Nam)", "Năm sinh (Nữ)", "Dân tộc", "Quan hệ với chủ hộ", "Mới trong kỳ", "Hộ có người có công với cách mạng", "Hộ không có khả năng lao động"}

// ListRecords are the records of a named list page as ListColumns: one per member, the
// household's fields on each (a household without members has one record).
func ListRecords(l *NamedList) [][]string {
	var out [][]string
	for _, h := range l.Households {
		x := func(b bool) string {
			if b {
				return "x"
			}
			return ""
		}
		mark, merit, noLabour := x(h.New), x(h.Merit), x(h.NoLabour)
		hh := []string{strconv.Itoa(h.No), h.Code, h.HeadName, h.VillageName, h.Address}
		if len(h.Members) == 0 {
			out = append(out, append(append([]string{}, hh...), "", "", "", "", "", "", mark, merit, noLabour))
		}
		for _, m := range h.Members {
			male, female := m.BirthYear, ""
			if m.Female {
				male, female = "", m.BirthYear
			}
			out = append(out, append(append([]string{}, hh...), strconv.Itoa(m.No), m.Name, male, female, m.Ethnicity, m.Relation, mark, merit, noLabour))
		}
	}
	return out
}

// WriteListCSV writes a named list page as CSV (UTF-8), one record per member.
func WriteListCSV(w io.Writer, l *NamedList) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ListColumns); err != nil {
		return err
	}
	for _, rec := range ListRecords(l) {
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Issuer is the issuing unit of a report's heading: the people's committee of the
// unit, or the ministry in charge of poverty reduction for the nation (the Ministry of
// Agriculture and Environment since 1 March 2025, regulations.md §3.1).
func Issuer(unit, unitName string) string {
	if unit == "" {
		return "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
	}
	return "ỦY BAN NHÂN DÂN " + strings.ToUpper(unitName)
}
