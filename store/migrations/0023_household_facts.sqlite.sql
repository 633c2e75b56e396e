-- 0023: the compact form of each household's answers (poverty.EncodeFacts, ADR 0014),
-- what a simulation reads instead of the survey's and members' JSON (issue 16 item 4).
-- NULL when the answers have none (invalid, or B1 score answers). Written with the
-- survey by every write of a household (store.householdArgs); the store fills it for
-- the households already stored right after this statement (store/simulate.go).
ALTER TABLE households ADD COLUMN facts BLOB;
