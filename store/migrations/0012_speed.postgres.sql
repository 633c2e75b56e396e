-- 0012: lists and search at a province's size (issue 13 item 8).
--
-- Search without diacritics: a pg_trgm GIN index over households.search (the folded
-- code, names and national IDs); LIKE '%q%' is answered from it
-- (https://www.postgresql.org/docs/15/pgtrgm.html#id-1.11.7.44.8). pg_trgm is a trusted
-- extension: the owner of the database may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX households_search_trgm ON households USING gin (search gin_trgm_ops);

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
