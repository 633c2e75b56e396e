package demo

import (
	"strconv"

	"giamngheo/admin"
)

// Named villages (SYNTHETIC: common place-name patterns, not a list of real villages).
var (
	namedThon = []string{"Đông", "Đoài", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Tiền", "Hậu",
		"Cầu", "Chùa", "Đình", "An Lạc", "Phú Lộc", "Tân Hưng", "Lương Xá", "Hoà Bình", "Đại Đồng",
		"Văn Thai", "Mỹ Xá", "Phúc Thọ", "Kim Lũ", "Ngọc Lâm", "Quang Tiền", "Bình Minh", "Thanh Xá"}
	namedAp = []string{"Tân Hoà", "Phú Lợi", "Long Thạnh", "Bình An", "Mỹ Phước", "Thạnh Hưng",
		"Tân Thới", "Hoà Lợi", "Phước Hậu", "Vĩnh Thạnh", "An Khánh", "Thới Bình", "Cây Dương", "Kinh Mới"}
	namedBan = []string{"Nà Hang", "Pác Ngòi", "Nậm Cang", "Tả Van", "Sin Chải", "Phiêng Luông",
		"Khuổi Nầm", "Nà Khoang", "Hua Pàng", "Lũng Cú", "Mường Hum", "Co Muồng", "Bản Lầu", "Nà Tấu"}
)

// villageNames returns the names of a commune's 5–15 villages. They depend on the
// seed and the commune code only, so a commune keeps its villages whatever the
// number of households asked for.
func villageNames(seed int64, c *admin.Unit, p *provPlan) []string {
	r := newRNG(seed, "villages/"+c.Code)
	n := r.between(5, 15)
	out := make([]string, n)
	numbered := func(prefix string) {
		for i := range out {
			out[i] = prefix + " " + strconv.Itoa(i+1)
		}
	}
	named := func(prefix string, names []string) {
		perm := r.Perm(len(names))
		for i := range out {
			if i < len(perm) {
				out[i] = prefix + " " + names[perm[i]]
			} else {
				out[i] = prefix + " " + strconv.Itoa(i+1)
			}
		}
	}
	switch {
	case c.Urban():
		if p.south && r.chance(0.5) {
			numbered("Khu phố")
		} else {
			numbered("Tổ dân phố")
		}
	case p.south:
		if r.chance(0.6) {
			numbered("Ấp")
		} else {
			named("Ấp", namedAp)
		}
	case p.mountain && r.chance(0.5):
		if r.chance(0.5) {
			numbered("Bản")
		} else {
			named("Bản", namedBan)
		}
	default:
		switch x := r.Float64(); {
		case x < 0.4:
			numbered("Thôn")
		case x < 0.6:
			numbered("Khu")
		default:
			named("Thôn", namedThon)
		}
	}
	return out
}
