package main

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"giamngheo"
)

// TestHouseholdPageAddressOnTodaysMap (issue 11 item 5): a household whose address was
// written before the reform (the abolished city and province in it) reads, on its page,
// with the units in force today, the village once; the address as entered is kept
// beside it.
func TestHouseholdPageAddressOnTodaysMap(t *testing.T) {
	r := MustRunServer(t)
	r.MustAddUser(t, "xa.diachi", giamngheo.RoleCommuneOfficer, "10507")
	h := poorHouseholdOf("10507", "DC-1", "Trần Văn Địa")
	h.VillageName = "Tổ dân phố 3"
	h.Address = "Số 5 Lê Lợi, Tổ dân phố 3, phường Thanh Bình, thành phố Hải Dương, tỉnh Hải Dương"
	if err := r.App.reg.CreateHousehold(systemCtx(context.Background()), h); err != nil {
		t.Fatal(err)
	}
	c := loginClient(t, r.URL, "xa.diachi", testPassword)
	page := get(t, c, r.URL+"/households/"+strconv.FormatInt(h.ID, 10))
	m := regexp.MustCompile(`(?s)<p id="household-address">(.*?)</p>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no address on the household page:\n%s", page)
	}
	addr := m[1]
	if !strings.Contains(addr, "Số 5 Lê Lợi") || strings.Count(addr, "Tổ dân phố 3") != 1 || !strings.Contains(addr, "Hải Phòng") ||
		strings.Contains(addr, "tỉnh Hải Dương") || strings.Contains(addr, "phường Thanh Bình") {
		t.Fatalf("address on today's map: %q", addr)
	}
	if !strings.Contains(page, `id="household-address-entered"`) || !strings.Contains(page, "tỉnh Hải Dương") {
		t.Fatal("the address as entered is not kept beside it")
	}
}
