-- PostgreSQL stores the search text's words (0025_search_tsv.postgres.sql); SQLite's
-- full-text table (0012) holds them already.
SELECT 1;
