package store

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"giamngheo/poverty"
)

// The survey and member answer columns are JSON written by registry.EncodeSurvey and
// registry.EncodeMemberAnswers: flat objects of known keys. A simulation decodes
// millions of them, where encoding/json's reflection costs several times the read
// (docs/benchmarks.md). These decoders read exactly that layout; anything else (an
// escaped string, an unknown key, score answers, a malformed value) is handed to
// encoding/json, so the result is always what json.Unmarshal gives
// (TestSurveyJSONMatchesEncodingJSON, FuzzSurveyJSON).

// decodeSurveyJSON fills h (zero) from a survey column; its strings and answer values
// come from a when it is not nil.
func decodeSurveyJSON(b []byte, h *poverty.Household, a *arena) error {
	if (&jscan{b: b, a: a}).survey(h) {
		return nil
	}
	*h = poverty.Household{}
	return json.Unmarshal(b, h)
}

// decodeMemberJSON fills m (zero) from a member's answers column; its strings and
// answer values come from a when it is not nil.
func decodeMemberJSON(b []byte, m *poverty.Member, a *arena) error {
	if (&jscan{b: b, a: a}).member(m) {
		return nil
	}
	*m = poverty.Member{}
	return json.Unmarshal(b, m)
}

// jscan is a cursor over one JSON text; its methods report false on anything the fast
// path does not handle.
type jscan struct {
	b []byte
	i int
	a *arena
}

// arena hands out the strings and answer values of a batch of decoded households from
// a few large allocations instead of one per value (a province has millions). It only
// ever appends, and starts a new block when one is full, so nothing it handed out is
// overwritten, and a value kept by a caller keeps its block alive like any Go value.
// A nil arena allocates each value.
type arena struct {
	text    []byte
	bools   []bool
	ints    []int64
	floats  []float64
	members []poverty.Member
}

const arenaBlock = 4096

// string returns a string with the bytes of v.
func (a *arena) string(v []byte) string {
	if a == nil || len(v) == 0 || len(v) > arenaBlock {
		return string(v)
	}
	if len(a.text)+len(v) > cap(a.text) {
		a.text = make([]byte, 0, 16*arenaBlock)
	}
	start := len(a.text)
	a.text = append(a.text, v...)
	// The block is never written again below len(a.text): the string stays as made.
	return unsafe.String(&a.text[start], len(v))
}

func arenaValue[T any](block *[]T, v T) *T {
	if len(*block) == cap(*block) {
		*block = make([]T, 0, arenaBlock)
	}
	*block = append(*block, v)
	return &(*block)[len(*block)-1]
}

func (a *arena) bool(v bool) *bool {
	if a == nil {
		return &v
	}
	return arenaValue(&a.bools, v)
}

func (a *arena) int64(v int64) *int64 {
	if a == nil {
		return &v
	}
	return arenaValue(&a.ints, v)
}

func (a *arena) float64(v float64) *float64 {
	if a == nil {
		return &v
	}
	return arenaValue(&a.floats, v)
}

// memberSlice returns n zero members, with no room to grow into the next household's.
func (a *arena) memberSlice(n int) []poverty.Member {
	if a == nil || n > arenaBlock/4 {
		return make([]poverty.Member, n)
	}
	if len(a.members)+n > cap(a.members) {
		a.members = make([]poverty.Member, 0, arenaBlock)
	}
	start := len(a.members)
	a.members = a.members[:start+n]
	return a.members[start : start+n : start+n]
}

func (s *jscan) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jscan) eat(c byte) bool {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// str reads a string without escapes or control characters.
func (s *jscan) str() ([]byte, bool) {
	if !s.eat('"') {
		return nil, false
	}
	start, ascii := s.i, true
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			v := s.b[start : s.i-1]
			// encoding/json replaces invalid UTF-8 with U+FFFD: leave that to it.
			return v, ascii || utf8.Valid(v)
		case c == '\\' || c < 0x20:
			return nil, false
		case c >= 0x80:
			ascii = false
		}
		s.i++
	}
	return nil, false
}

// word reads true, false or null.
func (s *jscan) word() (string, bool) {
	s.ws()
	for _, w := range [...]string{"true", "false", "null"} {
		if bytes.HasPrefix(s.b[s.i:], []byte(w)) {
			s.i += len(w)
			return w, true
		}
	}
	return "", false
}

// optBool reads true, false or null (nil).
func (s *jscan) optBool() (*bool, bool) {
	w, ok := s.word()
	switch {
	case !ok:
		return nil, false
	case w == "null":
		return nil, true
	}
	return s.a.bool(w == "true"), true
}

func (s *jscan) number() ([]byte, bool) {
	s.ws()
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			s.i++
			continue
		}
		break
	}
	return s.b[start:s.i], validNumber(s.b[start:s.i])
}

// validNumber reports whether b is a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func validNumber(b []byte) bool {
	i := 0
	digits := func() int {
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i < len(b) && b[i] == '0' {
		i++
	} else if digits() == 0 {
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(b)
}

// skip passes over one value of any kind (the registry's own keys).
func (s *jscan) skip() bool {
	s.ws()
	if s.i >= len(s.b) {
		return false
	}
	switch s.b[s.i] {
	case '"':
		_, ok := s.str()
		return ok
	case '{', '[':
		open, close := s.b[s.i], byte('}')
		if open == '[' {
			close = ']'
		}
		s.i++
		if s.eat(close) {
			return true
		}
		for {
			if open == '{' {
				if _, ok := s.str(); !ok || !s.eat(':') {
					return false
				}
			}
			if !s.skip() {
				return false
			}
			if s.eat(close) {
				return true
			}
			if !s.eat(',') {
				return false
			}
		}
	case 't', 'f', 'n':
		_, ok := s.word()
		return ok
	}
	_, ok := s.number()
	return ok
}

// object calls field for each key of an object and reports whether the whole object,
// and nothing after it, was read.
func (s *jscan) object(field func(key []byte) bool) bool {
	if !s.eat('{') {
		return false
	}
	if !s.eat('}') {
		for {
			k, ok := s.str()
			if !ok || !s.eat(':') || !field(k) {
				return false
			}
			if s.eat('}') {
				break
			}
			if !s.eat(',') {
				return false
			}
		}
	}
	s.ws()
	return s.i == len(s.b)
}

// enum returns the interned text of an answer (the lists are short and fixed).
func enum(b []byte) string {
	if v, ok := interned[string(b)]; ok {
		return v
	}
	return string(b)
}

var interned = func() map[string]string {
	m := map[string]string{}
	for _, v := range []string{"rural", "urban", "male", "female", "red_river_delta", "northern_midlands_mountains", "north_central_coast",
		"central_highlands", "southeast", "mekong_delta",
		"studying", "studying_below_level", "none", "finished_primary", "finished_lower_secondary", "finished_upper_secondary", "vocational", "higher_education",
		"employed_with_contract", "employed_no_contract", "self_employed", "unemployed", "not_in_labour_force",
		"tap", "drilled_well", "protected_dug_well", "unprotected_dug_well", "protected_spring", "unprotected_spring", "rainwater", "bottled", "tanker", "surface", "other",
		"septic", "semi_septic", "pour_flush", "double_vault", "ventilated_pit", "simple_pit", "hanging",
		"tv", "radio", "computer", "tablet", "smartphone", "basic_phone"} {
		m[v] = v
	}
	return m
}()

func (s *jscan) survey(h *poverty.Household) bool {
	return s.object(func(k []byte) bool {
		var ok bool
		switch string(k) {
		case "area":
			var v []byte
			v, ok = s.str()
			h.Area = poverty.Area(enum(v))
		case "region":
			var v []byte
			v, ok = s.str()
			h.Region = poverty.Region(enum(v))
		case "farm_household":
			var w string
			w, ok = s.word()
			h.FarmHousehold, ok = w == "true", ok && w != "null"
		case "income_12m":
			if w, isWord := s.word(); isWord {
				return w == "null"
			}
			v, isNum := s.number()
			n, err := strconv.ParseInt(string(v), 10, 64)
			if !isNum || err != nil {
				return false
			}
			h.Income12m, ok = s.a.int64(n), true
		case "floor_area_m2":
			if w, isWord := s.word(); isWord {
				return w == "null"
			}
			v, isNum := s.number()
			f, err := strconv.ParseFloat(string(v), 64)
			if !isNum || err != nil {
				return false
			}
			h.FloorAreaM2, ok = s.a.float64(f), true
		case "house_walls_durable":
			h.HouseWallsDurable, ok = s.optBool()
		case "house_columns_durable":
			h.HouseColumnsDurable, ok = s.optBool()
		case "house_roof_durable":
			h.HouseRoofDurable, ok = s.optBool()
		case "telecom":
			h.Telecom, ok = s.optBool()
		case "waste_treated":
			h.WasteTreated, ok = s.optBool()
		case "water_source":
			var v []byte
			v, ok = s.str()
			h.WaterSource = poverty.WaterSource(enum(v))
		case "latrine":
			var v []byte
			v, ok = s.str()
			h.Latrine = poverty.Latrine(enum(v))
		case "devices":
			return s.devices(h)
		case "members":
			w, isWord := s.word()
			return isWord && w == "null"
		case "livelihood", "traits":
			return s.skip() // the registry's land, livestock and traits: not rules inputs
		default:
			return false // score_answers and anything unexpected: encoding/json
		}
		return ok
	})
}

func (s *jscan) devices(h *poverty.Household) bool {
	if w, isWord := s.word(); isWord {
		return w == "null"
	}
	if !s.eat('[') {
		return false
	}
	h.Devices = make([]poverty.Device, 0, 4)
	if s.eat(']') {
		return true
	}
	for {
		v, ok := s.str()
		if !ok {
			return false
		}
		h.Devices = append(h.Devices, poverty.Device(enum(v)))
		if s.eat(']') {
			return true
		}
		if !s.eat(',') {
			return false
		}
	}
}

func (s *jscan) member(m *poverty.Member) bool {
	return s.object(func(k []byte) bool {
		var ok bool
		var v []byte
		switch string(k) {
		case "name":
			v, ok = s.str()
			m.Name = s.a.string(v)
		case "sex":
			v, ok = s.str()
			m.Sex = poverty.Sex(enum(v))
		case "birth_date":
			v, ok = s.str()
			m.BirthDate = s.a.string(v)
		case "health_insurance":
			m.HealthInsurance, ok = s.optBool()
		case "schooling":
			v, ok = s.str()
			m.Schooling = poverty.Schooling(enum(v))
		case "employment":
			v, ok = s.str()
			m.Employment = poverty.Employment(enum(v))
		case "disability_allowance":
			var w string
			w, ok = s.word()
			m.DisabilityAllowance, ok = w == "true", ok && w != "null"
		case "malnourished":
			m.Malnourished, ok = s.optBool()
		case "social_allowance":
			return s.skip() // the registry's own answer
		default:
			return false
		}
		return ok
	})
}
