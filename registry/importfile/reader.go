package importfile

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/vntext"
)

// Bounds that keep memory flat whatever the file holds.
const (
	// sampleRows is how many rows are read ahead to detect the encoding and find the
	// header row.
	sampleRows = 200
	// sampleBytes bounds the text given to vntext.Detect.
	sampleBytes = 256 << 10
	// headerSearchRows is how far down the header row may be (title rows above it).
	headerSearchRows = 10
	// maxIssuesPerHousehold bounds the issues returned for one household; the rest
	// are counted in a last issue.
	maxIssuesPerHousehold = 50
)

// rawRow is one row as read, cells not yet decoded.
type rawRow struct {
	cells []string
	row   int
}

// Reader reads households from a CSV or XLSX file, one at a time. It is not safe for
// concurrent use. Close it to remove the temporary file of an XLSX upload.
type Reader struct {
	file   string
	src    source
	dec    decoder
	today  time.Time
	colIdx [numCols]int       // file column of each template column, -1 when absent
	header []string           // header text of each file column
	buf    []rawRow           // rows read ahead, consumed before src
	la     *rawRow            // the row that starts the next household
	issues []Issue            // about the header
	cache  map[string]decoded // decoded cells of closed-list columns, which repeat
	last   *builder           // the household returned last, for IssueFor; reused by Next
	foot   footer             // the rows below the table
	err    error              // sticky error
}

// Open starts reading r, named filename (used in messages and to recognise .xls). It
// reads ahead a few rows to detect the encoding and find the header row, and fails
// with an EINVALID *giamngheo.Error when the file cannot be read or required columns
// are missing. Open does not close r. An XLSX upload is copied to a temporary file
// whole, so the caller bounds its size (http.MaxBytesReader) as for any upload.
func Open(r io.Reader, filename string, opts ...Option) (*Reader, error) {
	src, err := openSource(r, filename)
	if err != nil {
		return nil, err
	}
	rd := &Reader{file: filename, src: src}
	for _, o := range opts {
		o(rd)
	}
	if err := rd.start(); err != nil {
		src.close()
		return nil, err
	}
	return rd, nil
}

// Option sets up a Reader.
type Option func(*Reader)

// Today gives the reader the current instant from the binary's clock: birth dates
// after that day in Vietnam are refused. Without it no birth date is refused as future.
func Today(now time.Time) Option { return func(r *Reader) { r.today = now } }

// Encoding returns the text encoding detected for the file.
func (r *Reader) Encoding() vntext.Encoding { return r.dec.enc }

// HeaderIssues returns the warnings about the header row (unknown columns, skipped).
func (r *Reader) HeaderIssues() []Issue { return r.issues }

// Close releases the file's resources. It does not close the io.Reader given to Open.
func (r *Reader) Close() error {
	if r.src == nil {
		return nil
	}
	err := r.src.close()
	r.src = nil
	if r.err == nil {
		r.err = errors.New("importfile: reader closed")
	}
	return err
}

// start reads the sample, detects the encoding, finds and maps the header row.
func (r *Reader) start() error {
	var sample []byte
	for len(r.buf) < sampleRows {
		cells, row, err := r.src.next()
		if err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		c := append([]string(nil), cells...)
		r.buf = append(r.buf, rawRow{c, row})
		for _, s := range c {
			if !isASCII(s) && len(sample) < sampleBytes {
				sample = append(append(sample, s...), '\n')
			}
		}
	}
	r.dec.enc = vntext.Detect(sample)
	if r.dec.enc == vntext.Unknown {
		r.dec.enc = vntext.UTF8
	}
	m := r.findHeader()
	if m.at < 0 || m.n < 2 {
		vi := fmt.Sprintf("không tìm thấy dòng tiêu đề trong %d dòng đầu (cần các cột %s)", headerSearchRows, requiredHeaders())
		en := fmt.Sprintf("no header row found in the first %d rows (columns %s are needed)", headerSearchRows, requiredHeaders())
		if m.at >= 0 {
			rv, re := m.rows()
			fv, fe := m.found()
			vi, en = vi+"; "+rv+" giống dòng tiêu đề nhất, có: "+fv, en+"; "+re+" comes closest, with: "+fe
		}
		return fileErrorText(r.file, vi, en)
	}
	r.buf = r.buf[m.at+1:]
	for i := range r.colIdx {
		r.colIdx[i] = -1
	}
	r.header = m.texts
	var unknown []string
	// Fallback headers first give way to the others ("Họ và tên chủ hộ" to "Họ và
	// tên thành viên"), then take the columns still free.
	for _, weak := range []bool{false, true} {
		for i, h := range m.texts {
			if h == "" || m.weak[i] != weak {
				continue
			}
			id := m.ids[i]
			if id == noColumn {
				unknown = append(unknown, strconv.Quote(h)+" ("+letter(i)+")")
				continue
			}
			j := r.colIdx[id]
			switch {
			case j >= 0 && weak:
				unknown = append(unknown, strconv.Quote(h)+" ("+letter(i)+", "+strconv.Quote(r.header[j])+" ("+letter(j)+") được dùng / is used)")
				continue
			case j >= 0:
				rv, re := m.rows()
				return fileErrorText(r.file,
					fmt.Sprintf("%s: cột %q (%s) và cột %q (%s) cùng là %q; hãy xoá hoặc đổi tên một cột", rv, r.header[j], letter(j), h, letter(i), columns[id].Header),
					fmt.Sprintf("%s: columns %q (%s) and %q (%s) are both %q; delete or rename one", re, r.header[j], letter(j), h, letter(i), columns[id].Header))
			}
			r.colIdx[id] = i
		}
	}
	var missing []string
	for _, c := range columns {
		if c.Required && r.colIdx[c.id] < 0 {
			missing = append(missing, strconv.Quote(c.Header))
		}
	}
	if len(missing) > 0 {
		rv, re := m.rows()
		fv, fe := m.found()
		return fileErrorText(r.file,
			fmt.Sprintf("thiếu cột bắt buộc: %s. Dòng tiêu đề là %s, có các cột: %s", strings.Join(missing, ", "), rv, fv),
			fmt.Sprintf("required columns missing: %s. The header is %s, with the columns: %s", strings.Join(missing, ", "), re, fe))
	}
	if len(unknown) > 0 {
		r.issues = append(r.issues, newIssue(r.file, m.row, "", "", warningf(
			"các cột không nhận ra, sẽ bỏ qua: %s", "unrecognised columns, skipped: %s", strings.Join(unknown, ", "))))
	}
	// The numbering row under the header, "(1) (2) … (n)".
	for len(r.buf) > 0 && blank(r.buf[0].cells) {
		r.buf = r.buf[1:]
	}
	if len(r.buf) > 0 && isNumberingRow(r.buf[0].cells, len(m.texts)) {
		r.buf = r.buf[1:]
	}
	return nil
}

func requiredHeaders() string {
	var s []string
	for _, c := range columns {
		if c.Required {
			s = append(s, strconv.Quote(c.Header))
		}
	}
	return strings.Join(s, ", ")
}

func letter(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// nextRow returns the next non-blank row.
func (r *Reader) nextRow() (*rawRow, error) {
	for {
		var row *rawRow
		switch {
		case r.la != nil:
			row, r.la = r.la, nil
			return row, nil
		case len(r.buf) > 0:
			row = &r.buf[0]
			r.buf = r.buf[1:]
		default:
			cells, n, err := r.src.next()
			if err != nil {
				return nil, err
			}
			row = &rawRow{cells, n}
		}
		if !blank(row.cells) && !r.skip(row) {
			return row, nil
		}
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// raw returns the raw cell of column id in row, "" when absent.
func (r *Reader) raw(row *rawRow, id colID) string {
	i := r.colIdx[id]
	if i < 0 || i >= len(row.cells) {
		return ""
	}
	return row.cells[i]
}

// Next returns the next household, built from the consecutive rows that share its
// "Mã hộ", with the issues found in them; io.EOF after the last. The household is
// never nil when err is nil; when the issues hold an error it is incomplete and must
// not be stored as it is. Warnings found by registry.Household.Normalize come back as
// warning issues on the member's row.
func (r *Reader) Next() (*registry.Household, []Issue, error) {
	if r.err != nil {
		return nil, nil, r.err
	}
	var b *builder
	for {
		row, err := r.nextRow()
		if err == io.EOF {
			r.endRun()
			if b == nil {
				r.err = io.EOF
				return nil, nil, io.EOF
			}
			break
		}
		if err != nil {
			r.err = err
			return nil, nil, err
		}
		code := r.cell(row, colCode)
		if b != nil && code != "" && code != b.h.Code {
			if row.cells != nil {
				row.cells = append([]string(nil), row.cells...) // the source reuses its slice
			}
			r.la = row
			break
		}
		if b == nil {
			b = r.newBuilder(code)
		}
		b.add(row)
	}
	return b.finish()
}

// newBuilder starts a household. The builder of the previous one is reused: it is
// about a kilobyte, and a province has hundreds of thousands of households.
func (r *Reader) newBuilder(code string) *builder {
	b := r.last
	if b == nil {
		b = &builder{r: r}
		r.last = b
	}
	rows, pasted := b.rows[:0], b.pasted[:0]
	*b = builder{r: r, rows: rows, pasted: pasted}
	b.h = &registry.Household{Code: code, Members: make([]registry.Member, 0, 4)}
	return b
}

// builder gathers the rows of one household.
type builder struct {
	r        *Reader
	h        *registry.Household
	rows     []int           // row of each member
	first    [numCols]string // first non-empty value of each household column
	rawFirst [numCols]string // and its raw cell, to skip decoding repeats
	firstRow [numCols]int    // and its row
	issues   []Issue
	extra    int          // issues beyond maxIssuesPerHousehold
	dropped  int          // member rows beyond poverty.MaxMembers
	firstNo  int          // the household's first row
	lastNo   int          // and its last
	pasted   []pastedCell // cells of the current row decoded from a legacy encoding
}

func (b *builder) issue(row int, id colID, p *problem) {
	if len(b.issues) >= maxIssuesPerHousehold {
		b.extra++
		return
	}
	b.place(row, id, p)
}

// place appends an issue whatever the bound; for the few that must not be lost.
func (b *builder) place(row int, id colID, p *problem) {
	header, let := "", ""
	if id >= 0 {
		header = columns[id].Header
		if i := b.r.colIdx[id]; i >= 0 {
			header, let = b.r.header[i], letter(i)
		}
	}
	b.issues = append(b.issues, newIssue(b.r.file, row, header, let, p))
}

// add reads one member row.
func (b *builder) add(row *rawRow) {
	r, h := b.r, b.h
	b.lastNo = row.row
	if b.firstNo == 0 {
		b.firstNo = row.row
		if h.Code == "" {
			b.issue(row.row, colCode, problemf("thiếu mã hộ", "the household code is missing"))
		}
	}
	for _, c := range columns {
		if c.Level != HouseholdLevel || r.colIdx[c.id] < 0 || c.id == colCode {
			continue
		}
		raw := r.raw(row, c.id)
		if raw == "" || raw == b.rawFirst[c.id] {
			continue // most lists repeat the household's cells verbatim
		}
		v, how := r.decode(c.id, raw)
		switch {
		case v == "":
		case b.first[c.id] == "":
			b.first[c.id], b.rawFirst[c.id], b.firstRow[c.id] = v, raw, row.row
			if !b.read(row.row, c.id, raw, v, how) {
				continue
			}
			if p := setHousehold(h, c.id, v); p != nil {
				b.issue(row.row, c.id, p)
			}
		case valueKey(v) != valueKey(b.first[c.id]):
			b.issue(row.row, c.id, warningf("giá trị %q khác với dòng %d (%q) của cùng hộ; dùng giá trị ở dòng %d",
				"value %q differs from row %d (%q) of the same household; the value of row %d is used",
				v, b.firstRow[c.id], b.first[c.id], b.firstRow[c.id]))
		}
	}
	if len(h.Members) >= poverty.MaxMembers {
		if b.dropped == 0 {
			b.place(row.row, colName, problemf("hộ có hơn %d thành viên; kiểm tra mã hộ (các hộ khác nhau phải có mã khác nhau)",
				"the household has more than %d members; check the household code (different households need different codes)", poverty.MaxMembers))
		}
		b.dropped++
		b.pasted = b.pasted[:0]
		return
	}
	var m registry.Member
	for _, c := range columns {
		if c.Level != MemberLevel || r.colIdx[c.id] < 0 {
			continue
		}
		raw := r.raw(row, c.id)
		v, how := r.decode(c.id, raw)
		if v == "" {
			if c.Required {
				b.issue(row.row, c.id, missing(c))
			}
			continue
		}
		if c.id == colName && (how.enc == vntext.TCVN3 || how.enc == vntext.Unknown && r.dec.enc == vntext.TCVN3) {
			v = vntext.CapitaliseName(v)
		}
		if !b.read(row.row, c.id, raw, v, how) {
			continue
		}
		if p := setMember(&m, c.id, v, r.today); p != nil {
			b.issue(row.row, c.id, p)
		}
	}
	b.flushPasted(row.row)
	h.Members = append(h.Members, m)
	b.rows = append(b.rows, row.row)
}

// missing is the problem of an empty cell in a required column.
func missing(c Column) *problem {
	return &problem{vi: "thiếu " + strings.ToLower(c.Header) + " (cột bắt buộc)", en: strconv.Quote(c.Header) + " is missing (a required column)"}
}

// setHousehold parses a household-level cell into h.
func setHousehold(h *registry.Household, id colID, v string) *problem {
	var p *problem
	s := &h.Survey
	switch id {
	case colProvince:
		h.ProvinceCode = v
	case colCommune:
		h.CommuneCode = v
	case colVillage:
		h.VillageName = v
	case colAddress:
		h.Address = v
	case colPhone:
		h.Phone = v
	case colFarm:
		var f *bool
		if f, p = parseBool(v); f != nil {
			s.FarmHousehold = *f
		}
	case colIncome:
		s.Income12m, p = parseMoney(v)
	case colWalls:
		s.HouseWallsDurable, p = parseBool(v)
	case colColumns:
		s.HouseColumnsDurable, p = parseBool(v)
	case colRoof:
		s.HouseRoofDurable, p = parseBool(v)
	case colFloorArea:
		s.FloorAreaM2, p = parseArea(v)
	case colWater:
		s.WaterSource, p = parseChoice(waterChoices, v)
	case colLatrine:
		s.Latrine, p = parseChoice(latrineChoices, v)
	case colTelecom:
		s.Telecom, p = parseBool(v)
	case colDevices:
		s.Devices, p = parseDevices(v)
	case colWaste:
		s.WasteTreated, p = parseBool(v)
	case colArea:
		s.Area, p = parseChoice(areaChoices, v)
	case colRegion:
		s.Region, p = parseChoice(regionChoices, v)
	case colAnnualCrop:
		h.Livelihood.AnnualCropLandM2, p = parseLand(v)
	case colPerennialCrop:
		h.Livelihood.PerennialCropLandM2, p = parseLand(v)
	case colAquaculture:
		h.Livelihood.AquacultureM2, p = parseLand(v)
	case colForest:
		h.Livelihood.ForestLandM2, p = parseLand(v)
	case colCattle:
		h.Livelihood.Cattle, p = parseCount(v)
	case colPigs:
		h.Livelihood.Pigs, p = parseCount(v)
	case colPoultry:
		h.Livelihood.Poultry, p = parseCount(v)
	case colMerit:
		var f *bool
		if f, p = parseBool(v); f != nil {
			h.Traits.Merit = *f
		}
	case colNoLabour:
		h.Traits.NoLabourOverride, p = parseBool(v)
	case colCauses:
		h.Traits.Causes, p = parseList(causeChoices, v)
	case colNeeds:
		h.Traits.Needs, p = parseList(needChoices, v)
	case colRecognised, colDecisionNumber, colDecisionDate, colCertificate:
		p = setRecognition(&h.Recognised, id, v)
	}
	return p
}

// setMember parses a member-level cell into m.
func setMember(m *registry.Member, id colID, v string, today time.Time) *problem {
	var p *problem
	switch id {
	case colName:
		m.Name = v
	case colRelation:
		m.Relation, p = parseChoice(relationChoices, v)
	case colSex:
		m.Sex, p = parseChoice(sexChoices, v)
	case colBirthDate:
		m.BirthDate, p = parseDate(v, today)
	case colEthnicity:
		m.Ethnicity = v
	case colNationalID:
		m.NationalID, p = parseNationalID(v)
	case colHealthInsurance:
		m.HealthInsurance, p = parseBool(v)
	case colSchooling:
		m.Schooling, p = parseChoice(schoolingChoices, v)
	case colEmployment:
		m.Employment, p = parseChoice(employmentChoices, v)
	case colDisability:
		var f *bool
		if f, p = parseBool(v); f != nil {
			m.DisabilityAllowance = *f
		}
	case colMalnourished:
		m.Malnourished, p = parseBool(v)
	case colAllowance:
		m.SocialAllowance, p = parseAllowance(v)
	}
	return p
}

// finish settles the head, normalises and validates the household.
func (b *builder) finish() (*registry.Household, []Issue, error) {
	h, r := b.h, b.r
	for _, c := range columns {
		if c.Required && c.Level == HouseholdLevel && c.id != colCode && b.first[c.id] == "" {
			b.issue(b.firstNo, c.id, missing(c))
		}
	}
	if len(h.Members) > 0 {
		heads := 0
		for _, m := range h.Members {
			if m.Relation == registry.RelationHead {
				heads++
			}
		}
		switch {
		case heads > 1:
			for i, m := range h.Members {
				if m.Relation == registry.RelationHead && i > 0 {
					b.issue(b.rows[i], colRelation, problemf("hộ có hai chủ hộ (xem dòng %d)", "the household has two heads (see row %d)", b.rows[0]))
				}
			}
		case heads == 0 && h.Members[0].Relation == "":
			h.Members[0].Relation = registry.RelationHead
			if r.colIdx[colRelation] >= 0 {
				b.issue(b.rows[0], colRelation, warningf("không ghi quan hệ với chủ hộ; coi người ở dòng đầu của hộ là chủ hộ",
					"no relation to the head; the person on the household's first row is taken as head"))
			}
		case heads == 0:
			b.issue(b.rows[0], colRelation, problemf("hộ không có ai là Chủ hộ; ghi Chủ hộ ở dòng của người đứng đầu hộ",
				"no member is the head; write Chủ hộ on the row of the head of household"))
		}
		if i := h.Head(); i >= 0 {
			h.HeadName = h.Members[i].Name
		}
	}
	h.Normalize()
	for _, w := range h.Warnings {
		row, id := b.locate(w.Field)
		b.issue(row, id, &problem{vi: b.r.officerText(w.Message, true), en: b.r.officerText(w.MessageEN, false), warning: true})
	}
	if !HasError(b.issues) {
		if err := h.Validate(); err != nil {
			var e *giamngheo.Error
			if !errors.As(err, &e) {
				return nil, nil, err
			}
			row, id := b.locate(e.Field)
			b.issue(row, id, &problem{vi: r.officerText(e.Message, true), en: r.officerText(e.MessageEN, false)})
		}
	}
	if b.extra > 0 {
		b.issues = append(b.issues, newIssue(r.file, b.firstNo, "", "", problemf(
			"và %d vấn đề khác ở hộ %s", "and %d more issues in household %s", b.extra, h.Code)))
	}
	return h, b.issues, nil
}

// IssueFor places a problem found after reading (by the registry service, or a
// Duplicate) on the file, row and column of the household Next returned last. field is
// a validation path as in giamngheo.Error.Field ("commune_code",
// "members[2].national_id", "survey.income_12m"); an unknown or empty path points at
// the household's first row. severity is SeverityError or SeverityWarning.
//
// A field name the message gives in parentheses ("Thiếu thu nhập 12 tháng
// (income_12m)") is replaced by the column as the officer sees it in the file.
func (r *Reader) IssueFor(field, vi, en, severity string) Issue {
	p := &problem{vi: r.officerText(vi, true), en: r.officerText(en, false), warning: severity == SeverityWarning}
	if r.last == nil {
		return newIssue(r.file, 0, "", "", p)
	}
	b := r.last
	b.issues, b.extra = nil, 0
	row, id := b.locate(field)
	b.issue(row, id, p)
	return b.issues[0]
}

// fieldColumns maps a validation field path (without the members[i] prefix) to its
// column.
var fieldColumns = func() map[string]colID {
	m := map[string]colID{"code": colCode, "village_name": colVillage, "head_name": colName,
		"survey.members": colName, "members": colName}
	for _, c := range columns {
		m[c.Key] = c.id
		m["survey."+c.Key] = c.id
		m["livelihood."+c.Key] = c.id
	}
	return m
}()

// noColumn marks an issue about a whole row.
const noColumn colID = -1

// locate returns the row and column a field path points at.
func (b *builder) locate(field string) (int, colID) {
	row := b.firstNo
	if rest, ok := strings.CutPrefix(field, "members["); ok {
		if j := strings.IndexByte(rest, ']'); j > 0 {
			if i, err := strconv.Atoi(rest[:j]); err == nil && i < len(b.rows) {
				row = b.rows[i]
			}
			field = strings.TrimPrefix(rest[j+1:], ".")
		}
	}
	if id, ok := fieldColumns[field]; ok {
		return row, id
	}
	return row, noColumn
}
