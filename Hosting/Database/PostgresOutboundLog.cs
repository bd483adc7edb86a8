using System.Threading.Channels;
using Lianxin.EventFeed;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Hosting.Database;

/// <summary>
/// The outbound log on PostgreSQL, with group commit like the event journal: events published while a write is in
/// flight go together in the next single multi-row insert. Every write takes one transaction-scoped advisory lock
/// before it draws positions, so across all silos positions become visible in increasing order: the global cursor
/// never skips an event that commits late. The lock and the insert go in one of the live path's shared commits
/// (<see cref="SharedCommit"/>): one implicit transaction, which holds the lock until the insert commits.
/// </summary>
public sealed partial class PostgresOutboundLog : IOutboundLog, IAsyncDisposable
{
    private const int MaxGroupEvents = 2000;

    /// <summary>The advisory lock's key: any number no other part of the product uses ("141").</summary>
    private const long OrderLock = 0x4C58_0141;

    /// <summary>The transaction-scoped order lock, as a statement that returns no rows (as the shared commit wants).</summary>
    private static readonly string LockSql = $"DO $$ BEGIN PERFORM pg_advisory_xact_lock({OrderLock}); END $$";

    private const string InsertSql = """
        INSERT INTO lianxin_outbound_events (event_id, event_type, source, subject, occurred_at, center_id, center_path, data)
        SELECT * FROM unnest(@ids, @types, @sources, @subjects, @occurred, @centers, @paths, @data)
        ON CONFLICT (event_id) DO NOTHING
        """;

    // The end and the page come from one statement, so from one snapshot: every position up to the end it saw is
    // committed (writers commit in position order), and the page sees all of them. One round trip per page.
    private const string ReadSql = """
        WITH log_end AS (SELECT coalesce(max(position), 0) AS position FROM lianxin_outbound_events)
        SELECT e.position, e.event_id, e.event_type, e.source, e.subject, e.occurred_at, e.center_id, e.center_path, e.data::text, log_end.position
        FROM log_end LEFT JOIN LATERAL (
            SELECT * FROM lianxin_outbound_events o
            WHERE o.position > @after AND o.position <= log_end.position AND o.center_path LIKE @within
            ORDER BY o.position
            LIMIT @max) e ON true
        ORDER BY e.position
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SharedCommit _commit;
    private readonly ILogger<PostgresOutboundLog> _logger;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Task _writer;

    public PostgresOutboundLog(NpgsqlDataSource dataSource, SharedCommit commit, ILogger<PostgresOutboundLog> logger)
    {
        (_dataSource, _commit, _logger) = (dataSource, commit, logger);
        _writer = DetachedLoop.Start(WriteLoopAsync);
    }

    public Task AppendAsync(IReadOnlyList<FeedRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new PendingAppend(records);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresOutboundLog));
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<FeedPage> ReadAsync(string regionId, long after, int max, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("within", "%" + EscapeLike(OutboundPaths.Within(regionId)) + "%");
        command.Parameters.AddWithValue("max", max);
        var records = new List<FeedRecord>();
        var end = 0L;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                end = reader.GetInt64(9);
                if (reader.IsDBNull(0))
                {
                    // No event of the region after the cursor: the one row carries the end alone.
                    continue;
                }

                records.Add(new FeedRecord(
                    reader.GetInt64(0),
                    new FeedEvent(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetString(8)),
                    reader.GetString(7)));
            }
        }

        return new FeedPage(records, records.Count == max ? records[^1].Position : Math.Max(after, end));
    }

    public async Task<long> EndAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT coalesce(max(position), 0) FROM lianxin_outbound_events");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var count = 0;
            while (count < MaxGroupEvents && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                count += pending.Records.Count;
            }

            await WriteGroupAsync(group, count);
        }
    }

    private async Task WriteGroupAsync(List<PendingAppend> group, int count)
    {
        try
        {
            var records = group.SelectMany(p => p.Records).ToList();
            await _commit.RunAsync(() => [new NpgsqlBatchCommand(LockSql), InsertStatement(records)], holdsLock: true);
            foreach (var pending in group)
            {
                pending.Completion.TrySetResult();
            }
        }
        catch (Exception e)
        {
            LogAppendFailed(count, e);
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(e);
            }
        }
    }

    private static NpgsqlBatchCommand InsertStatement(List<FeedRecord> records)
    {
        var insert = new NpgsqlBatchCommand(InsertSql);
        Add(insert, "ids", NpgsqlDbType.Text, records.Select(r => r.Event.Id));
        Add(insert, "types", NpgsqlDbType.Text, records.Select(r => r.Event.Type));
        Add(insert, "sources", NpgsqlDbType.Text, records.Select(r => r.Event.Source));
        Add(insert, "subjects", NpgsqlDbType.Text, records.Select(r => r.Event.Subject));
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            TypedValue = [.. records.Select(r => r.Event.Time.UtcDateTime)],
        });
        Add(insert, "centers", NpgsqlDbType.Text, records.Select(r => r.Event.CenterId));
        Add(insert, "paths", NpgsqlDbType.Text, records.Select(r => r.CenterPath));
        Add(insert, "data", NpgsqlDbType.Jsonb, records.Select(r => r.Event.Data));
        return insert;
    }

    private static void Add(NpgsqlBatchCommand command, string name, NpgsqlDbType type, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter<string?[]>(name, NpgsqlDbType.Array | type) { TypedValue = [.. values] });

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} outbound events failed; their publishers were told")]
    private partial void LogAppendFailed(int count, Exception exception);

    private sealed record PendingAppend(IReadOnlyList<FeedRecord> Records)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
