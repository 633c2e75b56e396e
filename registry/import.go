package registry

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"giamngheo"
	"giamngheo/audit"
	"giamngheo/poverty"
)

// ImportCounts says what an import batch did (or, in a dry run, would do).
type ImportCounts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	// Conflicting counts the rows whose code is that of a stored household of another
	// family (FamilyMismatch); Replaced those of them replaced (ImportOptions.Replace),
	// also counted in Updated.
	Conflicting int `json:"conflicting"`
	Replaced    int `json:"replaced"`
	// Refused lists the codes of the rows refused because the code is that of a stored
	// household outside the importer's scope (see ImportBatch); the caller reports them
	// as invalid rows.
	Refused []string `json:"-"`
	// Conflicts and Changes describe the conflicting and the updated rows (the caller
	// bounds how many it keeps).
	Conflicts []Conflict `json:"-"`
	Changes   []Change   `json:"-"`
	// Written lists the households the batch created or changed, with their versions,
	// for an import that writes in slices (ImportJobStore.RecordImportSlice).
	Written []ImportedHousehold `json:"-"`
}

// Add adds o to c.
func (c *ImportCounts) Add(o ImportCounts) {
	c.Created += o.Created
	c.Updated += o.Updated
	c.Unchanged += o.Unchanged
	c.Conflicting += o.Conflicting
	c.Replaced += o.Replaced
	c.Refused = append(c.Refused, o.Refused...)
	c.Conflicts = append(c.Conflicts, o.Conflicts...)
	c.Changes = append(c.Changes, o.Changes...)
	c.Written = append(c.Written, o.Written...)
}

// ImportOptions tune ImportBatchWith.
type ImportOptions struct {
	// DryRun works out what the batch would do and writes nothing.
	DryRun bool
	// Replace updates a stored household with a conflicting row (the officer has
	// checked that the file is right); otherwise the row is left out (counted in
	// Conflicting and described in Conflicts) and the caller decides whether the
	// import may go on without it.
	Replace bool
}

// ImportBatch is ImportBatchWith without options: conflicting rows are left out.
func (s *Service) ImportBatch(ctx context.Context, hs []*Household) (ImportCounts, error) {
	return s.ImportBatchWith(ctx, hs, ImportOptions{})
}

// ImportBatchWith stores households that Classifier.Prepare accepted: new codes are
// inserted in bulk, existing codes of the province are updated (keeping history) when
// their content changed and left alone otherwise, so that importing the same file
// twice changes nothing. A row whose code is that of a stored household of another
// family (FamilyMismatch) is a conflict, never a silent replacement (issue 10 item 2).
// A row may create or change only a household whose stored commune lies in the
// importer's scope: a code held by a household elsewhere is refused (listed in
// ImportCounts.Refused, nothing written for it, nothing told about the other
// household), whatever commune the row itself names. Every household created or
// changed is audited (one entry each, "create" with the household after, "update" with
// before and after), naming the job of ctx (audit.ContextWithJob). Call it inside a
// transaction (Tx.WithTx) that spans the whole import, so that an import is all or
// nothing.
func (s *Service) ImportBatchWith(ctx context.Context, hs []*Household, opts ImportOptions) (ImportCounts, error) {
	var counts ImportCounts
	byProvince := map[string][]string{}
	allowed := map[string]bool{}
	for _, h := range hs {
		if _, ok := allowed[h.CommuneCode]; !ok {
			allowed[h.CommuneCode] = s.authorise(ctx, h.CommuneCode) == nil
		}
		if !allowed[h.CommuneCode] {
			return counts, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Hộ %s thuộc xã %s, ngoài phạm vi của bạn.",
				"Household %s belongs to commune %s, outside your scope.", h.Code, h.CommuneCode)
		}
		byProvince[h.ProvinceCode] = append(byProvince[h.ProvinceCode], h.Code)
	}
	existing := map[string]int64{}
	for prov, codes := range byProvince {
		found, err := s.Store.FindHouseholdCodes(ctx, prov, codes)
		if err != nil {
			return counts, err
		}
		for code, id := range found {
			existing[prov+"/"+code] = id
		}
	}
	now := s.Now().UTC()
	var fresh []*Household
	for _, h := range hs {
		id, ok := existing[h.ProvinceCode+"/"+h.Code]
		if !ok {
			h.CreatedAt, h.UpdatedAt, h.Version = now, now, 1
			fresh = append(fresh, h)
			continue
		}
		before, err := s.Store.FindHouseholdByID(ctx, id)
		if err != nil {
			return counts, err
		}
		// The stored household's commune decides, not the file's: otherwise a row
		// naming one's own commune would overwrite a household of another (issue 10).
		if _, ok := allowed[before.CommuneCode]; !ok {
			allowed[before.CommuneCode] = s.authorise(ctx, before.CommuneCode) == nil
		}
		if !allowed[before.CommuneCode] {
			counts.Refused = append(counts.Refused, h.Code)
			continue
		}
		if SameContent(before, h) {
			counts.Unchanged++
			continue
		}
		if why := FamilyMismatch(before, h); why != nil {
			counts.Conflicting++
			counts.Conflicts = append(counts.Conflicts, Conflict{Code: h.Code, Reasons: why})
			if !opts.Replace {
				continue
			}
			counts.Replaced++
		}
		after := *before
		copyContent(&after, h)
		counts.Changes = append(counts.Changes, Change{Code: h.Code, Fields: ChangedFields(before, &after)})
		counts.Updated++
		if opts.DryRun {
			continue
		}
		saved, err := s.update(ctx, before, func(x *Household) { copyContent(x, h) })
		if err != nil {
			return counts, err
		}
		counts.Written = append(counts.Written, ImportedHousehold{HouseholdID: before.ID, VersionBefore: before.Version, VersionAfter: saved.Version})
	}
	counts.Created = len(fresh)
	if opts.DryRun || len(fresh) == 0 {
		return counts, nil
	}
	if err := s.Store.ImportHouseholds(ctx, fresh); err != nil {
		return counts, err
	}
	entries := make([]*audit.Entry, len(fresh))
	for i, h := range fresh {
		counts.Written = append(counts.Written, ImportedHousehold{HouseholdID: h.ID, Created: true, VersionAfter: h.Version})
		e, err := audit.NewEntry(ctx, now, "create", "household", h.Code, h.CommuneCode, nil, createdSummary(h))
		if err != nil {
			return counts, err
		}
		entries[i] = e
	}
	return counts, s.Audit.InsertAudits(ctx, entries)
}

// createdSummary is what the audit keeps of a household an import creates: who the
// family is (the people by name, birth date and national ID) and its class, with its
// version. The full record of that version is the household's row, and its history
// once changed (registry.HistoryEntry): copying every survey answer into the audit
// doubled the database of a 65,000-household import (docs/benchmarks.md).
func createdSummary(h *Household) any {
	type person struct {
		Name       string `json:"name"`
		BirthDate  string `json:"birth_date,omitempty"`
		NationalID string `json:"national_id,omitempty"`
		Relation   string `json:"relation,omitempty"`
	}
	ms := make([]person, len(h.Members))
	for i, m := range h.Members {
		ms[i] = person{m.Name, m.BirthDate, m.NationalID, string(m.Relation)}
	}
	class := ""
	if h.Result != nil {
		class = string(h.Result.Class)
	}
	return struct {
		Code        string   `json:"code"`
		CommuneCode string   `json:"commune_code"`
		VillageName string   `json:"village_name,omitempty"`
		Address     string   `json:"address,omitempty"`
		HeadName    string   `json:"head_name"`
		Class       string   `json:"class,omitempty"`
		Version     int      `json:"version"`
		Members     []person `json:"members"`
	}{h.Code, h.CommuneCode, h.VillageName, h.Address, h.HeadName, class, h.Version, ms}
}

// content is what an import may change: everything but identity, timestamps and the
// derived classification. Members marshal with their registry fields (relation,
// national ID, social allowance …).
type content struct {
	VillageName, Address, HeadName, Phone string
	Survey                                json.RawMessage
	Members                               []Member
}

func contentOf(h *Household) ([]byte, error) {
	// The land, livestock and entered traits too; the derived traits follow the
	// members and the reference date, so they are not content.
	survey, err := EncodeSurvey(underived(h)) // the land and livestock too
	if err != nil {
		return nil, err
	}
	ms := make([]Member, len(h.Members))
	for i, m := range h.Members {
		m.ID = 0
		ms[i] = m
	}
	return json.Marshal(content{h.VillageName, h.Address, h.HeadName, h.Phone, survey, ms})
}

// underived is h without the traits derived from its members on the reference date (no
// labour capacity, ethnic minority, female head, the children's counts): what an officer
// or a file changes, and so what an import compares and a change lists.
func underived(h *Household) *Household {
	c := *h
	c.Traits.NoLabour, c.Traits.EthnicMinority, c.Traits.FemaleHead = false, false, false
	c.Traits.Children = poverty.Children{}
	return &c
}

// SameContent reports whether two households hold the same data (ignoring ids,
// timestamps, version and classification).
func SameContent(a, b *Household) bool {
	x, err1 := contentOf(a)
	y, err2 := contentOf(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func copyContent(dst, src *Household) {
	dst.VillageName, dst.Address, dst.HeadName, dst.Phone = src.VillageName, src.Address, src.HeadName, src.Phone
	dst.Survey, dst.Livelihood, dst.Traits, dst.Members = src.Survey, src.Livelihood, src.Traits, src.Members
}

// ImportMark is where the rows of an import begin: the largest household and member
// ids before its first batch. Rows above it were written by the import (members of
// households it updated included).
type ImportMark struct {
	Household, Member int64
	// Deferred lists what the store set aside for the import, to rebuild at the end
	// (store-specific: SQLite's national-ID index).
	Deferred []string
}

// BulkImporter is the part of a store that an import of a whole file uses around its
// batches, in the import's transaction.
type BulkImporter interface {
	// BeginImport runs before the first batch, given an estimate of the member rows
	// the import will write (0 when unknown). A store may set indexes aside when the
	// import is large against the table and rebuild them in FinishImport: sorting the
	// keys once is cheaper than millions of random B-tree inserts.
	BeginImport(ctx context.Context, expectedMembers int64) (ImportMark, error)
	// FinishImport runs after the last batch: it rebuilds what BeginImport set aside
	// and, when reorder is set, rewrites the households created since m (and their
	// members) in administrative-code order (commune code, then file order), so that a
	// commune's rows sit together although the file was not sorted.
	FinishImport(ctx context.Context, m ImportMark, reorder bool) error
	// FindNationalIDRepeats returns, up to limit, the members whose national ID is also
	// held by a member of another household: of one household (q.Household), or of the
	// rows written since a mark against the rows stored before it (q.SinceMember).
	FindNationalIDRepeats(ctx context.Context, q RepeatQuery) ([]NationalIDRepeat, error)
}

// RepeatQuery selects the members FindNationalIDRepeats looks at.
type RepeatQuery struct {
	Household   int64 // the members of this household, against every other household
	SinceMember int64 // or: members with a greater id, against members up to it
	Limit       int
}

// NationalIDRepeat is one member's national ID also held in another household.
type NationalIDRepeat struct {
	NationalID         string
	HouseholdID        int64
	HouseholdCode      string
	MemberSeq          int // 0-based position in the household
	MemberName         string
	OtherHouseholdID   int64
	OtherHouseholdCode string
	OtherCommuneCode   string
	OtherMemberName    string
}

// ScanNationalIDRepeats reads the rows of a store's repeats query, whose columns are
// the fields of NationalIDRepeat in their order.
func ScanNationalIDRepeats(rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}) ([]NationalIDRepeat, error) {
	var out []NationalIDRepeat
	for rows.Next() {
		var r NationalIDRepeat
		if err := rows.Scan(&r.NationalID, &r.HouseholdID, &r.HouseholdCode, &r.MemberSeq, &r.MemberName,
			&r.OtherHouseholdID, &r.OtherHouseholdCode, &r.OtherCommuneCode, &r.OtherMemberName); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// WarnNationalIDElsewhere is the code of the warning for a national ID that a member
// of another stored household also holds (issue 4 item 2: shown, never silently
// accepted or rejected).
const WarnNationalIDElsewhere = "national_id_elsewhere"

// RepeatWarning words a repeat for the officer. The other household is named only when
// it is within the officer's scope: outside it, even its code would tell where a
// person with that ID lives.
func (s *Service) RepeatWarning(ctx context.Context, r NationalIDRepeat) Warning {
	w := Warning{Code: WarnNationalIDElsewhere, Field: memberField(r.MemberSeq, "national_id")}
	if a := giamngheo.ActorFromContext(ctx); a != nil && !a.Role.SeesFullNationalID() {
		r.NationalID = giamngheo.MaskNationalID(r.NationalID)
	}
	if giamngheo.RequireScope(ctx, s.inScope, r.OtherCommuneCode) == nil {
		w.Message = fmt.Sprintf("Số CCCD %s của thành viên thứ %d (%s) trùng với thành viên %s của hộ %s",
			r.NationalID, r.MemberSeq+1, r.MemberName, r.OtherMemberName, r.OtherHouseholdCode)
		w.MessageEN = fmt.Sprintf("national ID %s of member %d (%s) is also that of %s in household %s",
			r.NationalID, r.MemberSeq+1, r.MemberName, r.OtherMemberName, r.OtherHouseholdCode)
		return w
	}
	w.Message = fmt.Sprintf("Số CCCD %s của thành viên thứ %d (%s) đã có trong một hộ ngoài phạm vi quản lý của bạn; đề nghị cấp trên kiểm tra",
		r.NationalID, r.MemberSeq+1, r.MemberName)
	w.MessageEN = fmt.Sprintf("national ID %s of member %d (%s) is held in a household outside your scope; ask the level above to check",
		r.NationalID, r.MemberSeq+1, r.MemberName)
	return w
}

// NationalIDsElsewhere returns a warning for each national ID of household h that a
// member of another stored household also holds. It is worked out when asked, not
// stored, so that it disappears as soon as either household is corrected.
func (s *Service) NationalIDsElsewhere(ctx context.Context, h *Household) ([]Warning, error) {
	if h.ID == 0 {
		return nil, nil
	}
	rs, err := s.Store.FindNationalIDRepeats(ctx, RepeatQuery{Household: h.ID, Limit: 50})
	if err != nil {
		return nil, err
	}
	var ws []Warning
	for _, r := range rs {
		ws = append(ws, s.RepeatWarning(ctx, r))
	}
	return ws, nil
}
