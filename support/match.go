package support

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/poverty"
	"giamngheo/vntext"
)

// Row is one line of an agency's beneficiary list, as read from the file.
type Row struct {
	Line          int     `json:"line"`
	NationalID    string  `json:"national_id,omitempty"`
	HouseholdCode string  `json:"household_code,omitempty"`
	Name          string  `json:"name,omitempty"`
	BirthDate     string  `json:"birth_date,omitempty"` // YYYY-MM-DD
	Commune       string  `json:"commune,omitempty"`    // code or name
	Day           string  `json:"day,omitempty"`
	Quantity      float64 `json:"quantity,omitempty"`
	Amount        int64   `json:"amount,omitempty"`
	Source        Source  `json:"source,omitempty"`
	Note          string  `json:"note,omitempty"`
}

// Outcome is how a row matched.
type Outcome string

// The outcomes of a row.
const (
	Matched   Outcome = "matched"
	Unmatched Outcome = "unmatched"
	Ambiguous Outcome = "ambiguous"
)

// Match is the outcome of one row.
type Match struct {
	Row     Row
	Outcome Outcome
	// By says what matched: "national_id", "household_code" or "name_birth".
	By string
	// Why explains an unmatched row.
	Why        poverty.Text
	Candidates []Candidate
}

// MatchReport is a beneficiary list matched against the registry, to be reviewed
// before it is committed.
type MatchReport struct {
	Type                          string
	File                          string
	Matches                       []Match
	Matched, Unmatched, Ambiguous int
}

var communeCodeRE = regexp.MustCompile(`^\d{5}$`)

// MatchList matches the rows of a beneficiary list of support type typeCode against
// the registry of the actor's scope: by national ID, else by household code, else by
// name, date of birth and commune. Nothing is written.
func (s *Service) MatchList(ctx context.Context, typeCode, file string, rows []Row) (*MatchReport, error) {
	t, ok := TypeByCode(typeCode)
	if !ok {
		return nil, unknownType(typeCode)
	}
	if err := MayRecord(ctx, t); err != nil {
		return nil, err
	}
	scope, err := s.communes(ctx)
	if err != nil {
		return nil, err
	}
	var inScope func(Candidate) bool
	if scope == nil {
		inScope = func(Candidate) bool { return true }
	} else {
		set := make(map[string]bool, len(scope))
		for _, c := range scope {
			set[c] = true
		}
		inScope = func(c Candidate) bool { return set[c.CommuneCode] }
	}
	// The names of the scope's communes, read only when a row names its commune.
	var names map[string]string
	for _, row := range rows {
		if row.NationalID == "" && row.HouseholdCode == "" && row.Commune != "" && !communeCodeRE.MatchString(strings.TrimSpace(row.Commune)) {
			if names, err = s.communeNames(ctx, scope); err != nil {
				return nil, err
			}
			break
		}
	}
	// The candidates of every national ID and household code of the list, a chunk of
	// keys per query rather than a query per row.
	var ids, codes []string
	for _, row := range rows {
		if row.NationalID != "" {
			ids = append(ids, row.NationalID)
		} else if row.HouseholdCode != "" {
			codes = append(codes, strings.TrimSpace(row.HouseholdCode))
		}
	}
	byID, err := candidatesBy(ctx, ids, s.Store.CandidatesByNationalID, func(c Candidate) string { return c.NationalID })
	if err != nil {
		return nil, err
	}
	byCode, err := candidatesBy(ctx, codes, s.Store.CandidatesByHouseholdCodes, func(c Candidate) string { return c.HouseholdCode })
	if err != nil {
		return nil, err
	}
	rep := &MatchReport{Type: t.Code, File: file}
	for _, row := range rows {
		m := Match{Row: row}
		var cands []Candidate
		switch {
		case row.NationalID != "":
			m.By = "national_id"
			cands = byID[row.NationalID]
		case row.HouseholdCode != "":
			m.By = "household_code"
			cands = byCode[strings.TrimSpace(row.HouseholdCode)]
			if t.Person {
				cands = byPerson(cands, row)
			} else {
				cands = oneRowPerHousehold(cands)
			}
		case row.Name != "" && row.BirthDate != "" && row.Commune != "":
			m.By = "name_birth"
			code := strings.TrimSpace(row.Commune)
			if !communeCodeRE.MatchString(code) {
				code = names[strings.Join(strings.Fields(vntext.Fold(row.Commune)), " ")]
			}
			if code != "" {
				cands, err = s.Store.CandidatesByBirthDate(ctx, []string{code}, row.BirthDate)
				cands = byName(cands, row.Name)
			}
		default:
			m.Why = poverty.Text{VI: "Dòng thiếu số định danh, mã hộ, hoặc họ tên + ngày sinh + xã", EN: "The row lacks a national ID, a household code, or name + date of birth + commune"}
		}
		if err != nil {
			return nil, err
		}
		var kept []Candidate
		for _, c := range cands {
			if inScope(c) {
				kept = append(kept, c)
			}
		}
		m.Candidates = kept
		switch {
		case len(kept) == 1:
			m.Outcome = Matched
			rep.Matched++
		case len(kept) > 1:
			m.Outcome = Ambiguous
			rep.Ambiguous++
		default:
			m.Outcome = Unmatched
			if m.Why.VI == "" {
				m.Why = poverty.Text{VI: "Không tìm thấy trong danh sách hộ thuộc phạm vi", EN: "Not found in the registry of your scope"}
			}
			rep.Unmatched++
		}
		rep.Matches = append(rep.Matches, m)
	}
	return rep, nil
}

// matchChunk is the number of keys looked up in one query: small enough for an IN
// list on SQLite (at most 32,766 parameters) and for PostgreSQL's = ANY.
const matchChunk = 500

// candidatesBy looks the distinct keys up a chunk at a time and groups the candidates
// by their key.
func candidatesBy(ctx context.Context, keys []string, find func(context.Context, []string) ([]Candidate, error), key func(Candidate) string) (map[string][]Candidate, error) {
	out := map[string][]Candidate{}
	seen := map[string]bool{}
	var distinct []string
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			distinct = append(distinct, k)
		}
	}
	for i := 0; i < len(distinct); i += matchChunk {
		cs, err := find(ctx, distinct[i:min(len(distinct), i+matchChunk)])
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out[key(c)] = append(out[key(c)], c)
		}
	}
	return out, nil
}

// byPerson keeps the members of a household-code match that the row names (and whose
// birth date it gives); a row without a name matches no person.
func byPerson(cs []Candidate, row Row) []Candidate {
	if row.Name == "" {
		return nil
	}
	cs = byName(cs, row.Name)
	if row.BirthDate == "" {
		return cs
	}
	var out []Candidate
	for _, c := range cs {
		if c.BirthDate == row.BirthDate {
			out = append(out, c)
		}
	}
	return out
}

func byName(cs []Candidate, name string) []Candidate {
	want := strings.Join(strings.Fields(vntext.Fold(name)), " ")
	var out []Candidate
	for _, c := range cs {
		if strings.Join(strings.Fields(vntext.Fold(c.FullName)), " ") == want {
			out = append(out, c)
		}
	}
	return out
}

func oneRowPerHousehold(cs []Candidate) []Candidate {
	seen := map[int64]bool{}
	var out []Candidate
	for _, c := range cs {
		if !seen[c.HouseholdID] {
			seen[c.HouseholdID] = true
			out = append(out, c)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// communeNames maps the folded names of the communes of the scope to their codes (nil
// scope: none, the whole country's names repeat; such a list gives codes).
func (s *Service) communeNames(ctx context.Context, scope []string) (map[string]string, error) {
	out := map[string]string{}
	add := func(name, code string) {
		k := strings.Join(strings.Fields(vntext.Fold(name)), " ")
		if prev, ok := out[k]; ok && prev != code {
			out[k] = "" // two communes of the scope share the name: codes are needed
			return
		}
		out[k] = code
	}
	for _, c := range scope {
		// Every version's name: a list may use the name before a reorganisation.
		us, err := s.Units.FindUnits(ctx, admin.UnitFilter{Code: c})
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			add(u.Name, c)
			if rest, ok := strings.CutPrefix(u.Name, u.Type+" "); ok {
				add(rest, c)
			}
		}
	}
	return out, nil
}

// CommitResult counts what a commit did.
type CommitResult struct {
	Added, Already, Skipped int
}

// CommitList records the matched rows of a reviewed report in one transaction; the
// ambiguous and unmatched rows are skipped, and a row already recorded (same type,
// person or household, and day) is not recorded again.
func (s *Service) CommitList(ctx context.Context, rep *MatchReport) (CommitResult, error) {
	var res CommitResult
	t, ok := TypeByCode(rep.Type)
	if !ok {
		return res, unknownType(rep.Type)
	}
	if err := MayRecord(ctx, t); err != nil {
		return res, err
	}
	today := giamngheo.DayString(s.Now())
	cs, err := s.communes(ctx)
	if err != nil {
		return res, err
	}
	var scope map[string]bool
	if cs != nil {
		scope = map[string]bool{}
		for _, c := range cs {
			scope[c] = true
		}
	}
	err = s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now().UTC()
		a := giamngheo.ActorFromContext(ctx)
		res = CommitResult{}
		var batch []*Record
		for _, m := range rep.Matches {
			if m.Outcome != Matched {
				res.Skipped++
				continue
			}
			c := m.Candidates[0]
			// The stored object's commune, checked again at commit.
			if scope != nil && !scope[c.CommuneCode] {
				return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Xã %s nằm ngoài phạm vi quản lý của bạn.", "Commune %s is outside your scope.", c.CommuneCode)
			}
			r := &Record{HouseholdID: c.HouseholdID, ProvinceCode: c.ProvinceCode, CommuneCode: c.CommuneCode, Type: t.Code, Agency: t.Agency,
				Day: m.Row.Day, Quantity: m.Row.Quantity, Amount: m.Row.Amount, Source: m.Row.Source, Note: m.Row.Note,
				Origin: "list: " + rep.File, CreatedBy: a.Username, CreatedAt: now}
			if t.Person {
				r.Person, r.MemberName, r.BirthDate = PersonKey(c.FullName, c.BirthDate), c.FullName, c.BirthDate
			}
			if r.Agency == "" {
				r.Agency = a.Agency
			}
			if r.Day == "" {
				r.Day = today
			}
			if len(r.Day) < 4 || r.Day > today || !r.Source.Valid() || r.Amount < 0 {
				res.Skipped++
				continue
			}
			fmt.Sscanf(r.Day[:4], "%d", &r.Year)
			batch = append(batch, r)
		}
		// The batch through one prepared statement (store.InsertSupports); a record
		// already stored (or twice on the list) is not stored again.
		added, err := s.Store.InsertSupports(ctx, batch)
		if err != nil {
			return err
		}
		res.Added, res.Already = added, len(batch)-added
		return audit.Record(ctx, s.Audit, now, "import", "support_list", rep.File, scopeOf(a), nil,
			map[string]any{"type": t.Code, "file": rep.File, "added": res.Added, "already": res.Already, "skipped": res.Skipped})
	})
	return res, err
}

func scopeOf(a *giamngheo.Actor) string {
	if a == nil {
		return ""
	}
	return a.ScopeCode
}
