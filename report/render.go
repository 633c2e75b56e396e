package report

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
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
