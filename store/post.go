package store

import (
	"context"
	"database/sql"
	"errors"

	"giamngheo"
	"giamngheo/portal"
)

const postCols = `id, province_code, kind, title, body, title_en, body_en, status, published_at, author, created_at, updated_at`

// CreatePost stores a new post and sets its id.
func (db *DB) CreatePost(ctx context.Context, p *portal.Post) error {
	err := db.w(ctx).QueryRowContext(ctx, `INSERT INTO public_posts (`+postCols[4:]+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		p.ProvinceCode, p.Kind, p.Title, p.Body, p.TitleEN, p.BodyEN, p.Status, db.t(p.PublishedAt), p.Author, db.t(p.CreatedAt), db.t(p.UpdatedAt)).Scan(&p.ID)
	return db.formatError(err)
}

// UpdatePost writes every field of the post but its id, province, author and creation.
func (db *DB) UpdatePost(ctx context.Context, p *portal.Post) error {
	res, err := db.w(ctx).ExecContext(ctx, `UPDATE public_posts SET kind = $1, title = $2, body = $3, title_en = $4, body_en = $5,
		status = $6, published_at = $7, updated_at = $8 WHERE id = $9`,
		p.Kind, p.Title, p.Body, p.TitleEN, p.BodyEN, p.Status, db.t(p.PublishedAt), db.t(p.UpdatedAt), p.ID)
	if err != nil {
		return db.formatError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có tin này.", "No such post.")
	}
	return nil
}

func scanPost(sc interface{ Scan(...any) error }) (*portal.Post, error) {
	p := &portal.Post{}
	err := sc.Scan(&p.ID, &p.ProvinceCode, &p.Kind, &p.Title, &p.Body, &p.TitleEN, &p.BodyEN, &p.Status, scanTime(&p.PublishedAt), &p.Author,
		scanTime(&p.CreatedAt), scanTime(&p.UpdatedAt))
	return p, err
}

// FindPostByID returns a post or a not-found error.
func (db *DB) FindPostByID(ctx context.Context, id int64) (*portal.Post, error) {
	p, err := scanPost(db.r(ctx).QueryRowContext(ctx, `SELECT `+postCols+` FROM public_posts WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có tin này.", "No such post.")
	}
	return p, err
}

// FindPosts lists the posts of f, the published newest first, then the drafts newest
// first.
func (db *DB) FindPosts(ctx context.Context, f portal.PostFilter) ([]*portal.Post, error) {
	if f.ProvinceCodes != nil && len(f.ProvinceCodes) == 0 {
		return nil, nil
	}
	var w where
	if f.ProvinceCodes != nil {
		db.in(&w, "province_code", f.ProvinceCodes)
	}
	if f.Published {
		w.add("status = ?", portal.StatusPublished)
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	lim := w.next(limit)[0]
	rows, err := db.r(ctx).QueryContext(ctx, `SELECT `+postCols+` FROM public_posts WHERE `+w.sql()+`
		ORDER BY status DESC, published_at DESC, updated_at DESC, id DESC LIMIT `+lim, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*portal.Post
	for rows.Next() {
		p, err := scanPost(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
