package demo

import "testing"

// BenchmarkGenerate measures generation alone (no classification), in households per
// second, for Hải Dương on the 2022 reference date.
func BenchmarkGenerate(b *testing.B) {
	g, err := New(Config{Provinces: []string{"30"}, Households: max(b.N, 1), Seed: 1, ReferenceDate: date(2022, 10, 1)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for range g.Households() {
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "households/s")
}
