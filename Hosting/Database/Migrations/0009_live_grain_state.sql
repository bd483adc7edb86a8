-- The state of the actors on the live path (center activity, kiosk ingest and health, ledgers, help requests):
-- written by many actors at once, so their writes go together in group commits (one statement and one fsync for
-- many actors) rather than one commit each. Keyed by state name and grain id; the version is the optimistic
-- concurrency check (ETag) of every write.
CREATE TABLE IF NOT EXISTS lianxin_grain_state (
    state_name text NOT NULL,
    grain_id text NOT NULL,
    version bigint NOT NULL,
    payload bytea NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (state_name, grain_id)
);
