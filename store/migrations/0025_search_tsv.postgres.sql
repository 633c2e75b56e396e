-- The words of each household's search text, stored (issue 13 item 8). The index of
-- 0012 was on the expression to_tsvector('simple', search): a phrase search must check
-- the words' order in each candidate row, and PostgreSQL recomputed the expression for
-- each, about 17 µs a row. A search for one head's name of the 650,000-household
-- province ("tran thi hoa") then ran 15–23 s at 50 clients, scanning the province in
-- list order and parsing every household's text. Stored, the check reads the vector:
-- the same search takes 60–95 ms, a rare name 13 ms through the index.
ALTER TABLE households ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX households_search_tsv ON households USING gin (search_tsv);
DROP INDEX households_search_words;
