package demo

// ethnicMix returns the SYNTHETIC ethnic composition used for a province (pre-2025
// code): approximate shares of the largest groups, rounded from general knowledge of
// the 2019 census and not to be quoted as statistics. The rest of the population is
// Kinh. Provinces not listed are taken as about 99 % Kinh (Hải Dương included).
func ethnicMix(code string) []weighted[string] {
	if m, ok := ethnicMixes[code]; ok {
		return m
	}
	return defaultMix
}

var defaultMix = []weighted[string]{{"Tày", 0.003}, {"Nùng", 0.002}, {"Mường", 0.002}, {"Hoa", 0.001}}

var ethnicMixes = map[string][]weighted[string]{
	"02": {{"H'Mông", .32}, {"Tày", .23}, {"Dao", .15}, {"Nùng", .10}, {"Giáy", .02}},
	"04": {{"Tày", .41}, {"Nùng", .31}, {"H'Mông", .10}, {"Dao", .10}},
	"06": {{"Tày", .54}, {"Dao", .17}, {"Nùng", .10}, {"H'Mông", .07}},
	"08": {{"Tày", .25}, {"Dao", .11}, {"Sán Chay", .07}, {"H'Mông", .03}},
	"10": {{"H'Mông", .25}, {"Tày", .15}, {"Dao", .15}, {"Giáy", .05}, {"Nùng", .04}},
	"11": {{"H'Mông", .35}, {"Thái", .34}, {"Khơ Mú", .03}},
	"12": {{"H'Mông", .40}, {"Thái", .32}, {"Dao", .13}},
	"14": {{"Thái", .54}, {"H'Mông", .17}, {"Mường", .08}, {"Dao", .02}},
	"15": {{"Tày", .19}, {"Dao", .11}, {"H'Mông", .11}, {"Thái", .07}},
	"17": {{"Mường", .64}, {"Thái", .04}, {"Dao", .02}},
	"19": {{"Tày", .11}, {"Nùng", .06}, {"Sán Dìu", .04}, {"Dao", .02}},
	"20": {{"Nùng", .43}, {"Tày", .35}, {"Dao", .04}},
	"22": {{"Dao", .05}, {"Tày", .04}, {"Sán Dìu", .02}},
	"24": {{"Nùng", .04}, {"Tày", .03}, {"Sán Chay", .02}, {"Sán Dìu", .02}},
	"25": {{"Mường", .13}, {"Dao", .01}},
	"26": {{"Sán Dìu", .03}},
	"37": {{"Mường", .02}},
	"38": {{"Mường", .09}, {"Thái", .06}},
	"40": {{"Thái", .095}, {"Khơ Mú", .014}, {"H'Mông", .01}},
	"44": {{"Vân Kiều", .02}},
	"45": {{"Vân Kiều", .09}},
	"49": {{"Xơ Đăng", .03}, {"Ba Na", .01}},
	"51": {{"Ba Na", .07}, {"Xơ Đăng", .07}},
	"58": {{"Chăm", .12}, {"Raglai", .11}},
	"60": {{"Chăm", .03}, {"Raglai", .01}},
	"62": {{"Xơ Đăng", .25}, {"Ba Na", .13}, {"Gia Rai", .05}},
	"64": {{"Gia Rai", .33}, {"Ba Na", .11}},
	"66": {{"Ê Đê", .18}, {"Nùng", .04}, {"Tày", .03}, {"M'Nông", .02}},
	"67": {{"M'Nông", .10}, {"Nùng", .09}, {"Tày", .06}, {"H'Mông", .05}},
	"68": {{"K'Ho", .12}, {"Tày", .02}, {"Nùng", .02}},
	"70": {{"Xtiêng", .09}, {"Khmer", .02}, {"Tày", .02}, {"Nùng", .02}},
	"72": {{"Khmer", .01}, {"Chăm", .003}},
	"75": {{"Hoa", .03}, {"Nùng", .016}, {"Tày", .01}},
	"79": {{"Hoa", .044}, {"Khmer", .004}},
	"84": {{"Khmer", .32}, {"Hoa", .01}},
	"89": {{"Khmer", .04}, {"Chăm", .006}, {"Hoa", .004}},
	"91": {{"Khmer", .12}, {"Hoa", .02}},
	"92": {{"Khmer", .02}, {"Hoa", .01}},
	"93": {{"Khmer", .02}},
	"94": {{"Khmer", .30}, {"Hoa", .05}},
	"95": {{"Khmer", .08}, {"Hoa", .03}},
	"96": {{"Khmer", .02}, {"Hoa", .01}},
}

// ethnicGroups is a province's composition ready for drawing: the minority groups
// (drawn when a household is a minority household) and their total share.
type ethnicGroups struct {
	minorities table[string]
	share      float64 // share of minority households in the province
	none       bool
}

func newEthnicGroups(mix []weighted[string]) ethnicGroups {
	var g ethnicGroups
	for _, x := range mix {
		g.share += x.w
	}
	if len(mix) == 0 || g.share <= 0 {
		return ethnicGroups{none: true}
	}
	g.minorities = newTable(mix)
	return g
}

// mergeMixes combines the mixes of several provinces weighted by their households.
func mergeMixes(codes []string, households []float64) []weighted[string] {
	total := 0.0
	for _, h := range households {
		total += h
	}
	acc := map[string]float64{}
	var order []string
	for i, c := range codes {
		for _, x := range ethnicMix(c) {
			if _, ok := acc[x.v]; !ok {
				order = append(order, x.v)
			}
			acc[x.v] += x.w * households[i] / total
		}
	}
	out := make([]weighted[string], len(order))
	for i, k := range order {
		out[i] = weighted[string]{k, acc[k]}
	}
	return out
}
