package report

import (
	"sort"
	"strings"

	"giamngheo/vntext"
)

// The reports of the household traits (issue 14 item 2; regulations.md §2.4 items
// 8–13). Their layouts are known only as reproduced from a provincial set in a
// third-party project [S]; the official Mẫu numbers, titles and column order were not
// retrieved [U]. Each report's columns are therefore one table of data below (title,
// group, formula and the measure each reads), so that a column can be renamed, moved
// or dropped there without touching the machinery. Report (11) counts members (the
// children), kept as counts in the households' traits (poverty.ChildrenOf,
// report.TraitCount).

// traitCol is one column of a trait report: how a line of a unit reads it.
type traitCol struct {
	Title, Group, Formula string
	Percent               bool
	// status and measure name the roll-up cell (status "*" every status); for the
	// persons line, persons is the measure read instead ("" : the line has no value
	// for it and reads the households' measure).
	status, measure, persons string
	// calc, when set, computes the column's value from the line's values before it
	// (0-based column indexes).
	calc func(v []float64) float64
}

// traitDef makes a definition from a column table.
func traitDef(name string, number int, title string, lines []string, cols []traitCol) *Definition {
	d := &Definition{Name: name, Number: number, Title: title, Lines: lines}
	for i, c := range cols {
		d.Columns = append(d.Columns, Column{Num: i + 1, Title: c.Title, Group: c.Group, Formula: c.Formula, Percent: c.Percent})
	}
	d.Values = func(u *Numbers) [][]float64 {
		out := make([][]float64, len(lines))
		for line := range lines {
			row := make([]float64, len(cols))
			for i, c := range cols {
				switch {
				case c.calc != nil:
					row[i] = c.calc(row)
				case line == 1 && c.persons != "":
					row[i] = u.cell(c.status, c.persons)
				default:
					row[i] = u.cell(c.status, c.measure)
				}
			}
			out[line] = row
		}
		return out
	}
	return d
}

// hp is a column of households (and their persons on the persons line) of a status
// and trait measure; "" is every household of the status.
func hp(title, group, status, trait string) traitCol {
	if trait == "" {
		return traitCol{Title: title, Group: group, status: status, measure: MeasureHouseholds, persons: MeasurePersons}
	}
	return traitCol{Title: title, Group: group, status: status, measure: trait, persons: trait + MeasurePersonsSfx}
}

func rateCol(title, group, formula string, a, b int) traitCol {
	return traitCol{Title: title, Group: group, Formula: formula, Percent: true, calc: func(v []float64) float64 { return rate(v[a], v[b]) }}
}

func listName(status string) string {
	if status == nearPoor {
		return "hộ cận nghèo"
	}
	return "hộ nghèo"
}

func upper(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// targetGroups is report (8): poor and near-poor households and persons by target
// group (regulations.md §2.4 item 8 [S]): ethnic minority, no labour capacity, a person
// of merit, and the others (none of the three, a household counted once, so (5) is not
// (1) − (2) − (3) − (4) when groups overlap).
func targetGroups() *Definition {
	var cols []traitCol
	for _, st := range []string{poor, nearPoor} {
		g := upper(listName(st))
		n := len(cols)
		cols = append(cols,
			hp("Tổng số", g, st, ""),
			hp("Hộ dân tộc thiểu số", g, st, MeasureGroupPfx+"ethnic"),
			hp("Hộ không có khả năng lao động", g, st, MeasureGroupPfx+"no_labour"),
			hp("Hộ có người có công với cách mạng", g, st, MeasureGroupPfx+"merit"),
			hp("Hộ khác", g, st, MeasureGroupPfx+"other"))
		cols[n+4].Formula = "(" + itoa(n+5) + "): không thuộc (" + itoa(n+2) + "), (" + itoa(n+3) + "), (" + itoa(n+4) + "); mỗi hộ tính một lần"
	}
	return traitDef("nhom-doi-tuong", 8, "Phân tích hộ nghèo, hộ cận nghèo theo các nhóm đối tượng", []string{"Hộ", "Nhân khẩu"}, cols)
}

// children is report (11): the children (under 16) of poor and near-poor households,
// and of them those deprived in health (without health insurance, or malnourished) and
// in education (not at school for their age), with the rates (regulations.md §2.4 item
// 11 [S]; the official layout is not known [U]).
func children() *Definition {
	var cols []traitCol
	for _, st := range []string{poor, nearPoor} {
		g := "Trẻ em thuộc " + listName(st)
		n := len(cols)
		cols = append(cols,
			traitCol{Title: "Tổng số trẻ em dưới 16 tuổi", Group: g, status: st, measure: MeasureChildren},
			traitCol{Title: "Thiếu hụt y tế (bảo hiểm y tế, dinh dưỡng)", Group: g, status: st, measure: MeasureChildrenHealth},
			rateCol("Tỷ lệ thiếu hụt y tế (%)", g, "("+itoa(n+3)+") = ("+itoa(n+2)+")/("+itoa(n+1)+") × 100", n+1, n),
			traitCol{Title: "Thiếu hụt giáo dục (đi học đúng độ tuổi)", Group: g, status: st, measure: MeasureChildrenEducation},
			rateCol("Tỷ lệ thiếu hụt giáo dục (%)", g, "("+itoa(n+5)+") = ("+itoa(n+4)+")/("+itoa(n+1)+") × 100", n+3, n))
	}
	return traitDef("thieu-hut-tre-em", 11, "Tổng hợp chỉ tiêu thiếu hụt của trẻ em thuộc hộ nghèo, hộ cận nghèo", []string{""}, cols)
}

// causes is report (10): poor and near-poor households by cause of poverty, several
// causes a household (regulations.md §2.4 item 10 [S]).
func causes() *Definition {
	var cols []traitCol
	for _, st := range []string{poor, nearPoor} {
		g := upper(listName(st))
		cols = append(cols, traitCol{Title: "Số " + listName(st), Group: g, status: st, measure: MeasureHouseholds})
		for _, c := range CauseColumns {
			cols = append(cols, traitCol{Title: c.Title, Group: g, status: st, measure: MeasureCausePfx + c.Key})
		}
	}
	d := traitDef("nguyen-nhan-ngheo", 10, "Phân nhóm hộ nghèo, hộ cận nghèo theo các nguyên nhân nghèo", []string{""}, cols)
	return d
}

// CauseColumns are the causes of report (10) in its order: the keys of
// registry.Causes (report does not import registry) with their titles.
var CauseColumns = []struct{ Key, Title string }{
	{"land", "Thiếu đất sản xuất"}, {"capital", "Thiếu vốn"}, {"labour", "Thiếu lao động"}, {"tools", "Thiếu công cụ sản xuất"},
	{"knowledge", "Thiếu kiến thức sản xuất"}, {"skills", "Thiếu kỹ năng lao động"}, {"illness", "Ốm đau, tai nạn"}, {"other", "Nguyên nhân khác"},
}

// multidimensional is report (12) for the poor or (13) for the near-poor: the
// households and persons of the unit and of the list, by Kinh and ethnic minority,
// and the list's households with a person of merit, with no labour capacity and with
// a female head (regulations.md §2.4 items 12–13 [S]). The "local ethnic group" split
// (dân tộc tại chỗ) of the Central Highlands is left out: no list of those groups is
// held [U].
func multidimensional(number int, status string) *Definition {
	list := listName(status)
	all, of := "Tổng số hộ dân cư", "Trong đó: "+list
	name := "ket-qua-ho-ngheo-da-chieu"
	if status == nearPoor {
		name = "ket-qua-ho-can-ngheo-da-chieu"
	}
	cols := []traitCol{
		hp("Tổng số", all, "*", ""),
		hp("Kinh", all, "*", MeasureEthnicPfx+"Kinh"),
		hp("Dân tộc thiểu số", all, "*", MeasureGroupPfx+"ethnic"),
		hp("Tổng số", of, status, ""),
		rateCol("Tỷ lệ (%)", of, "(5) = (4)/(1) × 100", 3, 0),
		hp("Kinh", of, status, MeasureEthnicPfx+"Kinh"),
		hp("Dân tộc thiểu số", of, status, MeasureGroupPfx+"ethnic"),
		rateCol("Tỷ lệ trong dân tộc thiểu số (%)", of, "(8) = (7)/(3) × 100", 6, 2),
		hp("Có người có công với cách mạng", of, status, MeasureGroupPfx+"merit"),
		hp("Không có khả năng lao động", of, status, MeasureGroupPfx+"no_labour"),
		hp("Chủ hộ là nữ", of, status, MeasureGroupPfx+"female_head"),
	}
	return traitDef(name, number, "Tổng hợp kết quả rà soát "+list+" theo chuẩn nghèo đa chiều", []string{"Hộ", "Nhân khẩu"}, cols)
}

// ethnicGroups is report (9): poor and near-poor households by the ethnic group of the
// head: Kinh, every minority together, then one column per minority group present
// among the rows' households, and those whose group is not recorded (regulations.md
// §2.4 item 9 [S]). Its columns depend on the data: Columns holds the fixed ones and
// Specialise makes the table's.
func ethnicGroups() *Definition {
	d := ethnicDef(nil)
	d.Specialise = func(total *Numbers) *Definition {
		seen := map[string]bool{}
		for _, st := range []string{poor, nearPoor} {
			for m, n := range total.Cells[st] {
				if g, ok := strings.CutPrefix(m, MeasureEthnicPfx); ok && n != 0 && g != "Kinh" && !strings.HasSuffix(g, MeasurePersonsSfx) {
					seen[g] = true
				}
			}
		}
		groups := make([]string, 0, len(seen))
		for g := range seen {
			groups = append(groups, g)
		}
		sort.Slice(groups, func(i, j int) bool { return vntext.Fold(groups[i]) < vntext.Fold(groups[j]) })
		return ethnicDef(groups)
	}
	d.MeasurePrefixes = []string{MeasureEthnicPfx}
	return d
}

func ethnicDef(groups []string) *Definition {
	var cols []traitCol
	for _, st := range []string{poor, nearPoor} {
		g := upper(listName(st))
		first := len(cols)
		cols = append(cols, traitCol{Title: "Tổng số", Group: g, status: st, measure: MeasureHouseholds},
			traitCol{Title: "Kinh", Group: g, status: st, measure: MeasureEthnicPfx + "Kinh"},
			traitCol{Title: "Dân tộc thiểu số", Group: g, status: st, measure: MeasureGroupPfx + "ethnic"})
		for _, e := range groups {
			cols = append(cols, traitCol{Title: e, Group: g, status: st, measure: MeasureEthnicPfx + e})
		}
		last := len(cols)
		// Not recorded: the total less Kinh and every group named.
		formula := "(" + itoa(last+1) + ") = (" + itoa(first+1) + ") − (" + itoa(first+2) + ")"
		if last > first+3 {
			formula += " − (" + itoa(first+4) + ")…(" + itoa(last) + ")"
		}
		cols = append(cols, traitCol{Title: "Chưa ghi dân tộc", Group: g, Formula: formula, calc: func(v []float64) float64 {
			r := v[first] - v[first+1]
			for i := first + 3; i < last; i++ {
				r -= v[i]
			}
			return r
		}})
	}
	return traitDef("dan-toc", 9, "Phân tích hộ nghèo, hộ cận nghèo theo dân tộc", []string{""}, cols)
}
