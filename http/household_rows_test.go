package http

import (
	"html/template"
	"strings"
	"testing"

	"giamngheo/poverty"
)

// TestHouseholdRowsHTMLEscapes: the list lines made in Go escape every text, in
// element content and in attributes, so that a name written by an officer (or an
// import) never becomes markup; and they carry the badges the template wrote.
func TestHouseholdRowsHTMLEscapes(t *testing.T) {
	rows := []householdRow{
		{ID: 7, Code: `<b>10507-01-00007</b>`, HeadName: `Nguyễn "Văn" <script>alert(1)</script> & Co`, VillageName: `Thôn 'Đông'`,
			Status: poverty.Poor, StatusLabel: "Hộ nghèo", Survey: "Hộ cận nghèo", Deprivations: "3", NeedsReview: true},
		{ID: 8, Code: "10507-01-00008", HeadName: "Trần Thị B"},
	}
	l := householdLabels{Code: `Mã "hộ"`, Village: "Thôn", Survey: "Kết quả", Deprivations: "Thiếu hụt", OnNoList: "Không thuộc danh sách", NeedsReview: "cần rà soát"}
	got := string(householdRowsHTML(rows, l))
	for _, bad := range []string{"<script>", "<b>", `"Văn"`, `Mã "hộ"`, "'Đông'", " & Co"} {
		if strings.Contains(got, bad) {
			t.Errorf("unescaped %q in %s", bad, got)
		}
	}
	for _, r := range rows {
		if !strings.Contains(got, ">"+template.HTMLEscapeString(r.HeadName)+"<") {
			t.Errorf("head name %q not written escaped: %s", r.HeadName, got)
		}
	}
	for _, want := range []string{`<a href="/households/7">`, `<span class="badge badge-poor status">Hộ nghèo</span>`,
		`<span class="badge">Không thuộc danh sách</span>`, `needs-review">cần rà soát</span>`, `data-label="Mã &#34;hộ&#34;"`} {
		if !strings.Contains(got, want) {
			t.Errorf("%s missing from %s", want, got)
		}
	}
}
