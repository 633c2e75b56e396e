// Package listfile reads an agency's beneficiary list (XLSX or CSV, UTF-8) into
// support rows, whatever the column order, by the headers agencies write.
package listfile

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/support"
	"giamngheo/vntext"
)

// headers maps folded header texts to a field.
var headers = map[string]string{
	"so dinh danh": "id", "so dinh danh ca nhan": "id", "cccd": "id", "so cccd": "id", "cmnd": "id", "national_id": "id", "ma so bhxh": "",
	"ma ho": "code", "ma ho gia dinh": "code", "household_code": "code",
	"ho ten": "name", "ho va ten": "name", "ten": "name", "name": "name", "full_name": "name",
	"ngay sinh": "birth", "birth_date": "birth",
	"xa": "commune", "ma xa": "commune", "xa, phuong": "commune", "xa phuong": "commune", "commune": "commune",
	"ngay": "day", "ngay ho tro": "day", "ngay cap": "day", "day": "day",
	"so luong": "qty", "quantity": "qty",
	"so tien": "amount", "so tien (dong)": "amount", "amount": "amount",
	"nguon": "source", "nguon kinh phi": "source", "source": "source",
	"ghi chu": "note", "note": "note",
}

var sources = map[string]support.Source{
	"trung uong": support.SourceCentral, "ngan sach trung uong": support.SourceCentral, "central": support.SourceCentral,
	"dia phuong": support.SourceLocal, "ngan sach dia phuong": support.SourceLocal, "local": support.SourceLocal,
	"tin dung": support.SourceCredit, "credit": support.SourceCredit,
	"huy dong": support.SourceMobilised, "mobilised": support.SourceMobilised, "khac": support.SourceOther, "other": support.SourceOther,
}

// MaxRows bounds a list read at once.
const MaxRows = 200_000

// Read reads the list in r; name's extension tells XLSX from CSV.
func Read(r io.Reader, name string) ([]support.Row, error) {
	var records [][]string
	if strings.HasSuffix(strings.ToLower(name), ".xlsx") {
		f, err := excelize.OpenReader(r)
		if err != nil {
			return nil, bad("Không đọc được tệp Excel: %v", "Cannot read the Excel file: %v", err)
		}
		defer f.Close()
		if records, err = f.GetRows(f.GetSheetName(0)); err != nil {
			return nil, bad("Không đọc được trang tính đầu: %v", "Cannot read the first sheet: %v", err)
		}
	} else {
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		var err error
		if records, err = cr.ReadAll(); err != nil {
			return nil, bad("Không đọc được tệp CSV: %v", "Cannot read the CSV file: %v", err)
		}
	}
	if len(records) == 0 {
		return nil, bad("Tệp không có dòng nào.%s", "The file has no row.%s", "")
	}
	if len(records) > MaxRows+1 {
		return nil, bad("Tệp có hơn %d dòng: chia nhỏ danh sách.", "The file has more than %d rows: split the list.", MaxRows)
	}
	cols := map[string]int{}
	for i, h := range records[0] {
		k := strings.Join(strings.Fields(vntext.Fold(strings.TrimPrefix(h, "\ufeff"))), " ")
		if f, ok := headers[k]; ok && f != "" {
			if _, dup := cols[f]; !dup {
				cols[f] = i
			}
		}
	}
	if _, ok := cols["id"]; !ok {
		if _, ok := cols["code"]; !ok {
			if _, ok := cols["name"]; !ok {
				return nil, bad("Không thấy cột Số định danh, Mã hộ hoặc Họ và tên ở dòng tiêu đề.%s", "No national ID, household code or name column in the header row.%s", "")
			}
		}
	}
	var out []support.Row
	for n, rec := range records[1:] {
		get := func(f string) string {
			if i, ok := cols[f]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		row := support.Row{Line: n + 2, NationalID: digits(get("id")), HouseholdCode: get("code"), Name: get("name"),
			BirthDate: date(get("birth")), Commune: get("commune"), Day: date(get("day")), Note: get("note")}
		if row.NationalID == "" && row.HouseholdCode == "" && row.Name == "" {
			continue
		}
		row.Quantity, _ = strconv.ParseFloat(strings.ReplaceAll(get("qty"), ",", "."), 64)
		row.Amount, _ = strconv.ParseInt(digits(get("amount")), 10, 64)
		row.Source = sources[strings.Join(strings.Fields(vntext.Fold(get("source"))), " ")]
		out = append(out, row)
	}
	return out, nil
}

func bad(vi, en string, args ...any) error {
	return giamngheo.Errorf(giamngheo.EINVALID, vi, en, args...)
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// date reads dd/mm/yyyy or yyyy-mm-dd into YYYY-MM-DD; anything else is kept as is
// (and then matches nothing).
func date(s string) string {
	for _, l := range []string{giamngheo.DateLayout, "02/01/2006", "2/1/2006", "02-01-2006", "01-02-06"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(giamngheo.DateLayout)
		}
	}
	return s
}

// WriteGaps writes a worklist as an XLSX workbook, headers in Vietnamese (or English).
func WriteGaps(w io.Writer, gaps []support.Gap, en bool) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	head := []any{"STT", "Mã xã", "Mã hộ", "Chủ hộ", "Họ và tên", "Ngày sinh", "Số định danh", "Diện", "Lý do"}
	if en {
		head = []any{"No.", "Commune", "Household code", "Head", "Name", "Born", "National ID", "Status", "Reason"}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, g := range gaps {
		reason, status := g.Reason.VI, g.Status.Label().VI
		if en {
			reason, status = g.Reason.EN, g.Status.Label().EN
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{i + 1, g.CommuneCode, g.HouseholdCode, g.HeadName, g.MemberName, g.BirthDate, g.NationalID, status, reason}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
