package poverty

import (
	"encoding/json"
	"math/bits"
)

// IndicatorSet is a set of indicators, kept as bits so that a result needs no
// allocation. In JSON it is a list of indicator keys in the order of IndicatorKeys.
type IndicatorSet uint16

func (s IndicatorSet) with(id indicatorID) IndicatorSet { return s | 1<<id }
func (s IndicatorSet) has(id indicatorID) bool          { return s&(1<<id) != 0 }

// Has reports whether k is in the set.
func (s IndicatorSet) Has(k IndicatorKey) bool {
	id, ok := k.id()
	return ok && s.has(id)
}

// Len returns the number of indicators in the set.
func (s IndicatorSet) Len() int { return bits.OnesCount16(uint16(s)) }

// Keys returns the keys in the set, in the order of IndicatorKeys.
func (s IndicatorSet) Keys() []IndicatorKey {
	keys := make([]IndicatorKey, 0, s.Len())
	for id, k := range IndicatorKeys {
		if s.has(indicatorID(id)) {
			keys = append(keys, k)
		}
	}
	return keys
}

// MarshalJSON writes the set as a list of keys.
func (s IndicatorSet) MarshalJSON() ([]byte, error) { return json.Marshal(s.Keys()) }

// With returns the set with k added, and false when k is not an indicator.
func (s IndicatorSet) With(k IndicatorKey) (IndicatorSet, bool) {
	id, ok := k.id()
	if !ok {
		return s, false
	}
	return s.with(id), true
}

// UnmarshalJSON reads a list of keys.
func (s *IndicatorSet) UnmarshalJSON(b []byte) error {
	var keys []IndicatorKey
	if err := json.Unmarshal(b, &keys); err != nil {
		return err
	}
	var v IndicatorSet
	for _, k := range keys {
		var ok bool
		if v, ok = v.With(k); !ok {
			return invalid("", "Chỉ số %q không được hỗ trợ", "unsupported indicator %q", k)
		}
	}
	*s = v
	return nil
}

// MemberSet is a set of member indexes (0-based, in the order of Household.Members),
// kept as bits; MaxMembers is 64 for that reason. In JSON it is a list of indexes.
type MemberSet uint64

func (s MemberSet) with(i int) MemberSet { return s | 1<<uint(i) }

// Has reports whether member i is in the set.
func (s MemberSet) Has(i int) bool { return i >= 0 && i < MaxMembers && s&(1<<uint(i)) != 0 }

// Len returns the number of members in the set.
func (s MemberSet) Len() int { return bits.OnesCount64(uint64(s)) }

// Indexes returns the member indexes in increasing order.
func (s MemberSet) Indexes() []int {
	idx := make([]int, 0, s.Len())
	for v := uint64(s); v != 0; v &= v - 1 {
		idx = append(idx, bits.TrailingZeros64(v))
	}
	return idx
}

// indexes is Indexes, but nil for the empty set.
func (s MemberSet) indexes() []int {
	if s == 0 {
		return nil
	}
	return s.Indexes()
}

// MarshalJSON writes the set as a list of member indexes.
func (s MemberSet) MarshalJSON() ([]byte, error) { return json.Marshal(s.Indexes()) }

// UnmarshalJSON reads a list of member indexes.
func (s *MemberSet) UnmarshalJSON(b []byte) error {
	var idx []int
	if err := json.Unmarshal(b, &idx); err != nil {
		return err
	}
	var v MemberSet
	for _, i := range idx {
		if i < 0 || i >= MaxMembers {
			return invalid("low_income_workers", "Số thứ tự thành viên %d không hợp lệ", "invalid member index %d", i)
		}
		v = v.with(i)
	}
	*s = v
	return nil
}
