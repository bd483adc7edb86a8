using System.Text;
using System.Threading.Channels;
using Lianxin.Common;
using Lianxin.Common.Journal;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Hosting.Database;

/// <summary>
/// The event journal on PostgreSQL, with group commit: appends that arrive while a write is in flight queue up
/// and go together in the next single multi-row <c>INSERT … ON CONFLICT DO NOTHING</c>, so one fsync'd commit
/// acknowledges many batches. That, not more connections, is what makes durable ingest fast on a small machine.
/// A payload is stored as its UTF-8 bytes (<c>bytea</c>): nothing reads inside it in SQL, so PostgreSQL need not parse it.
/// </summary>
public sealed partial class PostgresEventJournal : IEventJournal, IAsyncDisposable
{
    /// <summary>Entries per round trip at most; larger groups gain little and hold the commit longer.</summary>
    private const int MaxGroupEntries = 4000;

    /// <summary>Writers in flight at once: while one waits for its commit the next group is being built.</summary>
    private const int Writers = 2;

    private const string InsertSql = """
        INSERT INTO lianxin_event_journal (event_id, stream, occurred_at, event_type, payload)
        SELECT * FROM unnest(@ids, @streams, @occurred, @types, @payloads)
        ON CONFLICT (stream, event_id) DO NOTHING
        RETURNING stream, event_id, position
        """;

    private const string ReadSql = """
        SELECT position, event_id, stream, occurred_at, event_type, payload
        FROM lianxin_event_journal
        WHERE stream = @stream AND position > @after
        ORDER BY position
        LIMIT @max
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresEventJournal> _logger;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = false });
    private readonly Task[] _writers;

    public PostgresEventJournal(NpgsqlDataSource dataSource, ILogger<PostgresEventJournal> logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _writers = [.. Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteLoopAsync))];
    }

    public Task<long[]> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return Task.FromResult(Array.Empty<long>());
        }

        var pending = new PendingAppend(entries);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresEventJournal));
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JournalRecord>> ReadAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReadPageAsync(stream, afterPosition, max, cancellationToken);
        }
        catch (Exception e) when (GroupCommitGrainStorage.IsDatabaseFailure(e))
        {
            LogReadFailed(stream, e);
            throw new DatabaseUnavailableException($"The journal did not answer a read of stream '{stream}': {e.Message}");
        }
    }

    private async Task<IReadOnlyList<JournalRecord>> ReadPageAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("stream", stream);
        command.Parameters.AddWithValue("after", afterPosition);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<JournalRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new JournalRecord(
                reader.GetInt64(0),
                new JournalEntry(reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(5)))));
        }

        return records;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var count = 0;
            while (count < MaxGroupEntries && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                count += pending.Entries.Count;
            }

            if (group.Count > 0)
            {
                await WriteGroupAsync(group, count);
            }
        }
    }

    private async Task WriteGroupAsync(List<PendingAppend> group, int count)
    {
        try
        {
            var ids = new Guid[count];
            var streams = new string[count];
            var occurred = new DateTime[count];
            var types = new string[count];
            var payloads = new byte[count][];
            var i = 0;
            foreach (var entry in group.SelectMany(p => p.Entries))
            {
                (ids[i], streams[i], occurred[i], types[i], payloads[i]) =
                    (entry.Id, entry.Stream, entry.OccurredAt.UtcDateTime, entry.Type, Encoding.UTF8.GetBytes(entry.Payload));
                i++;
            }

            await using var command = _dataSource.CreateCommand(InsertSql);
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids });
            command.Parameters.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = streams });
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = occurred });
            command.Parameters.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = types });
            command.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = payloads });

            var stored = new Dictionary<(string, Guid), long>(count);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored[(reader.GetString(0), reader.GetGuid(1))] = reader.GetInt64(2);
                }
            }

            // The statement stored each new id of a stream once; the first occurrence in the group is the one that counts.
            foreach (var pending in group)
            {
                pending.Completion.TrySetResult([.. pending.Entries.Select(e => stored.Remove((e.Stream, e.Id), out var position) ? position : 0)]);
            }
        }
        catch (Exception e)
        {
            LogAppendFailed(count, e);
            // The cause stays in this log; callers in other processes get an exception the cluster can carry.
            var answer = GroupCommitGrainStorage.IsDatabaseFailure(e) ? new DatabaseUnavailableException($"The journal did not answer an append of {count} entries: {e.Message}") : e;
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(answer);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading journal stream {Stream} failed")]
    private partial void LogReadFailed(string stream, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} journal entries failed; their callers were told")]
    private partial void LogAppendFailed(int count, Exception exception);

    private sealed record PendingAppend(IReadOnlyList<JournalEntry> Entries)
    {
        public TaskCompletionSource<long[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
