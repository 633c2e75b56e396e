-- 0014 (issue 11 items 1 and 4): the history of each household's recognised status
-- (every decision that set it, oldest kept), and the reasons a review round records
-- when it is entered after its window (back-dated) and a case decided after the
-- round's decision deadline. Civil days are 'YYYY-MM-DD' text, '' when not set.
--
-- status_history has no foreign key to households: a bulk import renumbers the
-- households it has just created, and their rows follow by the same statement.
CREATE TABLE status_history (
    id              BIGSERIAL PRIMARY KEY,
    household_id    BIGINT NOT NULL,
    class           TEXT NOT NULL DEFAULT '',
    since           TEXT NOT NULL DEFAULT '',
    decided_on      TEXT NOT NULL DEFAULT '',
    decision_number TEXT NOT NULL DEFAULT '',
    round_id        BIGINT NOT NULL DEFAULT 0,
    certificate     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX status_history_household ON status_history (household_id, id);

-- The decisions taken before this migration: the decided cases, then the current
-- status of households set otherwise (an import of a recognised list, a migration).
INSERT INTO status_history (household_id, class, since, decided_on, decision_number, round_id, certificate)
SELECT c.household_id, CASE WHEN c.final_class IN ('poor', 'near_poor') THEN c.final_class ELSE '' END, c.decided_on, c.decided_on,
       r.decision_number, c.round_id, c.certificate_number
FROM review_cases c JOIN review_rounds r ON r.id = c.round_id
WHERE c.state = 'decided' AND c.decided_on <> ''
ORDER BY c.decided_on, c.id;
INSERT INTO status_history (household_id, class, since, decided_on, decision_number, round_id, certificate)
SELECT id, status, status_since, status_decided_on, status_decision, status_round_id, status_certificate
FROM households
WHERE status_round_id = 0 AND (status <> '' OR status_since <> '')
ORDER BY id;

ALTER TABLE review_rounds ADD COLUMN backdate_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE review_cases ADD COLUMN late_reason TEXT NOT NULL DEFAULT '';
