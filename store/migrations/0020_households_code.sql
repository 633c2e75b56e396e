-- 0020: households by their code alone, for a beneficiary list matched by household
-- code (support.Service.MatchList): the code is unique within a province, and a list
-- of an agency names no province, so the lookup cannot use UNIQUE (province_code, code).
CREATE INDEX households_code ON households (code);
