-- 0027: the words of the households' search texts, one row each (issue 13 item 8), as
-- SQLite has had since 0012: a search's last word is searched as its completions
-- (store/search.go: searchCompletions), each a whole word, rather than as a prefix,
-- which PostgreSQL's GIN index reads by collecting every row of every word the prefix
-- begins. COLLATE "C": the completions of a prefix are the words from it up to it
-- followed by "~", in byte order. The store adds the words of the households already
-- stored right after this statement (store/rollup.go: afterMigration).
CREATE TABLE search_words (word TEXT COLLATE "C" PRIMARY KEY);
