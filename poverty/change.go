package poverty

import "time"

// Change is what the next national standard changes, for telling officers ahead of
// its first day (the 2027–2030 standard of Decree 351/2025/NĐ-CP replaces the
// 2022–2026 one of Decree 07/2021/NĐ-CP on 1 January 2027).
type Change struct {
	From, To *Standard
	// Added and Dropped are the indicators of To that From lacks, and the reverse.
	Added, Dropped []IndicatorSpec
}

// UpcomingChange returns the change to the standard that takes effect within days
// after the civil date of now (in Vietnam), or nil when none does.
func (c Catalogue) UpcomingChange(now time.Time, days int) *Change {
	today := DateOf(now)
	from, err := c.InForce(now)
	if err != nil {
		return nil
	}
	horizon := DateOf(now.AddDate(0, 0, days))
	for _, s := range c {
		if s == from || s.ValidFrom.Compare(today) <= 0 || s.ValidFrom.Compare(horizon) > 0 {
			continue
		}
		ch := &Change{From: from, To: s}
		for _, spec := range s.Indicators {
			if !from.Has(spec.Key) {
				ch.Added = append(ch.Added, spec)
			}
		}
		for _, spec := range from.Indicators {
			if !s.Has(spec.Key) {
				ch.Dropped = append(ch.Dropped, spec)
			}
		}
		return ch
	}
	return nil
}

// UpcomingChange is Catalogue.UpcomingChange over the national standards.
func UpcomingChange(now time.Time, days int) *Change { return national.UpcomingChange(now, days) }
