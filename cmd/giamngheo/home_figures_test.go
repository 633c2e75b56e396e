package main

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"giamngheo"
	"giamngheo/poverty"
	"giamngheo/registry"
)

// formatThousands writes n as the pages do (1.234).
func formatThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// TestHomeFiguresAgreeWithTheLists: the province officer's home figures (read at once
// from the roll-ups) equal the totals of the lists they link to, for the households,
// the recognised poor and near-poor and the households to review.
func TestHomeFiguresAgreeWithTheLists(t *testing.T) {
	r := MustRunServer(t, func(c *Config) { c.DemoHouseholds = 600 })
	r.MustAddUser(t, "tinh.so", giamngheo.RoleProvinceOfficer, "31")
	c := loginClient(t, r.URL, "tinh.so", testPassword)
	home := get(t, c, r.URL+"/")
	tile := regexp.MustCompile(`<a class="tile" href="(/households[^"]*)"><span class="num">([0-9.]+)</span>`)
	total := regexp.MustCompile(`<b id="household-total">([0-9.]+)</b>`)
	tiles := tile.FindAllStringSubmatch(home, -1)
	if len(tiles) != 4 {
		t.Fatalf("home figures: %d household tiles, want 4:\n%s", len(tiles), home)
	}
	// The counts as the store counts the households themselves (not the roll-ups).
	poor, near := poverty.Poor, poverty.NearPoor
	counted := map[string]registry.HouseholdFilter{
		"/households": {}, "/households?status=poor": {Status: &poor}, "/households?status=near_poor": {Status: &near},
		"/households?differs=1": {Differs: true},
	}
	nonZero := 0
	for _, m := range tiles {
		href := strings.ReplaceAll(m[1], "&amp;", "&")
		list := total.FindStringSubmatch(get(t, c, r.URL+href))
		if list == nil {
			t.Fatalf("%s shows no total", href)
		}
		if list[1] != m[2] {
			t.Errorf("home says %s for %s, the list says %s", m[2], href, list[1])
		}
		if m[2] != "0" {
			nonZero++
		}
		f, ok := counted[m[1]]
		if !ok {
			t.Fatalf("unexpected figure %s", m[1])
		}
		f.Page = giamngheo.Page{Limit: 1}
		_, n, err := r.App.store.FindHouseholds(systemCtx(context.Background()), f)
		if err != nil {
			t.Fatal(err)
		}
		if want := formatThousands(n); want != m[2] {
			t.Errorf("home says %s for %s, the households counted are %s", m[2], m[1], want)
		}
	}
	if nonZero < 3 {
		t.Fatalf("only %d of the figures are above zero: the demo data does not test them (%v)", nonZero, tiles)
	}
}
