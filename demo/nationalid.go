package demo

import (
	"strconv"

	"giamngheo/registry"
)

// Shares of deliberate errors in national IDs, so that the import's warnings have
// something to find (SYNTHETIC rates chosen for demonstrations).
const (
	// idMismatchRate is the share of IDs whose sex/century digit, birth-year digits or
	// province code disagree with the record.
	idMismatchRate = 0.003
	// idDuplicateRate is the share of IDs that repeat another person's number: half of
	// them within the household (a typical copy error), half from a recent household
	// of the same commune.
	idDuplicateRate = 0.002
	// idRecordedRate is the share of members from idMinAge who have an ID recorded.
	idRecordedRate = 0.97
	// idMinAge: citizens get a CCCD from the age of 14 (Law on Citizen
	// Identification 2014, Art. 19).
	idMinAge = 14
	// idBornElsewhere is the share of people whose birth was registered in another
	// province (SYNTHETIC).
	idBornElsewhere = 0.08
)

// badProvinceCodes are three-digit prefixes that are not province codes.
var badProvinceCodes = []string{"003", "005", "007", "009", "013", "016", "018", "021", "023"}

// nationalIDs gives the members aged idMinAge or more a 12-digit national ID laid out
// as registry/nationalid.go checks it: province of birth registration (3 digits),
// century and sex (0/1 male/female born 1900–1999, 2/3 for 2000–2099), the last two
// digits of the birth year, then 6 random digits.
func (cg *communeGen) nationalIDs(h *registry.Household, ps []person) {
	r := cg.r
	for i, p := range ps {
		if p.age < idMinAge || !r.chance(idRecordedRate) {
			continue
		}
		m := &h.Members[i]
		if r.chance(idDuplicateRate) {
			if id := cg.duplicate(h, i); id != "" {
				m.NationalID = id
				continue
			}
		}
		year, _ := strconv.Atoi(m.BirthDate[:4])
		prov := pick(r, cg.c.prov.idCodes)
		if r.chance(idBornElsewhere) {
			prov = "0" + pick(r, provinces).code
		}
		g := 2 * ((year - 1900) / 100)
		if m.Sex == "female" {
			g++
		}
		yy := year % 100
		if r.chance(idMismatchRate) {
			switch r.IntN(3) {
			case 0:
				g ^= 1 // the other sex
			case 1:
				yy = (yy + 1 + r.IntN(9)) % 100 // a wrong birth year
			default:
				prov = pick(r, badProvinceCodes)
			}
		}
		b := make([]byte, 0, 12)
		b = append(b, prov...)
		b = append(b, byte('0'+g), byte('0'+yy/10), byte('0'+yy%10))
		serial := cg.ids.serial(cg.g.cfg.Seed, string(b))
		for d := 100000; d > 0; d /= 10 {
			b = append(b, byte('0'+serial/d%10))
		}
		m.NationalID = string(b)
		if len(cg.recent) < 32 {
			cg.recent = append(cg.recent, m.NationalID)
		} else {
			cg.recent[r.IntN(len(cg.recent))] = m.NationalID
		}
	}
}

// duplicate returns another person's ID to copy for member i: an earlier member of the
// same household, or a recent one of the commune; "" when there is none.
func (cg *communeGen) duplicate(h *registry.Household, i int) string {
	r := cg.r
	if r.chance(0.5) {
		for j := i - 1; j >= 0; j-- {
			if id := h.Members[j].NationalID; id != "" {
				return id
			}
		}
	}
	if len(cg.recent) > 0 {
		return pick(r, cg.recent)
	}
	return ""
}

// idSerials hands out the last six digits of national IDs so that no two people of a
// run share a number by accident (random digits would: at national scale thousands of
// people share each prefix, and the deliberate duplicates would drown in chance ones).
// For each six-digit prefix (province, century and sex, year) the n-th number is
// (a·n + b) mod 10⁶ with a fixed a coprime to 10⁶ and b drawn from the seed and the
// prefix: distinct for a million people per prefix, and random-looking.
type idSerials map[string]int

func (s idSerials) serial(seed int64, prefix string) int {
	n := s[prefix]
	s[prefix] = n + 1
	b, _ := mix(uint64(seed), "id/"+prefix)
	const a = 387_413 // odd, not a multiple of 5: coprime to 10⁶
	return int((uint64(a)*uint64(n) + b%1_000_000) % 1_000_000)
}
