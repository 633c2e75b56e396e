-- 0028: one partial index per deprivation indicator, of the households deprived in it,
-- in list order (issue 13 item 8): a list of the households deprived in clean water
-- (3 % of a province) read 31 entries of households_commune for each one it showed.
-- The store creates them right after this statement, one per key of
-- poverty.IndicatorKeys (store/rollup.go: afterMigration, deprivedIndexes); a list
-- filtered by an indicator writes the same condition (store/household.go:
-- deprivedCond), which both engines need to use a partial index.
SELECT 1;
