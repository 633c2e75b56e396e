-- 0017: the roll-ups count the households per deprivation profile (issue 14 item 5,
-- docs/adr/0012-alkire-foster-from-deprivation-profiles.md): measure
-- 'set:<standard>:<deprived>' per commune, village and recognised status, so that the
-- Alkire–Foster measures of a province or of the nation are computed for any cut-off
-- and weights without reading the households. The rows of the households already
-- stored are made right after this statement by the store (store/rollup.go:
-- afterMigration), with the code of `rollup rebuild`.
DELETE FROM rollups WHERE measure LIKE 'set:%';
