-- Actors' books of keyed entries (a center's help requests of a year, its queue of open requests): one row per entry,
-- so a change writes the entry it changes instead of the whole book. Read whole by (book, owner) on activation.
CREATE TABLE IF NOT EXISTS lianxin_book_entry (
    book text NOT NULL,
    owner text NOT NULL,
    key text NOT NULL,
    payload bytea NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (book, owner, key)
);
