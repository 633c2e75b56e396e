package demo

import (
	"math"

	"giamngheo/poverty"
)

// housing sets the dwelling answers: the structures (at least the standard's minimum
// non-durable ones when deprived, fewer otherwise) and the floor area (below the
// per-person minimum when deprived, at or above it otherwise; whole m²).
func housing(r rng, s *poverty.Household, t *poverty.Thresholds, n int, badQuality, badArea bool) {
	nonDurable := 0
	switch {
	case badQuality:
		nonDurable = min(t.HousingNonDurableMin+r.IntN(2), 3)
	case r.chance(0.1):
		nonDurable = min(1, t.HousingNonDurableMin-1)
	}
	durable := [3]bool{true, true, true}
	for _, i := range r.Perm(3)[:nonDurable] {
		durable[i] = false
	}
	s.HouseWallsDurable, s.HouseColumnsDurable, s.HouseRoofDurable = &durable[0], &durable[1], &durable[2]

	limit := t.HousingAreaPerPersonM2 * float64(n)
	var area float64
	if badArea {
		area = math.Floor(limit * (0.4 + 0.55*r.Float64()))
		if area >= limit {
			area = math.Ceil(limit) - 1
		}
		area = max(area, 0)
	} else {
		area = math.Round(float64(n) * (12 + 23*r.Float64()))
		area = max(area, 20, math.Ceil(limit))
	}
	s.FloorAreaM2 = &area
}

// water draws the main water source: a clean one unless deprived. The shares of the
// tables below (water sources and latrine types) are SYNTHETIC.
func water(r rng, bad, rural, mountain bool) poverty.WaterSource {
	if bad {
		if mountain {
			return waterBadMountain.draw(r)
		}
		return waterBad.draw(r)
	}
	switch {
	case !rural:
		return waterUrban.draw(r)
	case mountain:
		return waterMountain.draw(r)
	}
	return waterRural.draw(r)
}

var (
	waterUrban       = newTable([]weighted[poverty.WaterSource]{{poverty.WaterTap, 85}, {poverty.WaterDrilledWell, 10}, {poverty.WaterBottled, 5}})
	waterRural       = newTable([]weighted[poverty.WaterSource]{{poverty.WaterTap, 70}, {poverty.WaterDrilledWell, 20}, {poverty.WaterRain, 7}, {poverty.WaterProtectedDugWell, 3}})
	waterMountain    = newTable([]weighted[poverty.WaterSource]{{poverty.WaterTap, 30}, {poverty.WaterProtectedSpring, 30}, {poverty.WaterDrilledWell, 15}, {poverty.WaterProtectedDugWell, 15}, {poverty.WaterRain, 10}})
	waterBadMountain = newTable([]weighted[poverty.WaterSource]{{poverty.WaterUnprotectedSpring, 4}, {poverty.WaterSurface, 3}, {poverty.WaterUnprotectedDugWell, 3}})
	waterBad         = newTable([]weighted[poverty.WaterSource]{{poverty.WaterUnprotectedDugWell, 5}, {poverty.WaterSurface, 3}, {poverty.WaterTanker, 1}, {poverty.WaterOther, 1}})
	latrineGood      = newTable([]weighted[poverty.Latrine]{{poverty.LatrineSeptic, 80}, {poverty.LatrineSemiSeptic, 12}, {poverty.LatrinePourFlush, 5}, {poverty.LatrineDoubleVault, 3}})
	latrineBad       = newTable([]weighted[poverty.Latrine]{{poverty.LatrineSimplePit, 60}, {poverty.LatrineHanging, 10}, {poverty.LatrineNone, 20}, {poverty.LatrineOther, 10}})
)

// latrine draws the latrine type: a hygienic one unless deprived.
func latrine(r rng, bad bool) poverty.Latrine {
	if bad {
		return latrineBad.draw(r)
	}
	return latrineGood.draw(r)
}

// devices returns the information devices: none of the standard's counted ones when
// deprived (an empty list, not "not answered"), at least one otherwise. A household
// that uses no telecom service has no smartphone, tablet or computer; one that does
// but lacks the counted devices has a basic phone.
func devices(r rng, t *poverty.Thresholds, bad, telecom bool) []poverty.Device {
	counted := func(d poverty.Device) bool {
		for _, x := range t.InfoDevices {
			if x == d {
				return true
			}
		}
		return false
	}
	out := []poverty.Device{}
	if bad {
		if telecom && !counted(poverty.DeviceBasicPhone) {
			out = append(out, poverty.DeviceBasicPhone)
		}
		return out
	}
	for _, x := range []struct {
		d       poverty.Device
		p       float64
		network bool
	}{{poverty.DeviceTV, 0.9, false}, {poverty.DeviceSmartphone, 0.85, true}, {poverty.DeviceComputer, 0.25, true},
		{poverty.DeviceTablet, 0.1, true}, {poverty.DeviceRadio, 0.05, false}, {poverty.DeviceBasicPhone, 0.3, true}} {
		if (telecom || !x.network) && r.chance(x.p) {
			out = append(out, x.d)
		}
	}
	for _, d := range out {
		if counted(d) {
			return out
		}
	}
	for _, d := range []poverty.Device{poverty.DeviceTV, poverty.DeviceRadio} {
		if counted(d) {
			return append(out, d)
		}
	}
	if len(t.InfoDevices) > 0 {
		out = append(out, t.InfoDevices[0])
	}
	return out
}
