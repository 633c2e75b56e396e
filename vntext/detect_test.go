package vntext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Names and places as they appear in a Hải Dương household list.
var detectNames = append(append([]string{}, sampleNames...),
	"Hoàng Văn Nam", "Vũ Thị Lan", "Đặng Minh Tuấn", "Ngô Thị Mai", "Dương Văn Hùng",
	"Lý Thị Hoa", "Hồ Văn Sơn", "Phan Thị Thu Trang", "Võ Văn Kiệt", "Đinh Thị Yến",
	"Trịnh Văn Quyết", "Mai Thị Hạnh", "Đoàn Văn Toàn", "Lương Thị Nguyệt", "Tạ Văn Phước",
	"Hà", "Lê", "Bình", "Hoà", "Thị", "Đức", "Ánh", "Gia Lộc", "Kinh Môn", "Chí Linh",
	"Thanh Miện", "Bình Giang", "Hải Dương", "Nam Sách", "Kim Thành",
	"Thôn Tiền, xã Ngọc Sơn, huyện Tứ Kỳ, tỉnh Hải Dương",
)

// forms returns the ways a name reaches Detect: as UTF-8, as TCVN3 bytes and
// TCVN3 read as Windows-1252, as VNI bytes and VNI read as Windows-1252; with the
// text each must decode to.
func forms(t *testing.T, name string) []struct {
	what string
	in   []byte
	enc  Encoding
	want string
} {
	t.Helper()
	tb, err := EncodeTCVN3(name)
	if err != nil {
		t.Fatal(err)
	}
	v, err := EncodeVNI(name)
	if err != nil {
		t.Fatal(err)
	}
	vb, ok := encodeWindows1252(v)
	if !ok {
		t.Fatalf("VNI %q is not Windows-1252", v)
	}
	tcvnWant := DecodeTCVN3(tb) // VN3 loses some capitals; see TestTCVN3RoundTripNames
	return []struct {
		what string
		in   []byte
		enc  Encoding
		want string
	}{
		{"UTF-8", []byte(name), UTF8, name},
		{"UTF-8 decomposed", []byte(norm.NFD.String(name)), UTF8, name},
		{"TCVN3 bytes", tb, TCVN3, tcvnWant},
		{"TCVN3 as Windows-1252", []byte(decodeWindows1252(tb)), TCVN3, tcvnWant},
		{"VNI bytes", vb, VNI, name},
		{"VNI as Windows-1252", []byte(v), VNI, name},
	}
}

func TestDetectNames(t *testing.T) {
	var all []string
	for _, name := range detectNames {
		all = append(all, name)
		for _, f := range forms(t, name) {
			got, enc := ToUnicode(f.in)
			if got != f.want {
				t.Errorf("%s %q: ToUnicode gives %q (%v), want %q", f.what, f.in, got, enc, f.want)
			}
			// When the input already reads as the right text ("Bình" is the same in
			// VNI and Unicode), UTF8 is as good an answer as any.
			if enc != f.enc && !(enc == UTF8 && string(f.in) == f.want) {
				t.Errorf("%s %q: ToUnicode says %v, want %v", f.what, f.in, enc, f.enc)
			}
			if d := Detect(f.in); d != enc {
				t.Errorf("%s %q: Detect says %v, ToUnicode %v", f.what, f.in, d, enc)
			}
		}
	}
	// A whole column at once.
	for _, f := range forms(t, strings.Join(all, "\n")) {
		if got, enc := ToUnicode(f.in); enc != f.enc || got != f.want {
			t.Errorf("%s list: ToUnicode gives %v %q", f.what, enc, got)
		}
	}
}

func TestDetectCases(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		enc  Encoding
		want string
	}{
		{"empty", nil, UTF8, ""},
		{"ASCII", []byte("Nguyen Van A, 1985"), UTF8, "Nguyen Van A, 1985"},
		{"Unicode only", []byte("Nguyễn Văn A"), UTF8, "Nguyễn Văn A"},
		// "Hoà" is Unicode "Hoà" or VNI "Hồ": ties go to Unicode.
		{"ambiguous Hoà", []byte("Hoà"), UTF8, "Hoà"},
		{"Latin-1 Vietnamese", []byte("Thanh Hà, Bình Giang"), UTF8, "Thanh Hà, Bình Giang"},
		{"TCVN3 header", []byte("Céng hoµ x· héi chñ nghÜa ViÖt Nam"), TCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam"},
		{"TCVN3 with curly quotes", []byte{0x93, 'H', 0xB5, ' ', 'N', 0xE9, 'i', 0x94}, TCVN3, "“Hà Nội”"},
		{"VNI sentence", []byte("Xin chaøo caùc baïn"), VNI, "Xin chào các bạn"},
		{"UTF-8 cut short", []byte("Nguyễn Văn \xe1\xba"), UTF8, "Nguyễn Văn \uFFFD"},
		{"binary", []byte{0x81, 0x8D, 0x00, 0x8F, 0x90, 0x9D}, Unknown, "\u0081\u008D\x00\u008F\u0090\u009D"},
		{"lone high byte", []byte("Ha\xa0Noi"), Unknown, "Ha\u00a0Noi"},
	}
	for _, tt := range tests {
		got, enc := ToUnicode(tt.in)
		if enc != tt.enc || got != tt.want {
			t.Errorf("%s: ToUnicode(%q) = %q, %v; want %q, %v", tt.name, tt.in, got, enc, tt.want, tt.enc)
		}
	}
}

func TestDecodeKeepsUnicode(t *testing.T) {
	// A cell retyped in Unicode inside a TCVN3 column must survive Decode.
	for _, e := range []Encoding{Unknown, UTF8, TCVN3, VNI} {
		if got := Decode([]byte("Nguyễn Văn Đức"), e); got != "Nguyễn Văn Đức" {
			t.Errorf("Decode(Unicode, %v) = %q", e, got)
		}
		if got := Decode([]byte("Nguye\u0302\u0303n"), e); got != "Nguyễn" {
			t.Errorf("Decode(decomposed, %v) = %q, want NFC %q", e, got, "Nguyễn")
		}
	}
	if got := Decode([]byte("Nguy\xd4n"), UTF8); got != "Nguy\uFFFDn" {
		t.Errorf("Decode(invalid, UTF8) = %q", got)
	}
	if got := Decode([]byte("Nguy\xd4n"), Unknown); got != "NguyÔn" {
		t.Errorf("Decode(invalid, Unknown) = %q", got)
	}
}

func TestEncodingString(t *testing.T) {
	for e, want := range map[Encoding]string{Unknown: "unknown", UTF8: "UTF-8", TCVN3: "TCVN3", VNI: "VNI", 9: "unknown"} {
		if e.String() != want {
			t.Errorf("%d.String() = %q, want %q", int(e), e.String(), want)
		}
	}
}

func TestValidSyllable(t *testing.T) {
	valid := []string{
		"Nguyễn", "Hường", "Thuỷ", "Thủy", "Hoà", "Hòa", "Quang", "Giàng", "gì", "Đức",
		"Ánh", "Bích", "Ngọc", "Kỳ", "Tứ", "Cẩm", "Khuỷu", "Ngoài", "Xoáy", "Huỳnh",
		"Quốc", "Giường", "Rượu", "Ước", "Yến", "NGUYỄN", "Nghĩa", "Oanh", "Khuếch",
	}
	invalid := []string{
		"NguyÔn", "Vaên", "Leõ", "Tø", "Hµ", "ThÞ", "Văc", // mojibake; -c takes only sắc/nặng
		"Nguyễnn", "Hàá", "nGuyễn", "Bớnh", "Loọc", "Trầ", "Thúi̇",
	}
	for _, w := range valid {
		if !validSyllable(w) {
			t.Errorf("validSyllable(%q) = false, want true", w)
		}
	}
	for _, w := range invalid {
		if validSyllable(w) {
			t.Errorf("validSyllable(%q) = true, want false", w)
		}
	}
}

func BenchmarkToUnicode(b *testing.B) {
	names := strings.Join(detectNames, "\n")
	tcvn, _ := EncodeTCVN3(names)
	vni, _ := EncodeVNI(names)
	for _, bc := range []struct {
		name string
		in   []byte
	}{
		{"utf8", []byte(names)},
		{"tcvn3", tcvn},
		{"vni-as-cp1252", []byte(vni)},
		{"tcvn3-1MB", bytes.Repeat(append(tcvn, '\n'), 1<<20/len(tcvn))},
		{"vni-1MB", bytes.Repeat([]byte(vni+"\n"), 1<<20/len(vni))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				_, _ = ToUnicode(bc.in)
			}
		})
	}
}

func TestDetectLargeInput(t *testing.T) {
	// 100 KiB of ASCII before the first Vietnamese line: the sample must start at
	// the evidence, and the whole input must still be decoded.
	ascii := strings.Repeat("STT,Ma ho,So nguoi\n", 100<<10/19)
	body, err := EncodeTCVN3(strings.Repeat("1,Nguyễn Thị Hường,3\n", 8000)) // ≈ 170 KB
	if err != nil {
		t.Fatal(err)
	}
	in := append([]byte(ascii), body...)
	got, enc := ToUnicode(in)
	if enc != TCVN3 {
		t.Fatalf("large TCVN3 file detected as %v", enc)
	}
	if want := ascii + strings.Repeat("1,Nguyễn Thị Hường,3\n", 8000); got != want {
		t.Errorf("large TCVN3 file decoded wrongly (%d bytes, want %d)", len(got), len(want))
	}
	// A large UTF-8 input with no line break is cut at a character boundary.
	long := []byte(strings.Repeat("Nguyễn", 20<<10))
	s := sample(long, true)
	if len(s) > sampleSize || !utf8.Valid(s) || len(s) < sampleSize-4 {
		t.Errorf("sample of %d bytes, valid %v", len(s), utf8.Valid(s))
	}
	if got, enc := ToUnicode(long); enc != UTF8 || got != string(long) {
		t.Errorf("large UTF-8: %v", enc)
	}
}
