-- 0028: households.search also holds the triples of adjacent words (store/search.go,
-- ADR 0017: a search by a head's name of three words is one word of a short list).
-- The store writes every household's text again right after this statement
-- (store/rollup.go: afterMigration); the full-text indexes follow the column (SQLite:
-- the triggers of households_fts; PostgreSQL: the stored search_tsv).
SELECT 1;
