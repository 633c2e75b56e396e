-- 0012: lists and search at a province's size (issue 13 item 8).
--
-- Search without diacritics: an FTS5 index with the trigram tokenizer over
-- households.search (the folded code, names and national IDs), external content, kept
-- by triggers on every write. LIKE '%q%' on it is answered from the index for three
-- characters or more (https://sqlite.org/fts5.html#the_trigram_tokenizer). A large
-- import drops the triggers and rebuilds the index once at its end (sqlite.go,
-- beginImport/finishImport), as it does with the other indexes (ADR 0006).
CREATE VIRTUAL TABLE households_fts USING fts5(search, content='households', content_rowid='id', tokenize='trigram');
INSERT INTO households_fts (households_fts) VALUES ('rebuild');
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
