// Command dashload is the load generator of the dashboard benchmark (issue 17 item 6):
// N concurrent clients on loopback ask one path after another, each for a while, and
// it prints each path's latencies (p50, p99, max) beside those of /healthz of the same
// server in the same run. The officers' pages share one session (logged in once with
// -user and -password); the public pages are asked without a cookie. Each path's
// first request (a cold cache) is timed on its own before the load.
//
//	go run ./bench/dashload -base http://127.0.0.1:18766 -user bench.tinh -password … \
//	    -clients 50 -duration 10s /healthz /dashboard /public /public/figures
//
// The server should run with --public-rate -1: fifty clients on one address are far
// above the public site's per-address limit.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// result is one path's figures.
type result struct {
	Path     string  `json:"path"`
	Label    string  `json:"label,omitempty"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	FirstMS  float64 `json:"first_ms"`
	P50MS    float64 `json:"p50_ms"`
	P99MS    float64 `json:"p99_ms"`
	MaxMS    float64 `json:"max_ms"`
	RPS      float64 `json:"rps"`
}

func main() {
	base := flag.String("base", "http://127.0.0.1:18766", "the server")
	username := flag.String("user", "", "account for the officers' pages")
	password := flag.String("password", "", "its password")
	clients := flag.Int("clients", 50, "concurrent clients")
	duration := flag.Duration("duration", 10*time.Second, "load per path")
	label := flag.String("label", "", "label of this run in the JSON lines")
	flag.Parse()
	jar, _ := cookiejar.New(nil)
	tr := &http.Transport{MaxIdleConns: *clients * 2, MaxIdleConnsPerHost: *clients * 2}
	officer := &http.Client{Jar: jar, Transport: tr, Timeout: time.Minute}
	public := &http.Client{Transport: tr, Timeout: time.Minute}
	if *username != "" {
		if err := login(officer, *base, *username, *password); err != nil {
			fmt.Fprintln(os.Stderr, "login:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("| path | requests | errors | first (ms) | p50 (ms) | p99 (ms) | max (ms) | req/s |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	enc := json.NewEncoder(os.Stderr)
	for _, path := range flag.Args() {
		c := public
		if !strings.HasPrefix(path, "/public") && path != "/healthz" {
			c = officer
		}
		r := run(c, *base+path, *clients, *duration)
		r.Path, r.Label = path, *label
		fmt.Printf("| `%s` | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f |\n", path, r.Requests, r.Errors, r.FirstMS, r.P50MS, r.P99MS, r.MaxMS, r.RPS)
		enc.Encode(r)
	}
}

func login(c *http.Client, base, username, password string) error {
	resp, err := c.Get(base + "/login")
	if err != nil {
		return err
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		return fmt.Errorf("no CSRF token on the login page")
	}
	resp, err = c.PostForm(base+"/login", url.Values{"csrf": {string(m[1])}, "username": {username}, "password": {password}})
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasSuffix(resp.Request.URL.Path, "/") {
		return fmt.Errorf("login answered %d at %s", resp.StatusCode, resp.Request.URL.Path)
	}
	return nil
}

// get asks u once and returns its latency and whether it answered 200.
func get(c *http.Client, u string) (time.Duration, bool) {
	t := time.Now()
	resp, err := c.Get(u)
	if err != nil {
		return time.Since(t), false
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return time.Since(t), err == nil && resp.StatusCode == http.StatusOK
}

// run times one request alone (the first), then n clients asking u for d.
func run(c *http.Client, u string, n int, d time.Duration) result {
	var r result
	first, ok := get(c, u)
	r.FirstMS = ms(first)
	if !ok {
		r.Errors++
	}
	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	start := time.Now()
	end := start.Add(d)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			errs := 0
			for time.Now().Before(end) {
				l, ok := get(c, u)
				mine = append(mine, l)
				if !ok {
					errs++
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			r.Errors += errs
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	r.Requests = len(lat)
	if len(lat) > 0 {
		r.P50MS = ms(lat[len(lat)/2])
		r.P99MS = ms(lat[min(len(lat)-1, len(lat)*99/100)])
		r.MaxMS = ms(lat[len(lat)-1])
	}
	r.RPS = float64(len(lat)) / elapsed.Seconds()
	return r
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
