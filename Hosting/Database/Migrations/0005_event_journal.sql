-- The event journal: every event the product acknowledges (kiosk events, roll-call answers) is stored here
-- before it is answered "accepted". event_id is the client's id (a kiosk's eventId, a reply's key): its
-- uniqueness is what makes re-sent events harmless. Actors rebuild derived state by reading their stream.
CREATE TABLE IF NOT EXISTS lianxin_event_journal (
    position     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL,
    stream       text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    event_type   text        NOT NULL,
    payload      jsonb       NOT NULL,
    CONSTRAINT lianxin_event_journal_event_id UNIQUE (event_id)
);

-- Replays read one stream in position order.
CREATE INDEX IF NOT EXISTS lianxin_event_journal_stream ON lianxin_event_journal (stream, position);
