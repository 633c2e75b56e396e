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

// TestDuplicateFinder checks that the finder reports what DuplicateIndex reports, in
// the same order, over many runs, and keeps only the first ones when limited.
func TestDuplicateFinder(t *testing.T) {
	h3 := family("H3")
	for _, r := range h3 {
		r[7] = ""
	}
	h4 := family("H4")
	h4[0][3], h4[0][6], h4[0][7] = "Lê Văn Tám", "01/01/1975", "030075009999"
	h4[1][7], h4[2][7] = "", "030183001235"
	h1again := family("H1")[:1]
	h1again[0][3], h1again[0][6], h1again[0][7] = "Đỗ Thị Mai", "05/05/1950", ""
	rows := [][]string{header}
	for i := range 40 { // some households many times, to give every kind of duplicate
		for _, f := range [][][]string{family("H1"), family("H2"), h3, h4, h1again} {
			for _, r := range f {
				r = append([]string(nil), r...)
				if i%3 == 1 {
					r[0] += "-" + itoa(i) // another code: ID and head duplicates only
				}
				rows = append(rows, r)
			}
		}
	}
	r := MustOpen(t, csvBytes(t, ',', rows...), "trung.csv")
	hs, _ := readAll(t, r)
	idx := NewDuplicateIndex()
	var want []Found
	for n, h := range hs {
		for _, d := range idx.Add(h) {
			want = append(want, Found{uint32(n), d})
		}
	}
	if len(want) < 100 {
		t.Fatalf("only %d duplicates to compare", len(want))
	}
	for _, limit := range []int{len(want) + 10, 7} {
		f, err := NewDuplicateFinder(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		f.runSize = 5
		for _, h := range hs {
			if _, err := f.Add(h); err != nil {
				t.Fatal(err)
			}
		}
		got, total, err := f.Finish(limit)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if total != len(want) {
			t.Errorf("limit %d: %d duplicates, want %d", limit, total, len(want))
		}
		if n := min(limit, len(want)); len(got) != n {
			t.Fatalf("limit %d: kept %d, want %d", limit, len(got), n)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("limit %d, duplicate %d:\n got %+v\nwant %+v", limit, i, got[i], want[i])
			}
		}
	}
}
