-- The supported needs of a worklist are counted from the year's support records of its
-- types wherever they were made (a household carried to another commune keeps the
-- support recorded before): this index holds that read.
CREATE INDEX support_records_year ON support_records (year, type, household_id, person);
