package demo

import (
	"syscall"
	"testing"
	"time"

	"giamngheo/poverty"
)

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

// BenchmarkClassifyGenerated measures the pure classification (poverty.Classify, no
// explanation, one goroutine) of generated households of Hải Dương as the registry
// holds them (3.5 members on average, the province's mix of ages and answers), in
// households per second of wall time and per second of CPU time on one core.
// poverty.BenchmarkClassify measures a harder synthetic mix (4.5 members).
func BenchmarkClassifyGenerated(b *testing.B) {
	// 1,024 households stay in the processor's cache, as a household just decoded by the
	// simulation's reader does (as in poverty.BenchmarkClassify).
	g, ref, items := benchProvince(b)
	std := g.Standard()
	for _, it := range items {
		if _, err := poverty.Classify(it.h, std, it.area, ref, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	i, cpu := 0, cpuTime(b)
	for b.Loop() {
		it := &items[i&(len(items)-1)]
		if r, err := poverty.Classify(it.h, std, it.area, ref, nil); err != nil || r.Class == "" {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "households/s")
	b.ReportMetric(float64(i)/(cpuTime(b)-cpu).Seconds(), "households/cpu-s")
}

// BenchmarkClassifyGeneratedFacts measures what a simulation does with the same
// households: classify their compact form (poverty.EncodeFacts, as the registry stores
// it) with one poverty.FactsClassifier, one goroutine.
func BenchmarkClassifyGeneratedFacts(b *testing.B) {
	g, ref, items := benchProvince(b)
	facts := make([][]byte, len(items))
	for i, it := range items {
		if facts[i] = poverty.EncodeFacts(it.h); facts[i] == nil {
			b.Fatalf("household %d has no compact form", i)
		}
	}
	std, day := g.Standard(), poverty.DateOf(ref)
	var c poverty.FactsClassifier
	var r poverty.Result
	b.ReportAllocs()
	b.ResetTimer()
	i, cpu := 0, cpuTime(b)
	for b.Loop() {
		j := i & (len(items) - 1)
		if err := c.Classify(&r, facts[j], std, items[j].area, day); err != nil || r.Class == "" {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "households/s")
	b.ReportMetric(float64(i)/(cpuTime(b)-cpu).Seconds(), "households/cpu-s")
}

// benchItem is a generated household's answers and its commune's area.
type benchItem struct {
	h    *poverty.Household
	area poverty.Area
}

// benchProvince generates 1,024 households of Hải Dương (a power of two: the loops
// index them with a mask).
func benchProvince(b *testing.B) (*Generator, time.Time, []benchItem) {
	ref := date(2024, 10, 1)
	g, err := New(Config{Provinces: []string{"30"}, Households: 1 << 10, Seed: 1, ReferenceDate: ref})
	if err != nil {
		b.Fatal(err)
	}
	areas := map[string]poverty.Area{}
	for _, c := range g.Communes() {
		areas[c.Code] = c.Area
	}
	var items []benchItem
	for h := range g.Households() {
		items = append(items, benchItem{h.Answers(), areas[h.CommuneCode]})
	}
	return g, ref, items
}

// cpuTime is the CPU time (user + system) the process has used; one goroutine runs
// the loop, so its growth is the loop's time on one core.
func cpuTime(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
