package vntext

import (
	"strings"
	"testing"
)

func TestDecodeVNIKnown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyeãn Vaên A", "Nguyễn Văn A"},
		{"Xin chaøo caùc baïn", "Xin chào các bạn"},
		{"Vieät Nam", "Việt Nam"},
		{"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{"Höôøng", "Hường"},
		{"Ñoã Quang Vuõ", "Đỗ Quang Vũ"},
		{"AÙnh", "Ánh"}, // capital base, capital mark
		{"Aùnh", "Ánh"}, // capital base, lower-case mark: both occur
		{"NGUYEÃN THÒ HÖÔØNG", "NGUYỄN THỊ HƯỜNG"},
		{"Thò Bích", "Thị Bích"}, // ị = ò, í stays í
		{"Myõ Thuyû", "Mỹ Thuỷ"}, // ỹ = yõ, ỷ = yû
		{"Kyø Só", "Kỳ Sĩ"},
		{"Ngaøy 1/1", "Ngày 1/1"},
		{"plain ascii", "plain ascii"},
		{"aâ", "â"}, // a pair at the end
		{"ê", "ê"},  // a lone mark passes through
	}
	for _, tt := range tests {
		if got := DecodeVNI(tt.in); got != tt.want {
			t.Errorf("DecodeVNI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVNIRoundTripLetters(t *testing.T) {
	lower, upper := allLetters()
	for _, r := range append(lower, upper...) {
		enc, err := EncodeVNI(string(r))
		if err != nil {
			t.Fatal(err)
		}
		for _, ctx := range []string{"%s", "x%sx", "%s%s"} {
			in := strings.ReplaceAll(ctx, "%s", enc)
			want := strings.ReplaceAll(ctx, "%s", string(r))
			if got := DecodeVNI(in); got != want {
				t.Errorf("%q in %q: VNI %q decodes to %q", r, ctx, in, got)
			}
		}
	}
}

func TestVNIRoundTripNames(t *testing.T) {
	for _, name := range sampleNames {
		for _, n := range []string{name, strings.ToUpper(name)} {
			enc, err := EncodeVNI(n)
			if err != nil {
				t.Fatal(err)
			}
			if got := DecodeVNI(enc); got != n {
				t.Errorf("%q: VNI %q decodes to %q", n, enc, got)
			}
			raw, ok := encodeWindows1252(enc)
			if !ok {
				t.Fatalf("VNI %q is not Windows-1252", enc)
			}
			if got := Decode(raw, VNI); got != n {
				t.Errorf("%q: raw VNI % x decodes to %q", n, raw, got)
			}
		}
	}
}
