-- 0004: a sort key of the household head's name, so that lists can be ordered as
-- Vietnamese lists are (given name, then family and middle names; vntext.NameKey).
ALTER TABLE households ADD COLUMN head_key TEXT NOT NULL DEFAULT '';
CREATE INDEX households_head_key ON households (commune_code, head_key);
