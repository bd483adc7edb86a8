-- The outbound event feed (the "141" link): every domain event worth governing, in the order it became durable.
-- position is the global cursor. Writers append under one transaction-scoped advisory lock, so positions are
-- committed in increasing order and a reader that has seen position N never later finds a smaller one appear.
-- event_id names the fact (a help request's n-th stage, an emergency's launch): publishing it again stores nothing.
CREATE TABLE IF NOT EXISTS lianxin_outbound_events (
    position     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     text        NOT NULL,
    event_type   text        NOT NULL,
    source       text        NOT NULL,
    subject      text,
    occurred_at  timestamptz NOT NULL,
    center_id    text        NOT NULL,
    center_path  text        NOT NULL,
    data         jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lianxin_outbound_events_event_id UNIQUE (event_id)
);
