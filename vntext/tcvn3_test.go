package vntext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTCVN3TableShape(t *testing.T) {
	count := map[uint8]int{}
	seen := map[rune]byte{}
	for c := 0; c < 256; c++ {
		r := tcvn3Decode[c]
		if !utf8.ValidRune(r) || (c != 0 && r == 0) {
			t.Errorf("byte %#x decodes to %U", c, r)
		}
		count[tcvn3Class[c]]++
		if c >= 0xA0 {
			if prev, dup := seen[r]; dup {
				t.Errorf("bytes %#x and %#x both decode to %q", prev, c, r)
			}
			seen[r] = byte(c)
		}
	}
	// VN3 adds 75 characters to ASCII: 67 lower-case letters, 7 capitals, NBSP.
	if count[tcvnLower] != 67 || count[tcvnCapital] != 7 || count[tcvnNBSP] != 1 {
		t.Errorf("VN3 classes: %d lower, %d capitals, %d NBSP; want 67, 7, 1",
			count[tcvnLower], count[tcvnCapital], count[tcvnNBSP])
	}
	// The other 21 codes of 0xA0..0xFF are VN2's: 16 capitals and 5 tone marks.
	if count[tcvnVN2] != 21 || count[tcvnC1] != 32 {
		t.Errorf("%d VN2-only codes and %d C1 codes, want 21 and 32", count[tcvnVN2], count[tcvnC1])
	}
}

// Strings every Vietnamese office has seen when a .VnTime document is opened with
// the wrong font: TCVN3 bytes shown as Windows-1252. They check the table against
// something other than itself.
func TestDecodeTCVN3KnownMojibake(t *testing.T) {
	tests := []struct{ cp1252, want string }{
		{"NguyÔn V¨n A", "Nguyễn Văn A"},
		{"Hµ Néi", "Hà Nội"},
		{"ViÖt Nam", "Việt Nam"},
		{"Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"},
		{"§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"},
		{"TrÇn ThÞ H\u00ad¬ng", "Trần Thị Hương"},
		{"§øc", "Đức"},
	}
	for _, tt := range tests {
		raw, ok := encodeWindows1252(tt.cp1252)
		if !ok {
			t.Fatalf("%q is not Windows-1252", tt.cp1252)
		}
		if got := DecodeTCVN3(raw); got != tt.want {
			t.Errorf("DecodeTCVN3(% x) = %q, want %q", raw, got, tt.want)
		}
		if got := Decode([]byte(tt.cp1252), TCVN3); got != tt.want {
			t.Errorf("Decode(%q, TCVN3) = %q, want %q", tt.cp1252, got, tt.want)
		}
	}
}

func TestTCVN3RoundTripLetters(t *testing.T) {
	lower, upper := allLetters()
	for _, r := range lower {
		b, err := EncodeTCVN3(string(r))
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != 1 || b[0] < 0xA0 {
			t.Errorf("%q encodes to % x, want one high byte", r, b)
		}
		if got := DecodeTCVN3(b); got != string(r) {
			t.Errorf("%q: round trip gives %q", r, got)
		}
	}
	for _, r := range upper {
		b, err := EncodeTCVN3(string(r))
		if err != nil {
			t.Fatal(err)
		}
		want := string(r)
		if strings.ContainsRune("ĂÂÊÔƠƯĐ", r) {
			// The seven VN3 capitals survive on their own.
		} else {
			// A capital with a tone shares its code with the lower-case letter…
			want = string(unicode.ToLower(r))
		}
		if got := DecodeTCVN3(b); got != want {
			t.Errorf("%q alone: round trip gives %q, want %q", r, got, want)
		}
		// …and comes back as a capital inside a word typed in capitals.
		word := "X" + string(r) + "Y"
		b, _ = EncodeTCVN3(word)
		if got := DecodeTCVN3(b); got != word {
			t.Errorf("%q: round trip gives %q", word, got)
		}
	}
}

func TestTCVN3RoundTripNames(t *testing.T) {
	for _, name := range sampleNames {
		b, err := EncodeTCVN3(name)
		if err != nil {
			t.Fatal(err)
		}
		// "Ánh" loses its capital in VN3 (it is "¸nh" in any font but .VnTimeH).
		want := strings.Replace(name, "Ánh", "ánh", 1)
		if got := DecodeTCVN3(b); got != want {
			t.Errorf("%q: round trip gives %q, want %q", name, got, want)
		}
		caps := strings.ToUpper(name)
		want = caps
		if caps == "TỨ KỲ" {
			// No word has a letter after its first that shows the case ("Tø Kú"):
			// the bytes are those of "Tứ Kỳ", which is what we get back.
			want = "Tứ Kỳ"
		}
		b, _ = EncodeTCVN3(caps)
		if got := DecodeTCVN3(b); got != want {
			t.Errorf("%q: round trip gives %q, want %q", caps, got, want)
		}
	}
}

func TestDecodeTCVN3Case(t *testing.T) {
	tests := []struct{ cp1252, want string }{
		{"NGUYÔN V¡N A", "NGUYỄN VĂN A"},
		{"NGUYÔN V¨N A", "NGUYỄN VĂN A"},               // ă code in a capital word
		{"Hµ NéI", "HÀ NỘI"},                           // "Hµ" takes the case of "NéI"
		{"Hµ Néi", "Hà Nội"},                           // mixed case: lower-case codes stay
		{"¸NH", "ÁNH"},                                 // a toned first letter
		{"¸nh", "ánh"},                                 // the capital cannot be recovered
		{"NGUYÔN V¡N A,Hµ Néi", "NGUYỄN VĂN A,Hà Nội"}, // fields do not share case
		{"TR¦êNG\tHµ", "TRƯỜNG\tHà"},                   // "Hµ" alone in its field: unknown, stays lower
		{"“Hµ NéI”", "“HÀ NỘI”"},                       // curly quotes (0x93, 0x94) survive
	}
	for _, tt := range tests {
		raw, ok := encodeWindows1252(tt.cp1252)
		if !ok {
			t.Fatalf("%q is not Windows-1252", tt.cp1252)
		}
		if got := DecodeTCVN3(raw); got != tt.want {
			t.Errorf("DecodeTCVN3(%q) = %q, want %q", tt.cp1252, got, tt.want)
		}
	}
}

func TestDecodeTCVN3VN2Codes(t *testing.T) {
	// Codes VN3 leaves empty decode as VN2 does, combining tone marks included.
	if got := DecodeTCVN3([]byte{0xC4, 'N'}); got != "ẤN" {
		t.Errorf("0xC4 N = %q, want %q", got, "ẤN")
	}
	if got := DecodeTCVN3([]byte{'a', 0xB3}); got != "á" {
		t.Errorf("a + 0xB3 = %q, want %q (NFC)", got, "á")
	}
}
