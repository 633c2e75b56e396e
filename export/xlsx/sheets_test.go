package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteSheets(t *testing.T) {
	var b bytes.Buffer
	err := WriteSheets(&b, []Sheet{
		{Name: "Hộ nghèo", Header: []string{"STT", "Chủ hộ"}, Rows: [][]any{{1, "Đào Thị Nguyệt"}, {2, "Trần Văn Đức"}}},
		{Name: "Hộ cận nghèo", Header: []string{"STT", "Chủ hộ"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Hộ nghèo" || got[1] != "Hộ cận nghèo" {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := f.GetRows("Hộ nghèo")
	if len(rows) != 3 || rows[2][1] != "Trần Văn Đức" || rows[0][1] != "Chủ hộ" {
		t.Fatalf("rows %v", rows)
	}
}
