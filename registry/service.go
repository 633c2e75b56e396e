package registry

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/poverty"
)

// Service runs the registry's use cases: validate → authorise → classify → write →
// audit, each in one transaction with one timestamp.
type Service struct {
	Store RecordStore
	Units admin.Store
	Audit audit.Store
	Tx    giamngheo.TxRunner
	Now   giamngheo.Clock
	// Card is the B1 score card for households that answered it (nil: the measured
	// income decides; a household with score answers is then refused with a message).
	Card *poverty.ScoreCard
	// ReferenceDate returns the date whose standard classifies households on import and
	// edit; nil means today. The review sets its own reference date.
	ReferenceDate func() time.Time
	// Traits derives the household traits from the members (nil: DefaultTraitRules).
	Traits *TraitRules
}

func (s *Service) refDate() time.Time {
	if s.ReferenceDate != nil {
		return s.ReferenceDate()
	}
	return s.Now()
}

// Classifier classifies households of many communes with one standard, caching each
// commune's area and province. It is what import and edit share.
type Classifier struct {
	units    admin.Store
	std      *poverty.Standard
	card     *poverty.ScoreCard
	ref      time.Time
	communes map[string]*admin.Unit
	traits   *TraitRules
	// OldMap, when set, carries households given under a commune code of before a
	// reorganisation to the commune in force (an import sets it; see OldMap).
	OldMap *OldMap
	// Recognitions, when set, takes the recognised status a row of an existing
	// registry's recognised list carries (an import that asked for it sets it; see
	// RecognitionImport); otherwise Household.Recognised is left as it is.
	Recognitions *RecognitionImport
}

// NewClassifier returns a classifier for the standard in force on ref.
func (s *Service) NewClassifier(ref time.Time) (*Classifier, error) {
	std, err := poverty.StandardInForce(ref)
	if err != nil {
		return nil, err
	}
	return s.NewClassifierFor(std, ref), nil
}

// NewClassifierFor returns a classifier for the standard std on the reference date ref
// (a review round fixes its standard when it is opened).
func (s *Service) NewClassifierFor(std *poverty.Standard, ref time.Time) *Classifier {
	tr := s.Traits
	if tr == nil {
		tr = &DefaultTraitRules
	}
	return &Classifier{units: s.Units, std: std, card: s.Card, ref: ref, communes: map[string]*admin.Unit{}, traits: tr}
}

// commune returns the commune's version in force on the reference date, or its latest
// version (a household kept under a former commune), or EINVALID when unknown.
func (c *Classifier) commune(ctx context.Context, code string) (*admin.Unit, error) {
	if u, ok := c.communes[code]; ok {
		if u == nil {
			return nil, c.unknownCommune(ctx, code)
		}
		return u, nil
	}
	u, err := c.units.FindUnitByCode(ctx, code, c.ref.Format(admin.DateLayout))
	if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
		u, err = c.units.FindUnitByCode(ctx, code, "")
	}
	if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND || (err == nil && u.Level != admin.LevelCommune) {
		c.communes[code] = nil
		return nil, c.unknownCommune(ctx, code)
	} else if err != nil {
		return nil, err
	}
	c.communes[code] = u
	return u, nil
}

// unknownCommune names a code the catalogue does not hold as a commune: a commune of
// before the reorganisation of 1 July 2025 is named as such, never as unknown.
func (c *Classifier) unknownCommune(ctx context.Context, code string) error {
	if err := formerCommune(ctx, c.units, code); err != nil {
		return err
	}
	return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "commune_code",
		Message: "Mã xã " + code + " không có trong danh mục đơn vị hành chính.", MessageEN: "Commune code " + code + " is not in the unit catalogue."}
}

// Prepare normalises, validates and classifies h, filling its province code from the
// unit catalogue. Errors are EINVALID naming the field.
func (c *Classifier) Prepare(ctx context.Context, h *Household) error {
	h.Forget()
	h.Normalize()
	if err := h.Validate(); err != nil {
		return err
	}
	return c.PrepareValid(ctx, h)
}

// PrepareValid is Prepare for a household that has just been normalised and has
// passed Validate, as importfile.Reader returns the households without errors: it
// does not do both again (they are about a tenth of an import's work).
func (c *Classifier) PrepareValid(ctx context.Context, h *Household) error {
	h.Forget()
	if err := c.OldMap.Carry(ctx, h); err != nil {
		return err
	}
	u, err := c.commune(ctx, h.CommuneCode)
	if err != nil {
		return err
	}
	prov := admin.StoreProvinceOf(ctx, c.units, u, "")
	// A file may give the province of the commune before the 2025 reorganisation
	// (Hải Dương 30 for a commune now in Hải Phòng 31): accepted when some version of
	// the commune lay in that province; the household takes today's province.
	if h.ProvinceCode != "" && h.ProvinceCode != prov && !c.wasIn(ctx, h.ProvinceCode, h.CommuneCode) {
		return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "province_code",
			Message:   "Mã tỉnh " + h.ProvinceCode + " không khớp với xã " + h.CommuneCode + " (tỉnh " + prov + ").",
			MessageEN: "Province code " + h.ProvinceCode + " does not match commune " + h.CommuneCode + " (province " + prov + ")."}
	}
	h.ProvinceCode = prov
	area := poverty.Rural
	if u.Urban() {
		area = poverty.Urban
	}
	// Decree 07/2021/NĐ-CP, Art. 3: the area (rural/urban) of residence selects the lines;
	// Survey.Area overrides the commune's type for one household.
	answers := h.Answers()
	// The B1 score card scores the households that answered it (Circular 07/2021,
	// Appendices III–IV); a result computed with a card that is not official says so.
	var card *poverty.ScoreCard
	if len(answers.ScoreAnswers) > 0 {
		card = c.card
		if !c.std.HasScoreLine() {
			// Decree 351/2025/NĐ-CP (2027–2030) defines no B1 score line: answers of a
			// score card kept from an earlier survey stay stored but cannot decide
			// the income test, which then needs the measured income.
			if answers.Income12m == nil {
				return &giamngheo.Error{Code: giamngheo.EINVALID, Field: "income_12m",
					Message:   "Chuẩn " + c.std.ID + " không dùng bảng điểm B1: cần nhập tổng thu nhập 12 tháng của hộ.",
					MessageEN: "Standard " + c.std.ID + " has no B1 score card: enter the household's 12-month income."}
			}
			answers.ScoreAnswers, answers.Region, card = nil, "", nil // a copy: h keeps them
		}
	}
	r, err := poverty.Classify(answers, c.std, area, c.ref, card)
	if err != nil {
		return err
	}
	if Explained(r.Class) {
		if r.Explanation, err = poverty.Explain(answers, &r, c.std, card); err != nil {
			return err
		}
	}
	h.Result = &r
	// The traits the reports count, derived on the same reference date (issue 14).
	c.traits.DeriveTraits(h, c.ref)
	if c.Recognitions != nil {
		return c.Recognitions.take(h)
	}
	return nil
}

// wasIn reports whether some version of the commune lay in the province.
func (c *Classifier) wasIn(ctx context.Context, province, commune string) bool {
	ok, err := admin.StoreInScope(ctx, c.units, province, commune)
	return err == nil && ok
}

// authorise checks that the actor may write to the household's commune.
func (s *Service) authorise(ctx context.Context, communeCode string) error {
	if err := giamngheo.RequireRegistryWrite(ctx); err != nil {
		return err
	}
	return giamngheo.RequireScope(ctx, s.inScope, communeCode)
}

func (s *Service) inScope(ctx context.Context, scope, code string) (bool, error) {
	return admin.StoreInScope(ctx, s.Units, scope, code)
}

// CreateHousehold registers a new household, classified with the standard in force.
func (s *Service) CreateHousehold(ctx context.Context, h *Household) error {
	if err := s.authorise(ctx, h.CommuneCode); err != nil {
		return err
	}
	c, err := s.NewClassifier(s.refDate())
	if err != nil {
		return err
	}
	if err := c.Prepare(ctx, h); err != nil {
		return err
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now().UTC()
		h.CreatedAt, h.UpdatedAt, h.Version = now, now, 1
		if err := s.Store.CreateHousehold(ctx, h); err != nil {
			return err
		}
		return audit.Record(ctx, s.Audit, now, "create", "household", h.Code, h.CommuneCode, nil, h)
	})
}

// FindHouseholdByID returns a household within the actor's scope.
func (s *Service) FindHouseholdByID(ctx context.Context, id int64) (*Household, error) {
	h, err := s.Store.FindHouseholdByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := giamngheo.RequireScope(ctx, s.inScope, h.CommuneCode); err != nil {
		return nil, err
	}
	maskFor(ctx, h)
	return h, nil
}

// RequireHousehold is ENOTFOUND unless household id is stored, and EFORBIDDEN unless
// it is in the actor's scope: FindHouseholdByID's checks, reading only its commune
// (the household page read the whole household three times, issue 13 item 8).
func (s *Service) RequireHousehold(ctx context.Context, id int64) error {
	code, err := s.Store.FindHouseholdCommune(ctx, id)
	if err != nil {
		return err
	}
	return giamngheo.RequireScope(ctx, s.inScope, code)
}

// maskFor hides the national IDs of h but their last four digits from an actor whose
// role does not see them whole (a viewer): every page, API answer and export reads
// households through this service, so none shows more. Such a role cannot write, so
// a masked household is never saved.
func maskFor(ctx context.Context, h *Household) {
	if a := giamngheo.ActorFromContext(ctx); a == nil || a.Role.SeesFullNationalID() {
		return
	}
	for i := range h.Members {
		if id := h.Members[i].NationalID; id != "" {
			h.Members[i].NationalID = giamngheo.MaskNationalID(id)
		}
	}
	if len(h.Warnings) == 0 {
		return
	}
	// Stored warnings quote the numbers (lists carry them without the members).
	ws := make([]Warning, len(h.Warnings))
	for i, w := range h.Warnings {
		w.Message, w.MessageEN = maskDigits(w.Message), maskDigits(w.MessageEN)
		ws[i] = w
	}
	h.Warnings = ws
}

// idLike is a run of digits as long as a national ID (12) or an old identity card (9).
var idLike = regexp.MustCompile(`\d{9,12}`)

func maskDigits(s string) string {
	return idLike.ReplaceAllStringFunc(s, giamngheo.MaskNationalID)
}

// UpdateHousehold changes a household, keeps its previous state in the history,
// reclassifies it and audits the change (before → after).
func (s *Service) UpdateHousehold(ctx context.Context, id int64, upd HouseholdUpdate) (*Household, error) {
	var h *Household
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		before, err := s.FindHouseholdByID(ctx, id)
		if err != nil {
			return err
		}
		if err := s.authorise(ctx, before.CommuneCode); err != nil {
			return err
		}
		if err := checkBase(ctx, s, before, upd.BaseVersion); err != nil {
			return err
		}
		h, err = s.update(ctx, before, func(h *Household) { upd.Apply(h) })
		return err
	})
	return h, err
}

// update applies change to a copy of before, reclassifies, keeps the history and audits.
func (s *Service) update(ctx context.Context, before *Household, change func(*Household)) (*Household, error) {
	h, err := clone(before)
	if err != nil {
		return nil, err
	}
	change(h)
	c, err := s.NewClassifier(s.refDate())
	if err != nil {
		return nil, err
	}
	if err := c.Prepare(ctx, h); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	by := ""
	if a := giamngheo.ActorFromContext(ctx); a != nil {
		by = a.Username
	}
	if err := s.Store.InsertHistory(ctx, h.ID, &HistoryEntry{Version: before.Version, ValidFrom: before.UpdatedAt, ValidTo: now, ChangedBy: by, Household: ForHistory(before)}); err != nil {
		return nil, err
	}
	h.Version, h.UpdatedAt = before.Version+1, now
	if err := s.Store.SaveHousehold(ctx, h); err != nil {
		return nil, err
	}
	return h, audit.Record(ctx, s.Audit, now, "update", "household", h.Code, h.CommuneCode, before, h)
}

// clone deep-copies a household through JSON (households are small).
func clone(h *Household) (*Household, error) {
	b, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	c := &Household{}
	if err := json.Unmarshal(b, c); err != nil {
		return nil, err
	}
	c.ID, c.CreatedAt, c.UpdatedAt, c.Version = h.ID, h.CreatedAt, h.UpdatedAt, h.Version
	return c, nil
}

// HouseholdAsOf returns the household as it was at t: the current state, a past state
// from the history, or ENOTFOUND before it was registered.
func (s *Service) HouseholdAsOf(ctx context.Context, id int64, t time.Time) (*Household, error) {
	h, err := s.FindHouseholdByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !t.Before(h.UpdatedAt) {
		return h, nil
	}
	hist, err := s.Store.FindHistory(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, e := range hist {
		if !t.Before(e.ValidFrom) && t.Before(e.ValidTo) {
			e.Household.ID = id
			maskFor(ctx, e.Household)
			return e.Household, nil
		}
	}
	return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Hộ chưa được đăng ký vào thời điểm đó.", "The household was not registered at that time.")
}

// History returns the past states of a household within the actor's scope.
func (s *Service) History(ctx context.Context, id int64) ([]*HistoryEntry, error) {
	if err := s.RequireHousehold(ctx, id); err != nil {
		return nil, err
	}
	hist, err := s.Store.FindHistory(ctx, id)
	for _, e := range hist {
		if e.Household != nil {
			maskFor(ctx, e.Household)
		}
	}
	return hist, err
}

// FindHouseholds lists households within the actor's scope: the filter's communes are
// intersected with the communes under the scope.
func (s *Service) FindHouseholds(ctx context.Context, f HouseholdFilter) ([]*Household, int, error) {
	f, err := s.scoped(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	hs, n, err := s.Store.FindHouseholds(ctx, f)
	for _, h := range hs {
		maskFor(ctx, h)
	}
	return hs, n, err
}

// EachHousehold streams the households within the actor's scope that match f, with
// their members (exports use it).
func (s *Service) EachHousehold(ctx context.Context, f HouseholdFilter, fn func(*Household) error) error {
	f, err := s.scoped(ctx, f)
	if err != nil {
		return err
	}
	return s.Store.EachHousehold(ctx, f, func(h *Household) error {
		maskFor(ctx, h)
		return fn(h)
	})
}

// scoped limits a filter to the communes under the actor's scope. Names, national IDs
// and addresses never leave the user's administrative scope.
func (s *Service) scoped(ctx context.Context, f HouseholdFilter) (HouseholdFilter, error) {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return f, giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if a.ScopeCode == "" {
		return f, nil
	}
	var kept []string
	if f.CommuneCodes == nil {
		all, err := CommunesUnder(ctx, s.Units, a.ScopeCode)
		if err != nil {
			return f, err
		}
		kept = all
	} else {
		// A commune asked for by name outside the scope is refused, not silently
		// dropped: an export or a list of it would look empty rather than forbidden.
		for _, c := range f.CommuneCodes {
			if ok, err := s.inScope(ctx, a.ScopeCode, c); err != nil {
				return f, err
			} else if !ok {
				return f, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Xã %s nằm ngoài phạm vi quản lý của bạn.", "Commune %s is outside your scope.", c)
			}
			kept = append(kept, c)
		}
	}
	if kept == nil {
		kept = []string{}
	}
	f.CommuneCodes = kept
	return f, nil
}

// CommunesUnder returns the codes of every commune that is or was under a unit (all
// versions), including the unit itself when it is a commune.
//
// Every scoped request asks it, and a province's answer takes hundreds of queries
// (units, then the mappings of each commune): a store that stamps its changes of
// units (UnitsStamper) has the answer remembered while its stamp stands.
func CommunesUnder(ctx context.Context, units admin.Store, scope string) ([]string, error) {
	out, err := scopeMemo.Get(ctx, units, scope, func() ([]string, error) { return communesUnder(ctx, units, scope) })
	return slices.Clone(out), err
}

// UnitsStamper is admin.UnitsStamper.
type UnitsStamper = admin.UnitsStamper

// scopeMemo holds the communes under a scope (one per unit a user is confined to).
var scopeMemo = admin.StampMemo[string, []string]{Size: 4096}

func communesUnder(ctx context.Context, units admin.Store, scope string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	frontier := []string{scope}
	for depth := 0; depth < 4 && len(frontier) > 0; depth++ {
		var next []string
		for _, code := range frontier {
			if depth == 0 {
				if u, err := units.FindUnitByCode(ctx, code, ""); err == nil && u.Level == admin.LevelCommune {
					seen[code] = true
					out = append(out, code)
				}
			}
			kids, err := units.FindUnits(ctx, admin.UnitFilter{ParentCode: code})
			if err != nil {
				return nil, err
			}
			for _, k := range kids {
				if seen[k.Code] {
					continue
				}
				seen[k.Code] = true
				if k.Level == admin.LevelCommune {
					out = append(out, k.Code)
				} else {
					next = append(next, k.Code)
				}
			}
		}
		frontier = next
	}
	return admin.SuccessorsWithin(ctx, units, out) // merged communes (admin.StoreInScope)
}

// Explanation returns the explanation of a household's classification: the stored
// one, or one rebuilt from its answers, result, standard and score card (see Explained).
func Explanation(h *Household, card *poverty.ScoreCard) (*poverty.Explanation, error) {
	if h.Result == nil {
		return nil, nil
	}
	if h.Result.Explanation != nil {
		return h.Result.Explanation, nil
	}
	std, err := poverty.StandardByID(h.Result.Standard)
	if err != nil {
		return nil, err
	}
	if card != nil && card.ID != h.Result.Score.Card {
		card = nil
	}
	return poverty.Explain(h.Answers(), h.Result, std, card)
}
