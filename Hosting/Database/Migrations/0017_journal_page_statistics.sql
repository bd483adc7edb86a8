-- No planner statistics for the journal pages' arrays. Nothing filters or joins on their contents (a stream's pages
-- are found by stream, page, position and time span), but ANALYZE sampled them like any column: it read and
-- decompressed some 30,000 pages' arrays and counted their elements, 1.6-1.7 s of a core for a table of 80,000
-- pages, and autovacuum runs it whenever a tenth of the table is new (once a minute at full ingest in the benchmark).
-- On a machine that also runs the web host, those seconds were the live path's slowest: acknowledged batches waited
-- 100-200 ms behind them (BENCHMARKS.md (1q)). Without these columns an ANALYZE of the same table takes 0.15 s.
ALTER TABLE lianxin_journal_page
    ALTER COLUMN event_ids SET STATISTICS 0,
    ALTER COLUMN occurred_at SET STATISTICS 0,
    ALTER COLUMN event_types SET STATISTICS 0,
    ALTER COLUMN payloads SET STATISTICS 0;
