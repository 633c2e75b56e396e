package http

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/disclosure"
	"giamngheo/export/svg"
	"giamngheo/portal"
)

// The public poverty-information site (issue 17): no login, its own layout, Vietnamese
// first (English with ?lang=en, so a page is one URL a cache can keep). It reads only
// aggregates — the roll-ups through the report service, with small-cell suppression —
// the published news and the configured offices and documents: never a household.

// routesPublic mounts the public site. NewPublicHandler serves the same routes alone,
// for its own address (--public-addr).
func (s *Server) routesPublic(mux router) {
	mux.HandleFunc("GET /public", s.publicRoute(s.handlePublicHome))
	mux.HandleFunc("GET /public/figures", s.publicRoute(s.handlePublicFigures))
	mux.HandleFunc("GET /public/figures.csv", s.publicRoute(s.handlePublicFiguresCSV))
	mux.HandleFunc("GET /public/chart.svg", s.publicRoute(s.handlePublicChart))
	mux.HandleFunc("GET /public/news", s.publicRoute(s.handlePublicNews))
	mux.HandleFunc("GET /public/news/{id}", s.publicRoute(s.handlePublicPost))
	mux.HandleFunc("GET /public/documents", s.publicRoute(s.handlePublicDocuments))
	mux.HandleFunc("GET /public/files/{name}", s.publicRoute(s.handlePublicFile))
	mux.HandleFunc("GET /public/offices", s.publicRoute(s.handlePublicOffices))
}

// PublicHandler serves the public site alone: its pages, the static files and
// /healthz; "/" leads to /public. Nothing of the officers' site answers on it.
func (s *Server) PublicHandler() http.Handler { return s.publicHandler }

func (s *Server) newPublicHandler() http.Handler {
	mux := http.NewServeMux()
	s.routesPublic(mux)
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.Handle("GET /static/", staticHandler())
	inner := s.withRequest(mux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, "/public", http.StatusFound)
			return
		}
		if r.URL.Path != "/healthz" && r.URL.Path != "/public" && !strings.HasPrefix(r.URL.Path, "/public/") && !strings.HasPrefix(r.URL.Path, "/static/") {
			http.NotFound(w, r)
			return
		}
		inner.ServeHTTP(w, r)
	})
}

// DefaultPublicRate is how many requests a minute one address may make to the public
// site: a reader clicks far less, a scraper far more.
const DefaultPublicRate = 600

// publicMaxAge is how long browsers and proxies may keep a public page (seconds), and
// how long the server keeps what it rendered.
const publicMaxAge = 300

// rateLimiter counts the requests of each address in one-minute windows.
type rateLimiter struct {
	mu     sync.Mutex
	window time.Time
	counts map[string]int
}

func (l *rateLimiter) allow(addr string, limit int, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := now.Truncate(time.Minute)
	if !w.Equal(l.window) || l.counts == nil {
		l.window, l.counts = w, map[string]int{}
	}
	l.counts[addr]++
	return l.counts[addr] <= limit
}

// pageCache keeps rendered public pages for publicMaxAge: the figures change with the
// review decisions, a few minutes late is fine, and a burst of readers costs one
// computation.
type pageCache struct {
	mu      sync.Mutex
	entries map[string]cachedPage
	// busy marks the pages being computed (public_cache.go): one computation each.
	busy map[string]chan struct{}
	// gen counts the clears: a page computed before the last clear (a post withdrawn
	// meanwhile) is not kept.
	gen uint64
}

type cachedPage struct {
	body        []byte
	contentType string
	disposition string
	expires     time.Time
}

const pageCacheSize = 1000

// generation is the count of clears, read before a page is computed.
func (c *pageCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// put keeps the page of key computed in generation gen, unless the cache was cleared
// since.
func (c *pageCache) put(key string, e cachedPage, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil || len(c.entries) >= pageCacheSize {
		c.entries = map[string]cachedPage{}
	}
	c.entries[key] = e
}

// bufferWriter collects a response to cache it.
type bufferWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (b *bufferWriter) Header() http.Header { return b.header }
func (b *bufferWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}
func (b *bufferWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.buf.Write(p)
}

// publicRoute wraps a public handler: the per-address rate limit, the language of the
// URL, the system actor (the reports check a scope; the public reads aggregates of
// any unit), the caching headers and the server's page cache.
func (s *Server) publicRoute(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		limit := s.PublicRate
		if limit == 0 {
			limit = DefaultPublicRate
		}
		if limit > 0 && !s.limiter.allow(clientAddr(r), limit, time.Now()) {
			w.Header().Set("Retry-After", "60")
			http.Error(w, "Quá nhiều yêu cầu, xin thử lại sau một phút. / Too many requests, try again in a minute.", http.StatusTooManyRequests)
			return
		}
		l := "vi"
		if r.URL.Query().Get("lang") == "en" {
			l = "en"
		}
		ctx := context.WithValue(r.Context(), keyLang, l)
		ctx = context.WithValue(ctx, keyCSRF, "")
		ctx = giamngheo.NewContextWithActor(ctx, giamngheo.System)
		r = r.WithContext(ctx)
		key := r.Method + " " + r.URL.RequestURI()
		e, ok, owner := s.pubCache.lookup(key, time.Now(), func() {
			// In the background: a failure leaves the kept page, logged here.
			defer func() {
				if v := recover(); v != nil {
					s.Logger.Error("public page", "route", routeLabel(r), "panic", fmt.Sprint(v))
				}
			}()
			s.computePublic(h, r.WithContext(detached(r.Context())), key)
		})
		if ok {
			writePublic(w, e)
			return
		}
		bw := func() *bufferWriter {
			if owner {
				defer s.pubCache.finish(key)
			}
			return s.computePublic(h, r, key)
		}()
		if bw.status != http.StatusOK {
			for k, v := range bw.header {
				w.Header()[k] = v
			}
			w.WriteHeader(bw.status)
			w.Write(bw.buf.Bytes())
			return
		}
		writePublic(w, cachedPage{body: bw.buf.Bytes(), contentType: bw.header.Get("Content-Type"), disposition: bw.header.Get("Content-Disposition")})
	}
}

// computePublic renders a public page and keeps it when it is a 200.
func (s *Server) computePublic(h http.HandlerFunc, r *http.Request, key string) *bufferWriter {
	bw := &bufferWriter{header: http.Header{}}
	gen := s.pubCache.generation()
	h(bw, r)
	if bw.status == http.StatusOK {
		s.pubCache.put(key, cachedPage{body: bw.buf.Bytes(), contentType: bw.header.Get("Content-Type"), disposition: bw.header.Get("Content-Disposition"), expires: time.Now().Add(publicMaxAge * time.Second)}, gen)
	}
	return bw
}

func writePublic(w http.ResponseWriter, e cachedPage) {
	h := w.Header()
	h.Set("Cache-Control", fmt.Sprintf("public, max-age=%d", publicMaxAge))
	h.Set("Content-Type", e.contentType)
	if e.disposition != "" {
		h.Set("Content-Disposition", e.disposition)
	}
	w.Write(e.body)
}

// publicView is what every public template receives.
type publicView struct {
	Lang, Title, Path string
	Province          string
	Provinces         []*admin.Unit
	Page              any
}

// T picks the Vietnamese or English text.
func (v *publicView) T(vi, en string) string {
	if v.Lang == "en" {
		return en
	}
	return vi
}

// L is a link of the site in the page's language, keeping the province.
func (v *publicView) L(path string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	if v.Province != "" && !strings.Contains(path, "province=") && !strings.HasPrefix(path, "/public/files/") {
		path += sep + "province=" + v.Province
		sep = "&"
	}
	if v.Lang == "en" {
		path += sep + "lang=en"
	}
	return path
}

// Other is this page in the other language.
func (v *publicView) Other() string {
	q := strings.ReplaceAll(strings.ReplaceAll(v.Path, "&lang=en", ""), "?lang=en", "")
	if v.Lang == "en" {
		return q
	}
	if strings.Contains(q, "?") {
		return q + "&lang=en"
	}
	return q + "?lang=en"
}

// Num writes a count in the page's language.
func (v *publicView) Num(n int64) string { return formatInt(int(n), v.Lang == "en") }

// Pct writes a percentage in the page's language.
func (v *publicView) Pct(f float64) string { return formatPercent(f, v.Lang == "en") }

var publicPageNames = []string{"public_home", "public_figures", "public_news", "public_post", "public_documents", "public_offices"}

func parsePublicViews() (map[string]*template.Template, error) {
	funcs := template.FuncMap{"asset": func(name string) string { return "/static/" + assetHash + "/" + name }, "day": formatDay}
	out := map[string]*template.Template{}
	for _, name := range publicPageNames {
		t, err := template.New("public_layout.html").Funcs(funcs).ParseFS(templateFS, "templates/public_layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// publicProvinces are the provinces of today, and the one the request asks for.
func (s *Server) publicProvinces(r *http.Request) ([]*admin.Unit, string, error) {
	ps, err := s.Units.FindUnits(r.Context(), admin.UnitFilter{AsOf: s.Today().Format("2006-01-02"), Level: admin.LevelProvince})
	if err != nil {
		return nil, "", err
	}
	want := r.URL.Query().Get("province")
	for _, p := range ps {
		if p.Code == want {
			return ps, want, nil
		}
	}
	if want != "" {
		return nil, "", giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có tỉnh %s.", "No province %s.", want)
	}
	if len(ps) > 0 {
		return ps, ps[0].Code, nil
	}
	return ps, "", nil
}

func (s *Server) renderPublic(w http.ResponseWriter, r *http.Request, name, title string, page any) {
	ps, prov, err := s.publicProvinces(r)
	if err != nil {
		s.publicError(w, r, err)
		return
	}
	v := &publicView{Lang: lang(r.Context()), Path: r.URL.RequestURI(), Province: prov, Provinces: ps, Page: page}
	v.Title = title
	var buf bytes.Buffer
	if err := s.publicViews[name].Execute(&buf, v); err != nil {
		s.Logger.Error("render public", "page", name, "err", err)
		http.Error(w, "Lỗi hiển thị trang. / Page rendering error.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// publicError answers with the error's status and its message, never a detail.
func (s *Server) publicError(w http.ResponseWriter, r *http.Request, err error) {
	code := giamngheo.ErrorCode(err)
	status := http.StatusInternalServerError
	switch code {
	case giamngheo.ENOTFOUND:
		status = http.StatusNotFound
	case giamngheo.EINVALID:
		status = http.StatusBadRequest
	}
	msg := "Lỗi hệ thống. / Internal error."
	if status != http.StatusInternalServerError {
		msg = giamngheo.ErrorMessage(err)
		if lang(r.Context()) == "en" {
			msg = giamngheo.ErrorMessageEN(err)
		}
	} else {
		s.Logger.Error("public", "err", err)
	}
	http.Error(w, msg, status)
}

// pubFigures are the published figures of a province and year: counts by commune,
// suppressed.
type pubFigures struct {
	Province, ProvinceName string
	Year                   int
	Years                  []int
	Rows                   []pubRow
	Total                  pubRow
	Trend                  []pubTrend
	TrendChart             template.HTML
	TrendNote              string
	Targets                []pubTarget
	PlanTitle              string
	Chart                  template.HTML
	Suppressed             bool
}

// pubRow is one published line: every number already written ("<5", "x" or the count).
type pubRow struct {
	Name                                       string
	Households, Poor, PoorRate, Near, NearRate string
	Persons, PoorP, NearP                      string
	poorRate                                   float64
	rateShown                                  bool
}

type pubTrend struct {
	Year                           int
	Poor, Near, PoorRate, NearRate string
}

// publicFigures computes the figures of the province and year, suppressed
// (disclosure.Suppress over households and, separately, persons).
func (s *Server) publicFigures(ctx context.Context, province string, year int) (*pubFigures, error) {
	en := lang(ctx) == "en"
	f := &pubFigures{Province: province, Year: year}
	for y := s.Today().Year(); y >= 2022; y-- {
		f.Years = append(f.Years, y)
	}
	t, err := s.Reports.Build(ctx, "1", province, year)
	if err != nil {
		return nil, err
	}
	f.ProvinceName = t.UnitName
	var hh, pp disclosure.Table
	var names []string
	for _, row := range t.Rows {
		if row.Kind != "unit" {
			continue
		}
		v := row.Values
		names = append(names, row.Name)
		hh.Cells = append(hh.Cells, []int64{int64(v[2]), int64(v[4]), int64(v[0] - v[2] - v[4])})
		pp.Cells = append(pp.Cells, []int64{int64(v[6]), int64(v[8]), int64(v[1] - v[6] - v[8])})
	}
	hm, pm := disclosure.Suppress(hh, disclosure.Threshold), disclosure.Suppress(pp, disclosure.Threshold)
	hRows, hCols, hGrand := hh.Totals()
	pRows, pCols, pGrand := pp.Totals()
	num := func(n int64) string { return formatInt(int(n), en) }
	show := func(n int64, m disclosure.Mark) string {
		if m != disclosure.Shown {
			f.Suppressed = true
		}
		return disclosure.Show(n, m, disclosure.Threshold, num)
	}
	rate := func(part, total int64, mp, mt disclosure.Mark) (string, float64, bool) {
		if mp != disclosure.Shown || mt != disclosure.Shown || total == 0 {
			return "x", 0, false
		}
		r := float64(part) / float64(total) * 100
		return formatPercent(r, en), r, true
	}
	mk := func(name string, h []int64, hm []disclosure.Mark, ht int64, htm disclosure.Mark, p []int64, pm []disclosure.Mark, pt int64, ptm disclosure.Mark) pubRow {
		row := pubRow{Name: name, Households: show(ht, htm), Poor: show(h[0], hm[0]), Near: show(h[1], hm[1]),
			Persons: show(pt, ptm), PoorP: show(p[0], pm[0]), NearP: show(p[1], pm[1])}
		row.PoorRate, row.poorRate, row.rateShown = rate(h[0], ht, hm[0], htm)
		row.NearRate, _, _ = rate(h[1], ht, hm[1], htm)
		return row
	}
	for i, name := range names {
		f.Rows = append(f.Rows, mk(name, hh.Cells[i], hm.Cells[i], hRows[i], hm.RowTotals[i], pp.Cells[i], pm.Cells[i], pRows[i], pm.RowTotals[i]))
	}
	if len(names) > 0 {
		f.Total = mk(map[bool]string{false: "Toàn tỉnh", true: "Whole province"}[en], hCols, hm.ColTotals, hGrand, hm.Grand, pCols, pm.ColTotals, pGrand, pm.Grand)
	} else {
		f.Total = pubRow{Name: "–", Households: "<5", Poor: "<5", Near: "<5", PoorRate: "x", NearRate: "x", Persons: "<5", PoorP: "<5", NearP: "<5"}
	}
	// The trend and the plan's targets (public_plan.go).
	if err := s.publicTrend(ctx, f, province, year, show); err != nil {
		return nil, err
	}
	if err := s.publicTargets(ctx, f, province, year); err != nil {
		return nil, err
	}
	// The chart: the shown poor rates, ranked; a hidden rate has no bar.
	c := &svg.BarChart{ID: "public-rates", Title: map[bool]string{false: "Tỷ lệ hộ nghèo theo xã, phường", true: "Poor rate by commune"}[en] + " · " + t.UnitName + " · " + strconv.Itoa(year),
		Series: []svg.Series{{Name: map[bool]string{false: "Hộ nghèo", true: "Poor households"}[en]}}}
	ranked := append([]pubRow(nil), f.Rows...)
	for i := 1; i < len(ranked); i++ {
		for j := i; j > 0 && ranked[j].poorRate > ranked[j-1].poorRate; j-- {
			ranked[j], ranked[j-1] = ranked[j-1], ranked[j]
		}
	}
	hidden := 0
	for _, row := range ranked {
		if !row.rateShown {
			hidden++
			continue
		}
		c.Bars = append(c.Bars, svg.Bar{Label: row.Name, Values: []float64{row.poorRate}, Texts: []string{row.PoorRate}})
	}
	c.Desc = fmt.Sprintf(map[bool]string{false: "%d xã, phường có tỷ lệ được công bố; %d xã, phường ẩn vì số nhỏ. Toàn tỉnh: %s.", true: "%d communes with a published rate; %d hidden for small numbers. Whole province: %s."}[en],
		len(c.Bars), hidden, f.Total.PoorRate)
	var b bytes.Buffer
	c.Write(&b, false)
	f.Chart = template.HTML(b.String()) // built by export/svg from escaped text only
	return f, nil
}

func (s *Server) publicYear(r *http.Request) int {
	y, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil || y < 2022 || y > s.Today().Year() {
		return s.Today().Year()
	}
	return y
}

func (s *Server) figuresOf(w http.ResponseWriter, r *http.Request) (*pubFigures, bool) {
	_, prov, err := s.publicProvinces(r)
	if err == nil && prov == "" {
		err = giamngheo.Errorf(giamngheo.ENOTFOUND, "Chưa có tỉnh nào.", "No province yet.")
	}
	if err != nil {
		s.publicError(w, r, err)
		return nil, false
	}
	f, err := s.publicFigures(r.Context(), prov, s.publicYear(r))
	if err != nil {
		s.publicError(w, r, err)
		return nil, false
	}
	return f, true
}

type publicHome struct {
	Figures *pubFigures
	News    []*portal.Post
}

func (s *Server) handlePublicHome(w http.ResponseWriter, r *http.Request) {
	f, ok := s.figuresOf(w, r)
	if !ok {
		return
	}
	p := &publicHome{Figures: f}
	if s.Portal != nil {
		var err error
		if p.News, err = s.Portal.Published(r.Context(), []string{f.Province}, 5); err != nil {
			s.publicError(w, r, err)
			return
		}
	}
	s.renderPublic(w, r, "public_home", pickVIEN(r.Context(), "Thông tin giảm nghèo", "Poverty reduction information"), p)
}

func (s *Server) handlePublicFigures(w http.ResponseWriter, r *http.Request) {
	f, ok := s.figuresOf(w, r)
	if !ok {
		return
	}
	s.renderPublic(w, r, "public_figures", pickVIEN(r.Context(), "Số liệu hộ nghèo, cận nghèo", "Poor and near-poor households in figures"), f)
}

func (s *Server) handlePublicFiguresCSV(w http.ResponseWriter, r *http.Request) {
	f, ok := s.figuresOf(w, r)
	if !ok {
		return
	}
	en := lang(r.Context()) == "en"
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="so-lieu-%s-%d.csv"`, f.Province, f.Year))
	cw := csv.NewWriter(w)
	head := []string{"Xã, phường", "Tổng số hộ", "Hộ nghèo", "Tỷ lệ hộ nghèo", "Hộ cận nghèo", "Tỷ lệ hộ cận nghèo", "Nhân khẩu", "Nhân khẩu nghèo", "Nhân khẩu cận nghèo"}
	if en {
		head = []string{"Commune", "Households", "Poor households", "Poor rate", "Near-poor households", "Near-poor rate", "Persons", "Poor persons", "Near-poor persons"}
	}
	cw.Write(head)
	for _, row := range append(append([]pubRow(nil), f.Rows...), f.Total) {
		cw.Write([]string{row.Name, row.Households, row.Poor, row.PoorRate, row.Near, row.NearRate, row.Persons, row.PoorP, row.NearP})
	}
	cw.Flush()
}

func (s *Server) handlePublicChart(w http.ResponseWriter, r *http.Request) {
	f, ok := s.figuresOf(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="ty-le-ho-ngheo-%s-%d.svg"`, f.Province, f.Year))
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + string(f.Chart)))
}

type publicNews struct {
	Posts []*portal.Post
	Post  *portal.Post
	Body  []portal.Block
}

func (s *Server) handlePublicNews(w http.ResponseWriter, r *http.Request) {
	_, prov, err := s.publicProvinces(r)
	if err != nil {
		s.publicError(w, r, err)
		return
	}
	p := &publicNews{}
	if s.Portal != nil {
		if p.Posts, err = s.Portal.Published(r.Context(), []string{prov}, 100); err != nil {
			s.publicError(w, r, err)
			return
		}
	}
	s.renderPublic(w, r, "public_news", pickVIEN(r.Context(), "Tin tức, thông báo", "News and announcements"), p)
}

func (s *Server) handlePublicPost(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || s.Portal == nil {
		s.publicError(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có tin này.", "No such post."))
		return
	}
	post, err := s.Portal.PublishedPost(r.Context(), id)
	if err != nil {
		s.publicError(w, r, err)
		return
	}
	title, body := post.Title, post.Body
	if lang(r.Context()) == "en" && post.TitleEN != "" {
		title, body = post.TitleEN, post.BodyEN
		if body == "" {
			body = post.Body
		}
	}
	q := r.URL.Query()
	if q.Get("province") != post.ProvinceCode {
		// The post's own province: the page's links then stay in it.
		q.Set("province", post.ProvinceCode)
		r.URL.RawQuery = q.Encode()
	}
	s.renderPublic(w, r, "public_post", title, &publicNews{Post: post, Body: portal.Render(body)})
}

func (s *Server) content() *portal.Content {
	if s.PublicContent != nil {
		return s.PublicContent
	}
	return portal.DefaultContent()
}

// publicDocument is a document as the page lists it: with its file's size when it
// has one in the public files directory.
type publicDocument struct {
	portal.Document
	Href string
	Size string
}

func (s *Server) handlePublicDocuments(w http.ResponseWriter, r *http.Request) {
	var docs []publicDocument
	for _, d := range s.content().Documents {
		pd := publicDocument{Document: d}
		if d.File != "" && s.PublicFiles != "" {
			if st, err := os.Stat(filepath.Join(s.PublicFiles, d.File)); err == nil && st.Mode().IsRegular() {
				pd.Href = "/public/files/" + d.File
				pd.Size = formatInt(int((st.Size()+1023)/1024), lang(r.Context()) == "en") + " KB"
			}
		}
		docs = append(docs, pd)
	}
	s.renderPublic(w, r, "public_documents", pickVIEN(r.Context(), "Văn bản chính sách", "Policy documents"), docs)
}

// handlePublicFile serves a document's file: only the files the content lists, from
// the public files directory (no other file of the machine, no listing).
func (s *Server) handlePublicFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	for _, d := range s.content().Documents {
		if d.File != "" && d.File == name && s.PublicFiles != "" {
			b, err := os.ReadFile(filepath.Join(s.PublicFiles, filepath.Base(name)))
			if err != nil {
				break
			}
			ct := http.DetectContentType(b)
			if strings.HasSuffix(strings.ToLower(name), ".pdf") {
				ct = "application/pdf"
			}
			w.Header().Set("Content-Type", ct)
			w.Header().Set("Content-Disposition", `attachment; filename="`+filepath.Base(name)+`"`)
			w.Write(b)
			return
		}
	}
	s.publicError(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có tệp này.", "No such file."))
}

func (s *Server) handlePublicOffices(w http.ResponseWriter, r *http.Request) {
	s.renderPublic(w, r, "public_offices", pickVIEN(r.Context(), "Nơi hỗ trợ", "Where to get help"), s.content())
}

func (c *pageCache) clear() {
	c.mu.Lock()
	c.entries = nil
	c.gen++
	c.mu.Unlock()
}
