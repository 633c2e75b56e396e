package plan

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"giamngheo/support"
)

// TestSeedHaiDuong2023 holds the embedded plan to the text of the Hải Dương 2023 plan
// (../shared/reference/ke-hoach-giam-ngheo-hai-duong-2023.txt): every target of
// section I.2 with its figure, every activity area of section II with its lead and
// coordinating agencies, every agency of section IV, no budget figure.
func TestSeedHaiDuong2023(t *testing.T) {
	d, err := SeedDoc("31", 2023)
	if err != nil {
		t.Fatal(err)
	}
	f := func(v float64) *float64 { return &v }
	targets := []struct {
		code, section, area, unit string
		value                     *float64
		compare, source           string
		measure                   support.Measure
		agency, phrase            string
	}{
		{"poor_rate", "I.2", "", "%", f(1.6), AtMost, SourceComputed, support.MeasurePoorRate, "sldtbxh", "xuống còn 1,6%"},
		{"credit", "I.2", "5", "%", f(100), AtLeast, SourceComputed, support.MeasureCredit, "nhcsxh", "100% hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo"},
		{"health_insurance", "I.2", "6", "%", f(100), AtLeast, SourceComputed, support.MeasureHealthInsurance, "bhxh", "100% người thuộc hộ nghèo, hộ cận nghèo được cấp thẻ bảo hiểm y tế"},
		{"health_insurance_middle", "I.2", "6", "%", f(100), AtLeast, SourceEntered, "", "bhxh", "có mức sống trung bình"},
		{"tuition", "I.2", "7", "%", f(100), AtLeast, SourceComputed, support.MeasureTuition, "sgddt", "100% học sinh, sinh viên"},
		{"clean_water", "I.2", "", "%", f(100), AtLeast, SourceComputed, support.MeasureCleanWater, "snnptnt", "nguồn nước sạch"},
		{"fund", "I.2", "", "đồng", nil, AtLeast, SourceEntered, "", "mttq", "Vì người nghèo"},
		{"trainees", "I.2", "2.1", "lượt người", f(700), AtLeast, SourceEntered, "", "snnptnt", "khoảng 700 lượt người"},
		{"models", "I.2", "2.1", "mô hình", f(2), AtLeast, SourceEntered, "", "snnptnt", "02 mô hình"},
		{"model_households", "I.2", "2.1", "hộ", f(10), AtLeast, SourceEntered, "", "snnptnt", "02 mô hình"},
		{"legal_aid", "II.8", "8", "%", f(100), AtLeast, SourceEntered, "", "stp", "100% nhu cầu trợ giúp pháp lý"},
		{"vocational", "II.3", "3", "người", nil, AtLeast, SourceComputed, support.MeasureTrainees, "sldtbxh", "đào tạo nghề"},
	}
	if len(d.Targets) != len(targets) {
		t.Fatalf("%d targets, want %d", len(d.Targets), len(targets))
	}
	for i, w := range targets {
		g := d.Targets[i]
		if g.Code != w.code || g.Section != w.section || g.Area != w.area || g.Unit != w.unit || g.Compare != w.compare ||
			g.Source != w.source || g.Measure != w.measure || g.Agency != w.agency || !strings.Contains(g.Indicator, w.phrase) ||
			(g.Value == nil) != (w.value == nil) || (g.Value != nil && *g.Value != *w.value) || g.HowMeasured == "" {
			t.Errorf("target %d = %+v, want %+v", i, g, w)
		}
	}
	areas := []struct{ code, lead, coord, title string }{
		{"1.1", "stttt", "sldtbxh ubndh", "Giảm nghèo về thông tin"},
		{"1.2", "sldtbxh", "stttt ubndh", "Truyền thông về giảm nghèo đa chiều"},
		{"2.1", "snnptnt", "ubndh", "Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp"},
		{"2.2", "syt", "ubndh", "Cải thiện dinh dưỡng"},
		{"3", "sldtbxh", "snnptnt ubndh", "Phát triển giáo dục nghề nghiệp; việc làm bền vững; đa dạng hóa sinh kế, phát triển mô hình giảm nghèo"},
		{"4", "sxd", "ubndh", "Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo"},
		{"5", "nhcsxh", "sldtbxh ubndh", "Thực hiện tốt chính sách tín dụng ưu đãi cho vay hộ nghèo và các đối tượng chính sách khác"},
		{"6", "syt", "sldtbxh bhxh ubndh", "Hỗ trợ người thuộc hộ nghèo, hộ cận nghèo tiếp cận tốt các dịch vụ về y tế"},
		{"7", "sgddt", "ubndh", "Hỗ trợ người thuộc hộ nghèo, hộ cận nghèo tiếp cận tốt các dịch vụ về giáo dục"},
		{"8", "stp", "sldtbxh ubndh", "Trợ giúp pháp lý cho người nghèo"},
		{"9", "sldtbxh", "ubndh", "Nâng cao năng lực và giám sát, đánh giá, tổ chức rà soát hộ nghèo, hộ cận nghèo, tổng hợp báo cáo"},
		{"10", "snnptnt", "ubndh", "Hỗ trợ đầu tư cơ sở hạ tầng"},
	}
	if len(d.Areas) != len(areas) {
		t.Fatalf("%d areas, want %d", len(d.Areas), len(areas))
	}
	text := reference(t)
	for i, w := range areas {
		g := d.Areas[i]
		if g.Code != w.code || g.Lead != w.lead || strings.Join(g.Coordinating, " ") != w.coord || g.Title != w.title ||
			len(g.Tasks) == 0 || g.Beneficiaries == "" || !strings.Contains(g.CoordinatingText, "Ủy ban nhân dân các huyện") {
			t.Errorf("area %d = %s %q lead %s coordinating %v, want %+v", i, g.Code, g.Title, g.Lead, g.Coordinating, w)
		}
		if text != "" && !strings.Contains(text, w.code+". "+w.title) {
			t.Errorf("area %s: title %q is not the text's", w.code, w.title)
		}
		for _, task := range g.Tasks {
			if text != "" && !strings.Contains(text, task) {
				t.Errorf("area %s: task not in the text: %q", w.code, task)
			}
		}
	}
	if len(d.Assignments) != 18 {
		t.Fatalf("%d assignments of section IV, want 18", len(d.Assignments))
	}
	for i, a := range d.Assignments {
		if a.Agency != support.Agencies[i].Code || len(a.Duties) == 0 {
			t.Errorf("assignment %d: %s (%d duties), want %s", i, a.Agency, len(a.Duties), support.Agencies[i].Code)
		}
	}
	// The text gives no budget figure: none is invented.
	if len(d.Budget) != 0 {
		t.Errorf("budget lines %+v: the text gives none", d.Budget)
	}
	if d.ReportDue != "2023-11-20" || d.Standard != "2022-2026" || len(d.LegalBases) != 3 || !strings.Contains(d.Note, "31") {
		t.Errorf("due %s, standard %s, %d legal bases, note %q", d.ReportDue, d.Standard, len(d.LegalBases), d.Note)
	}
	// The leads of the areas, and the agencies answering for targets (BHXH, MTTQ).
	if got := strings.Join(d.Responsible(), " "); got != "sldtbxh snnptnt syt sgddt sxd stp stttt bhxh nhcsxh mttq" {
		t.Errorf("responsible agencies %s", got)
	}
}

// reference returns the plan's text with its line breaks joined, or "" when the shared
// reference is not beside the repository.
func reference(t *testing.T) string {
	b, err := os.ReadFile("../../shared/reference/ke-hoach-giam-ngheo-hai-duong-2023.txt")
	if err != nil {
		t.Log("reference text not found: the tasks are not compared with it")
		return ""
	}
	return regexp.MustCompile(`\s+`).ReplaceAllString(string(b), " ")
}

func TestCopyDoc(t *testing.T) {
	d, err := SeedDoc("31", 2023)
	if err != nil {
		t.Fatal(err)
	}
	v := int64(5)
	d.Budget = []BudgetLine{{Area: "4", Agency: "sxd", Source: FundCentral, Allocated: &v, Disbursed: &v}}
	today := time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		to       int
		standard string
		newStd   bool
	}{{2024, "2022-2026", false}, {2027, "2027-2030", true}} {
		got := copyDoc(d, 2023, c.to, today)
		if got.Standard != c.standard || strings.Contains(got.Note, "351/2025") != c.newStd || !strings.Contains(got.Note, "05/01/2027") {
			t.Errorf("copy to %d: standard %s, note %q", c.to, got.Standard, got.Note)
		}
		if got.Budget[0].Allocated != nil || got.Budget[0].Area != "4" || d.Budget[0].Allocated == nil {
			t.Errorf("copy to %d keeps money: %+v", c.to, got.Budget)
		}
		if err := Validate(c.to, &got); err != nil {
			t.Errorf("copy to %d: %v", c.to, err)
		}
	}
}
