-- 0003: cluster membership for the Orleans ADO.NET clustering provider (UseAdoNetClustering on silos)
-- and its gateway list provider (UseAdoNetClustering on clients).
--
-- Orleans' membership protocol versions the whole table, not single rows: every reader gets the
-- table version, and a silo that inserts or updates a row passes the version it read. The write
-- succeeds only if the version is still that one, and then moves it on by one. Here the version lives
-- in one row per cluster (Orleans calls the cluster id "DeploymentId"); taking that row's lock first
-- serializes all membership writes of a cluster, which keeps each statement's checks sound.
--
-- Orleans reads columns by name and type: Port, Generation, Status and ProxyPort as int4, the times as
-- DateTime (timestamptz gives UTC, which is what Orleans writes), SiloName as a non-null string.
-- Status values are Orleans' SiloStatus numbers (3 = Active, 6 = Dead).

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pkey PRIMARY KEY (deployment_id)
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    -- Orleans' own encoding: "silo-address,date|silo-address,date"; NULL when nobody suspects the silo.
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_pkey PRIMARY KEY (deployment_id, address, port, generation),
    -- Deleting a cluster's version row removes its members with it (DeleteMembershipTableEntriesKey).
    CONSTRAINT orleans_membership_version_fkey FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

COMMENT ON TABLE orleans_membership_version IS
    'Orleans membership table version, one row per cluster id; bumped by every membership insert/update.';
COMMENT ON TABLE orleans_membership IS
    'Orleans cluster membership: one row per silo incarnation (address, port, generation).';

INSERT INTO orleansquery (querykey, querytext) VALUES
(
    -- Run by every silo at start. Must return exactly one boolean row: true if this call created it.
    'InsertMembershipVersionKey',
    $q$
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id, version)
        VALUES (@DeploymentId, 0)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM created)
    $q$
),
(
    -- Always at least one row (the version row, left-joined), which Orleans needs to learn the
    -- version even when the silo is not in the table.
    'MembershipReadRowKey',
    $q$
    SELECT v.version         AS "Version",
           m.address         AS "Address",
           m.port            AS "Port",
           m.generation      AS "Generation",
           m.silo_name       AS "SiloName",
           m.host_name       AS "HostName",
           m.status          AS "Status",
           m.proxy_port      AS "ProxyPort",
           m.suspect_times   AS "SuspectTimes",
           m.start_time      AS "StartTime",
           m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans_membership_version AS v
    LEFT JOIN orleans_membership AS m
           ON m.deployment_id = v.deployment_id
          AND m.address = @Address
          AND m.port = @Port
          AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId
    $q$
),
(
    'MembershipReadAllKey',
    $q$
    SELECT v.version         AS "Version",
           m.address         AS "Address",
           m.port            AS "Port",
           m.generation      AS "Generation",
           m.silo_name       AS "SiloName",
           m.host_name       AS "HostName",
           m.status          AS "Status",
           m.proxy_port      AS "ProxyPort",
           m.suspect_times   AS "SuspectTimes",
           m.start_time      AS "StartTime",
           m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans_membership_version AS v
    LEFT JOIN orleans_membership AS m
           ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId
    $q$
),
(
    -- The version is bumped first, and only if the silo is not yet listed; the insert depends on the
    -- bump. A caller with a stale version therefore changes nothing and gets false. Once the bump
    -- holds the version row's lock no other membership write of this cluster can interleave, so the
    -- NOT EXISTS check (statement snapshot) cannot miss a committed row.
    'InsertMembershipKey',
    $q$
    WITH bumped AS (
        UPDATE orleans_membership_version AS v
        SET version = v.version + 1,
            changed_at = now()
        WHERE v.deployment_id = @DeploymentId
          AND v.version = @Version
          AND NOT EXISTS (
              SELECT 1
              FROM orleans_membership AS m
              WHERE m.deployment_id = @DeploymentId
                AND m.address = @Address
                AND m.port = @Port
                AND m.generation = @Generation)
        RETURNING v.deployment_id
    ),
    inserted AS (
        INSERT INTO orleans_membership
            (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
             start_time, i_am_alive_time)
        SELECT b.deployment_id, @Address, @Port, @Generation, COALESCE(@SiloName, ''), COALESCE(@HostName, ''),
               @Status, @ProxyPort, @StartTime, @IAmAliveTime
        FROM bumped AS b
        ON CONFLICT ON CONSTRAINT orleans_membership_pkey DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM inserted)
    $q$
),
(
    -- Same shape as the insert: bump only if the version matches and the row exists, then update it.
    'UpdateMembershipKey',
    $q$
    WITH bumped AS (
        UPDATE orleans_membership_version AS v
        SET version = v.version + 1,
            changed_at = now()
        WHERE v.deployment_id = @DeploymentId
          AND v.version = @Version
          AND EXISTS (
              SELECT 1
              FROM orleans_membership AS m
              WHERE m.deployment_id = @DeploymentId
                AND m.address = @Address
                AND m.port = @Port
                AND m.generation = @Generation)
        RETURNING v.deployment_id
    ),
    changed AS (
        UPDATE orleans_membership AS m
        SET status = @Status,
            suspect_times = @SuspectTimes,
            i_am_alive_time = @IAmAliveTime
        FROM bumped AS b
        WHERE m.deployment_id = b.deployment_id
          AND m.address = @Address
          AND m.port = @Port
          AND m.generation = @Generation
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM changed)
    $q$
),
(
    -- Heartbeats are deliberately unversioned: Orleans does not want them to conflict with
    -- membership changes.
    'UpdateIAmAlivetimeKey',
    $q$
    UPDATE orleans_membership
    SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId
      AND address = @Address
      AND port = @Port
      AND generation = @Generation
    $q$
),
(
    -- Client side (gateway list provider): active silos that accept clients.
    'GatewaysQueryKey',
    $q$
    SELECT m.address    AS "Address",
           m.proxy_port AS "ProxyPort",
           m.generation AS "Generation"
    FROM orleans_membership AS m
    WHERE m.deployment_id = @DeploymentId
      AND m.status = @Status
      AND m.proxy_port > 0
    $q$
),
(
    -- Removes the cluster's version row; its member rows go with it through the cascading key.
    'DeleteMembershipTableEntriesKey',
    $q$
    DELETE FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId
    $q$
),
(
    -- Bulk form, still required by the provider but used only when CleanupDefunctSiloEntryKey is
    -- missing: dead silos whose last heartbeat is older than the cut-off.
    'CleanupDefunctSiloEntriesKey',
    $q$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId
      AND status = 6
      AND i_am_alive_time < @IAmAliveTime
    $q$
),
(
    -- Per-row form preferred by Orleans 10.4: it decides in .NET which dead rows are old enough and
    -- deletes each only if the row still holds the values it judged, so a row that changed in the
    -- meantime survives. Suspect times are compared with NULL and '' treated alike, because Orleans
    -- reads both back as "no suspicions".
    'CleanupDefunctSiloEntryKey',
    $q$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId
      AND address = @Address
      AND port = @Port
      AND generation = @Generation
      AND status = 6
      AND start_time = @StartTime
      AND i_am_alive_time = @IAmAliveTime
      AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '')
    $q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
