-- The roll-up stamp (issue 13 item 8): a counter per province moved in the same
-- transaction as every change of its roll-up rows (store/rollupmemo.go), so that what
-- is read from the roll-ups can be remembered while the sum of the counters stands, in
-- every process that serves the database.
CREATE TABLE rollups_stamp (
	province_code TEXT PRIMARY KEY,
	n BIGINT NOT NULL
);
