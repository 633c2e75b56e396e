package catalogue

import "testing"

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Tỉnh Hải Dương", "tinh hai duong"},
		{"  Mã   TP ", "ma tp"},
		{"ĐẶC KHU Bạch Long Vĩ", "dac khu bach long vi"},
		{"Tỉnh / Thành Phố", "tinh / thanh pho"},
		{"Phường Ngọc Hà\tHà Nội", "phuong ngoc ha ha noi"},
		{"Thị trấn", "thi tran"},
		{"ươ ƯƠ ă â ê ô ơ ư", "uo uo a a e o o u"},
		{"", ""},
	} {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Precomposed (NFC) and decomposed (NFD) input fold alike.
	if a, b := fold("Hải Dương"), fold("Ha\u0309i Du\u031bo\u031bng"); a != b {
		t.Errorf("NFC %q and NFD %q fold differently", a, b)
	}
}
