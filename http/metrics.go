package http

import (
	"crypto/subtle"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// metrics keeps request counters and latency sums, served in the Prometheus text
// exposition format (version 0.0.4) without a client library.
type metrics struct {
	mu      sync.Mutex
	count   map[string]int64
	seconds map[string]float64
	started time.Time
}

func newMetrics() *metrics {
	return &metrics{count: map[string]int64{}, seconds: map[string]float64{}, started: time.Now()}
}

func (m *metrics) observe(method, route string, status int, d time.Duration) {
	if status == 0 {
		status = 200
	}
	route = strings.TrimPrefix(route, method+" ")
	k := fmt.Sprintf(`method=%q,route=%q,code="%d"`, method, route, status)
	m.mu.Lock()
	m.count[k]++
	m.seconds[k] += d.Seconds()
	m.mu.Unlock()
}

func (m *metrics) serve(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m.mu.Lock()
	keys := make([]string, 0, len(m.count))
	for k := range m.count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# HELP giamngheo_http_requests_total HTTP requests served.\n# TYPE giamngheo_http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "giamngheo_http_requests_total{%s} %d\n", k, m.count[k])
	}
	b.WriteString("# HELP giamngheo_http_request_seconds_sum Total time spent serving requests.\n# TYPE giamngheo_http_request_seconds_sum counter\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "giamngheo_http_request_seconds_sum{%s} %g\n", k, m.seconds[k])
	}
	m.mu.Unlock()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(&b, "# TYPE giamngheo_goroutines gauge\ngiamngheo_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintf(&b, "# TYPE giamngheo_heap_bytes gauge\ngiamngheo_heap_bytes %d\n", ms.HeapAlloc)
	fmt.Fprintf(&b, "# TYPE giamngheo_uptime_seconds gauge\ngiamngheo_uptime_seconds %g\n", time.Since(m.started).Seconds())
	w.Write([]byte(b.String()))
}

// serveMetrics serves /metrics to a scraper holding the metrics token, or, when no
// token is configured, to the machine itself only: the counters tell who uses which
// pages, and the heap size helps an attacker time a denial of service.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	if s.MetricsToken != "" {
		got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(got), []byte(s.MetricsToken)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "metrics token required", http.StatusUnauthorized)
			return
		}
	} else if ip := net.ParseIP(clientAddr(r)); ip == nil || !ip.IsLoopback() {
		http.Error(w, "metrics are served to localhost only (set --metrics-token)", http.StatusForbidden)
		return
	}
	s.metrics.serve(w, r)
}
