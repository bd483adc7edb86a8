-- An event id is unique within its stream, not across the journal: ids are chosen by clients (a kiosk's eventId) and
-- by actors (an emergency's "happens once" steps), so one stream's writer must never be able to take another
-- stream's id and make its event look stored already. A re-sent event still lands in the same stream and is
-- recognised there.
ALTER TABLE lianxin_event_journal DROP CONSTRAINT IF EXISTS lianxin_event_journal_event_id;
ALTER TABLE lianxin_event_journal
    ADD CONSTRAINT lianxin_event_journal_stream_event_id UNIQUE (stream, event_id);
