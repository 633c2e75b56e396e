package review

// Class is a household's poverty class as a review records it. The values are the
// strings of poverty.Class; review keeps its own type so that the two packages stay
// independent (the service converts between them).
type Class string

// The classes. ClassNone means "on no list": never classified, or not poor and not
// near-poor without a finer class.
const (
	ClassNone     Class = ""
	ClassPoor     Class = "poor"      // hộ nghèo
	ClassNearPoor Class = "near_poor" // hộ cận nghèo
	ClassMiddle   Class = "middle"    // hộ làm NLNDN có mức sống trung bình
	ClassNotPoor  Class = "not_poor"  // không thuộc hộ nghèo, hộ cận nghèo
)

// Classes lists every class except ClassNone, in report order.
var Classes = []Class{ClassPoor, ClassNearPoor, ClassMiddle, ClassNotPoor}

var classLabels = map[Class][2]string{
	ClassNone:     {"Chưa xác định", "not classified"},
	ClassPoor:     {"Hộ nghèo", "poor"},
	ClassNearPoor: {"Hộ cận nghèo", "near-poor"},
	ClassMiddle:   {"Hộ có mức sống trung bình", "middle living standard"},
	ClassNotPoor:  {"Không thuộc hộ nghèo, hộ cận nghèo", "neither poor nor near-poor"},
}

// Valid reports whether c is a known class or ClassNone.
func (c Class) Valid() bool {
	_, ok := classLabels[c]
	return ok
}

// Below reports whether the class is under the near-poor line (poor or near-poor):
// the households the commune manages on its lists.
func (c Class) Below() bool {
	return c == ClassPoor || c == ClassNearPoor
}

// Label returns the Vietnamese name of the class.
func (c Class) Label() string { return label(classLabels, c, 0) }

// LabelEN returns the English name of the class.
func (c Class) LabelEN() string { return label(classLabels, c, 1) }

// label looks a value up in a label table, falling back to the raw code so that an
// unknown value still shows something recognisable.
func label[K ~string](m map[K][2]string, k K, i int) string {
	if l, ok := m[k]; ok {
		return l[i]
	}
	return string(k)
}
