-- A list's scope is the caller's subtree of centers and every grid of those centers. The grids of a district's
-- subtree are thousands of lines; (kind, center_id, id) gives their ids from the index alone (no visit to each
-- grid's row), so the first page of a district-wide list reads a few hundred index entries instead of thousands
-- of rows.
CREATE INDEX IF NOT EXISTS lianxin_listing_by_center_ids ON lianxin_listing (kind, center_id, id);
DROP INDEX IF EXISTS lianxin_listing_by_center;
