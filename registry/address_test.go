package registry

import "testing"

// TestFullAddress: a document's address keeps the house and street, names the village
// once, and takes the units from the catalogue of its date, never the ones written in.
func TestFullAddress(t *testing.T) {
	before := []string{"Phường Cẩm Thượng", "Thành phố Hải Dương", "Tỉnh Hải Dương"}
	after := []string{"Phường Thành Đông", "Thành phố Hải Phòng"}
	for _, tc := range []struct {
		address, village string
		units            []string
		want             string
	}{
		{"Số 12, đường Lê Lợi", "Tổ dân phố 3", before, "Số 12, đường Lê Lợi, Tổ dân phố 3, phường Cẩm Thượng, thành phố Hải Dương, tỉnh Hải Dương"},
		// The village already in the address is not repeated (any case, any accents).
		{"Số 12, Tổ dân phố 3", "Tổ dân phố 3", after, "Số 12, Tổ dân phố 3, phường Thành Đông, thành phố Hải Phòng"},
		{"Số 12, to dan pho 3", "Tổ dân phố 3", after, "Số 12, to dan pho 3, phường Thành Đông, thành phố Hải Phòng"},
		// Units written in the address give way to those of the document's date.
		{"Tổ dân phố 3, phường Cẩm Thượng, TP Hải Dương, tỉnh Hải Dương", "Tổ dân phố 3", after, "Tổ dân phố 3, phường Thành Đông, thành phố Hải Phòng"},
		{"Thôn Đông, xã Hồng Lạc, huyện Thanh Hà", "Thôn Đông", before, "Thôn Đông, phường Cẩm Thượng, thành phố Hải Dương, tỉnh Hải Dương"},
		// No address: the village and the units; nothing at all: empty.
		{"", "Thôn Đông", after, "Thôn Đông, phường Thành Đông, thành phố Hải Phòng"},
		{"", "", after, "Phường Thành Đông, thành phố Hải Phòng"},
		{"  ", "", nil, ""},
	} {
		if got := FullAddress(tc.address, tc.village, tc.units); got != tc.want {
			t.Errorf("FullAddress(%q, %q, %q)\n got %q\nwant %q", tc.address, tc.village, tc.units, got, tc.want)
		}
	}
}
