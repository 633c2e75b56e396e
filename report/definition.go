// Package report holds the report set of the programme (regulations.md §2.4): each
// report is one definition (title, numbered columns with their formulas, the rows of a
// unit) computed from the maintained roll-ups, and rendered to the web page, XLSX, CSV
// and JSON from the same Table.
package report

import (
	"giamngheo/poverty"
	"sort"
	"strings"
	"sync"
)

// Column is a numbered column of a report: (1)…(n), its header, the group header above
// it (merged over the columns that share it) and its formula as printed.
type Column struct {
	Num     int    `json:"num"`
	Title   string `json:"title"`
	Group   string `json:"group,omitempty"`
	Formula string `json:"formula,omitempty"`
	Percent bool   `json:"percent,omitempty"`
}

// Definition is one report: its columns and how a unit's numbers fill its rows. Lines
// names the rows each unit has ("" for one row; "Hộ", "Nhân khẩu" for the dynamics).
type Definition struct {
	Name    string
	Number  int
	Title   string
	Columns []Column
	Lines   []string
	// Values computes the lines of one unit (or of a total) from its numbers.
	Values func(u *Numbers) [][]float64
	// Specialise, when set, makes the definition a table uses from the numbers of its
	// total row: a report whose columns depend on the data (report (9), one column per
	// ethnic group present). Columns then lists the columns every table has.
	Specialise func(total *Numbers) *Definition
	// MeasurePrefixes, for a definition with Specialise, are the prefixes of the measures
	// its data-dependent columns read ("eth:"), besides its fixed columns' measures.
	MeasurePrefixes []string
}

// Numbers are what the roll-ups hold for one unit (or a sum of units): cells by status
// and measure, and list flows by status, kind and part of the period.
type Numbers struct {
	Cells map[string]map[string]int64           // status → measure → n
	Flows map[string]map[FlowKind][2]flowAmount // status → kind → [before, in period]
	// probe, when set, records the measures a definition reads and makes every cell 1
	// (Definition.Measures).
	probe map[string]bool
}

type flowAmount struct{ Households, Persons int64 }

func newNumbers() *Numbers {
	return &Numbers{Cells: map[string]map[string]int64{}, Flows: map[string]map[FlowKind][2]flowAmount{}}
}

// cellsOf is the status's cells, made when missing.
func (n *Numbers) cellsOf(status string) map[string]int64 {
	m := n.Cells[status]
	if m == nil {
		m = map[string]int64{}
		n.Cells[status] = m
	}
	return m
}

func (n *Numbers) addCell(status, measure string, v int64) { n.cellsOf(status)[measure] += v }

// flowsOf is the status's flows, made when missing.
func (n *Numbers) flowsOf(status string) map[FlowKind][2]flowAmount {
	m := n.Flows[status]
	if m == nil {
		m = map[FlowKind][2]flowAmount{}
		n.Flows[status] = m
	}
	return m
}

func (n *Numbers) addFlow(status string, kind FlowKind, during bool, h, p int64) {
	m := n.flowsOf(status)
	a := m[kind]
	i := 0
	if during {
		i = 1
	}
	a[i].Households += h
	a[i].Persons += p
	m[kind] = a
}

func (n *Numbers) add(o *Numbers) {
	for s, m := range o.Cells {
		to := n.cellsOf(s)
		for k, v := range m {
			to[k] += v
		}
	}
	for s, m := range o.Flows {
		to := n.flowsOf(s)
		for k, a := range m {
			b := to[k]
			for i := range a {
				b[i].Households += a[i].Households
				b[i].Persons += a[i].Persons
			}
			to[k] = b
		}
	}
}

// cell is a measure of one status; status "*" sums every status.
func (n *Numbers) cell(status, measure string) float64 {
	if n.probe != nil {
		n.probe[measure] = true
		return 1
	}
	if status != "*" {
		return float64(n.Cells[status][measure])
	}
	var t int64
	for _, m := range n.Cells {
		t += m[measure]
	}
	return float64(t)
}

func rate(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b * 100
}

const poor, nearPoor = string(poverty.Poor), string(poverty.NearPoor)

// Definitions lists the reports, by number.
var Definitions = []*Definition{officialResults(), dynamics(2, poor), dynamics(3, nearPoor),
	deprivations(4, poor, false), deprivations(5, poor, true), deprivations(6, nearPoor, false), deprivations(7, nearPoor, true),
	targetGroups(), ethnicGroups(), causes(), children(), multidimensional(12, poor), multidimensional(13, nearPoor)}

// Find returns the definition named name ("1", "bao-cao-1" or its Name), or nil.
func Find(name string) *Definition {
	for _, d := range Definitions {
		if d.Name == name || itoa(d.Number) == name {
			return d
		}
	}
	return nil
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return string(rune('0'+i/10)) + string(rune('0'+i%10))
}

// officialResults is report (1): households and persons, poor and near-poor, with
// their rates (regulations.md §2.4 item 1). The middle-living columns (7, 8, 13, 14) of
// the provincial layout are left out: a recognised status is only poor or near-poor.
func officialResults() *Definition {
	return &Definition{Name: "ket-qua-chinh-thuc", Number: 1,
		Title: "Tổng hợp kết quả chính thức rà soát hộ nghèo, hộ cận nghèo",
		Columns: []Column{
			{1, "Tổng số hộ", "Tổng số", "", false},
			{2, "Tổng số nhân khẩu", "Tổng số", "", false},
			{3, "Số hộ nghèo", "Hộ nghèo", "", false},
			{4, "Tỷ lệ hộ nghèo (%)", "Hộ nghèo", "(4) = (3)/(1) × 100", true},
			{5, "Số hộ cận nghèo", "Hộ cận nghèo", "", false},
			{6, "Tỷ lệ hộ cận nghèo (%)", "Hộ cận nghèo", "(6) = (5)/(1) × 100", true},
			{7, "Số nhân khẩu nghèo", "Nhân khẩu nghèo", "", false},
			{8, "Tỷ lệ nhân khẩu nghèo (%)", "Nhân khẩu nghèo", "(8) = (7)/(2) × 100", true},
			{9, "Số nhân khẩu cận nghèo", "Nhân khẩu cận nghèo", "", false},
			{10, "Tỷ lệ nhân khẩu cận nghèo (%)", "Nhân khẩu cận nghèo", "(10) = (9)/(2) × 100", true},
		},
		Lines: []string{""},
		Values: func(u *Numbers) [][]float64 {
			hh, pp := u.cell("*", MeasureHouseholds), u.cell("*", MeasurePersons)
			ph, nh := u.cell(poor, MeasureHouseholds), u.cell(nearPoor, MeasureHouseholds)
			pp1, np1 := u.cell(poor, MeasurePersons), u.cell(nearPoor, MeasurePersons)
			return [][]float64{{hh, pp, ph, rate(ph, hh), nh, rate(nh, hh), pp1, rate(pp1, pp), np1, rate(np1, pp)}}
		}}
}

// dynamics is report (2) for the poor list or (3) for the near-poor list: the list at
// the start of the period, its decreases and increases, and the end, for households
// and persons (regulations.md §2.4 items 2–3): (9) = (1) − (2) − (3) − (4) + (5) + (6)
// + (7) + (8). Households carried to a new unit by a reorganisation during the period
// count in the new unit's start (the old→new mapping, ADR 0005).
func dynamics(number int, status string) *Definition {
	list, other := "hộ nghèo", "hộ cận nghèo"
	name := "dien-bien-ho-ngheo"
	if status == nearPoor {
		list, other, name = "hộ cận nghèo", "hộ nghèo", "dien-bien-ho-can-ngheo"
	}
	return &Definition{Name: name, Number: number,
		Title: "Tổng hợp diễn biến " + list,
		Columns: []Column{
			{1, "Số " + list + " đầu kỳ", "", "", false},
			{2, "Thoát, thành " + other, "Giảm trong kỳ", "", false},
			{3, "Thoát, vượt chuẩn cận nghèo", "Giảm trong kỳ", "", false},
			{4, "Giảm khác (chuyển đi, nhập hộ, chết, bớt nhân khẩu)", "Giảm trong kỳ", "", false},
			{5, "Từ " + other + " chuyển sang", "Tăng trong kỳ", "", false},
			{6, "Tái " + strings.TrimPrefix(list, "hộ "), "Tăng trong kỳ", "", false},
			{7, "Phát sinh mới", "Tăng trong kỳ", "", false},
			{8, "Tăng khác (chuyển đến, tách hộ, thêm nhân khẩu)", "Tăng trong kỳ", "", false},
			{9, "Số " + list + " cuối kỳ", "", "(9) = (1) − (2) − (3) − (4) + (5) + (6) + (7) + (8)", false},
		},
		Lines: []string{"Hộ", "Nhân khẩu"},
		Values: func(u *Numbers) [][]float64 {
			out := make([][]float64, 2)
			flows := u.Flows[status]
			for line := range 2 {
				get := func(k FlowKind, during bool) float64 {
					a := flows[k]
					i := 0
					if during {
						i = 1
					}
					if line == 0 {
						return float64(a[i].Households)
					}
					return float64(a[i].Persons)
				}
				var start float64
				for _, k := range []FlowKind{FlowOpening, FlowToOtherList, FlowToAbove, FlowOtherOut, FlowFromOtherList, FlowRe, FlowNew, FlowOtherIn, FlowCarryIn, FlowCarryOut} {
					if k.Increase() {
						start += get(k, false)
					} else {
						start -= get(k, false)
					}
				}
				// Carried in or out during the period: part of the start, in the new unit.
				start += get(FlowCarryIn, true) + get(FlowOpening, true) - get(FlowCarryOut, true)
				row := []float64{start, get(FlowToOtherList, true), get(FlowToAbove, true), get(FlowOtherOut, true),
					get(FlowFromOtherList, true), get(FlowRe, true), get(FlowNew, true), get(FlowOtherIn, true)}
				row = append(row, row[0]-row[1]-row[2]-row[3]+row[4]+row[5]+row[6]+row[7])
				out[line] = row
			}
			return out
		}}
}

// deprivations is report (4) or (6): the households of a list deprived in each
// indicator of the standard, or (5) or (7): the same as a share of the list's
// households (regulations.md §2.4 items 4–7).
func deprivations(number int, status string, rates bool) *Definition {
	list := "hộ nghèo"
	if status == nearPoor {
		list = "hộ cận nghèo"
	}
	title, name := "Phân tích các chỉ số thiếu hụt dịch vụ xã hội cơ bản của "+list, "thieu-hut-"
	if rates {
		title, name = "Phân tích tỷ lệ thiếu hụt các chỉ số dịch vụ xã hội cơ bản của "+list, "ty-le-thieu-hut-"
	}
	if status == poor {
		name += "ho-ngheo"
	} else {
		name += "ho-can-ngheo"
	}
	cols := []Column{{1, "Số " + list, "", "", false}, {2, "Tổng số chỉ số thiếu hụt", "", "", false}}
	for i, k := range poverty.IndicatorKeys {
		c := Column{Num: i + 3, Title: IndicatorTitle(k), Group: "Số hộ thiếu hụt theo chỉ số"}
		if rates {
			c.Group, c.Percent = "Tỷ lệ hộ thiếu hụt theo chỉ số (%)", true
			c.Formula = "(" + itoa(i+3) + ") = số hộ thiếu hụt / (1) × 100"
		}
		cols = append(cols, c)
	}
	return &Definition{Name: name, Number: number, Title: title, Columns: cols, Lines: []string{""},
		Values: func(u *Numbers) [][]float64 {
			n := u.cell(status, MeasureHouseholds)
			row := []float64{n, u.cell(status, MeasureDeprivations)}
			for _, k := range poverty.IndicatorKeys {
				v := u.cell(status, MeasureDeprivedPfx+string(k))
				if rates {
					v = rate(v, n)
				}
				row = append(row, v)
			}
			return [][]float64{row}
		}}
}

// IndicatorTitle is the Vietnamese name of an indicator (Decree 07/2021/NĐ-CP, Art. 3.2;
// waste treatment from Decree 351/2025/NĐ-CP).
func IndicatorTitle(k poverty.IndicatorKey) string {
	switch k {
	case poverty.IndicatorEmployment:
		return "Việc làm"
	case poverty.IndicatorDependants:
		return "Người phụ thuộc trong hộ"
	case poverty.IndicatorNutrition:
		return "Dinh dưỡng"
	case poverty.IndicatorHealthInsurance:
		return "Bảo hiểm y tế"
	case poverty.IndicatorAdultEducation:
		return "Trình độ giáo dục của người lớn"
	case poverty.IndicatorChildSchooling:
		return "Tình trạng đi học của trẻ em"
	case poverty.IndicatorHousingQuality:
		return "Chất lượng nhà ở"
	case poverty.IndicatorHousingArea:
		return "Diện tích nhà ở bình quân đầu người"
	case poverty.IndicatorWater:
		return "Nguồn nước sinh hoạt"
	case poverty.IndicatorLatrine:
		return "Nhà tiêu hợp vệ sinh"
	case poverty.IndicatorTelecom:
		return "Sử dụng dịch vụ viễn thông"
	case poverty.IndicatorInfoDevices:
		return "Phương tiện tiếp cận thông tin"
	case poverty.IndicatorWaste:
		return "Thu gom, xử lý rác thải"
	}
	return string(k)
}

// measuresOf caches Definition.Measures per definition.
var measuresOf sync.Map // *Definition → []string

// Measures are the roll-up measures the definition's Values read, so that a report reads
// only its own rows of the roll-ups (issue 14 item 9: a province's reports under 100 ms).
// They are found once by running Values on numbers that record what is read and answer 1
// for every cell (so that no formula skips a read on a zero). nil (read every measure)
// for a definition whose columns depend on the data (Specialise) unless it names the
// prefixes of the measures they read (MeasurePrefixes, read besides these).
func (d *Definition) Measures() []string {
	if (d.Specialise != nil && len(d.MeasurePrefixes) == 0) || d.Values == nil {
		return nil
	}
	if m, ok := measuresOf.Load(d); ok {
		return m.([]string)
	}
	n := newNumbers()
	n.probe = map[string]bool{}
	d.Values(n)
	out := make([]string, 0, len(n.probe))
	for m := range n.probe {
		out = append(out, m)
	}
	sort.Strings(out)
	measuresOf.Store(d, out)
	return out
}
