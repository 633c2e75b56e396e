// Package portal is the public poverty-information site's own content: the news and
// announcements province officers write (drafts, publish, unpublish), a tiny safe
// markup for their text, and the configurable lists of policy documents and of the
// offices that help. It holds no personal data: the site's figures come from the
// report roll-ups, through the disclosure control.
package portal

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"giamngheo"
	"giamngheo/audit"
)

// Post statuses: a draft is seen by officers only; a published post by everyone.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
)

// Post kinds.
const (
	KindNews         = "news"         // tin tức
	KindAnnouncement = "announcement" // thông báo
)

// Post is a news item or an announcement of a province, in Vietnamese and (optionally)
// English. Body is plain text in the tiny markup of Render, never HTML.
type Post struct {
	ID           int64
	ProvinceCode string
	Kind         string
	Title        string
	Body         string
	TitleEN      string
	BodyEN       string
	Status       string
	PublishedAt  time.Time
	Author       string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// PostFilter selects posts: of the provinces (nil: every province), published only.
type PostFilter struct {
	ProvinceCodes []string
	Published     bool
	Limit         int
}

// Store persists posts.
type Store interface {
	CreatePost(ctx context.Context, p *Post) error
	UpdatePost(ctx context.Context, p *Post) error
	FindPostByID(ctx context.Context, id int64) (*Post, error)
	FindPosts(ctx context.Context, f PostFilter) ([]*Post, error)
}

// Service writes and reads the posts: province officers and administrators write in
// their province; anyone reads what is published.
type Service struct {
	Store Store
	Audit audit.Store
	Tx    giamngheo.TxRunner
	Now   giamngheo.Clock
	// InScope checks the actor's scope (admin.StoreInScope over the units).
	InScope giamngheo.InScopeFunc
}

// Limits of a post's text.
const (
	maxTitle = 200
	maxBody  = 20000
)

// CanWrite reports whether the actor may write posts: a province officer or a
// province administrator.
func CanWrite(a *giamngheo.Actor) bool {
	return a != nil && (a.Role == giamngheo.RoleProvinceOfficer || a.Role == giamngheo.RoleProvinceAdmin)
}

func (s *Service) authorise(ctx context.Context, province string) error {
	a := giamngheo.ActorFromContext(ctx)
	if a == nil {
		return giamngheo.Errorf(giamngheo.EUNAUTHORIZED, "Bạn cần đăng nhập.", "You must log in.")
	}
	if !CanWrite(a) {
		return giamngheo.Errorf(giamngheo.EFORBIDDEN, "Chỉ cán bộ cấp tỉnh được viết tin trên trang công khai.", "Only province officers write the public site's news.")
	}
	return giamngheo.RequireScope(ctx, s.InScope, province)
}

func validate(p *Post) error {
	p.Title, p.TitleEN = strings.TrimSpace(p.Title), strings.TrimSpace(p.TitleEN)
	p.Body, p.BodyEN = strings.TrimSpace(p.Body), strings.TrimSpace(p.BodyEN)
	if p.Kind != KindNews && p.Kind != KindAnnouncement {
		return giamngheo.Errorf(giamngheo.EINVALID, "Loại tin phải là tin tức hoặc thông báo.", "The kind must be news or announcement.")
	}
	if p.Title == "" || p.Body == "" {
		return giamngheo.Errorf(giamngheo.EINVALID, "Tin cần có tiêu đề và nội dung tiếng Việt.", "A post needs a Vietnamese title and text.")
	}
	for _, t := range []string{p.Title, p.TitleEN} {
		if utf8.RuneCountInString(t) > maxTitle {
			return giamngheo.Errorf(giamngheo.EINVALID, "Tiêu đề dài quá %d ký tự.", "The title is longer than %d characters.", maxTitle)
		}
	}
	for _, t := range []string{p.Body, p.BodyEN} {
		if utf8.RuneCountInString(t) > maxBody || !utf8.ValidString(t) {
			return giamngheo.Errorf(giamngheo.EINVALID, "Nội dung dài quá %d ký tự.", "The text is longer than %d characters.", maxBody)
		}
	}
	return nil
}

// SavePost creates a draft (p.ID 0) or edits a post, keeping its status.
func (s *Service) SavePost(ctx context.Context, p *Post) error {
	if err := validate(p); err != nil {
		return err
	}
	return s.Tx.WithTx(ctx, func(ctx context.Context) error {
		now := s.Now()
		if p.ID == 0 {
			if err := s.authorise(ctx, p.ProvinceCode); err != nil {
				return err
			}
			p.Status, p.CreatedAt, p.UpdatedAt = StatusDraft, now, now
			p.Author = giamngheo.ActorFromContext(ctx).Username
			if err := s.Store.CreatePost(ctx, p); err != nil {
				return err
			}
			return audit.Record(ctx, s.Audit, now, "create", "post", strconv.FormatInt(p.ID, 10), p.ProvinceCode, nil, p)
		}
		old, err := s.Store.FindPostByID(ctx, p.ID)
		if err != nil {
			return err
		}
		if err := s.authorise(ctx, old.ProvinceCode); err != nil {
			return err
		}
		n := *old
		n.Kind, n.Title, n.Body, n.TitleEN, n.BodyEN, n.UpdatedAt = p.Kind, p.Title, p.Body, p.TitleEN, p.BodyEN, now
		if err := s.Store.UpdatePost(ctx, &n); err != nil {
			return err
		}
		*p = n
		return audit.Record(ctx, s.Audit, now, "update", "post", strconv.FormatInt(p.ID, 10), p.ProvinceCode, old, p)
	})
}

// Publish publishes (publish true) or withdraws a post.
func (s *Service) Publish(ctx context.Context, id int64, publish bool) (*Post, error) {
	var p *Post
	err := s.Tx.WithTx(ctx, func(ctx context.Context) error {
		old, err := s.Store.FindPostByID(ctx, id)
		if err != nil {
			return err
		}
		if err := s.authorise(ctx, old.ProvinceCode); err != nil {
			return err
		}
		now := s.Now()
		n := *old
		n.Status, n.UpdatedAt = StatusDraft, now
		action := "unpublish"
		if publish {
			n.Status, n.PublishedAt, action = StatusPublished, now, "publish"
		}
		if err := s.Store.UpdatePost(ctx, &n); err != nil {
			return err
		}
		p = &n
		return audit.Record(ctx, s.Audit, now, action, "post", strconv.FormatInt(id, 10), n.ProvinceCode, old, &n)
	})
	return p, err
}

// Drafts lists every post of the provinces for officers who write (drafts and
// published), newest first.
func (s *Service) Drafts(ctx context.Context, provinces []string) ([]*Post, error) {
	a := giamngheo.ActorFromContext(ctx)
	if !CanWrite(a) {
		return nil, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Chỉ cán bộ cấp tỉnh được viết tin trên trang công khai.", "Only province officers write the public site's news.")
	}
	var mine []string
	for _, p := range provinces {
		if ok, err := s.InScope(ctx, a.ScopeCode, p); err != nil {
			return nil, err
		} else if ok {
			mine = append(mine, p)
		}
	}
	if mine == nil {
		mine = []string{}
	}
	return s.Store.FindPosts(ctx, PostFilter{ProvinceCodes: mine, Limit: 200})
}

// Published lists the published posts of the provinces (nil: all), newest first:
// what anyone may read.
func (s *Service) Published(ctx context.Context, provinces []string, limit int) ([]*Post, error) {
	return s.Store.FindPosts(ctx, PostFilter{ProvinceCodes: provinces, Published: true, Limit: limit})
}

// PublishedPost returns a published post, or not found (a draft is not found).
func (s *Service) PublishedPost(ctx context.Context, id int64) (*Post, error) {
	p, err := s.Store.FindPostByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Status != StatusPublished {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có tin này.", "No such post.")
	}
	return p, nil
}

// Post returns a post for an officer who writes in its province.
func (s *Service) Post(ctx context.Context, id int64) (*Post, error) {
	p, err := s.Store.FindPostByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.authorise(ctx, p.ProvinceCode); err != nil {
		return nil, err
	}
	return p, nil
}
