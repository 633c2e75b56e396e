package pdf

import (
	"testing"
	"time"
)

func TestLongDate(t *testing.T) {
	// Decree 30/2020/NĐ-CP, Appendix I: a leading zero for days below 10 and for
	// the months 1 and 2 only.
	for _, c := range []struct {
		d    time.Time
		want string
	}{
		{day(2025, 1, 5), "ngày 05 tháng 01 năm 2025"},
		{day(2025, 2, 28), "ngày 28 tháng 02 năm 2025"},
		{day(2025, 3, 1), "ngày 01 tháng 3 năm 2025"},
		{day(2025, 12, 15), "ngày 15 tháng 12 năm 2025"},
	} {
		if got := longDate(c.d); got != c.want {
			t.Errorf("longDate(%s) = %q, want %q", c.d.Format(time.DateOnly), got, c.want)
		}
	}
}

func TestTextHelpers(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{thousands(1500000), "1.500.000"},
		{thousands(999), "999"},
		{thousands(1000), "1.000"},
		{thousands(-2250000), "-2.250.000"},
		{percent(1, 2), "50,0%"},
		{percent(2, 3), "66,7%"},
		{percent(0, 7), "0,0%"},
		{percent(7, 7), "100,0%"},
		{placeName("Xã Thanh Hải"), "Thanh Hải"},
		{placeName("Phường Trần Hưng Đạo"), "Trần Hưng Đạo"},
		{placeName("Thị trấn Gia Lộc"), "Gia Lộc"},
		{placeName("Thanh Hải"), "Thanh Hải"},
		{upper("Xã Thanh Hải"), "XÃ THANH HẢI"},
		{lowerFirst("Xã Đông Kỳ"), "xã Đông Kỳ"},
		{lowerFirst("Đặc khu Bạch Long Vĩ"), "đặc khu Bạch Long Vĩ"},
		{clean("Nguye\u0302\u0303n"), "Nguyễn"}, // NFD → NFC
		{clean(" a\x00b\tc\U0001F642 "), "ab c?"},
		{oneLine("Thôn\n  Đông "), "Thôn Đông"},
		{CertificateNumber(7), "7/GCN-HN.HCN"},
		{Round{Year: 2025}.phrase(), "năm 2025"},
		{Round{Year: 2026, Month: 3}.phrase(), "tháng 3 năm 2026"},
		{EscapedNearPoor.Label(), "Hộ thoát cận nghèo"},
		{Category(0).Label(), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
