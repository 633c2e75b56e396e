-- A household carried to another province (1 July 2025: Hải Dương into Hải Phòng) left
-- its members under the old province code, by which they are read: the household
-- showed no members. MoveHousehold now moves them in the same transaction; this
-- repairs the members moved before.
UPDATE members SET province_code = h.province_code
FROM households h
WHERE h.id = members.household_id AND members.province_code <> h.province_code;
