// Package simulation writes the result of a simulation (package simulate) as the
// official-look workbook (national heading, title, numbered columns, totals row), as
// CSV (the table by unit) or as JSON. The web handler and the CLI share it.
package simulation

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"giamngheo/poverty"
	"giamngheo/simulate"
)

// Column is one numeric column of the table by unit.
type Column struct {
	Header string
	Value  func(r *simulate.Row) int
}

func sum(t *simulate.Tally, what string, idx ...int) int {
	n := 0
	for _, i := range idx {
		switch what {
		case "h":
			n += t.Households[i]
		case "p":
			n += t.Persons[i]
		}
	}
	return n
}

func all() []int {
	return []int{simulate.IdxPoor, simulate.IdxNearPoor, simulate.IdxMiddle, simulate.IdxNotPoor, simulate.IdxNone, simulate.IdxInvalid}
}

// Columns are the numeric columns of the table by unit, after "STT" and the unit.
var Columns = []Column{
	{"Tổng số hộ / households", func(r *simulate.Row) int { return sum(&r.Simulated, "h", all()...) }},
	{"Tổng số nhân khẩu / persons", func(r *simulate.Row) int { return sum(&r.Simulated, "p", all()...) }},
	{"Hộ nghèo đang công nhận / recognised poor", func(r *simulate.Row) int { return r.Recognised.Households[simulate.IdxPoor] }},
	{"Hộ cận nghèo đang công nhận / recognised near-poor", func(r *simulate.Row) int { return r.Recognised.Households[simulate.IdxNearPoor] }},
	{"Hộ nghèo theo khảo sát hiện tại / poor, current survey", func(r *simulate.Row) int { return r.Survey.Households[simulate.IdxPoor] }},
	{"Hộ cận nghèo theo khảo sát hiện tại / near-poor, current survey", func(r *simulate.Row) int { return r.Survey.Households[simulate.IdxNearPoor] }},
	{"Hộ nghèo mô phỏng (chỉ số chưa có thông tin tính là không thiếu hụt) / simulated poor (unknown not deprived)", func(r *simulate.Row) int { return r.Simulated.Households[simulate.IdxPoor] }},
	{"Hộ nghèo mô phỏng nếu chỉ số chưa có thông tin là thiếu hụt / simulated poor if unknown deprived", func(r *simulate.Row) int { return r.IfDeprived.Households[simulate.IdxPoor] }},
	{"Hộ cận nghèo mô phỏng (chỉ số chưa có thông tin tính là không thiếu hụt) / simulated near-poor (unknown not deprived)", func(r *simulate.Row) int { return r.Simulated.Households[simulate.IdxNearPoor] }},
	{"Hộ cận nghèo mô phỏng nếu chỉ số chưa có thông tin là thiếu hụt / simulated near-poor if unknown deprived", func(r *simulate.Row) int { return r.IfDeprived.Households[simulate.IdxNearPoor] }},
	{"Hộ có mức sống trung bình mô phỏng / simulated middle", func(r *simulate.Row) int { return r.Simulated.Households[simulate.IdxMiddle] }},
	{"Nhân khẩu nghèo mô phỏng / simulated poor persons", func(r *simulate.Row) int { return r.Simulated.Persons[simulate.IdxPoor] }},
	{"Nhân khẩu cận nghèo mô phỏng / simulated near-poor persons", func(r *simulate.Row) int { return r.Simulated.Persons[simulate.IdxNearPoor] }},
	{"Hộ không phân loại được / households that cannot be classified", func(r *simulate.Row) int { return r.Simulated.Households[simulate.IdxInvalid] }},
}

// Title is the title of the result, in Vietnamese.
func Title(r *simulate.Result) string {
	return fmt.Sprintf("KẾT QUẢ MÔ PHỎNG ÁP DỤNG %s – %s", upper(r.StandardName.VI), r.UnitName)
}

// Subtitle says what the figures are: a simulation, not a review.
func Subtitle(r *simulate.Result) string {
	return fmt.Sprintf("Ngày tham chiếu %s. Số liệu mô phỏng trên thông tin khảo sát hiện có, không phải kết quả rà soát; không thay đổi dữ liệu. / Simulation on the current survey answers, reference date %s: not a review result; nothing is changed.",
		viDate(r.Date), r.Date.String())
}

func viDate(d poverty.Date) string {
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// upper upper-cases Vietnamese text (precomposed letters have upper-case forms).
func upper(s string) string { return strings.ToUpper(s) }

// WriteJSON writes the whole result.
func WriteJSON(w io.Writer, r *simulate.Result) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(r)
}

// WriteCSV writes the table by unit (header, rows, totals row), UTF-8 with a BOM so
// that spreadsheet programs read the diacritics.
func WriteCSV(w io.Writer, r *simulate.Result) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	for _, rec := range tableRows(r) {
		line := make([]string, len(rec))
		for i, v := range rec {
			line[i] = fmt.Sprint(v)
		}
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// tableRows are the header and the rows of the table by unit, with the totals row.
func tableRows(r *simulate.Result) [][]any {
	head := []any{"STT", "Mã đơn vị / code", "Đơn vị / unit"}
	for _, c := range Columns {
		head = append(head, c.Header)
	}
	out := [][]any{head}
	line := func(n any, row *simulate.Row) []any {
		rec := []any{n, row.Code, row.Name}
		for _, c := range Columns {
			rec = append(rec, c.Value(row))
		}
		return rec
	}
	for i, row := range r.Rows {
		out = append(out, line(i+1, row))
	}
	total := r.Total
	total.Name = "Tổng cộng / total"
	return append(out, line("", &total))
}
