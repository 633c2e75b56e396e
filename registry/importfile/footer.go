package importfile

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// What lies below the table. Officers' lists end with a totals row ("Tổng cộng",
// "Cộng"), notes ("Ghi chú: …"), the place and date ("Hải Dương, ngày 15 tháng 12 năm
// 2024") and signature blocks ("Người lập biểu", "KT. CHỦ TỊCH", "(Ký, ghi rõ họ
// tên)" and the signers' names). Such a row ends the data: it and the rows after it
// are ignored and reported, never read as members or households, until a row that is
// plainly a member of a new household (a code, a name and a birth date), as after the
// subtotal of one village in a list of several. A row whose template columns
// are all empty (a remark in a column of its own) is ignored and reported too, rather
// than joining the household above.

// Bounds of the report of ignored rows.
const (
	maxIgnoredIssues  = 100
	maxIgnoredSamples = 4
	maxSampleRunes    = 40
)

// footer is the state of the rows below the table.
type footer struct {
	active bool // below a totals, note, date or signature row
	run    ignoredRun
	issues []Issue
	extra  int // runs beyond maxIgnoredIssues
}

// ignoredRun is a run of consecutive ignored rows (blank rows between them do not
// break it).
type ignoredRun struct {
	first, last, n int
	samples        []string // "Tổng cộng" (dòng 120)
	members        []int    // rows that look like members (a sex or a birth date)
	why            string   // the first row's reason, in both languages
	whyEN          string
}

// skip reports whether row is below the table (or has nothing in the template's
// columns) and is to be ignored, recording it.
func (r *Reader) skip(row *rawRow) bool {
	member, born := r.memberLike(row)
	if r.foot.active {
		if born && r.cell(row, colCode) != "" && r.cell(row, colName) != "" {
			r.foot.active = false
			r.endRun()
			return false
		}
		r.ignore(row, member, "", "")
		return true
	}
	if member {
		return false
	}
	if vi, en := r.footerKind(row); vi != "" {
		r.foot.active = true
		r.endRun() // a run of rows outside the template above
		r.ignore(row, false, vi+" ở dưới bảng, và các dòng sau nó", en+" below the table, and the rows after it")
		return true
	}
	if r.outsideTemplate(row) {
		r.ignore(row, false, "chỉ có ô ở các cột không thuộc mẫu", "only cells in columns outside the template")
		return true
	}
	r.endRun()
	return false
}

// memberLike reports whether row has a sex or a birth date, as a member's row has and
// no totals, note or signature row does, and whether it has a birth date. It costs a
// cached lookup on most rows.
func (r *Reader) memberLike(row *rawRow) (member, born bool) {
	if v, _ := r.decode(colBirthDate, r.raw(row, colBirthDate)); v != "" && dateLike(v) {
		return true, true
	}
	if v, _ := r.decode(colSex, r.raw(row, colSex)); v != "" {
		if _, ok := sexChoices.parse(v); ok {
			return true, false
		}
	}
	return false, false
}

// dateLike reports whether v reads as a date (parseDate's forms, without its checks
// and without allocating: it runs on every row).
func dateLike(v string) bool {
	t := v
	if i := strings.IndexAny(t, " T"); i > 0 {
		t = t[:i]
	}
	if n, err := parseSerial(t); err == nil {
		return n >= 61 && n < 2958466 && (n < 1900 || n > 2200)
	}
	_, _, _, ok := splitDate(t)
	return ok
}

// outsideTemplate reports whether every template column of row is empty.
func (r *Reader) outsideTemplate(row *rawRow) bool {
	for _, i := range r.colIdx {
		if i >= 0 && i < len(row.cells) && strings.TrimSpace(row.cells[i]) != "" {
			return false
		}
	}
	return true
}

// footerKind says, in both languages, what row is if it is a totals, note, date or
// signature row, "" otherwise. It reads every cell of the row, in any column: these
// rows are rare, and their text may sit anywhere.
func (r *Reader) footerKind(row *rawRow) (string, string) {
	first := true
	for _, c := range row.cells {
		t := r.dec.text(c)
		if t == "" {
			continue
		}
		k := valueKey(t)
		if first && (totalsKey(k) || totalsWord(t)) {
			return "dòng tổng cộng", "a totals row"
		}
		if first && (strings.HasPrefix(t, "*") || hasKeyPrefix(k, noteKeys)) {
			return "ghi chú", "a note"
		}
		first = false
		if hasKeyPrefix(k, signatureKeys) {
			return "chữ ký", "a signature"
		}
		if dateLine(k) {
			return "địa danh, ngày tháng", "a place and date"
		}
	}
	return "", ""
}

// totalsKey reports whether k (valueKey) starts a totals row: "tổng cộng", "tổng
// số", in any case and with or without diacritics.
func totalsKey(k string) bool {
	for _, p := range []string{"tong cong", "tong so"} {
		if k == p || strings.HasPrefix(k, p+" ") {
			return true
		}
	}
	return false
}

// totalsWord reports whether t is "Cộng" or "Tổng" alone or followed by more words
// ("Cộng thôn Đông", "Tổng: 25 hộ"). The diacritics are required: "Công" and "Tống"
// are family names.
func totalsWord(t string) bool {
	l := strings.ToLower(t)
	for _, w := range []string{"cộng", "tổng"} {
		if rest, ok := strings.CutPrefix(l, w); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || r == ' ' || r == ':' || r == '.' || r == ',' {
				return true
			}
		}
	}
	return false
}

// noteKeys start a note below the table (valueKey).
var noteKeys = []string{"ghi chu", "luu y", "chu thich", "chu y", "nguon"}

// signatureKeys start the cells of a signature block (valueKey).
var signatureKeys = []string{
	"nguoi lap bieu", "nguoi lap", "nguoi ky", "nguoi kiem tra", "nguoi duyet", "nguoi tong hop", "nguoi ghi phieu",
	"kt chu tich", "tm uy ban", "tm ubnd", "t m uy ban", "tm ban", "chu tich", "pho chu tich", "xac nhan",
	"ubnd xa", "ubnd phuong", "uy ban nhan dan", "can bo", "cong chuc", "truong thon", "truong ban", "to truong", "thu truong",
	"ky ghi ro ho ten", "ky va ghi ro ho ten", "ky ten", "ky ho ten", "ky dong dau", "ky ten dong dau", "noi nhan",
}

// hasKeyPrefix reports whether k starts with one of the keys, as whole words.
func hasKeyPrefix(k string, keys []string) bool {
	for _, p := range keys {
		if k == p || strings.HasPrefix(k, p+" ") {
			return true
		}
	}
	return false
}

// dateLine reports whether k (valueKey) is a date line: "ngày … tháng … năm …", often
// after a place ("hai duong ngay 15 thang 12 nam 2024").
func dateLine(k string) bool {
	i := strings.Index(" "+k+" ", " ngay ")
	if i < 0 {
		return false
	}
	rest := k[i:]
	j := strings.Index(rest+" ", " thang ")
	return j >= 0 && strings.Contains(rest[j:]+" ", " nam ")
}

// ignore records an ignored row; vi and en give the reason of a run's first row.
func (r *Reader) ignore(row *rawRow, member bool, vi, en string) {
	run := &r.foot.run
	if run.n == 0 {
		run.first, run.why, run.whyEN = row.row, vi, en
	}
	run.last = row.row
	run.n++
	if member && len(run.members) < maxIgnoredSamples {
		run.members = append(run.members, row.row)
	}
	if len(run.samples) < maxIgnoredSamples {
		for _, c := range row.cells {
			if t := r.dec.text(c); t != "" {
				if utf8.RuneCountInString(t) > maxSampleRunes {
					t = string([]rune(t)[:maxSampleRunes]) + "…"
				}
				run.samples = append(run.samples, strconv.Quote(t)+" ("+strconv.Itoa(row.row)+")")
				break
			}
		}
	}
}

// endRun turns the current run of ignored rows into an issue.
func (r *Reader) endRun() {
	run := &r.foot.run
	if run.n == 0 {
		return
	}
	defer func() { *run = ignoredRun{samples: run.samples[:0], members: run.members[:0]} }()
	if len(r.foot.issues) >= maxIgnoredIssues {
		r.foot.extra++
		return
	}
	rows, rowsEN := "dòng "+strconv.Itoa(run.first), "row "+strconv.Itoa(run.first)
	if run.last != run.first {
		rows, rowsEN = "các dòng "+strconv.Itoa(run.first)+"–"+strconv.Itoa(run.last), "rows "+strconv.Itoa(run.first)+"–"+strconv.Itoa(run.last)
	}
	p := &problem{warning: true,
		vi: rows + " không phải là hộ hay thành viên, đã bỏ qua (" + run.why + ")",
		en: rowsEN + ": not households or members, ignored (" + run.whyEN + ")"}
	if len(run.samples) > 0 {
		p.vi += ": " + strings.Join(run.samples, ", ")
		p.en += ": " + strings.Join(run.samples, ", ")
	}
	if len(run.members) > 0 {
		m := make([]string, len(run.members))
		for i, n := range run.members {
			m[i] = strconv.Itoa(n)
		}
		p.vi += ". Dòng " + strings.Join(m, ", ") + " có giới tính hoặc ngày sinh như dòng của một thành viên, nhưng thiếu mã hộ hoặc họ tên: nếu là thành viên, hãy chuyển lên trên dòng tổng cộng và ghi đủ"
		p.en += ". Row " + strings.Join(m, ", ") + " has a sex or a birth date as a member's row has, but no household code or name: if it is a member, move it above the totals row and fill it in"
	}
	r.foot.issues = append(r.foot.issues, newIssue(r.file, run.first, "", "", p))
}

// IgnoredIssues returns the warnings about the rows the reader ignored: the totals,
// notes, dates and signatures below the table and the rows after them, and rows with
// nothing in the template's columns. It is complete once Next has returned io.EOF.
func (r *Reader) IgnoredIssues() []Issue {
	out := r.foot.issues
	if r.foot.extra > 0 {
		out = append(out[:len(out):len(out)], newIssue(r.file, 0, "", "", warningf(
			"và %d nhóm dòng bị bỏ qua khác", "and %d more groups of ignored rows", r.foot.extra)))
	}
	return out
}
