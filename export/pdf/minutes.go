package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// MeetingMinutes is the record of the village meeting (họp dân) that discusses the
// review results. The village head chairs it; it needs the agreement of at least
// 50% of the attendees on each household's result, otherwise the household is
// reviewed again; two copies are signed, one kept by the village and one sent to the
// commune steering committee (Decision 24/2021/QĐ-TTg, Art. 4, step 3;
// regulations.md §3.4 [V]).
type MeetingMinutes struct {
	Commune    string    // "Xã Thanh Hải" (required)
	Village    string    // "Thôn Đông" (required)
	Round      Round     // the review discussed
	Start      time.Time // date and time the meeting opened (required); 00:00 leaves the time blank to fill in
	End        time.Time // time it closed; zero prints no closing time
	Location   string    // empty leaves a blank to fill in: the place is never invented
	Chair      string    // the chair, normally the village head (required)
	ChairTitle string    // the chair's position; empty: "Tổ trưởng tổ dân phố" for a tổ dân phố, else "Trưởng thôn"
	Secretary  string    // required
	Attendees  int       // people present (required, > 0)
	Supervisor string    // representative of the commune Fatherland Front, invited to supervise; optional
	Households []VotedHousehold
	// Representatives are the household representatives who sign the minutes with
	// the chair and the secretary.
	Representatives []string
}

// VotedHousehold is one household discussed at the meeting and its vote.
type VotedHousehold struct {
	Household
	Proposed  Category // the result proposed by the review
	Agree     int      // attendees agreeing with the proposed result
	Attendees int      // attendees when the vote was taken; 0 = the meeting's Attendees
}

// agreed applies the 50% rule: at least half of the attendees agree, so exactly half
// is enough (Decision 24/2021/QĐ-TTg, Art. 4, step 3; regulations.md §3.4 [V]; the
// same rule as review.MeetingOutcome).
func agreed(agree, attendees int) bool { return 2*agree >= attendees }

// validate checks doc before anything is drawn.
func (doc *MeetingMinutes) validate() error {
	if doc == nil {
		return invalid("doc", "Thiếu biên bản họp dân (trường %s).", "The meeting minutes are missing (field %s).", "doc")
	}
	if err := requireText("commune", doc.Commune, "tên xã, phường", "The commune name"); err != nil {
		return err
	}
	if err := requireText("village", doc.Village, "tên thôn, tổ dân phố", "The village name"); err != nil {
		return err
	}
	if err := doc.Round.validate("round"); err != nil {
		return err
	}
	if doc.Start.IsZero() {
		return invalid("start", "Thiếu thời gian họp (trường %s).", "The meeting time is missing (field %s).", "start")
	}
	if !doc.End.IsZero() && doc.End.Before(doc.Start) {
		return invalid("end", "Giờ kết thúc trước giờ bắt đầu (trường %s).", "The meeting ends before it starts (field %s).", "end")
	}
	if err := requireText("chair", doc.Chair, "người chủ trì", "The chair"); err != nil {
		return err
	}
	if err := requireText("secretary", doc.Secretary, "thư ký", "The secretary"); err != nil {
		return err
	}
	if doc.Attendees <= 0 {
		return invalid("attendees", "Số người dự họp phải lớn hơn 0 (trường %s, đang là %d).",
			"The number of attendees must be greater than 0 (field %s, got %d).", "attendees", doc.Attendees)
	}
	if len(doc.Households) == 0 {
		return invalid("households", "Biên bản chưa có hộ nào được đưa ra họp (trường %s).",
			"The minutes list no household (field %s).", "households")
	}
	for i, h := range doc.Households {
		f := fmt.Sprintf("households[%d]", i)
		if err := h.validate(f); err != nil {
			return err
		}
		if !h.Proposed.valid() {
			return invalid(f+".proposed", "Kết quả đề xuất phải là hộ nghèo, cận nghèo, thoát nghèo hoặc thoát cận nghèo (trường %s).",
				"The proposed result must be poor, near-poor, escaped poor or escaped near-poor (field %s).", f+".proposed")
		}
		n := h.attendees(doc.Attendees)
		if n <= 0 || n > doc.Attendees {
			return invalid(f+".attendees", "Số người dự khi biểu quyết phải từ 1 đến %[2]d (trường %[1]s).",
				"The attendees at the vote must be between 1 and %[2]d (field %[1]s).", f+".attendees", doc.Attendees)
		}
		if h.Agree < 0 || h.Agree > n {
			return invalid(f+".agree", "Số người đồng ý phải từ 0 đến %[2]d (trường %[1]s).",
				"The number who agree must be between 0 and %[2]d (field %[1]s).", f+".agree", n)
		}
	}
	return nil
}

// attendees is the number present at the vote on h.
func (h VotedHousehold) attendees(meeting int) int {
	if h.Attendees == 0 {
		return meeting
	}
	return h.Attendees
}

// blank is a dotted space the officer fills in by hand on the printed minutes.
const blank = "………………………………"

// chairTitleOf is the position of the person who chairs the meeting of a village: the
// head of a residential group (tổ dân phố) in a ward, the village head elsewhere.
func chairTitleOf(village string) string {
	v := strings.ToLower(village)
	switch {
	case strings.HasPrefix(v, "tổ dân phố") || strings.HasPrefix(v, "tdp"):
		return "Tổ trưởng tổ dân phố"
	case strings.HasPrefix(v, "khu phố"):
		return "Trưởng khu phố"
	}
	return "Trưởng thôn"
}

// clock writes a time of day as in minutes: "08 giờ 30".
func clock(t time.Time) string {
	return pad2(t.Hour()) + " giờ " + pad2(t.Minute())
}

// WriteMeetingMinutes writes the minutes of a village meeting to w.
func WriteMeetingMinutes(w io.Writer, doc *MeetingMinutes) error {
	if err := doc.validate(); err != nil {
		return err
	}
	if w == nil {
		return invalid("w", "Thiếu nơi ghi tệp (trường %s).", "No writer to write to (field %s).", "w")
	}
	village, commune := oneLine(doc.Village), oneLine(doc.Commune)
	location := oneLine(doc.Location)
	if location == "" {
		location = blank
	}
	chairTitle := oneLine(doc.ChairTitle)
	if chairTitle == "" {
		chairTitle = chairTitleOf(village)
	}

	l := newLayout("Biên bản họp dân rà soát hộ nghèo, hộ cận nghèo")
	l.adminHeader(header{Upper: "UBND " + upper(commune), Lower: upper(village)})
	l.title("BIÊN BẢN HỌP DÂN",
		"Rà soát hộ nghèo, hộ cận nghèo "+doc.Round.phrase())
	at := clock(doc.Start)
	if doc.Start.Hour() == 0 && doc.Start.Minute() == 0 {
		at = "……… giờ ………"
	}
	l.para("Hôm nay, vào lúc "+at+", "+longDate(doc.Start)+", tại "+location+", "+
		lowerFirst(commune)+", "+lowerFirst(village)+" tổ chức họp dân để thống nhất kết quả "+
		doc.Round.kind()+" hộ nghèo, hộ cận nghèo "+doc.Round.phrase()+".", style{})

	l.para("I. THÀNH PHẦN THAM DỰ", style{bold: true})
	l.runs(run{text: "- Chủ trì:"}, run{text: oneLine(doc.Chair), bold: true}, run{text: "– " + chairTitle})
	l.runs(run{text: "- Thư ký:"}, run{text: oneLine(doc.Secretary), bold: true})
	if s := oneLine(doc.Supervisor); s != "" {
		l.runs(run{text: "- Giám sát:"}, run{text: s, bold: true},
			run{text: "– đại diện Ủy ban Mặt trận Tổ quốc Việt Nam " + lowerFirst(commune)})
	}
	l.runs(run{text: "- Tổng số người tham dự:"}, run{text: strconv.Itoa(doc.Attendees) + " người.", bold: true})

	l.space(2, 30)
	l.para("II. NỘI DUNG", style{bold: true})
	l.para("Cuộc họp đã nghe báo cáo kết quả rà soát, thảo luận và biểu quyết đối với từng hộ gia đình sau "+
		"(kết quả được thống nhất khi có từ 50% số người tham dự trở lên đồng ý):", style{})
	t := l.newTable([]column{
		{title: "STT", w: 9, align: "C"},
		{title: "Họ và tên chủ hộ", w: 38},
		{title: "Địa chỉ", w: 26},
		{title: "Kết quả rà soát đề xuất", w: 26},
		{title: "Số đồng ý / số tham dự", w: 22, align: "C"},
		{title: "Tỷ lệ đồng ý", w: 17, align: "R"},
		{title: "Kết luận", w: 22, align: "C"},
	})
	ok, again := 0, 0
	for i, h := range doc.Households {
		n := h.attendees(doc.Attendees)
		outcome := "Rà soát lại"
		if agreed(h.Agree, n) {
			outcome = "Thống nhất"
			ok++
		} else {
			again++
		}
		t.row(false, strconv.Itoa(i+1), h.Head, h.Address, h.Proposed.Label(),
			strconv.Itoa(h.Agree)+"/"+strconv.Itoa(n), percent(h.Agree, n), outcome)
	}
	t.end()

	l.space(2, 25)
	l.para("III. KẾT LUẬN", style{bold: true})
	l.para("- Số hộ được thống nhất kết quả: "+strconv.Itoa(ok)+" hộ.", style{})
	l.para("- Số hộ chưa đạt từ 50% số người tham dự đồng ý, phải rà soát lại và họp lại: "+
		strconv.Itoa(again)+" hộ.", style{})
	if !doc.End.IsZero() {
		l.para("Cuộc họp kết thúc vào lúc "+clock(doc.End)+" cùng ngày.", style{})
	}
	// Two copies: one for the village, one for the commune steering committee
	// (Decision 24/2021/QĐ-TTg, Art. 4, step 3; regulations.md §3.4 [V]).
	l.para("Biên bản được lập thành 02 bản: 01 bản lưu tại thôn, 01 bản gửi Ban Chỉ đạo rà soát hộ nghèo, hộ cận nghèo "+
		lowerFirst(commune)+".", style{})

	l.columns(
		Signature{Title: "THƯ KÝ", Name: doc.Secretary}.lines(),
		Signature{Title: "CHỦ TRÌ", Name: doc.Chair}.lines(),
	)
	if len(doc.Representatives) > 0 {
		l.space(2, 30)
		l.para("ĐẠI DIỆN CÁC HỘ GIA ĐÌNH", style{bold: true, align: "C"})
		t := l.newTable([]column{
			{title: "STT", w: 9, align: "C"},
			{title: "Họ và tên", w: 60},
			{title: "Chữ ký", w: 60},
		})
		t.minLines = 2
		for i, r := range doc.Representatives {
			t.row(false, strconv.Itoa(i+1), r, "")
		}
		t.end()
	}
	return l.output(w)
}
