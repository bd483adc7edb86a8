-- Actors' states are compressed with LZ4 instead of PostgreSQL's default pglz when they are large enough to be
-- compressed at all (about 2 KB): a center's activity snapshot, a kiosk's ingest state, a ledger with a long history.
-- A profile of PostgreSQL during full-rate kiosk ingest found pglz_compress, under the live storage's updates, at 12 %
-- of the database's CPU; LZ4 compresses several times faster for a slightly larger result. Only new values use it.
-- A server built without LZ4 keeps pglz: the migration says so and goes on.
DO $$
BEGIN
    ALTER TABLE lianxin_grain_state ALTER COLUMN payload SET COMPRESSION lz4;
    ALTER TABLE lianxin_book_entry ALTER COLUMN payload SET COMPRESSION lz4;
    ALTER TABLE orleans_grain_state ALTER COLUMN payload_binary SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'This PostgreSQL has no LZ4 compression; actors'' states stay compressed with pglz.';
END $$;
