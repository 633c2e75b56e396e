package poverty

import (
	"fmt"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time (user + system) the process has used. The benchmarks below
// run one goroutine, so its growth over the loop is the loop's time on one core, which
// a machine shared with other work does not inflate as it inflates the wall time.
func cpuTime(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// benchHouseholds builds a varied set of households: sizes 1–8, incomes around the
// lines, some deprivations and unknown answers, children and elderly members.
func benchHouseholds(n int) []*Household {
	hs := make([]*Household, n)
	for i := range hs {
		size := 1 + i%8
		h := goodHousehold(perCapita(int64(900_000+(i*37_000)%2_500_000), size))
		h.Members = h.Members[:0]
		for j := 0; j < size; j++ {
			year := 1940 + (i*7+j*13)%85
			m := adult(fmt.Sprintf("Thành viên %d", j), Sex([]Sex{Male, Female}[j%2]), fmt.Sprintf("%04d-%02d-%02d", year, 1+j%12, 1+i%28))
			switch (i + j) % 5 {
			case 0:
				m.HealthInsurance = no()
			case 1:
				m.Employment = EmployedNoContract
			case 2:
				m.Malnourished = no()
				m.Schooling = SchoolingStudying
			}
			h.Members = append(h.Members, m)
		}
		if i%3 == 0 {
			h.WaterSource = WaterSurface
		}
		if i%4 == 0 {
			h.FloorAreaM2 = m2(float64(5 * size))
		}
		if i%7 == 0 {
			h.Telecom = nil
		}
		h.FarmHousehold = i%2 == 0
		hs[i] = h
	}
	return hs
}

// BenchmarkClassify measures the pure classification (no explanation) on one core and
// reports households per second of wall time and per second of CPU time (one core).
func BenchmarkClassify(b *testing.B) {
	std := mustStandard(b, "2022-2026")
	hs := benchHouseholds(1024)
	for _, h := range hs {
		if _, err := Classify(h, std, Rural, ref2026, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	n, cpu := 0, cpuTime(b)
	for b.Loop() {
		r, err := Classify(hs[n&(len(hs)-1)], std, Rural, ref2026, nil)
		if err != nil || r.Class == "" {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "households/s")
	b.ReportMetric(float64(n)/(cpuTime(b)-cpu).Seconds(), "households/cpu-s")
}

// BenchmarkClassifyExplained measures classification with the explanation built, as
// the CLI and stored results use it.
func BenchmarkClassifyExplained(b *testing.B) {
	std := mustStandard(b, "2022-2026")
	hs := benchHouseholds(1024)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if _, err := ClassifyExplained(hs[n%len(hs)], std, Rural, ref2026, nil); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "households/s")
}

// BenchmarkClassifyFacts measures the classification of the compact form (EncodeFacts),
// as a simulation classifies a province (a FactsClassifier): the same households as
// BenchmarkClassify, read from their 9 + 4-per-member bytes, on one core.
func BenchmarkClassifyFacts(b *testing.B) {
	std := mustStandard(b, "2022-2026")
	hs := benchHouseholds(1024)
	facts := make([][]byte, len(hs))
	for i, h := range hs {
		if facts[i] = EncodeFacts(h); facts[i] == nil {
			b.Fatal("no compact form")
		}
	}
	ref := DateOf(ref2026)
	var r Result
	var c FactsClassifier
	b.ReportAllocs()
	b.ResetTimer()
	n, cpu := 0, cpuTime(b)
	for b.Loop() {
		if err := c.Classify(&r, facts[n&(len(facts)-1)], std, Rural, ref); err != nil || r.Class == "" {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "households/s")
	b.ReportMetric(float64(n)/(cpuTime(b)-cpu).Seconds(), "households/cpu-s")
}
