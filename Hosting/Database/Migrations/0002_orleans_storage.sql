-- 0002: grain state for the Orleans ADO.NET grain storage provider
-- (AddAdoNetGrainStorage, Invariant "Npgsql").
--
-- Row identity: (service id, state name, n0, n1, key extension), which is everything the provider tells
-- us about a grain:
--   * @GrainTypeString is, despite its name, the state name: the [PersistentState] name, or the grain
--     class name for Grain<TState>. The grain class itself is not sent, so two grain classes that use
--     the same state name and the same key share one row: every grain class needs its own state name.
--   * the key: a Guid key is split into n0/n1, an integer key is n1 (n0 = 0), and a string key is sent
--     whole as the "extension" with n0 = n1 = 0; compound keys add their extension.
-- The provider also sends @GrainIdHash and @GrainTypeHash. They are derived from the same values by a
-- configurable hasher, so keying on them would let a hasher change fork a grain's state into a second
-- row; the statements below ignore them (Npgsql does not mind unused parameters).
--
-- Versioning (the grain's ETag) follows the provider's contract exactly:
--   * a write with no ETag inserts version 1, only if no row exists;
--   * a write or clear with ETag N succeeds only while the row holds version N, and moves it on;
--   * every write/clear/delete statement returns exactly one row; its single column is the new
--     version, or NULL when nothing was changed. The provider turns NULL (read as "") into an
--     InconsistentStateException, which is what a stale ETag or a lost insert race must produce.

-- The key extension is nullable (most grains have none) but a primary key column cannot be. This
-- encoding keeps NULL and '' distinct: NULL -> '', 'x' -> '+x'. Queries use the same function, so the
-- equality is an index lookup on the primary key.
CREATE OR REPLACE FUNCTION orleans_grain_key_extension(extension text)
    RETURNS text
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $fn$
    SELECT CASE WHEN extension IS NULL THEN '' ELSE '+' || extension END
$fn$;

-- Orleans parses the ETag as a 32-bit integer. A hot grain writing 1,000 times a second would overflow
-- int4 in under a month, so versions wrap to 1 instead of failing the write. A stale writer would have
-- to be exactly 2^31 - 1 versions behind to be mistaken for a current one.
CREATE OR REPLACE FUNCTION orleans_next_version(current_version integer)
    RETURNS integer
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $fn$
    SELECT CASE WHEN current_version >= 2147483647 THEN 1 ELSE current_version + 1 END
$fn$;

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id             text        NOT NULL,
    state_name             text        NOT NULL,
    grain_id_n0            bigint      NOT NULL,
    grain_id_n1            bigint      NOT NULL,
    grain_id_extension     text        NULL,
    grain_id_extension_key text        GENERATED ALWAYS AS (orleans_grain_key_extension(grain_id_extension)) STORED,
    -- NULL after ClearStateAsync: the row (and its version) stays so the cleared grain's next write
    -- is still version-checked.
    payload_binary         bytea       NULL,
    version                integer     NOT NULL,
    modified_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_pkey
        PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension_key)
);

COMMENT ON TABLE orleans_grain_state IS
    'Orleans grain state (ADO.NET grain storage). state_name is the provider''s GrainTypeString (the state name); payload_binary is the serialized state, NULL once cleared.';

INSERT INTO orleansquery (querykey, querytext) VALUES
(
    'ReadFromStorageKey',
    $q$
    SELECT s.payload_binary AS "PayloadBinary",
           s.version        AS "Version"
    FROM orleans_grain_state AS s
    WHERE s.service_id = @ServiceId
      AND s.state_name = @GrainTypeString
      AND s.grain_id_n0 = @GrainIdN0
      AND s.grain_id_n1 = @GrainIdN1
      AND s.grain_id_extension_key = orleans_grain_key_extension(@GrainIdExtensionString)
    $q$
),
(
    -- One statement, one round trip. Exactly one of the two branches can act: the UPDATE when the
    -- grain holds an ETag, the INSERT when it does not. Concurrent writers are settled by the row
    -- lock (UPDATE re-checks the version after waiting) and by the primary key (the losing INSERT
    -- does nothing); either loser gets NULL.
    'WriteToStorageKey',
    $q$
    WITH updated AS (
        UPDATE orleans_grain_state AS s
        SET payload_binary = @PayloadBinary,
            version = orleans_next_version(s.version),
            modified_at = now()
        WHERE @GrainStateVersion IS NOT NULL
          AND s.service_id = @ServiceId
          AND s.state_name = @GrainTypeString
          AND s.grain_id_n0 = @GrainIdN0
          AND s.grain_id_n1 = @GrainIdN1
          AND s.grain_id_extension_key = orleans_grain_key_extension(@GrainIdExtensionString)
          AND s.version = @GrainStateVersion
        RETURNING s.version
    ),
    inserted AS (
        INSERT INTO orleans_grain_state
            (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension, payload_binary, version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT ON CONSTRAINT orleans_grain_state_pkey DO NOTHING
        RETURNING version
    )
    SELECT (SELECT version FROM updated
            UNION ALL
            SELECT version FROM inserted
            LIMIT 1) AS "NewGrainStateVersion"
    $q$
),
(
    -- ClearStateAsync keeps the row with a NULL payload and moves the version on; reads then report
    -- "no record" but still hand out the version, so the next write is checked against it.
    'ClearStorageKey',
    $q$
    WITH cleared AS (
        UPDATE orleans_grain_state AS s
        SET payload_binary = NULL,
            version = orleans_next_version(s.version),
            modified_at = now()
        WHERE @GrainStateVersion IS NOT NULL
          AND s.service_id = @ServiceId
          AND s.state_name = @GrainTypeString
          AND s.grain_id_n0 = @GrainIdN0
          AND s.grain_id_n1 = @GrainIdN1
          AND s.grain_id_extension_key = orleans_grain_key_extension(@GrainIdExtensionString)
          AND s.version = @GrainStateVersion
        RETURNING s.version
    )
    SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
    $q$
),
(
    -- Used only with AdoNetGrainStorageOptions.DeleteStateOnClear = true. The provider forgets the
    -- ETag after a delete and only checks that the returned value is present and differs from the
    -- old ETag, so the successor version is returned. Note the trade-off of that option: the grain's
    -- next write starts again at version 1.
    'DeleteStorageKey',
    $q$
    WITH deleted AS (
        DELETE FROM orleans_grain_state AS s
        WHERE @GrainStateVersion IS NOT NULL
          AND s.service_id = @ServiceId
          AND s.state_name = @GrainTypeString
          AND s.grain_id_n0 = @GrainIdN0
          AND s.grain_id_n1 = @GrainIdN1
          AND s.grain_id_extension_key = orleans_grain_key_extension(@GrainIdExtensionString)
          AND s.version = @GrainStateVersion
        RETURNING s.version
    )
    SELECT (SELECT orleans_next_version(version) FROM deleted) AS "NewGrainStateVersion"
    $q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
