package admin

import (
	"slices"
	"testing"
)

func TestApplySnapshotKeepsHistory(t *testing.T) {
	stored := []Unit{
		{Code: "30", Name: "Tỉnh Hải Dương", Type: "Tỉnh", Level: LevelProvince},
		{Code: "10813", Name: "Thị trấn Thanh Hà", Type: "Thị trấn", Level: LevelCommune, ParentCode: "294"},
		{Code: "10816", Name: "Xã Hồng Lạc", Type: "Xã", Level: LevelCommune, ParentCode: "294"},
		{Code: "10819", Name: "Xã Việt Hồng", Type: "Xã", Level: LevelCommune, ParentCode: "294", ValidTo: "2024-12-31"},
	}
	file := []Unit{
		{Code: "30", Name: "Tỉnh Hải Dương", Type: "Tỉnh", Level: LevelProvince},
		{Code: "10813", Name: "Xã Thanh Hà", Type: "Xã", Level: LevelCommune, ParentCode: "294"},
		{Code: "10999", Name: "Xã Mới", Type: "Xã", Level: LevelCommune, ParentCode: "294"},
	}
	got, err := ApplySnapshot(stored, file, "2026-01-01")
	if err != nil {
		t.Fatal(err)
	}
	want := []Unit{
		{Code: "30", Name: "Tỉnh Hải Dương", Type: "Tỉnh", Level: LevelProvince},
		{Code: "10813", Name: "Thị trấn Thanh Hà", Type: "Thị trấn", Level: LevelCommune, ParentCode: "294", ValidTo: "2025-12-31"},
		{Code: "10816", Name: "Xã Hồng Lạc", Type: "Xã", Level: LevelCommune, ParentCode: "294", ValidTo: "2025-12-31"},
		{Code: "10819", Name: "Xã Việt Hồng", Type: "Xã", Level: LevelCommune, ParentCode: "294", ValidTo: "2024-12-31"},
		{Code: "10813", Name: "Xã Thanh Hà", Type: "Xã", Level: LevelCommune, ParentCode: "294", ValidFrom: "2026-01-01"},
		{Code: "10999", Name: "Xã Mới", Type: "Xã", Level: LevelCommune, ParentCode: "294", ValidFrom: "2026-01-01"},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("ApplySnapshot =\n%+v\nwant\n%+v", got, want)
	}
	// Importing the same file again on the same date changes nothing.
	again, err := ApplySnapshot(got, file, "2026-01-01")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again, got) {
		t.Fatalf("second import changed the versions:\n%+v", again)
	}
	if _, err := ApplySnapshot(stored, file, "01/01/2026"); err == nil {
		t.Fatal("a bad effective date must be refused")
	}
}
