package demo

import (
	"cmp"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
)

// rng is the random source of one commune. Every commune gets its own stream, seeded
// from the configuration seed and the commune code, so that a commune's households do
// not depend on the other communes generated in the same run.
type rng struct{ *rand.Rand }

func newRNG(seed int64, key string) rng {
	a, b := mix(uint64(seed), key)
	return rng{rand.New(rand.NewPCG(a, b))}
}

// mix derives two 64-bit seeds from a seed and a key (FNV-1a, then SplitMix64).
func mix(seed uint64, key string) (uint64, uint64) {
	h := fnv.New64a()
	h.Write([]byte(key))
	k := h.Sum64()
	return splitmix(seed ^ k), splitmix(seed + 0x9e3779b97f4a7c15*k + 1)
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// unit returns a deterministic number in [0, 1) for a key: used for the fixed traits
// of a unit (size and rate noise) that do not depend on the run's seed.
func unit(key string) float64 {
	a, _ := mix(0x5eed, key)
	return float64(a>>11) / (1 << 53)
}

// lognoise returns a deterministic log-normal factor with median 1 for a key.
func lognoise(key string, sigma float64) float64 {
	u := unit(key)
	u = math.Min(math.Max(u, 1e-9), 1-1e-9)
	return math.Exp(sigma * normInv(u))
}

// normInv is an approximation of the inverse standard normal CDF (Acklam), good to
// about 1e-9: plenty for drawing noise.
func normInv(p float64) float64 {
	a := [...]float64{-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00}
	b := [...]float64{-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01}
	c := [...]float64{-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00}
	d := [...]float64{7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00}
	const lo = 0.02425
	switch {
	case p < lo:
		q := math.Sqrt(-2 * math.Log(p))
		return (((((c[0]*q+c[1])*q+c[2])*q+c[3])*q+c[4])*q + c[5]) / ((((d[0]*q+d[1])*q+d[2])*q+d[3])*q + 1)
	case p > 1-lo:
		q := math.Sqrt(-2 * math.Log(1-p))
		return -(((((c[0]*q+c[1])*q+c[2])*q+c[3])*q+c[4])*q + c[5]) / ((((d[0]*q+d[1])*q+d[2])*q+d[3])*q + 1)
	}
	q := p - 0.5
	r := q * q
	return (((((a[0]*r+a[1])*r+a[2])*r+a[3])*r+a[4])*r + a[5]) * q / (((((b[0]*r+b[1])*r+b[2])*r+b[3])*r+b[4])*r + 1)
}

// chance reports true with probability p.
func (r rng) chance(p float64) bool { return r.Float64() < p }

// between returns an integer in [lo, hi].
func (r rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// weighted is a value with a relative weight.
type weighted[T any] struct {
	v T
	w float64
}

// table is a list of weighted values with their cumulative weights, for drawing.
type table[T any] struct {
	vals []T
	cum  []float64
}

func newTable[T any](ws []weighted[T]) table[T] {
	t := table[T]{vals: make([]T, len(ws)), cum: make([]float64, len(ws))}
	s := 0.0
	for i, x := range ws {
		s += x.w
		t.vals[i], t.cum[i] = x.v, s
	}
	return t
}

func (t table[T]) draw(r rng) T {
	x := r.Float64() * t.cum[len(t.cum)-1]
	lo, hi := 0, len(t.cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if t.cum[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return t.vals[lo]
}

// pick returns a uniformly chosen element.
func pick[T any](r rng, xs []T) T { return xs[r.IntN(len(xs))] }

// apportion splits total into len(weights) integers proportional to weights (largest
// remainder, ties to the lower index): deterministic and exact.
func apportion(total int, weights []float64) []int {
	out := make([]int, len(weights))
	if total <= 0 || len(weights) == 0 {
		return out
	}
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	if sum <= 0 {
		weights = make([]float64, len(weights))
		for i := range weights {
			weights[i] = 1
		}
		sum = float64(len(weights))
	}
	type rem struct {
		i int
		f float64
	}
	rems := make([]rem, len(weights))
	given := 0
	for i, w := range weights {
		x := float64(total) * w / sum
		out[i] = int(x)
		given += out[i]
		rems[i] = rem{i, x - float64(out[i])}
	}
	// The largest remainders get one more; ties go to the lower index.
	slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Compare(b.f, a.f) })
	for k := 0; given < total; k++ {
		out[rems[k].i]++
		given++
	}
	return out
}
