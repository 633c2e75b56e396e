package registry

import (
	"bytes"
	"context"
	"encoding/json"

	"giamngheo"
)

// ImportCounts says what an import batch did.
type ImportCounts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// Add adds o to c.
func (c *ImportCounts) Add(o ImportCounts) {
	c.Created += o.Created
	c.Updated += o.Updated
	c.Unchanged += o.Unchanged
}

// ImportBatch stores households that Classifier.Prepare accepted: new codes are
// inserted in bulk, existing codes of the province are updated (keeping history) when
// their content changed and left alone otherwise, so that importing the same file
// twice changes nothing. Call it inside a transaction (Tx.WithTx) that spans the whole
// import, so that an import is all or nothing; the caller audits the import once.
func (s *Service) ImportBatch(ctx context.Context, hs []*Household) (ImportCounts, error) {
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
		if SameContent(before, h) {
			counts.Unchanged++
			continue
		}
		if _, err := s.update(ctx, before, func(x *Household) { copyContent(x, h) }); err != nil {
			return counts, err
		}
		counts.Updated++
	}
	if err := s.Store.ImportHouseholds(ctx, fresh); err != nil {
		return counts, err
	}
	counts.Created = len(fresh)
	return counts, nil
}

// content is what an import may change: everything but identity, timestamps and the
// derived classification.
type content struct {
	VillageName, Address, HeadName, Phone string
	Survey                                json.RawMessage
	Members                               []Member
}

func contentOf(h *Household) ([]byte, error) {
	survey, err := json.Marshal(SurveyOnly(h))
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

// SameContent reports whether two households hold the same data (ignoring ids,
// timestamps, version and classification).
func SameContent(a, b *Household) bool {
	x, err1 := contentOf(a)
	y, err2 := contentOf(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func copyContent(dst, src *Household) {
	dst.VillageName, dst.Address, dst.HeadName, dst.Phone = src.VillageName, src.Address, src.HeadName, src.Phone
	dst.Survey, dst.Members = src.Survey, src.Members
}
