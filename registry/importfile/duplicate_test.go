package importfile

import (
	"testing"
)

func TestDuplicateIndex(t *testing.T) {
	h3 := family("H3") // same head as H1 under another code, no IDs
	for _, r := range h3 {
		r[7] = ""
	}
	h4 := family("H4") // another head, but member 3 carries H1's wife's ID
	h4[0][3], h4[0][6], h4[0][7] = "Lê Văn Tám", "01/01/1975", "030075009999"
	h4[1][7], h4[2][7] = "", "030183001235"
	h5 := family("H5") // same head name and birth date as H1, other village: not a duplicate
	for _, r := range h5 {
		r[2], r[7] = "Thôn Tây", ""
	}
	h1again := family("H1")[:1] // H1's code again after other households
	h1again[0][3], h1again[0][6], h1again[0][7] = "Đỗ Thị Mai", "05/05/1950", ""
	data := csvBytes(t, ',', join([][]string{header}, family("H1"), family("H2"), h3, h4, h5, h1again)...)
	r := MustOpen(t, data, "trung.csv")
	hs, _ := readAll(t, r)
	// H2 repeats H1's IDs and head too.
	want := map[string][]string{
		"H1": nil,
		"H2": {DupNationalID + ":0:H1:0", DupNationalID + ":1:H1:1", DupHead + ":0:H1:-1"},
		"H3": {DupHead + ":0:H1:-1"},
		"H4": {DupNationalID + ":2:H1:1"},
		"H5": nil,
	}
	d := NewDuplicateIndex()
	var codeDup bool
	for _, h := range hs {
		var got []string
		for _, dup := range d.Add(h) {
			if dup.Message == "" || dup.MessageEN == "" || dup.Code != h.Code || dup.Field() == "" {
				t.Errorf("incomplete duplicate %+v", dup)
			}
			if dup.Kind == DupCode {
				codeDup = true
				continue
			}
			got = append(got, dup.Kind+":"+itoa(dup.Member)+":"+dup.OtherCode+":"+itoa(dup.OtherMember))
		}
		if w, ok := want[h.Code]; ok && h.Members[0].Name != "Đỗ Thị Mai" {
			if len(got) != len(w) {
				t.Errorf("%s: duplicates %v, want %v", h.Code, got, w)
				continue
			}
			for i := range w {
				if got[i] != w[i] {
					t.Errorf("%s: duplicates %v, want %v", h.Code, got, w)
				}
			}
		}
	}
	if f := (Duplicate{Kind: DupNationalID, Member: 2}).Field(); f != "members[2].national_id" {
		t.Errorf("Field() = %q", f)
	}
	if !codeDup {
		t.Error("the repeated code H1 was not reported")
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + itoa(n%10)
}
