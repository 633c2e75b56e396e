// Command httpload measures the latency of pages of a running giamngheo server under
// concurrent clients (issue 13 item 8; bench/pages.sh runs it). It logs in once, then,
// for each target in turn, keeps -c clients requesting the target's path back to back
// for -d, and prints one line per target: requests, errors, requests per second, p50,
// p99 and maximum latency in milliseconds, tab-separated.
//
//	httpload -base http://127.0.0.1:8099 -user bench -password … -c 50 -d 10s \
//	    healthz=/healthz home=/ list=/households …
//
// A target is NAME=PATH; PATH may hold {id}, replaced by the ids of -ids in turn (the
// household page of different households).
//
// With -ramp D, each target is first loaded by all the clients for D, not counted: the
// figures are then those of a server already serving that page (its connections'
// prepared statements and page caches warm), not of its first half second.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8099", "server address")
	username := flag.String("user", "", "account to log in with")
	password := flag.String("password", "", "its password")
	clients := flag.Int("c", 50, "concurrent clients")
	dur := flag.Duration("d", 10*time.Second, "duration of each target")
	warm := flag.Int("warm", 3, "requests of each target before measuring (not counted)")
	ramp := flag.Duration("ramp", 0, "load of each target by all the clients before measuring (not counted): the steady state of a server that runs")
	ids := flag.String("ids", "", "comma-separated household ids for {id} in paths")
	timeout := flag.Duration("timeout", 60*time.Second, "a request slower than this is an error")
	flag.Parse()

	jar, _ := cookiejar.New(nil)
	tr := &http.Transport{MaxIdleConns: *clients * 2, MaxIdleConnsPerHost: *clients * 2}
	c := &http.Client{Jar: jar, Transport: tr, Timeout: *timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if *username != "" {
		if err := login(c, *base, *username, *password); err != nil {
			fmt.Fprintln(os.Stderr, "login:", err)
			os.Exit(1)
		}
	}
	idList := strings.Split(*ids, ",")
	fmt.Println("target\trequests\terrors\treq/s\tp50_ms\tp99_ms\tmax_ms")
	for _, arg := range flag.Args() {
		name, path, ok := strings.Cut(arg, "=")
		if !ok {
			fmt.Fprintln(os.Stderr, "target must be NAME=PATH:", arg)
			os.Exit(2)
		}
		var n atomic.Int64
		pathOf := func() string {
			i := n.Add(1)
			return strings.ReplaceAll(path, "{id}", idList[int(i)%len(idList)])
		}
		for range *warm {
			get(c, *base+pathOf())
		}
		if *ramp > 0 {
			load(c, *clients, *ramp, *base, pathOf)
		}
		start := time.Now()
		lat, errs := load(c, *clients, *dur, *base, pathOf)
		el := time.Since(start)
		slices.Sort(lat)
		q := func(p float64) float64 {
			if len(lat) == 0 {
				return 0
			}
			return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
		}
		fmt.Printf("%s\t%d\t%d\t%.0f\t%.1f\t%.1f\t%.1f\n", name, len(lat), errs, float64(len(lat))/el.Seconds(), q(0.50), q(0.99), q(1))
	}
}

// load keeps clients requesting the paths of pathOf back to back for d, and returns
// the latencies and the number of answers other than 200.
func load(c *http.Client, clients int, d time.Duration, base string, pathOf func() string) ([]time.Duration, int) {
	var mu sync.Mutex
	var lat []time.Duration
	var errs int
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for ctx.Err() == nil {
				t := time.Now()
				if !get(c, base+pathOf()) {
					bad++
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	return lat, errs
}

// get requests u and reads the whole answer; false unless the status is 200.
func get(c *http.Client, u string) bool {
	resp, err := c.Get(u)
	if err != nil {
		return false
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// login opens a session as a browser does: the login form's CSRF token, then the form.
func login(c *http.Client, base, username, password string) error {
	resp, err := c.Get(base + "/login")
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfField.FindSubmatch(body)
	if m == nil {
		return fmt.Errorf("no CSRF token on the login page")
	}
	resp, err = c.PostForm(base+"/login", url.Values{"csrf": {string(m[1])}, "username": {username}, "password": {password}, "next": {"/"}})
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("login answered %s", resp.Status)
	}
	return nil
}
