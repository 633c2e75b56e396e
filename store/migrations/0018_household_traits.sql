-- 0018: the household traits the reports count (issue 14 items 1–2): a person of merit,
-- no labour capacity, ethnic minority, female head, the head's ethnic group, the causes
-- of poverty and the needs for support, kept as ',grp:merit,eth:Tày,cause:land,' in
-- one column (registry.TraitsText) so that the roll-ups recount them with one GROUP BY,
-- as they do the deprivations. The store fills the column of the households already
-- stored right after this statement (the traits derived from their members on the day
-- of the migration) and rebuilds the roll-ups (store/rollup.go: afterMigration).
ALTER TABLE households ADD COLUMN traits TEXT NOT NULL DEFAULT '';
