-- 0005: the recognised status of a household is the commune chairman's decision after
-- a review (Decision 24/2021/QĐ-TTg, Art. 4 step 6 and Art. 5): besides its class and
-- since when (0003), the decision's number and date, its round and the certificate
-- number. A review round records the standard it applies.
ALTER TABLE households ADD COLUMN status_decision TEXT NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN status_decided_on TEXT NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN status_round_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN status_certificate INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_rounds ADD COLUMN standard_id TEXT NOT NULL DEFAULT '';
