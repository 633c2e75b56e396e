-- The households on a list (poor or near-poor), a small part of a province: the needs'
-- recount of `rollup verify` and `rollup rebuild` finds them here rather than reading
-- every household (issue 14 item 9). Households on no list are not in the index, so an
-- import (status '') does not write to it.
CREATE INDEX households_listed ON households (id) WHERE status IN ('poor', 'near_poor');
