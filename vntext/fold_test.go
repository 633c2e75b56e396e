package vntext

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"nguyen van a", "nguyen van a"},
		{"Nguyen Van A", "nguyen van a"},
		{"Nguyễn Văn A", "nguyen van a"},
		{"NGUYỄN VĂN A", "nguyen van a"},
		{"Đỗ Quang Vũ", "do quang vu"},
		{"Trần Văn Đức", "tran van duc"},
		{"Bùi Thị Thuỷ", "bui thi thuy"},
		{"Nguyễn Thị Hường", "nguyen thi huong"},
		{"Nguye\u0302\u0303n", "nguyen"}, // decomposed: marks dropped
		{"Zoé Müller", "zoe muller"},
		{"  Hải  Dương ", "  hai  duong "}, // spacing is left to Clean
		{"Số 12/3", "so 12/3"},
		{"李小龍", "李小龍"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	lower, upper := allLetters()
	for _, r := range append(lower, upper...) {
		f := Fold(string(r))
		if len(f) != 1 || !strings.Contains("aeiouyd", f) {
			t.Errorf("Fold(%q) = %q, want one of a e i o u y d", r, f)
		}
	}
}

func TestFoldFindsWithoutDiacritics(t *testing.T) {
	names := []string{"Nguyễn Văn A", "Trần Thị Hường", "Đỗ Quang Vũ"}
	query := "nguyen van"
	var found []string
	for _, n := range names {
		if strings.Contains(Fold(n), Fold(query)) {
			found = append(found, n)
		}
	}
	if len(found) != 1 || found[0] != "Nguyễn Văn A" {
		t.Errorf("search %q found %q", query, found)
	}
}

func TestFoldAllocations(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = Fold("nguyen van a") }); n != 0 {
		t.Errorf("Fold of folded ASCII allocates %v times, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Fold("Nguyễn Thị Hường") }); n != 1 {
		t.Errorf("Fold of Vietnamese allocates %v times, want 1 (the result)", n)
	}
}

func BenchmarkFold(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ascii-folded", "nguyen thi huong"},
		{"ascii-upper", "Nguyen Thi Huong"},
		{"vietnamese", "Nguyễn Thị Hường"},
		{"address", "Thôn Tiền, xã Ngọc Sơn, huyện Tứ Kỳ, tỉnh Hải Dương"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Fold(bc.in)
			}
		})
	}
}
