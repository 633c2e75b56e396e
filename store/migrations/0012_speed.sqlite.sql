-- 0012: lists and search at a province's size (issue 13 item 8).
--
-- Search without diacritics: an FTS5 index of the words of households.search (the
-- folded code, names and national IDs), external content, kept by triggers on every
-- write. A search is a phrase of words, the last one a prefix (store/sqlite.go). A
-- trigram index was measured first and left: the trigrams of common names ("thi",
-- "van", "ngu") each list most of a province, and a search read them all. A large
-- import drops the triggers and rebuilds the index once at its end (sqlite.go,
-- beginImport/finishImport), as it does with the other indexes (ADR 0006).
CREATE VIRTUAL TABLE households_fts USING fts5(search, content='households', content_rowid='id', tokenize='unicode61');
INSERT INTO households_fts (households_fts) VALUES ('rebuild');
-- The words of the index, for the last word of a search: its completions are looked
-- up here (a B-tree range) and searched as whole words, one phrase each. FTS5's own
-- prefix query merges the whole doclist of every completion first: "nguyen van*"
-- read every "van" of a province. Words are added by every write of a household
-- (store: noteSearchWords) and never removed (a stale word only adds a phrase that
-- finds nothing). Numbers are left out: they are searched as national IDs and codes.
CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.households_fts_terms USING fts5vocab(main, households_fts, 'row');
INSERT INTO search_words (word) SELECT term FROM temp.households_fts_terms WHERE term GLOB '*[a-z]*';
DROP TABLE temp.households_fts_terms;
CREATE TRIGGER households_fts_insert AFTER INSERT ON households BEGIN
    INSERT INTO households_fts (rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER households_fts_delete AFTER DELETE ON households BEGIN
    INSERT INTO households_fts (households_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER households_fts_update AFTER UPDATE OF id, search ON households BEGIN
    INSERT INTO households_fts (households_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO households_fts (rowid, search) VALUES (new.id, new.search);
END;

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
CREATE TABLE units_stamp (n INTEGER NOT NULL);
INSERT INTO units_stamp (n) VALUES (1);

-- The totals of a list or a home page sum one measure over a scope's communes
-- (store.DB.RollupTotals, communesWithHouseholds): by measure first, covering.
CREATE INDEX rollups_measure ON rollups (measure, commune_code, status, n);
