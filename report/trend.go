package report

import (
	"context"

	"giamngheo"
)

// TrendPoint is the poor and near-poor lists of a unit at the end of one year: the
// stock of each list summed from its flows up to that day (the dynamics reports'
// column 9), for households and persons.
type TrendPoint struct {
	Year                     int
	Poor, Near               int64
	PoorPersons, NearPersons int64
}

// Trend is a unit's lists year after year, with today's number of households and
// persons: the roll-ups keep the lists' flows, not the past number of all households,
// so a rate over the years is a list over today's households (the page says so).
type Trend struct {
	Unit, UnitName      string
	Points              []TrendPoint
	Households, Persons int64
}

// Trend computes the unit's lists at the end of each year from `from` to `to` (the
// last year reads today's lists: no flow is dated after today), through the dynamics
// reports (2) and (3), so that the trend and those reports never disagree; the units
// are those of each year's end (ADR 0005).
func (s *Service) Trend(ctx context.Context, unit string, from, to int) (*Trend, error) {
	t1, err := s.Build(ctx, "1", unit, to)
	if err != nil {
		return nil, err
	}
	tr := &Trend{Unit: unit, UnitName: t1.UnitName}
	for _, row := range t1.Rows {
		if row.Kind == "total" {
			tr.Households, tr.Persons = int64(row.Values[0]), int64(row.Values[1])
		}
	}
years:
	for y := from; y <= to; y++ {
		p := TrendPoint{Year: y}
		for i, name := range []string{"2", "3"} {
			t, err := s.Build(ctx, name, unit, y)
			if giamngheo.ErrorCode(err) == giamngheo.ENOTFOUND {
				continue years // the unit did not exist at that year's end
			}
			if err != nil {
				return nil, err
			}
			for _, row := range t.Rows {
				if row.Kind != "total" {
					continue
				}
				end := int64(row.Values[8])
				switch {
				case i == 0 && row.Line == "Hộ":
					p.Poor = end
				case i == 0:
					p.PoorPersons = end
				case row.Line == "Hộ":
					p.Near = end
				default:
					p.NearPersons = end
				}
			}
		}
		tr.Points = append(tr.Points, p)
	}
	return tr, nil
}
