package demo

import "giamngheo/poverty"

// kix is the position of an indicator key in poverty.IndicatorKeys; the generator
// indexes small arrays with it instead of maps, which matters at 27 million
// households.
type kix int

const maxKeys = 16

var keyIndex = func() map[poverty.IndicatorKey]kix {
	if len(poverty.IndicatorKeys) > maxKeys {
		panic("demo: more indicators than maxKeys")
	}
	m := map[poverty.IndicatorKey]kix{}
	for i, k := range poverty.IndicatorKeys {
		m[k] = kix(i)
	}
	return m
}()

var (
	ixEmployment      = keyIndex[poverty.IndicatorEmployment]
	ixDependants      = keyIndex[poverty.IndicatorDependants]
	ixNutrition       = keyIndex[poverty.IndicatorNutrition]
	ixHealthInsurance = keyIndex[poverty.IndicatorHealthInsurance]
	ixAdultEducation  = keyIndex[poverty.IndicatorAdultEducation]
	ixChildSchooling  = keyIndex[poverty.IndicatorChildSchooling]
	ixHousingQuality  = keyIndex[poverty.IndicatorHousingQuality]
	ixHousingArea     = keyIndex[poverty.IndicatorHousingArea]
	ixWater           = keyIndex[poverty.IndicatorWater]
	ixLatrine         = keyIndex[poverty.IndicatorLatrine]
	ixTelecom         = keyIndex[poverty.IndicatorTelecom]
	ixInfoDevices     = keyIndex[poverty.IndicatorInfoDevices]
	ixWaste           = keyIndex[poverty.IndicatorWaste]
)

// weightsByProfile is indicatorWeights as arrays; an indicator without a weight
// gets 0.5.
var weightsByProfile = func() [3][maxKeys]float64 {
	var out [3][maxKeys]float64
	for p, ws := range indicatorWeights {
		for i := range out[p] {
			out[p][i] = 0.5
		}
		for k, w := range ws {
			out[p][keyIndex[k]] = w
		}
	}
	return out
}()

// stdKeys is what the generator needs to know of a standard's indicator list.
type stdKeys struct {
	list []kix         // the standard's indicators, in its order
	has  [maxKeys]bool // membership
}

func newStdKeys(std *poverty.Standard) stdKeys {
	var s stdKeys
	for _, spec := range std.Indicators {
		if i, ok := keyIndex[spec.Key]; ok {
			s.list = append(s.list, i)
			s.has[i] = true
		}
	}
	return s
}
