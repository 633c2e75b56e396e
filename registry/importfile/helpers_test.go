package importfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"giamngheo"
	"giamngheo/registry"
)

// header is a short header row used by most tests.
var header = []string{"Mã hộ", "Mã xã", "Thôn/Tổ dân phố", "Họ và tên", "Quan hệ với chủ hộ", "Giới tính", "Ngày sinh",
	"Số CCCD", "Thu nhập 12 tháng (đồng)", "Loại nhà tiêu", "Có BHYT", "Đất trồng cây hằng năm (m²)", "Gia cầm (con)", "Trợ cấp xã hội hằng tháng"}

// family returns the rows of a valid three-member household with code code.
func family(code string) [][]string {
	return [][]string{
		{code, "10507", "Thôn Đông", "Nguyễn Văn An", "Chủ hộ", "Nam", "12/05/1980", "030080001234", "48.000.000", "Tự hoại", "Có", "1.440", "30", ""},
		{code, "10507", "Thôn Đông", "Trần Thị Bình", "Vợ", "Nữ", "2/1/1983", "030183001235", "", "", "Có", "", "", "khuyết tật"},
		{code, "10507", "Thôn Đông", "Nguyễn Văn Cường", "Con", "Nam", "2012-09-30", "", "", "", "Không", "", "", ""},
	}
}

func csvBytes(tb testing.TB, sep rune, rows ...[]string) []byte {
	tb.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = sep
	if err := w.WriteAll(rows); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func join(parts ...[][]string) [][]string {
	var out [][]string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// MustOpen opens data as file name, failing the test on error.
func MustOpen(tb testing.TB, data []byte, name string) *Reader {
	tb.Helper()
	r, err := Open(bytes.NewReader(data), name, Today(time.Date(2026, 11, 28, 10, 0, 0, 0, giamngheo.Vietnam)))
	if err != nil {
		tb.Fatalf("Open(%s): %v", name, err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}

// readAll reads every household with its issues.
func readAll(tb testing.TB, r *Reader) ([]*registry.Household, [][]Issue) {
	tb.Helper()
	var hs []*registry.Household
	var is [][]Issue
	for {
		h, iss, err := r.Next()
		if err == io.EOF {
			return hs, is
		}
		if err != nil {
			tb.Fatalf("Next: %v", err)
		}
		hs = append(hs, h)
		is = append(is, iss)
	}
}

func appErr(tb testing.TB, err error) *giamngheo.Error {
	tb.Helper()
	var e *giamngheo.Error
	if !errors.As(err, &e) {
		tb.Fatalf("error %v (%T) is not a *giamngheo.Error", err, err)
	}
	return e
}

// tcvn3Rows and vowels copy the TCVN3 table (TCVN 5712 VN3) for the test encoder; the
// package under test decodes through vntext, so the test does not share its tables.
var tcvn3Rows = [12][6]byte{
	{'a', 0xB5, 0xB6, 0xB7, 0xB8, 0xB9}, {0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6}, {0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB},
	{'e', 0xCC, 0xCE, 0xCF, 0xD0, 0xD1}, {0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6}, {'i', 0xD7, 0xD8, 0xDC, 0xDD, 0xDE},
	{'o', 0xDF, 0xE1, 0xE2, 0xE3, 0xE4}, {0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9}, {0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE},
	{'u', 0xEF, 0xF1, 0xF2, 0xF3, 0xF4}, {0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9}, {'y', 0xFA, 0xFB, 0xFC, 0xFD, 0xFE},
}

var vowels = [12]string{"aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị", "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ"}

// vniRows copies the VNI-Windows spellings of the same vowels.
var vniRows = [12][6]string{
	{"a", "aø", "aû", "aõ", "aù", "aï"}, {"aê", "aè", "aú", "aü", "aé", "aë"}, {"aâ", "aà", "aå", "aã", "aá", "aä"},
	{"e", "eø", "eû", "eõ", "eù", "eï"}, {"eâ", "eà", "eå", "eã", "eá", "eä"}, {"i", "ì", "æ", "ó", "í", "ò"},
	{"o", "oø", "oû", "oõ", "où", "oï"}, {"oâ", "oà", "oå", "oã", "oá", "oä"}, {"ô", "ôø", "ôû", "ôõ", "ôù", "ôï"},
	{"u", "uø", "uû", "uõ", "uù", "uï"}, {"ö", "öø", "öû", "öõ", "öù", "öï"}, {"y", "yø", "yû", "yõ", "yù", "î"},
}

// encodeTCVN3 encodes s as TCVN3 bytes; capitals with a tone take the lower-case
// code, as .VnTimeH users type them.
func encodeTCVN3(tb testing.TB, s string) []byte {
	tb.Helper()
	enc := map[rune]byte{'đ': 0xAE, 'Đ': 0xA7, 'Ă': 0xA1, 'Â': 0xA2, 'Ê': 0xA3, 'Ô': 0xA4, 'Ơ': 0xA5, 'Ư': 0xA6}
	for i, v := range vowels {
		for tone, r := range []rune(v) {
			if r >= utf8.RuneSelf {
				enc[r] = tcvn3Rows[i][tone]
				if u := []rune(strings.ToUpper(string(r)))[0]; enc[u] == 0 {
					enc[u] = tcvn3Rows[i][tone]
				}
			}
		}
	}
	var b []byte
	for _, r := range s {
		if r < utf8.RuneSelf {
			b = append(b, byte(r))
		} else if c, ok := enc[r]; ok {
			b = append(b, c)
		} else {
			tb.Fatalf("no TCVN3 code for %q", r)
		}
	}
	return b
}

// encodeVNI encodes s as VNI-Windows bytes.
func encodeVNI(tb testing.TB, s string) []byte {
	tb.Helper()
	enc := map[rune]string{'đ': "ñ", 'Đ': "Ñ"}
	for i, v := range vowels {
		for tone, r := range []rune(v) {
			enc[r] = vniRows[i][tone]
			enc[[]rune(strings.ToUpper(string(r)))[0]] = strings.ToUpper(vniRows[i][tone])
		}
	}
	var b []byte
	for _, r := range s {
		e, ok := enc[r]
		if !ok {
			if r >= utf8.RuneSelf {
				tb.Fatalf("no VNI spelling for %q", r)
			}
			e = string(r)
		}
		for _, c := range e { // Windows-1252 bytes: every VNI character is Latin-1
			b = append(b, byte(c))
		}
	}
	return b
}
