package vntext

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// assertOrder checks that names, as given, are in strictly increasing order under
// both NameKey and CompareNames, and that sorting a shuffled copy restores them.
func assertOrder(t *testing.T, names []string) {
	t.Helper()
	for i := 1; i < len(names); i++ {
		a, b := names[i-1], names[i]
		if ka, kb := NameKey(a), NameKey(b); ka >= kb {
			t.Errorf("NameKey(%q) = %q should sort before NameKey(%q) = %q", a, ka, b, kb)
		}
		if CompareNames(a, b) >= 0 || CompareNames(b, a) <= 0 {
			t.Errorf("CompareNames(%q, %q) = %d, reverse %d", a, b, CompareNames(a, b), CompareNames(b, a))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := slices.Clone(names)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		slices.SortFunc(shuffled, CompareNames)
		if !slices.Equal(shuffled, names) {
			t.Fatalf("sorted with CompareNames:\n%q\nwant\n%q", shuffled, names)
		}
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		slices.SortFunc(shuffled, func(a, b string) int { return strings.Compare(NameKey(a), NameKey(b)) })
		if !slices.Equal(shuffled, names) {
			t.Fatalf("sorted by NameKey:\n%q\nwant\n%q", shuffled, names)
		}
	}
}

func TestNameOrderByGivenName(t *testing.T) {
	assertOrder(t, []string{
		"Nguyễn Văn An",
		"Trần Văn An", // same given name: family name decides
		"Trần Thị Ánh",
		"Lê Văn Bình",
		"Phạm Thị Đào",
	})
}

func TestNameOrderFamilyThenMiddle(t *testing.T) {
	assertOrder(t, []string{
		"Lê Thị Hoa",
		"Lê Văn Hoa", // family ties: middle name decides
		"Nguyễn Hoa", // a shorter name before a longer one it starts
		"Nguyễn Thị Hoa",
		"Nguyễn Thị Mai Hoa",
		"Nguyễn Hoà", // Hoa < Hoà: tone after letters
		"Trần Hòa",   // Hoà and Hòa are one name: family decides
	})
}

func TestTonesOrder(t *testing.T) {
	// No tone, huyền, hỏi, ngã, sắc, nặng.
	assertOrder(t, []string{"Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"})
	// Letters before tones: the tone is a weaker difference.
	assertOrder(t, []string{"An", "Án", "Anh", "Ánh", "Ấn"})
	assertOrder(t, []string{"Bac", "Bạc", "Bach", "Bách", "Bái"})
}

func TestAlphabetOrder(t *testing.T) {
	assertOrder(t, []string{"Dung", "Đức"})
	// Every letter of the Vietnamese alphabet in order, as one-letter syllables
	// with a following consonant so that each word is a plausible name.
	var words []string
	for _, r := range alphabet {
		words = append(words, strings.ToUpper(string(r))+"x")
	}
	assertOrder(t, words)
	assertOrder(t, []string{"Ha", "Hă", "Hâ", "He", "Hê", "Hi", "Ho", "Hô", "Hơ", "Hu", "Hư", "Hy"})
	// Digraphs are compared letter by letter (CLDR standard): "Chi" < "Cúc".
	assertOrder(t, []string{"Chi", "Cúc", "Gia", "Giang", "Gìn", "Gừng"})
	// Digits before letters, foreign letters at their Latin places, other scripts last.
	assertOrder(t, []string{"An 2", "An A", "Ferdinand", "Jean", "Zoé", "Ärger Zz", "李"})
}

func TestNameKeyEquivalences(t *testing.T) {
	same := [][2]string{
		{"Bùi Thị Thuỷ", "Bùi Thị Thủy"}, // tone placement
		{"Nguyễn Văn Hoà", "Nguyễn Văn Hòa"},
		{"NGUYỄN VĂN AN", "nguyễn văn an"},                   // case
		{"  Nguyễn   Văn\u00a0An ", "Nguyễn Văn An"},         // spacing
		{"Nguye\u0302\u0303n Va\u0306n An", "Nguyễn Văn An"}, // decomposed input
		{"Nguyễn Văn An.", "Nguyễn Văn An"},                  // punctuation is ignored
	}
	for _, p := range same {
		if a, b := NameKey(p[0]), NameKey(p[1]); a != b {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	// Equal keys still get a total order from CompareNames.
	if c := CompareNames("Bùi Thị Thuỷ", "Bùi Thị Thủy"); c == 0 {
		t.Error("CompareNames of two spellings = 0, want a tie-break")
	}
	if c := CompareNames(" Nguyễn  Văn An", "Nguyễn Văn An"); c != 0 {
		t.Errorf("CompareNames of the same cleaned name = %d, want 0", c)
	}
	for _, s := range []string{"", "   ", "-", "..."} {
		if k := NameKey(s); k != "" {
			t.Errorf("NameKey(%q) = %q, want empty", s, k)
		}
	}
}

func TestNameKeyLayout(t *testing.T) {
	// The layout is documented for people reading the database; keep it honest.
	tests := map[string]string{
		"Nguyễn Văn An": "AR! RK[`IR!3 ]BR!",
		"Bạ":            "DA!5",
		"Đỗ 2":          "2! GT!3",
		"李":             "{00674E!",
	}
	for in, want := range tests {
		if got := NameKey(in); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", in, got, want)
		}
	}
	for _, name := range detectNames {
		k := NameKey(name)
		for i := 0; i < len(k); i++ {
			if k[i] < ' ' || k[i] > '~' {
				t.Fatalf("NameKey(%q) = %q has a non-printable byte", name, k)
			}
		}
	}
}

// Sorting a realistic list must give the order an officer expects.
func TestNameOrderRealList(t *testing.T) {
	assertOrder(t, []string{
		"Nguyễn Thị Ánh",
		"Phạm Ngọc Ánh",
		"Lê Thị Bích",
		"Đỗ Văn Chiến",
		"Trần Thị Dung",
		"Nguyễn Văn Dũng",
		"Trần Văn Đức",
		"Nguyễn Thị Hường",
		"Lê Thị Bích Ngọc",
		"Bùi Văn Thắng",
		"Bùi Thị Thuỷ",
		"Đỗ Quang Vũ",
		"Hoàng Thị Yến",
	})
}

func BenchmarkNameKey(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ascii", "Nguyen Van An"},
		{"vietnamese", "Nguyễn Thị Hường"},
		{"long", "Tôn Nữ Thị Hoàng Lan Hương"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = NameKey(bc.in)
			}
		})
	}
}

func BenchmarkCompareNames(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = CompareNames("Nguyễn Văn An", "Trần Văn An")
	}
}
