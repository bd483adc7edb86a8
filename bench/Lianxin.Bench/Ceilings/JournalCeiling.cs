using System.Text;
using Lianxin.Bench.Harness;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Bench.Ceilings;

/// <summary>
/// The journal's bare batched append: many writers, each inserting a kiosk batch's worth of kiosk-like rows per statement
/// into the event journal table the product's migrations build, with the statement and connection settings the
/// journal uses (<c>unnest</c>, <c>ON CONFLICT (stream, event_id) DO NOTHING RETURNING</c>, auto-prepared), fsync on.
/// No product code runs between the load and PostgreSQL: this is what durable ingest could reach at all, and every
/// ingest figure is divided by it. Also with ten batches per statement, the journal's group commit at its best.
/// </summary>
internal sealed class JournalCeiling : IScenario
{
    public const string Id = "ceiling.journal";
    public const string GroupedId = "ceiling.journal_grouped";

    /// <summary>The statement the product's journal sends, word for word.</summary>
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
            Id, $"Ceiling: journal append, {sizes.BatchSize}-row statements, {sizes.JournalWriters} writers (fsync on)", batch.PerSecond * sizes.BatchSize, "events/s",
            $"{Results.Number(batch.PerSecond)} statements/s, p50 {Results.Number(batch.Latency.P50)} ms, p99 {Results.Number(batch.Latency.P99)} ms, {batch.Errors} errors");
        var grouped = await AppendAsync(dataSource, sizes, sizes.BatchSize * 10);
        context.Results.Ceiling(
            GroupedId, $"Ceiling: journal append, {sizes.BatchSize * 10}-row statements, {sizes.JournalWriters} writers (fsync on)", grouped.PerSecond * sizes.BatchSize * 10, "events/s",
            $"{Results.Number(grouped.PerSecond)} statements/s, p50 {Results.Number(grouped.Latency.P50)} ms, p99 {Results.Number(grouped.Latency.P99)} ms, {grouped.Errors} errors");
    }

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
