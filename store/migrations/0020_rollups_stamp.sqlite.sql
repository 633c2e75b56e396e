-- The roll-up stamp (issue 13 item 8): a counter per province moved in the same
-- transaction as every change of its roll-up rows (store/rollupmemo.go), so that what
-- is read from the roll-ups can be remembered while the sum of the counters stands, in
-- every process that serves the database.
CREATE TABLE rollups_stamp (
	province_code TEXT PRIMARY KEY,
	n BIGINT NOT NULL
);

-- A list filtered by a deprivation (deprived LIKE '%,water,%') reads a commune's
-- households in code order and keeps a few: with deprived in the commune index, SQLite
-- tests it on the index entry and reads only the rows kept (the table row is sought
-- only when needed). The index replaces (commune_code, code), whose every use it
-- serves. PostgreSQL tests such a condition on the table row in any case.
DROP INDEX households_commune;
CREATE INDEX households_commune ON households (commune_code, code, deprived);
