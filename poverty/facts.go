package poverty

import (
	"encoding/binary"
	"math"
	"time"
)

// The compact form of a household's answers ("facts") is what the rules read of them,
// as numbers: the household's answers in 9 bytes (and its income and floor area when
// given), each member in 4 bytes, no names. It is made once, when the answers are
// stored (EncodeFacts), so that a simulation over a province reads and classifies a
// few dozen bytes per household instead of decoding and validating its JSON
// (ClassifyFacts; docs/adr/0014-compact-facts.md). ClassifyFacts gives what Classify
// gives for the household it was made of (TestClassifyFactsMatchesClassify,
// FuzzClassifyFacts): both end in judge, the one implementation of the rules.
//
// Layout (version 1), little-endian:
//
//	[0] version   [1] flags: 1 farm, 2 income, 4 floor area, 8 devices answered, area << 4
//	[2] walls | columns << 2 | roof << 4 | telecom << 6   [3] waste   (tri: 0 unanswered, 1 yes, 2 no)
//	[4] water code   [5] latrine code   [6:8] devices mask   [8] members
//	income (uvarint) if flag 2; floor area (float64 bits, 8 bytes) if flag 4;
//	then each member, 4 bytes: birth year − MinBirthYear (9 bits), month (4), day (5),
//	female (1), disability allowance (1), health insurance (2), malnourished (2),
//	schooling (4), employment (3).
const factsVersion = 1

const (
	factFarm = 1 << iota
	factIncome
	factFloor
	factDevices
)

// factsHeader is the length of the fixed part.
const factsHeader = 9

// EncodeFacts returns the compact form of h, or nil when h has none: its answers are
// not valid (Validate says why), or it answers the B1 score card, which reads its
// answers by key (such a household is classified from its answers).
func EncodeFacts(h *Household) []byte {
	var hf houseFact
	if len(h.ScoreAnswers) > 0 || h.validate(Date{}, nil, &hf) != nil {
		return nil
	}
	b := make([]byte, factsHeader, factsHeader+binary.MaxVarintLen64+8+4*len(h.Members))
	b[0] = factsVersion
	var flags byte
	if hf.farm {
		flags |= factFarm
	}
	if hf.hasIncome {
		flags |= factIncome
	}
	if hf.hasFloor {
		flags |= factFloor
	}
	if hf.devicesAnswered {
		flags |= factDevices
	}
	flags |= hf.area << 4
	b[1] = flags
	b[2] = byte(hf.walls) | byte(hf.columns)<<2 | byte(hf.roof)<<4 | byte(hf.telecom)<<6
	b[3] = byte(hf.waste)
	b[4], b[5] = byte(hf.water), byte(hf.latrine) // ≥ 0 once valid
	binary.LittleEndian.PutUint16(b[6:], uint16(hf.devices))
	b[8] = byte(len(h.Members)) // ≤ MaxMembers
	if hf.hasIncome {
		b = binary.AppendUvarint(b, uint64(hf.income))
	}
	if hf.hasFloor {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(hf.floor))
	}
	for i := range h.Members {
		d, f, _ := h.Members[i].validate(i) // valid: h.validate read them
		v := uint32(d.Year-MinBirthYear) | uint32(d.Month)<<9 | uint32(d.Day)<<13 |
			uint32(bit(f.female))<<18 | uint32(bit(f.disabled))<<19 | uint32(f.insurance)<<20 | uint32(f.malnourished)<<22 |
			uint32(f.school)<<24 | uint32(f.work)<<28
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

func bit(v bool) byte {
	if v {
		return 1
	}
	return 0
}

func areaCode(a Area) uint8 {
	switch a {
	case Rural:
		return 1
	case Urban:
		return 2
	}
	return 0
}

var areaOfCode = [4]Area{"", Rural, Urban, ""}

// FactsMembers returns the number of members of a compact form and how many of them
// attend school (studying, at or below the level for their age); 0, 0 when b is not
// a compact form.
func FactsMembers(b []byte) (members, studying int) {
	if len(b) < factsHeader || b[0] != factsVersion {
		return 0, 0
	}
	n := int(b[8])
	p := len(b) - 4*n
	if p < factsHeader {
		return 0, 0
	}
	for i := range n {
		switch schoolCode(b[p+4*i+3] & 0xf) {
		case schoolStudying, schoolStudyingBelowLevel:
			studying++
		}
	}
	return n, studying
}

// ClassifyFacts classifies the household whose compact form is b (EncodeFacts) under
// std on the reference date ref, in area unless the household carries its own, into
// r, as Classify classifies the household itself (r is filled whatever it held; on
// an error it is undefined). b from anything but EncodeFacts is refused (field
// "facts"). A FactsClassifier does the same without clearing its work space.
func ClassifyFacts(r *Result, b []byte, std *Standard, area Area, ref Date) error {
	var c FactsClassifier
	return c.Classify(r, b, std, area, ref)
}

// FactsClassifier classifies compact forms one after the other (issue 16 item 4: a
// province is millions): it keeps its work space from one to the next instead of
// clearing it. Its zero value is ready; it must not be used by two goroutines at once.
type FactsClassifier struct {
	ages memberFacts
	a    assessment
}

// Classify is ClassifyFacts.
func (c *FactsClassifier) Classify(r *Result, b []byte, std *Standard, area Area, ref Date) error {
	if std == nil || !std.ready {
		return errNoStandard()
	}
	a := &c.a
	n, err := readFacts(b, ref, &c.ages, &a.house)
	if err != nil {
		return err
	}
	if a.house.area != 0 {
		area = areaOfCode[a.house.area]
	}
	if !area.Valid() {
		return errNoArea()
	}
	return judge(r, n, std, area, ref, nil, &c.ages, a)
}

// readFacts fills hf and the members' facts on ref from b and returns the number of
// members.
func readFacts(b []byte, ref Date, ages *memberFacts, hf *houseFact) (int, error) {
	if len(b) < factsHeader || b[0] != factsVersion {
		return 0, errFacts()
	}
	flags := b[1]
	hf.farm, hf.hasIncome, hf.hasFloor, hf.devicesAnswered = flags&factFarm != 0, flags&factIncome != 0, flags&factFloor != 0, flags&factDevices != 0
	hf.area = flags >> 4 & 3
	hf.walls, hf.columns, hf.roof, hf.telecom, hf.waste = tri(b[2]&3), tri(b[2]>>2&3), tri(b[2]>>4&3), tri(b[2]>>6), tri(b[3]&3)
	hf.water, hf.latrine, hf.devices = int8(b[4]), int8(b[5]), answerMask(binary.LittleEndian.Uint16(b[6:]))
	hf.floor, hf.income = 0, 0
	n := int(b[8])
	p := factsHeader
	if hf.hasIncome {
		v, k := binary.Uvarint(b[p:])
		if k <= 0 || v > MaxIncome12m {
			return 0, errFacts()
		}
		hf.income, p = int64(v), p+k
	}
	if hf.hasFloor {
		if len(b) < p+8 {
			return 0, errFacts()
		}
		hf.floor, p = math.Float64frombits(binary.LittleEndian.Uint64(b[p:])), p+8
	}
	if n == 0 || n > MaxMembers || len(b) != p+4*n {
		return 0, errFacts()
	}
	for i := range n {
		v := binary.LittleEndian.Uint32(b[p+4*i:])
		d := Date{Year: int(v&0x1ff) + MinBirthYear, Month: time.Month(v >> 9 & 0xf), Day: int(v >> 13 & 0x1f)}
		age, err := ageOn(i, d, ref)
		if err != nil {
			return 0, err
		}
		// Field by field: a composite literal is built on the stack byte by byte and
		// copied as one word, which stalls the processor (store forwarding).
		f := &ages[i]
		f.age, f.female, f.disabled = int16(age), v>>18&1 != 0, v>>19&1 != 0
		f.insurance, f.malnourished, f.school, f.work = tri(v>>20&3), tri(v>>22&3), schoolCode(v>>24&0xf), workCode(v>>28&7)
	}
	return n, nil
}

func errFacts() error {
	return invalid("facts", "Dạng thu gọn của phiếu khảo sát không đọc được", "the compact form of the survey cannot be read")
}
