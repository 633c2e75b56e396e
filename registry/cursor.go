package registry

import (
	"encoding/base64"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/vntext"
)

// HouseholdCursor is where a keyset page of a household list starts: the sort key of
// the last household of the page before (issue 13 item 8). A list is read from its
// cursor through an index, so page 1,000 costs what page 1 costs, where OFFSET read
// and threw away every household before the page.
//
// Which fields count depends on the list's order (HouseholdFilter.Order): commune and
// code in administrative order; head's name key, commune and code by name; the id in
// the order of a search.
type HouseholdCursor struct {
	CommuneCode, Code string
	HeadKey           string
	ID                int64
}

// Order is the order a filter lists households in.
type Order int

// The orders of a household list.
const (
	// OrderAdmin is administrative order: commune, then household code.
	OrderAdmin Order = iota
	// OrderName is the head's name as Vietnamese lists sort it, then commune and code.
	OrderName
	// OrderEntry is the order households were stored in (id); an imported province is
	// stored in commune order (docs/adr/0006). A search lists its matches so, reading
	// the search index in its own order and stopping at a page.
	OrderEntry
)

// Order is the order f lists households in: a search in entry order, else by name
// when asked, else administrative order.
func (f HouseholdFilter) Order() Order {
	switch {
	case strings.TrimSpace(f.Query) != "":
		return OrderEntry
	case f.SortByName:
		return OrderName
	}
	return OrderAdmin
}

// CursorAfter is the cursor of the page that follows h in f's order.
func (f HouseholdFilter) CursorAfter(h *Household) *HouseholdCursor {
	c := &HouseholdCursor{CommuneCode: h.CommuneCode, Code: h.Code, ID: h.ID}
	if f.Order() == OrderName {
		c.HeadKey = vntext.NameKey(h.HeadName)
	}
	return c
}

// String is the cursor as a URL parameter value (opaque to the user).
func (c *HouseholdCursor) String() string {
	raw := strings.Join([]string{"1", c.CommuneCode, c.Code, c.HeadKey, strconv.FormatInt(c.ID, 10)}, "\x1f")
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// ParseHouseholdCursor reads a cursor made by String; EINVALID otherwise.
func ParseHouseholdCursor(s string) (*HouseholdCursor, error) {
	bad := giamngheo.Errorf(giamngheo.EINVALID, "Tham số trang (after) không hợp lệ.", "Invalid page parameter (after).")
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	parts := strings.Split(string(raw), "\x1f")
	if len(parts) != 5 || parts[0] != "1" {
		return nil, bad
	}
	id, err := strconv.ParseInt(parts[4], 10, 64)
	if err != nil {
		return nil, bad
	}
	return &HouseholdCursor{CommuneCode: parts[1], Code: parts[2], HeadKey: parts[3], ID: id}, nil
}
