using System.Threading.Channels;
using Lianxin.Common;
using Lianxin.Common.Journal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lianxin.Hosting.Database;

/// <summary>
/// The event journal on PostgreSQL, with group commit: appends that arrive while a write is in flight queue up and go
/// together in the next commit, so one fsync acknowledges many batches. That, not more connections, is what makes
/// durable ingest fast on a small machine.
/// <para>
/// Kiosks' streams are kept in pages (<c>lianxin_journal_page</c>, migration 16): what one commit stores for a stream is
/// one row of up to 1,024 entries, numbered 1, 2, 3… per stream, and which entries are new is decided here: from the ids
/// of the stream's recent pages (<see cref="StreamWindow"/>, read once per stream), and for an event older than those
/// (a kiosk's upload after days offline) from the pages whose time span holds its time. PostgreSQL's cost of a row journal
/// was per event (a tuple, three index entries and the unique check of <c>ON CONFLICT</c>, 15-20 µs of its CPU each);
/// a page costs that once. The page number is unique per stream: a journal that missed a page another process stored
/// (an actor's second activation during a failover, a kiosk that moved silos) fails to store the next one, reads the
/// stream's window again and decides again, so an id is never stored twice.
/// </para>
/// <para>Other streams (emergencies' steps, roll-call answers, activities) are one row per event, unique per stream in SQL.</para>
/// Payloads are stored as the UTF-8 bytes they arrive as: nothing reads inside them in SQL.
/// </summary>
public sealed partial class PostgresEventJournal : IEventJournal, IAsyncDisposable
{
    /// <summary>Entries per commit at most; larger groups gain little and hold the commit longer.</summary>
    private const int MaxGroupEntries = 4000;

    /// <summary>Pages per read of a stream: kiosk pages hold tens of entries.</summary>
    private const int ReadPages = 64;

    private const string InsertRowsSql = """
        INSERT INTO lianxin_event_journal (event_id, stream, occurred_at, event_type, payload)
        SELECT * FROM unnest(@ids, @streams, @occurred, @types, @payloads)
        ON CONFLICT (stream, event_id) DO NOTHING
        RETURNING stream, event_id, position
        """;

    private const string ReadRowsSql = """
        SELECT position, event_id, stream, occurred_at, event_type, payload
        FROM lianxin_event_journal
        WHERE stream = @stream AND position > @after
        ORDER BY position
        LIMIT @max
        """;

    /// <summary>The pages of a stream that hold entries after a position, in order (a page's entries follow its position).</summary>
    private const string ReadPagesSql = """
        SELECT position, event_ids, occurred_at, event_types, payloads
        FROM lianxin_journal_page
        WHERE stream = @stream AND position > @after - 1024 AND position + cardinality(event_ids) - 1 > @after
        ORDER BY position
        LIMIT @pages
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SharedCommit _commit;
    private readonly ILogger<PostgresEventJournal> _logger;
    private readonly JournalPaging _paging;

    /// <summary>One queue per writer, a stream always on the same one: one stream's appends are never in two commits at once.</summary>
    private readonly Channel<PendingAppend>[] _queues;
    private readonly Task[] _writers;

    /// <summary>Each writer's side of kiosks' pages.</summary>
    private readonly PageWriter[] _pages;

    public PostgresEventJournal(NpgsqlDataSource dataSource, SharedCommit commit, ILogger<PostgresEventJournal> logger, JournalPaging paging)
    {
        _dataSource = dataSource;
        _commit = commit;
        _logger = logger;
        _paging = paging;
        // Two writers: while one waits for its commit the next group is being built.
        _queues = [Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true }), Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true })];
        _pages = [.. _queues.Select(_ => new PageWriter(dataSource, commit, paging, logger))];
        _writers = [.. _queues.Select((queue, i) => DetachedLoop.Start(() => WriteLoopAsync(queue.Reader, _pages[i])))];
    }

    public Task<long[]> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return Task.FromResult(Array.Empty<long>());
        }

        var pending = new PendingAppend(entries);
        var queue = _queues[(StringComparer.Ordinal.GetHashCode(entries[0].Stream) & int.MaxValue) % _queues.Length];
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresEventJournal));
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JournalRecord>> ReadAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken = default)
    {
        try
        {
            return IsPaged(stream)
                ? await ReadPagesAsync(stream, afterPosition, max, cancellationToken)
                : await ReadRowsAsync(stream, afterPosition, max, cancellationToken);
        }
        catch (Exception e) when (GroupCommitGrainStorage.IsDatabaseFailure(e))
        {
            LogReadFailed(stream, e);
            throw new DatabaseUnavailableException($"The journal did not answer a read of stream '{stream}': {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(_writers);
    }

    private bool IsPaged(string stream) => stream.StartsWith(_paging.StreamPrefix, StringComparison.Ordinal);

    private async Task<IReadOnlyList<JournalRecord>> ReadRowsAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReadRowsSql);
        command.Parameters.AddWithValue("stream", stream);
        command.Parameters.AddWithValue("after", afterPosition);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<JournalRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new JournalRecord(
                reader.GetInt64(0),
                new JournalEntry(reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetFieldValue<byte[]>(5))));
        }

        return records;
    }

    private async Task<IReadOnlyList<JournalRecord>> ReadPagesAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken)
    {
        var records = new List<JournalRecord>();
        var after = afterPosition;
        while (records.Count < max)
        {
            await using var command = _dataSource.CreateCommand(ReadPagesSql);
            command.Parameters.AddWithValue("stream", stream);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("pages", ReadPages);
            var pages = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    pages++;
                    var position = reader.GetInt64(0);
                    var ids = reader.GetFieldValue<Guid[]>(1);
                    var occurred = reader.GetFieldValue<DateTimeOffset[]>(2);
                    var types = reader.GetFieldValue<string[]>(3);
                    var payloads = reader.GetFieldValue<byte[][]>(4);
                    for (var i = 0; i < ids.Length && records.Count < max; i++)
                    {
                        if (position + i > after)
                        {
                            records.Add(new JournalRecord(position + i, new JournalEntry(ids[i], stream, occurred[i], types[i], payloads[i])));
                        }
                    }
                }
            }

            if (pages < ReadPages || records.Count == 0)
            {
                break;
            }

            after = records[^1].Position;
        }

        return records;
    }

    private async Task WriteLoopAsync(ChannelReader<PendingAppend> queue, PageWriter pages)
    {
        var group = new List<PendingAppend>();
        while (await queue.WaitToReadAsync())
        {
            group.Clear();
            var count = 0;
            while (count < MaxGroupEntries && queue.TryRead(out var pending))
            {
                group.Add(pending);
                count += pending.Entries.Count;
            }

            if (group.Count > 0)
            {
                await WriteGroupAsync(group, count, pages);
            }
        }
    }

    private async Task WriteGroupAsync(List<PendingAppend> group, int count, PageWriter pages)
    {
        try
        {
            var rows = new List<JournalSlot>();
            var paged = new List<JournalSlot>(count);
            foreach (var pending in group)
            {
                for (var i = 0; i < pending.Entries.Count; i++)
                {
                    (IsPaged(pending.Entries[i].Stream) ? paged : rows).Add(new JournalSlot(pending.Entries[i], pending.Positions, i));
                }
            }

            await StoreRowsAsync(rows);
            await pages.StoreAsync(paged);
            foreach (var pending in group)
            {
                pending.Completion.TrySetResult(pending.Positions);
            }
        }
        catch (Exception e)
        {
            LogAppendFailed(count, e);
            pages.ForgetAll();
            // The cause stays in this log; callers in other processes get an exception the cluster can carry.
            var answer = GroupCommitGrainStorage.IsDatabaseFailure(e) ? new DatabaseUnavailableException($"The journal did not answer an append of {count} entries: {e.Message}") : e;
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(answer);
            }
        }
    }

    /// <summary>Entries of row streams, unique per stream in SQL; each stored one is given its position.</summary>
    private async Task StoreRowsAsync(List<JournalSlot> slots)
    {
        if (slots.Count == 0)
        {
            return;
        }

        var stored = await _commit.RunAsync(
            () =>
            {
                var statement = new NpgsqlBatchCommand(InsertRowsSql);
                JournalParameters.AddEntries(statement.Parameters, [.. slots.Select(s => s.Entry)]);
                return statement;
            },
            async reader =>
            {
                var positions = new Dictionary<(string, Guid), long>(slots.Count);
                while (await reader.ReadAsync())
                {
                    positions[(reader.GetString(0), reader.GetGuid(1))] = reader.GetInt64(2);
                }

                return positions;
            });

        foreach (var slot in slots)
        {
            // The first occurrence of an id in the group is the one stored; any other is a repeat.
            if (stored.Remove((slot.Entry.Stream, slot.Entry.Id), out var position))
            {
                slot.Store(position);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading journal stream {Stream} failed")]
    private partial void LogReadFailed(string stream, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} journal entries failed; their callers were told")]
    private partial void LogAppendFailed(int count, Exception exception);

    private sealed record PendingAppend(IReadOnlyList<JournalEntry> Entries)
    {
        /// <summary>The answer: each entry's position once stored, 0 while not (and for an entry held already).</summary>
        public long[] Positions { get; } = new long[Entries.Count];

        public TaskCompletionSource<long[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
