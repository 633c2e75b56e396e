package vntext

import "testing"

func TestNFC(t *testing.T) {
	if got := NFC("Nguye\u0302\u0303n"); got != "Nguyễn" {
		t.Errorf("NFC = %q", got)
	}
	if got := NFC("Ho\u0300a"); got != "Hòa" {
		t.Errorf("NFC = %q", got)
	}
	if n := testing.AllocsPerRun(100, func() { _ = NFC("Nguyễn Văn An") }); n != 0 {
		t.Errorf("NFC of NFC text allocates %v times, want 0", n)
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"Nguyễn Văn An", "Nguyễn Văn An"},
		{"  Nguyễn   Văn An  ", "Nguyễn Văn An"},
		{"Nguyễn\u00a0Văn\tAn\r\n", "Nguyễn Văn An"},
		{"\ufeffNguyễn Văn\u200b An", "Nguyễn Văn An"},
		{"Nguye\u0302\u0303n  Va\u0306n", "Nguyễn Văn"},
		{"a", "a"},
		{" a", "a"},
		{"a ", "a"},
		{"a\u3000b", "a b"},  // ideographic space
		{"0\xb7", "0\uFFFD"}, // not UTF-8
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = Clean("Nguyễn Văn An") }); n != 0 {
		t.Errorf("Clean of clean text allocates %v times, want 0", n)
	}
}
