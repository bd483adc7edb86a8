-- The listing index of every registry (centers, grids, people, kiosks, help requests, emergencies): one line per thing,
-- written by its actor after its own state, so a page of a list is one indexed query instead of a call to every actor.
-- Keys and ids sort byte-wise (COLLATE "C") so a cursor means the same on every server whatever its locale.
CREATE TABLE IF NOT EXISTS lianxin_listing (
    kind smallint NOT NULL,
    id text COLLATE "C" NOT NULL,
    center_id text COLLATE "C",
    parent_id text COLLATE "C",
    grid_id text COLLATE "C",
    sort_key text COLLATE "C" NOT NULL,
    tags text[] NOT NULL,
    latitude double precision,
    longitude double precision,
    item text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);

CREATE INDEX IF NOT EXISTS lianxin_listing_by_key ON lianxin_listing (kind, sort_key, id);
CREATE INDEX IF NOT EXISTS lianxin_listing_by_center ON lianxin_listing (kind, center_id);
CREATE INDEX IF NOT EXISTS lianxin_listing_by_grid ON lianxin_listing (kind, grid_id);
CREATE INDEX IF NOT EXISTS lianxin_listing_by_parent ON lianxin_listing (parent_id) WHERE kind = 1;
CREATE INDEX IF NOT EXISTS lianxin_listing_by_place ON lianxin_listing (kind, latitude, longitude) WHERE latitude IS NOT NULL;
CREATE INDEX IF NOT EXISTS lianxin_listing_tags ON lianxin_listing USING gin (tags);
