-- 0004: reminders for the Orleans ADO.NET reminder provider (UseAdoNetReminderService).
--
-- A reminder is identified by (service id, grain id, reminder name). grain_hash is the grain id's
-- uniform hash (a uint that Orleans sends as a signed int4); each silo reads the reminders of its
-- share of the hash ring by ranges of it. The version is the reminder's ETag: an upsert moves it on,
-- and a delete succeeds only with the current one. Versions wrap like grain state versions
-- (orleans_next_version, migration 0002), since Orleans parses the ETag as int4.

CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    integer     NOT NULL,
    start_time    timestamptz NOT NULL,
    -- milliseconds; Orleans sends int4 or int8 depending on the size and reads it back as int8
    period        bigint      NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT orleans_reminder_pkey PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- The ring-range reads (ReadRangeRows1Key/2Key) run on every silo at start and on every ring change.
CREATE INDEX IF NOT EXISTS orleans_reminder_service_hash_idx
    ON orleans_reminder (service_id, grain_hash);

COMMENT ON TABLE orleans_reminder IS
    'Orleans reminders (ADO.NET reminder table); grain_hash is the signed form of the grain id''s uniform hash.';

INSERT INTO orleansquery (querykey, querytext) VALUES
(
    'ReadReminderRowsKey',
    $q$
    SELECT r.grain_id      AS "GrainId",
           r.reminder_name AS "ReminderName",
           r.start_time    AS "StartTime",
           r.period        AS "Period",
           r.version       AS "Version"
    FROM orleans_reminder AS r
    WHERE r.service_id = @ServiceId
      AND r.grain_id = @GrainId
    $q$
),
(
    'ReadReminderRowKey',
    $q$
    SELECT r.grain_id      AS "GrainId",
           r.reminder_name AS "ReminderName",
           r.start_time    AS "StartTime",
           r.period        AS "Period",
           r.version       AS "Version"
    FROM orleans_reminder AS r
    WHERE r.service_id = @ServiceId
      AND r.grain_id = @GrainId
      AND r.reminder_name = @ReminderName
    $q$
),
(
    -- Ring range (begin, end] that does not wrap: Orleans picks this key when begin < end compared
    -- as signed integers, the same order these int4 comparisons use.
    'ReadRangeRows1Key',
    $q$
    SELECT r.grain_id      AS "GrainId",
           r.reminder_name AS "ReminderName",
           r.start_time    AS "StartTime",
           r.period        AS "Period",
           r.version       AS "Version"
    FROM orleans_reminder AS r
    WHERE r.service_id = @ServiceId
      AND r.grain_hash > @BeginHash
      AND r.grain_hash <= @EndHash
    $q$
),
(
    -- Ring range that wraps past the top (or covers the whole ring when begin = end).
    'ReadRangeRows2Key',
    $q$
    SELECT r.grain_id      AS "GrainId",
           r.reminder_name AS "ReminderName",
           r.start_time    AS "StartTime",
           r.period        AS "Period",
           r.version       AS "Version"
    FROM orleans_reminder AS r
    WHERE r.service_id = @ServiceId
      AND (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash)
    $q$
),
(
    -- Returns the new ETag in a column named Version, exactly one row.
    'UpsertReminderRowKey',
    $q$
    INSERT INTO orleans_reminder AS r
        (service_id, grain_id, reminder_name, grain_hash, start_time, period, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 1)
    ON CONFLICT ON CONSTRAINT orleans_reminder_pkey DO UPDATE
        SET grain_hash = EXCLUDED.grain_hash,
            start_time = EXCLUDED.start_time,
            period = EXCLUDED.period,
            version = orleans_next_version(r.version)
    RETURNING r.version AS "Version"
    $q$
),
(
    -- Exactly one boolean row: true if the reminder existed with that ETag and is now gone.
    'DeleteReminderRowKey',
    $q$
    WITH deleted AS (
        DELETE FROM orleans_reminder AS r
        WHERE r.service_id = @ServiceId
          AND r.grain_id = @GrainId
          AND r.reminder_name = @ReminderName
          AND r.version = @Version
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM deleted)
    $q$
),
(
    'DeleteReminderRowsKey',
    $q$
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId
    $q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
