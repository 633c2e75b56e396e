-- 0011: the public site's news and announcements (issue 17), written by province
-- officers: drafts, then published or withdrawn. The text is plain (portal.Render),
-- never HTML. published_at is the zero time until first published.
CREATE TABLE public_posts (
    id            INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    title_en      TEXT NOT NULL DEFAULT '',
    body_en       TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    published_at  TEXT NOT NULL,
    author        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX public_posts_province ON public_posts (province_code, status, published_at);
