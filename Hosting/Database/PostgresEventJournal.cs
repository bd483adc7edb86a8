using System.Text;
using System.Threading.Channels;
using Lianxin.Common;
using Lianxin.Common.Journal;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Hosting.Database;

/// <summary>Which streams the journal keeps in pages, and how long their ids are kept in memory (see <see cref="StreamWindow"/>).</summary>
/// <param name="StreamPrefix">Streams whose names start with this are paged (kiosks' streams: <c>kiosk:</c>).</param>
/// <param name="Window">Ids of events up to this old are known from memory; an older event is looked for in its pages.</param>
public sealed record JournalPaging(string StreamPrefix, TimeSpan Window);

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
/// Payloads are stored as their UTF-8 bytes: nothing reads inside them in SQL.
/// </summary>
public sealed partial class PostgresEventJournal : IEventJournal, IAsyncDisposable
{
    /// <summary>Entries per commit at most; larger groups gain little and hold the commit longer.</summary>
    private const int MaxGroupEntries = 4000;

    /// <summary>Entries per page at most (the table's check).</summary>
    private const int PageSize = 1024;

    /// <summary>Pages per read of a stream: kiosk pages hold tens of entries.</summary>
    private const int ReadPages = 64;

    /// <summary>Tries of one group whose pages another writer of their streams got ahead of.</summary>
    private const int FenceRetries = 5;

    /// <summary>Streams not appended to for this long are forgotten here; the next append reads their window again.</summary>
    private static readonly TimeSpan IdleStream = TimeSpan.FromMinutes(10);

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

    /// <summary>New pages, one per stream (keyed by the writer); a page whose number its stream holds already is not stored.</summary>
    private const string InsertPagesSql = """
        INSERT INTO lianxin_journal_page (stream, page, first_occurred_at, last_occurred_at, event_ids, occurred_at, event_types, payloads)
        SELECT min(stream), min(page), min(occurred_at), max(occurred_at), array_agg(event_id ORDER BY ord), array_agg(occurred_at ORDER BY ord),
               array_agg(event_type ORDER BY ord), array_agg(payload ORDER BY ord)
        FROM unnest(@keys, @streams, @pages, @ids, @occurred, @types, @payloads) WITH ORDINALITY
            AS t(key, stream, page, event_id, occurred_at, event_type, payload, ord)
        GROUP BY key
        ORDER BY key
        ON CONFLICT (stream, page) DO NOTHING
        RETURNING stream, page, position
        """;

    /// <summary>A stream's window: its last page number, and the ids of the pages whose latest event is recent enough.</summary>
    private const string ReadWindowSql = """
        SELECT coalesce(max(page), 0) FROM lianxin_journal_page WHERE stream = @stream;
        SELECT page, last_occurred_at, event_ids FROM lianxin_journal_page
        WHERE stream = @stream AND last_occurred_at >= @since
        ORDER BY page
        """;

    /// <summary>
    /// Which of the given events (older than what the writers remember) their streams hold: looked for in the pages
    /// whose time span holds the event's time. A re-sent event carries the time it was stored with.
    /// </summary>
    private const string FindOlderSql = """
        SELECT q.stream, q.event_id
        FROM unnest(@streams, @ids, @occurred) AS q(stream, event_id, occurred_at)
        WHERE EXISTS (
            SELECT 1 FROM lianxin_journal_page AS p
            WHERE p.stream = q.stream AND p.last_occurred_at >= q.occurred_at AND p.first_occurred_at <= q.occurred_at
              AND q.event_id = ANY (p.event_ids))
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
    private readonly ILogger<PostgresEventJournal> _logger;
    private readonly JournalPaging _paging;

    /// <summary>One queue per writer, a stream always on the same one: one stream's appends are never in two commits at once.</summary>
    private readonly Channel<PendingAppend>[] _queues;
    private readonly Task[] _writers;

    /// <summary>The windows of paged streams, each used by its stream's one writer only.</summary>
    private readonly Dictionary<string, StreamWindow>[] _windows;

    public PostgresEventJournal(NpgsqlDataSource dataSource, ILogger<PostgresEventJournal> logger, JournalPaging paging)
    {
        _dataSource = dataSource;
        _logger = logger;
        _paging = paging;
        // Two writers: while one waits for its commit the next group is being built.
        _queues = [Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true }), Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true })];
        _windows = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
        _writers = [.. _queues.Select((queue, i) => Task.Run(() => WriteLoopAsync(queue.Reader, _windows[i])))];
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
                new JournalEntry(reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(5)))));
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
                            records.Add(new JournalRecord(position + i, new JournalEntry(ids[i], stream, occurred[i], types[i], Encoding.UTF8.GetString(payloads[i]))));
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

    private async Task WriteLoopAsync(ChannelReader<PendingAppend> queue, Dictionary<string, StreamWindow> windows)
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
                await WriteGroupAsync(group, count, windows);
            }
        }
    }

    private async Task WriteGroupAsync(List<PendingAppend> group, int count, Dictionary<string, StreamWindow> windows)
    {
        try
        {
            var entries = group.SelectMany(p => p.Entries).ToList();
            var stored = await StoreRowsAsync([.. entries.Where(e => !IsPaged(e.Stream))]);
            foreach (var (key, position) in await StorePagesAsync([.. entries.Where(e => IsPaged(e.Stream))], windows))
            {
                stored[key] = position;
            }

            foreach (var pending in group)
            {
                // The first occurrence of an id in the group is the one stored; any other is a repeat.
                pending.Completion.TrySetResult([.. pending.Entries.Select(e => stored.Remove((e.Stream, e.Id), out var position) ? position : 0)]);
            }
        }
        catch (Exception e)
        {
            LogAppendFailed(count, e);
            // What this writer knew of the streams may be behind what was committed: it reads them again.
            windows.Clear();
            // The cause stays in this log; callers in other processes get an exception the cluster can carry.
            var answer = GroupCommitGrainStorage.IsDatabaseFailure(e) ? new DatabaseUnavailableException($"The journal did not answer an append of {count} entries: {e.Message}") : e;
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(answer);
            }
        }
    }

    /// <summary>Entries of row streams, unique per stream in SQL; answers the position of each stored one.</summary>
    private async Task<Dictionary<(string, Guid), long>> StoreRowsAsync(List<JournalEntry> entries)
    {
        var stored = new Dictionary<(string, Guid), long>(entries.Count);
        if (entries.Count == 0)
        {
            return stored;
        }

        await using var command = _dataSource.CreateCommand(InsertRowsSql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. entries.Select(e => e.Id)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. entries.Select(e => e.Stream)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. entries.Select(e => e.OccurredAt.UtcDateTime)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. entries.Select(e => e.Type)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. entries.Select(e => Encoding.UTF8.GetBytes(e.Payload))] });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[(reader.GetString(0), reader.GetGuid(1))] = reader.GetInt64(2);
        }

        return stored;
    }

    /// <summary>
    /// Entries of paged streams: the new ones (by each stream's window) go in new pages, one page per stream per
    /// statement, one statement for all streams, until every new entry is stored. A stream whose next page another writer
    /// stored first is read again and decided again.
    /// </summary>
    private async Task<Dictionary<(string, Guid), long>> StorePagesAsync(List<JournalEntry> entries, Dictionary<string, StreamWindow> windows)
    {
        var stored = new Dictionary<(string, Guid), long>(entries.Count);
        var fenced = 0;
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            ForgetIdleStreams(windows, now);
            var remaining = entries.Where(e => !stored.ContainsKey((e.Stream, e.Id))).ToList();
            foreach (var stream in remaining.Select(e => e.Stream).Distinct(StringComparer.Ordinal))
            {
                if (!windows.TryGetValue(stream, out var known))
                {
                    windows[stream] = known = await ReadWindowAsync(stream, now);
                }

                known.UsedAt = now;
            }

            var pages = NewPages(remaining, windows, await FindOlderAsync(remaining, windows, now));
            if (pages.Count == 0)
            {
                return stored;
            }

            var behind = await InsertPagesAsync(pages, windows, stored, now);
            if (behind.Count > 0)
            {
                if (++fenced == FenceRetries)
                {
                    throw new InvalidOperationException($"Streams {string.Join(", ", behind)} kept being appended to by another writer.");
                }

                LogFenced(string.Join(", ", behind));
                foreach (var stream in behind)
                {
                    windows.Remove(stream);
                }
            }
        }
    }

    /// <summary>
    /// One page per stream, numbered after the stream's last, of the entries its window does not hold (each once, in
    /// order, at most <see cref="PageSize"/>; the rest go in the next statement).
    /// </summary>
    private static List<NewPage> NewPages(List<JournalEntry> entries, Dictionary<string, StreamWindow> windows, HashSet<(string, Guid)> olderHeld)
    {
        var pages = new Dictionary<string, NewPage>(StringComparer.Ordinal);
        var seen = new HashSet<(string, Guid)>();
        foreach (var entry in entries)
        {
            var window = windows[entry.Stream];
            if (window.Holds(entry.Id) || olderHeld.Contains((entry.Stream, entry.Id)) || !seen.Add((entry.Stream, entry.Id)))
            {
                continue;
            }

            if (!pages.TryGetValue(entry.Stream, out var page))
            {
                pages[entry.Stream] = page = new NewPage(entry.Stream, window.LastPage + 1, []);
            }

            if (page.Entries.Count < PageSize)
            {
                page.Entries.Add(entry);
            }
        }

        return [.. pages.Values];
    }

    /// <summary>Stores the pages in one statement; answers the streams whose next page another writer had stored.</summary>
    private async Task<HashSet<string>> InsertPagesAsync(List<NewPage> pages, Dictionary<string, StreamWindow> windows, Dictionary<(string, Guid), long> stored, DateTimeOffset now)
    {
        var n = pages.Sum(p => p.Entries.Count);
        var (keys, streams, numbers, ids, occurred, types, payloads) = (new int[n], new string[n], new long[n], new Guid[n], new DateTime[n], new string[n], new byte[n][]);
        var i = 0;
        for (var key = 0; key < pages.Count; key++)
        {
            foreach (var entry in pages[key].Entries)
            {
                (keys[i], streams[i], numbers[i], ids[i], occurred[i], types[i], payloads[i]) =
                    (key, entry.Stream, pages[key].Number, entry.Id, entry.OccurredAt.UtcDateTime, entry.Type, Encoding.UTF8.GetBytes(entry.Payload));
                i++;
            }
        }

        await using var command = _dataSource.CreateCommand(InsertPagesSql);
        command.Parameters.Add(new NpgsqlParameter<int[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = streams });
        command.Parameters.Add(new NpgsqlParameter<long[]>("pages", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = numbers });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = occurred });
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = types });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = payloads });
        var positions = new Dictionary<string, long>(pages.Count, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                positions[reader.GetString(0)] = reader.GetInt64(2);
            }
        }

        var behind = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (!positions.TryGetValue(page.Stream, out var position))
            {
                behind.Add(page.Stream);
                continue;
            }

            windows[page.Stream].Add(page.Number, page.Entries.Max(e => e.OccurredAt), [.. page.Entries.Select(e => e.Id)], now);
            for (var k = 0; k < page.Entries.Count; k++)
            {
                stored[(page.Stream, page.Entries[k].Id)] = position + k;
            }
        }

        return behind;
    }

    /// <summary>The events older than their stream's window that the stream holds (none to look for, no round trip).</summary>
    private async Task<HashSet<(string, Guid)>> FindOlderAsync(List<JournalEntry> entries, Dictionary<string, StreamWindow> windows, DateTimeOffset now)
    {
        var held = new HashSet<(string, Guid)>();
        var older = entries.Where(e => !windows[e.Stream].Remembers(e.OccurredAt, now)).ToList();
        if (older.Count == 0)
        {
            return held;
        }

        await using var command = _dataSource.CreateCommand(FindOlderSql);
        command.Parameters.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. older.Select(e => e.Stream)] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. older.Select(e => e.Id)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. older.Select(e => e.OccurredAt.UtcDateTime)] });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            held.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return held;
    }

    private async Task<StreamWindow> ReadWindowAsync(string stream, DateTimeOffset now)
    {
        var window = new StreamWindow(_paging.Window);
        await using var command = _dataSource.CreateCommand(ReadWindowSql);
        command.Parameters.AddWithValue("stream", stream);
        command.Parameters.AddWithValue("since", now - _paging.Window);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var last = reader.GetInt64(0);
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            window.Add(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<Guid[]>(2), now);
        }

        window.Follow(last);
        return window;
    }

    private static void ForgetIdleStreams(Dictionary<string, StreamWindow> windows, DateTimeOffset now)
    {
        foreach (var (stream, window) in windows)
        {
            if (now - window.UsedAt > IdleStream)
            {
                windows.Remove(stream);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading journal stream {Stream} failed")]
    private partial void LogReadFailed(string stream, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} journal entries failed; their callers were told")]
    private partial void LogAppendFailed(int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another writer stored pages of {Streams} first; their ids are read again")]
    private partial void LogFenced(string streams);

    private sealed record NewPage(string Stream, long Number, List<JournalEntry> Entries);

    private sealed record PendingAppend(IReadOnlyList<JournalEntry> Entries)
    {
        public TaskCompletionSource<long[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
