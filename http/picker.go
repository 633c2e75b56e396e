package http

import (
	"net/http"
	"strconv"
	"strings"

	"giamngheo"
	"giamngheo/registry"
	"giamngheo/vntext"
)

// A picker chooses one of many (a commune, a household) with a search field instead of
// a long drop-down list. Without JavaScript it is a plain GET search form: the page
// comes back with the matches as a list of choices; picker.js searches as one types
// by fetching the same URL and replacing the list.

// pickerLimit is how many matches a picker shows.
const pickerLimit = 20

type picker struct {
	// Name is the form field of the chosen value; QueryName the field of the search.
	Name, QueryName string
	// ID prefixes the element ids (ID-q, ID-search, ID-choices).
	ID string
	// Form, when set, is the id of the GET form the search field belongs to (the
	// picker sits inside a POST form that cannot hold another form).
	Form  string
	Query string
	// Label and Hint are in the page's language.
	Label, Hint string
	Choices     []pickChoice
	// More counts the matches not shown; Total is how many there are to choose from.
	More, Total int
	// Any offers an empty choice first ("all" in a filter), labelled Any.
	Any string
}

type pickChoice struct {
	Value, Label string
	Checked      bool
}

// matches reports whether label matches the query without diacritics and case.
func matches(label, q string) bool {
	return strings.Contains(vntext.Fold(label), vntext.Fold(strings.TrimSpace(q)))
}

// pickFrom fills p's choices from opts: the chosen one first, then the matches of the
// query. With no query, a short list is shown whole and a long one not at all (the
// officer types to search); a single option is chosen by default.
func (p *picker) pickFrom(opts []opt, chosen string) {
	p.Total = len(opts)
	if chosen == "" && len(opts) == 1 && p.Any == "" {
		chosen = opts[0].Value
	}
	for _, o := range opts {
		if o.Value == chosen {
			p.Choices = append(p.Choices, pickChoice{o.Value, o.Label, true})
		}
	}
	q := strings.TrimSpace(p.Query)
	if q == "" && len(opts) > pickerLimit {
		return
	}
	for _, o := range opts {
		if o.Value == chosen || (q != "" && !matches(o.Label, q)) {
			continue
		}
		if len(p.Choices) >= pickerLimit {
			p.More++
			continue
		}
		p.Choices = append(p.Choices, pickChoice{Value: o.Value, Label: o.Label})
	}
}

// communePicker is the commune field of a form: the communes in the actor's scope
// valid on date, searched with ?cq=; anyLabel, when set, offers no commune (a filter's "all").
func (s *Server) communePicker(r *http.Request, date, id, form, chosen, anyLabel string) (*picker, error) {
	opts, err := s.communeOptions(r, date)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	p := &picker{Name: "commune", QueryName: "cq", ID: id, Form: form, Query: r.URL.Query().Get("cq"),
		Label: pickVIEN(ctx, "Xã, phường", "Commune"),
		Hint:  pickVIEN(ctx, "Gõ tên hoặc mã xã, không cần dấu.", "Type the commune's name or code; accents are optional."), Any: anyLabel}
	p.pickFrom(opts, chosen)
	return p, nil
}

// householdPicker chooses a household of the commune, searched with ?hq= by head's
// name, household code or national ID, without diacritics (the registry folds).
func (s *Server) householdPicker(r *http.Request, commune, id, form string) (*picker, error) {
	ctx := r.Context()
	p := &picker{Name: "household", QueryName: "hq", ID: id, Form: form, Query: r.URL.Query().Get("hq"),
		Label: pickVIEN(ctx, "Hộ", "Household"),
		Hint:  pickVIEN(ctx, "Gõ tên chủ hộ, mã hộ hoặc số CCCD, không cần dấu.", "Type the head's name, the household code or a national ID; accents are optional.")}
	hs, total, err := s.Registry.FindHouseholds(ctx, registry.HouseholdFilter{CommuneCodes: []string{commune}, Query: p.Query,
		Page: giamngheo.Page{Limit: pickerLimit}})
	if err != nil {
		return nil, err
	}
	p.Total, p.More = total, max(0, total-len(hs))
	for _, h := range hs {
		label := h.HeadName + " · " + h.Code
		if h.VillageName != "" {
			label += " · " + h.VillageName
		}
		p.Choices = append(p.Choices, pickChoice{Value: strconv.FormatInt(h.ID, 10), Label: label, Checked: total == 1})
	}
	return p, nil
}
