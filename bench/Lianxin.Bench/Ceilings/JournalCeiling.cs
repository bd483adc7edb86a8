using System.Text;
using Lianxin.Bench.Harness;
using Lianxin.Common.Journal;
using Lianxin.Hosting;
using Lianxin.Hosting.Database;
using Lianxin.Kiosks;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Bench.Ceilings;

/// <summary>
/// What this machine's PostgreSQL appends durably, fsync on, with no product code between the load and the database.
/// The yardstick (<see cref="Id"/>): many writers each inserting a kiosk batch's worth of kiosk-like events, one row per
/// event, into the row journal the product's migrations build (<c>lianxin_event_journal</c>: unique per stream,
/// <c>unnest</c>, <c>ON CONFLICT (stream, event_id) DO NOTHING RETURNING</c>, auto-prepared): how kiosks' events were
/// journaled until migration 16, and what every ingest figure is divided by. Also with ten batches per statement, and
/// kiosk batches through the product's journal itself (<see cref="PostgresEventJournal"/>: kiosks' pages, group commit),
/// the bare append the product's ingest does now.
/// </summary>
internal sealed class JournalCeiling : IScenario
{
    public const string Id = "ceiling.journal";
    public const string GroupedId = "ceiling.journal_grouped";
    public const string PagesId = "ceiling.journal_pages";

    /// <summary>The statement the product's row journal sends, word for word.</summary>
    private const string InsertSql = """
        INSERT INTO lianxin_event_journal (event_id, stream, occurred_at, event_type, payload)
        SELECT * FROM unnest(@ids, @streams, @occurred, @types, @payloads)
        ON CONFLICT (stream, event_id) DO NOTHING
        RETURNING stream, event_id, position
        """;

    public string Name => "ceiling-journal";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var database = await context.Postgres.CreateDatabaseAsync("journal");
        // The journal's pool settings (SiloConfiguration.WithStatementPreparation).
        var connectionString = new NpgsqlConnectionStringBuilder(database) { MaxAutoPrepare = 32, NoResetOnClose = true, MaxPoolSize = Math.Max(100, sizes.JournalWriters * 2) }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var batch = await AppendAsync(dataSource, sizes, sizes.BatchSize);
        context.Results.Ceiling(
            Id, $"Ceiling: journal append, one row per event, {sizes.BatchSize}-row statements, {sizes.JournalWriters} writers (fsync on)", batch.PerSecond * sizes.BatchSize, "events/s",
            $"{Results.Number(batch.PerSecond)} statements/s, p50 {Results.Number(batch.Latency.P50)} ms, p99 {Results.Number(batch.Latency.P99)} ms, {batch.Errors} errors");
        var grouped = await AppendAsync(dataSource, sizes, sizes.BatchSize * 10);
        context.Results.Ceiling(
            GroupedId, $"Ceiling: journal append, one row per event, {sizes.BatchSize * 10}-row statements, {sizes.JournalWriters} writers (fsync on)", grouped.PerSecond * sizes.BatchSize * 10, "events/s",
            $"{Results.Number(grouped.PerSecond)} statements/s, p50 {Results.Number(grouped.Latency.P50)} ms, p99 {Results.Number(grouped.Latency.P99)} ms, {grouped.Errors} errors");

        await using var commit = new SharedCommit(dataSource, NullLogger<SharedCommit>.Instance);
        await using var journal = new PostgresEventJournal(dataSource, commit, NullLogger<PostgresEventJournal>.Instance, SiloConfiguration.KioskJournalPaging());
        var pages = await AppendPagesAsync(journal, sizes);
        context.Results.Ceiling(
            PagesId, $"Ceiling: the product's journal (kiosks' pages, group commit), batches of {sizes.BatchSize}, {sizes.Kiosks} writers (fsync on)", pages.PerSecond * sizes.BatchSize, "events/s",
            $"{Results.Number(pages.PerSecond)} batches/s, p50 {Results.Number(pages.Latency.P50)} ms, p99 {Results.Number(pages.Latency.P99)} ms, {pages.Errors} errors");
    }

    /// <summary>
    /// Kiosk batches through the product's journal class alone, one writer per kiosk as in the ingest scenario, so its
    /// group commit gathers them as it does under load.
    /// </summary>
    private static Task<LoadResult> AppendPagesAsync(PostgresEventJournal journal, BenchSizes sizes) => ClosedLoop.RunAsync(
        sizes.Kiosks,
        async n =>
        {
            var (ids, streams, occurred, types, payloads) = Rows(n, sizes.BatchSize, sizes.Kiosks);
            var entries = new JournalEntry[ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                entries[i] = new JournalEntry(ids[i], streams[i], new DateTimeOffset(occurred[i]), types[i], payloads[i]);
            }

            var stored = await journal.AppendAsync(entries);
            return stored.All(p => p > 0);
        },
        sizes.Warmup,
        sizes.Measure);

    private static Task<LoadResult> AppendAsync(NpgsqlDataSource dataSource, BenchSizes sizes, int rows) => ClosedLoop.RunAsync(
        sizes.JournalWriters,
        async n =>
        {
            var (ids, streams, occurred, types, payloads) = Rows(n, rows, sizes.Kiosks);
            await using var command = dataSource.CreateCommand(InsertSql);
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids });
            command.Parameters.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = streams });
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = occurred });
            command.Parameters.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = types });
            command.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = payloads });
            var stored = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored++;
                }
            }

            return stored == rows;
        },
        sizes.Warmup,
        sizes.Measure);

    /// <summary>
    /// One statement's rows, shaped as the journal stores kiosk events: one kiosk's stream per statement (kiosks take
    /// turns), new event ids, the simulator's mix of check-ins, check-outs and self-service with their JSON payloads.
    /// </summary>
    private static (Guid[], string[], DateTime[], string[], byte[][]) Rows(long statement, int rows, int kiosks)
    {
        var stream = $"kiosk:k-{statement % Math.Max(1, kiosks):D3}";
        var now = DateTime.UtcNow;
        var ids = new Guid[rows];
        var streams = new string[rows];
        var occurred = new DateTime[rows];
        var types = new string[rows];
        var payloads = new byte[rows][];
        var payload = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            (ids[i], streams[i], occurred[i]) = (Guid.NewGuid(), stream, now);
            var person = $"r-{statement % 997:D3}-{i / 3:D3}";
            payload.Clear();
            string json;
            (types[i], json) = (i % 3) switch
            {
                0 => ("checkIn", payload.Append($$"""{"personId":"{{person}}","role":"visitor","purpose":"convenienceServices","centerId":"c-ld-01-01"}""").ToString()),
                1 => ("checkOut", payload.Append($$"""{"personId":"{{person}}","centerId":"c-ld-01-01"}""").ToString()),
                _ => ("selfService", payload.Append("""{"service":"socialSecurityQuery","centerId":"c-ld-01-01"}""").ToString()),
            };
            payloads[i] = Encoding.UTF8.GetBytes(json);
        }

        return (ids, streams, occurred, types, payloads);
    }
}
