// Command pauses reports the moments this machine stops running a thread that wants
// to run: a virtual CPU paused by its host (a CPU quota, another guest) or a thread
// starved by the kernel. It watches with -busy loops that never sleep (each on a
// thread of its own: the machine's CPUs busy, as under a load test) and one loop that
// sleeps 1 ms at a time (a probe costing almost no CPU, to run beside a benchmark), and
// prints each stop longer than -min with its time, then a count per loop.
//
//	go run ./bench/pauses -busy 2 -d 10s     # the CPUs busy, nothing else running
//	go run ./bench/pauses -d 80s &           # a probe beside bench/pages.sh
//
// On the 2-core machine of docs/benchmarks.md ("Session 12"), two busy loops each stop
// for 100 ms two to five times in 10 s, one busy loop never: a page's p99 at 50
// clients counts those stops.
package main

import (
	"flag"
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	busy := flag.Int("busy", 0, "loops that never sleep")
	d := flag.Duration("d", 10*time.Second, "how long to watch")
	minGap := flag.Duration("min", 50*time.Millisecond, "the shortest stop reported")
	flag.Parse()
	runtime.GOMAXPROCS(*busy + 1)
	end := time.Now().Add(*d)
	var mu sync.Mutex
	counts := make([]int, *busy+1)
	report := func(loop int, at time.Time, gap time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		counts[loop]++
		fmt.Printf("%s\tloop %d\t%v\n", at.Format("15:04:05.000"), loop, gap.Round(time.Millisecond))
	}
	var wg sync.WaitGroup
	for i := range *busy {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			last := time.Now()
			for last.Before(end) {
				now := time.Now()
				if g := now.Sub(last); g > *minGap {
					report(i+1, last, g)
				}
				last = now
			}
		}()
	}
	last := time.Now()
	for last.Before(end) {
		time.Sleep(time.Millisecond)
		now := time.Now()
		// A sleep of 1 ms that took longer than min: the probe was not run.
		if g := now.Sub(last); g > *minGap {
			report(0, last, g)
		}
		last = now
	}
	wg.Wait()
	fmt.Printf("stops longer than %v in %v: sleeping probe %d", *minGap, *d, counts[0])
	for i := 1; i <= *busy; i++ {
		fmt.Printf(", busy loop %d: %d", i, counts[i])
	}
	fmt.Println()
}
