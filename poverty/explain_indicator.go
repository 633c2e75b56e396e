package poverty

import "fmt"

// indicators writes one line per deprived indicator, then one per undetermined
// indicator, then the indicators not deprived and the count against the rule.
func (x *explainer) indicators() {
	var clean []Text
	var undetermined []ExplanationLine
	for _, spec := range x.std.Indicators {
		id, _ := spec.Key.id()
		f := &x.a.findings[id]
		switch f.state {
		case deprived:
			fact, who := x.deprivedFact(id, f)
			x.add(TopicDeprived, spec.Key, who, Text{
				fmt.Sprintf("Thiếu hụt «%s»: %s.", spec.Name.VI, fact.VI),
				fmt.Sprintf("Deprived in “%s”: %s.", spec.Name.EN, fact.EN),
			})
		case unknown:
			fact := x.unknownFact(id, f)
			undetermined = append(undetermined, ExplanationLine{Topic: TopicUnknown, Indicator: spec.Key, Members: f.unknown.indexes(), Text: Text{
				fmt.Sprintf("Chưa xác định «%s»: %s; chỉ số này tạm tính là không thiếu hụt.", spec.Name.VI, fact.VI),
				fmt.Sprintf("Undetermined “%s”: %s; counted as not deprived for now.", spec.Name.EN, fact.EN),
			}})
		default:
			clean = append(clean, spec.Name)
		}
	}
	x.lines = append(x.lines, undetermined...)
	if len(clean) > 0 {
		j := joinText(clean, ", ")
		x.add(TopicNotDeprived, "", 0, Text{"Không thiếu hụt: " + j.VI + ".", "Not deprived: " + j.EN + "."})
	}
	r, s := x.r, x.std
	x.addf(TopicDeprivations,
		"Số chỉ số thiếu hụt: %d/%d (điểm B2 = %d). Hộ nghèo khi thu nhập không vượt chuẩn và thiếu hụt từ %d chỉ số (B2 ≥ %d).",
		"Deprivations: %d of %d (B2 score = %d). A household is poor when its income is at or below the line and at least %d indicators are deprived (B2 ≥ %d).",
		r.DeprivationCount, len(s.Indicators), r.DeprivationScore, s.PoorMinDeprivations, s.ScorePoorMin)
}

// deprivedFact says what made the household deprived in indicator id, and which
// members.
func (x *explainer) deprivedFact(id indicatorID, f *finding) (Text, MemberSet) {
	h, t := x.h, &x.std.Thresholds
	switch id {
	case idEmployment:
		return x.perMember(f.members, func(m *Member) Text {
			if m.Employment == Unemployed {
				return Text{"trong độ tuổi lao động, đang thất nghiệp", "of working age and unemployed"}
			}
			return Text{"làm công hưởng lương không có hợp đồng lao động", "works for wages without a labour contract"}
		}), f.members
	case idDependants:
		n := len(h.Members)
		share := 100 * float64(f.count) / float64(n)
		who := x.perMemberAge(f.members, x.dependantReason)
		return Text{
			fmt.Sprintf("%d/%d thành viên là người phụ thuộc (%s%%, trên %d%%): %s", f.count, n, decimalVI(share, 1), t.DependantSharePercent, who.VI),
			fmt.Sprintf("%d of %d members are dependants (%s%%, more than %d%%): %s", f.count, n, decimalEN(share, 1), t.DependantSharePercent, who.EN),
		}, f.members
	case idNutrition:
		return x.perMember(f.members, func(*Member) Text {
			return Text{fmt.Sprintf("dưới %d tuổi, bị suy dinh dưỡng (thấp còi hoặc nhẹ cân)", t.NutritionChildAgeBelow),
				fmt.Sprintf("under %d, stunted or underweight", t.NutritionChildAgeBelow)}
		}), f.members
	case idHealthInsurance:
		return x.perMember(f.members, func(*Member) Text {
			return Text{fmt.Sprintf("từ %d tuổi trở lên, không có thẻ bảo hiểm y tế", t.HealthInsuranceAgeMin),
				fmt.Sprintf("aged %d or more, without health insurance", t.HealthInsuranceAgeMin)}
		}), f.members
	case idAdultEducation:
		return x.perMemberAge(f.members, func(m *Member, age int) Text {
			level, _ := labelOf(schoolings, m.Schooling)
			if age < t.AdultEducationUpperAgeMin {
				return Text{fmt.Sprintf("không đi học, chưa tốt nghiệp trung học cơ sở (yêu cầu từ %d đến dưới %d tuổi); trình độ: %s", t.AdultEducationAgeMin, t.AdultEducationUpperAgeMin, level.VI),
					fmt.Sprintf("not studying, lower secondary not completed (required from %d to under %d); level: %s", t.AdultEducationAgeMin, t.AdultEducationUpperAgeMin, level.EN)}
			}
			return Text{fmt.Sprintf("không đi học, chưa tốt nghiệp trung học phổ thông và không có bằng/chứng chỉ nghề (yêu cầu từ %d đến %d tuổi); trình độ: %s", t.AdultEducationUpperAgeMin, t.AdultEducationAgeMax, level.VI),
				fmt.Sprintf("not studying, without upper secondary or a vocational qualification (required from %d to %d); level: %s", t.AdultEducationUpperAgeMin, t.AdultEducationAgeMax, level.EN)}
		}), f.members
	case idChildSchooling:
		return x.perMember(f.members, func(m *Member) Text {
			st, _ := labelOf(schoolings, m.Schooling)
			return Text{fmt.Sprintf("từ %d đến dưới %d tuổi, không đi học đúng cấp/lớp theo độ tuổi (%s)", t.ChildSchoolingAgeMin, t.ChildSchoolingAgeBelow, st.VI),
				fmt.Sprintf("aged %d to under %d, not attending the level for age (%s)", t.ChildSchoolingAgeMin, t.ChildSchoolingAgeBelow, st.EN)}
		}), f.members
	case idHousingQuality:
		parts := x.structures(func(p *bool) bool { return p != nil && !*p })
		return Text{
			fmt.Sprintf("%d/3 kết cấu chính làm bằng vật liệu không bền chắc (%s); thiếu hụt từ %d kết cấu", f.count, parts.VI, t.HousingNonDurableMin),
			fmt.Sprintf("%d of 3 main structures are of non-durable materials (%s); deprived from %d", f.count, parts.EN, t.HousingNonDurableMin),
		}, 0
	case idHousingArea:
		n := len(h.Members)
		per := *h.FloorAreaM2 / float64(n)
		return Text{
			fmt.Sprintf("%s m² / %d người = %s m²/người, dưới %s m²/người", decimalVI(*h.FloorAreaM2, 2), n, decimalVI(per, 2), decimalVI(t.HousingAreaPerPersonM2, 2)),
			fmt.Sprintf("%s m² / %d persons = %s m² per person, less than %s m² per person", decimalEN(*h.FloorAreaM2, 2), n, decimalEN(per, 2), decimalEN(t.HousingAreaPerPersonM2, 2)),
		}, 0
	case idWater:
		l, _ := labelOf(waterSources, h.WaterSource)
		return Text{fmt.Sprintf("nguồn nước chính: %s — không phải nguồn nước sạch", l.VI),
			fmt.Sprintf("main water source: %s, which is not a clean source", l.EN)}, 0
	case idLatrine:
		l, _ := labelOf(latrines, h.Latrine)
		return Text{fmt.Sprintf("loại nhà tiêu: %s — không phải nhà tiêu hợp vệ sinh", l.VI),
			fmt.Sprintf("latrine: %s, which is not hygienic", l.EN)}, 0
	case idTelecom:
		return Text{"không thành viên nào sử dụng dịch vụ viễn thông (điện thoại, internet)",
			"no member uses telecommunication services (phone, internet)"}, 0
	case idInfoDevices:
		want := labels(devices, t.InfoDevices)
		t := Text{"hộ không có phương tiện nào trong số: " + want.VI, "the household owns none of: " + want.EN}
		if len(h.Devices) > 0 {
			have := labels(devices, h.Devices)
			t.VI += " (hộ có: " + have.VI + ")"
			t.EN += " (it owns: " + have.EN + ")"
		}
		return t, 0
	case idWaste:
		return Text{"rác thải sinh hoạt của hộ không được thu gom hoặc xử lý hợp vệ sinh",
			"the household's waste is neither collected nor treated hygienically"}, 0
	}
	return Text{}, 0
}

// unknownFact says which answers are missing for indicator id.
func (x *explainer) unknownFact(id indicatorID, f *finding) Text {
	var what Text
	switch id {
	case idEmployment:
		what = Text{"việc làm", "employment"}
	case idNutrition:
		what = Text{"tình trạng dinh dưỡng", "nutrition status"}
	case idHealthInsurance:
		what = Text{"thẻ bảo hiểm y tế", "health insurance"}
	case idAdultEducation, idChildSchooling:
		what = Text{"trình độ học vấn, tình trạng đi học", "schooling"}
	case idHousingQuality:
		parts := x.structures(func(p *bool) bool { return p == nil })
		return Text{
			fmt.Sprintf("chưa có thông tin vật liệu của %s; đã biết %d kết cấu không bền chắc", parts.VI, f.count),
			fmt.Sprintf("the materials of %s are not recorded; %d structures are known to be non-durable", parts.EN, f.count),
		}
	case idHousingArea:
		return Text{"chưa có diện tích nhà ở (floor_area_m2)", "the floor area (floor_area_m2) is not recorded"}
	case idWater:
		return Text{"chưa có nguồn nước sinh hoạt (water_source)", "the water source (water_source) is not recorded"}
	case idLatrine:
		return Text{"chưa có loại nhà tiêu (latrine)", "the latrine type (latrine) is not recorded"}
	case idTelecom:
		return Text{"chưa có thông tin sử dụng dịch vụ viễn thông (telecom)", "telecom use (telecom) is not recorded"}
	case idInfoDevices:
		return Text{"chưa có danh sách phương tiện (devices)", "the device list (devices) is not recorded"}
	case idWaste:
		return Text{"chưa có thông tin thu gom, xử lý rác thải (waste_treated)", "waste treatment (waste_treated) is not recorded"}
	}
	who := x.members(f.unknown)
	return Text{"chưa có thông tin " + what.VI + " của " + who.VI, what.EN + " not recorded for " + who.EN}
}

// perMember writes "member …: fact; member …: fact" for the members of s.
func (x *explainer) perMember(s MemberSet, fact func(*Member) Text) Text {
	return x.perMemberAge(s, func(m *Member, _ int) Text { return fact(m) })
}

func (x *explainer) perMemberAge(s MemberSet, fact func(*Member, int) Text) Text {
	idx := s.Indexes()
	parts := make([]Text, len(idx))
	for j, i := range idx {
		who, f := x.member(i), fact(&x.h.Members[i], int(x.ages[i].age))
		parts[j] = Text{who.VI + ", " + f.VI, who.EN + ", " + f.EN}
	}
	return joinText(parts, "; ")
}

// dependantReason says why a member aged age counts as a dependant.
func (x *explainer) dependantReason(m *Member, age int) Text {
	t := &x.std.Thresholds
	child, elderly, disabled := dependant(age, m.DisabilityAllowance, t)
	var parts []Text
	if child {
		parts = append(parts, Text{fmt.Sprintf("trẻ em dưới %d tuổi", t.DependantChildAgeBelow), fmt.Sprintf("child under %d", t.DependantChildAgeBelow)})
	}
	if elderly {
		parts = append(parts, Text{fmt.Sprintf("từ %d tuổi trở lên", t.DependantElderlyAgeMin), fmt.Sprintf("aged %d or more", t.DependantElderlyAgeMin)})
	}
	if disabled {
		parts = append(parts, Text{"người khuyết tật hưởng trợ cấp xã hội hằng tháng", "person with a disability on the monthly social allowance"})
	}
	return joinText(parts, ", ")
}

// structures lists the main structures (walls, columns, roof) whose answer matches.
func (x *explainer) structures(match func(*bool) bool) Text {
	var parts []Text
	for j, p := range [3]*bool{x.h.HouseWallsDurable, x.h.HouseColumnsDurable, x.h.HouseRoofDurable} {
		if match(p) {
			parts = append(parts, [3]Text{{"tường", "walls"}, {"cột", "columns"}, {"mái", "roof"}}[j])
		}
	}
	return joinText(parts, ", ")
}

// labels joins the labels of values.
func labels[T ~string](list []label[T], values []T) Text {
	parts := make([]Text, len(values))
	for i, v := range values {
		parts[i], _ = labelOf(list, v)
	}
	return joinText(parts, ", ")
}
