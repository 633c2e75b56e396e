-- 0027: PostgreSQL's search_words (0027_search_words.postgres.sql). SQLite has had the
-- table since 0012; the store adds the words of every household stored to it again
-- right after this statement (store/rollup.go: afterMigration), which changes nothing
-- where the list was kept.
SELECT 1;
