-- 0012: lists and search at a province's size (issue 13 item 8).
--
-- Search without diacritics: a GIN index of the words of households.search (the folded
-- code, names and national IDs) with the 'simple' text search configuration; a search
-- is the words in a row, the last one a prefix (store/postgres.go), as on SQLite.
CREATE INDEX households_search_words ON households USING gin (to_tsvector('simple', search));

-- National IDs and household codes are searched by prefix through B-tree indexes
-- (members_national_id of 0002 and this one).
CREATE INDEX households_code ON households (code);

-- A commune's households of one survey class or recognised status, in code order: a
-- filtered list reads its page from the index instead of the commune's households.
DROP INDEX households_class;
CREATE INDEX households_class ON households (commune_code, class, code);
DROP INDEX households_status;
CREATE INDEX households_status ON households (commune_code, status, code);

-- The households whose survey result differs from their recognised status ("cần rà
-- soát"), in administrative order: the filter's condition is written exactly so in
-- store/household.go, which lets the planner use this partial index.
CREATE INDEX households_differs ON households (commune_code, code)
    WHERE (CASE WHEN class IN ('poor', 'near_poor') THEN class ELSE '' END) <> (CASE WHEN status IN ('poor', 'near_poor') THEN status ELSE '' END);

-- A stamp that every change of the administrative units moves (ReplaceUnits): the
-- communes under a scope, read on every request, are remembered while it stands
-- (registry.CommunesUnder), in every process that shares the database.
CREATE TABLE units_stamp (n BIGINT NOT NULL);
INSERT INTO units_stamp (n) VALUES (1);

-- The totals of a list or a home page sum one measure over a scope's communes
-- (store.DB.RollupTotals, communesWithHouseholds): by measure first, covering.
CREATE INDEX rollups_measure ON rollups (measure, commune_code, status, n);
