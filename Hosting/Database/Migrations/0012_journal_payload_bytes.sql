-- The journal's payload as the bytes the product wrote (UTF-8 JSON), not jsonb: nothing queries inside a payload,
-- and parsing every event's JSON into jsonb was the largest single cost of an append on PostgreSQL. Readers decode
-- the bytes themselves. Rows written before keep their content: jsonb's text form, in UTF-8.
ALTER TABLE lianxin_event_journal
    ALTER COLUMN payload TYPE bytea USING convert_to(payload::text, 'UTF8');
