-- 0026: households.search also holds the pairs of adjacent words (store/search.go,
-- ADR 0015: a search by a head's name read the lists of its common words). The store
-- adds them to the households already stored right after migration 0028, which
-- writes the pairs and the triples (store/rollup.go: afterMigration); the full-text
-- indexes follow the column (SQLite: the triggers of households_fts; PostgreSQL: the
-- stored search_tsv).
SELECT 1;
