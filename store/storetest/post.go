package storetest

import (
	"context"
	"testing"
	"time"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/audit"
	"giamngheo/portal"
)

// PostStore is what the public site's news needs of a store (issue 17).
type PostStore interface {
	portal.Store
	audit.Store
	giamngheo.TxRunner
}

// testPublicPosts writes, publishes and withdraws posts through the service: only a
// province officer of the province writes; a draft is never read as published; the
// text is kept as typed (markup and all); every step is audited.
func testPublicPosts(t *testing.T, s Store) {
	ps, ok := any(s).(PostStore)
	if !ok {
		t.Fatal("the store does not keep the public site's posts")
	}
	ctx := context.Background()
	units, maps := fixtureUnits()
	MustOK(t, s.ReplaceUnits(ctx, units, maps))
	now := t0
	svc := &portal.Service{Store: ps, Audit: ps, Tx: ps, Now: func() time.Time { return now },
		InScope: func(ctx context.Context, scope, unit string) (bool, error) {
			return admin.StoreInScope(ctx, s, scope, unit)
		}}
	officer := actor(giamngheo.RoleProvinceOfficer, "31", "")
	p := &portal.Post{ProvinceCode: "31", Kind: portal.KindNews, Title: "Hội nghị tổng kết", Body: "<script>alert(1)</script>\n\n- một\n- hai"}
	MustOK(t, svc.SavePost(officer, p))
	if p.ID == 0 || p.Status != portal.StatusDraft || p.Author != "u.31" {
		t.Fatalf("saved post = %+v", p)
	}
	// Others may not write: a commune officer, an officer of another province.
	MustCode(t, svc.SavePost(actor(giamngheo.RoleCommuneOfficer, "10813", ""), &portal.Post{ProvinceCode: "31", Kind: portal.KindNews, Title: "x", Body: "y"}), giamngheo.EFORBIDDEN)
	MustCode(t, svc.SavePost(actor(giamngheo.RoleProvinceOfficer, "30", ""), &portal.Post{ID: p.ID, Kind: portal.KindNews, Title: "x", Body: "y"}), giamngheo.EFORBIDDEN)
	MustCode(t, svc.SavePost(officer, &portal.Post{ProvinceCode: "31", Kind: portal.KindNews, Title: "", Body: "y"}), giamngheo.EINVALID)
	_, err := svc.PublishedPost(ctx, p.ID)
	MustCode(t, err, giamngheo.ENOTFOUND)
	pub, err := svc.Published(ctx, nil, 10)
	MustOK(t, err)
	if len(pub) != 0 {
		t.Fatalf("a draft is listed as published: %+v", pub[0])
	}
	now = now.Add(time.Hour)
	got, err := svc.Publish(officer, p.ID, true)
	MustOK(t, err)
	if got.Status != portal.StatusPublished || !got.PublishedAt.Equal(now) {
		t.Fatalf("published = %+v", got)
	}
	read, err := svc.PublishedPost(ctx, p.ID)
	MustOK(t, err)
	if read.Body != p.Body || read.Title != p.Title {
		t.Fatalf("read %+v, want the text as typed", read)
	}
	pub, err = svc.Published(ctx, []string{"31"}, 10)
	MustOK(t, err)
	if len(pub) != 1 {
		t.Fatalf("%d published posts, want 1", len(pub))
	}
	pub, err = svc.Published(ctx, []string{"30"}, 10)
	MustOK(t, err)
	if len(pub) != 0 {
		t.Fatalf("province 30 lists the posts of 31: %+v", pub)
	}
	_, err = svc.Publish(officer, p.ID, false)
	MustOK(t, err)
	_, err = svc.PublishedPost(ctx, p.ID)
	MustCode(t, err, giamngheo.ENOTFOUND)
	drafts, err := svc.Drafts(officer, []string{"30", "31"})
	MustOK(t, err)
	if len(drafts) != 1 || drafts[0].ID != p.ID {
		t.Fatalf("drafts = %+v", drafts)
	}
	entries, _, err := s.FindAudit(ctx, audit.Filter{Entity: "post"})
	MustOK(t, err)
	if len(entries) != 3 {
		t.Fatalf("%d audit entries for the post, want 3 (create, publish, unpublish)", len(entries))
	}
}
