using Lianxin.Common.Journal;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Hosting.Database;

/// <summary>
/// One journal writer's side of kiosks' pages (see <see cref="PostgresEventJournal"/>): what it knows of the streams it
/// writes (their <see cref="StreamWindow"/>s), which entries are new, and the statement that stores them as pages. Each
/// of the journal's writers has its own, and a stream always goes to the same writer, so a window is never shared.
/// </summary>
internal sealed partial class PageWriter(NpgsqlDataSource dataSource, SharedCommit commit, JournalPaging paging, ILogger logger)
{
    /// <summary>Entries per page at most (the table's check).</summary>
    private const int PageSize = 1024;

    /// <summary>Tries of one group whose pages another writer of their streams got ahead of.</summary>
    private const int FenceRetries = 5;

    /// <summary>Streams not appended to for this long are forgotten here; the next append reads their window again.</summary>
    private static readonly TimeSpan IdleStream = TimeSpan.FromMinutes(10);

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

    private readonly Dictionary<string, StreamWindow> _windows = new(StringComparer.Ordinal);

    /// <summary>Forgets every stream after a failed commit: what was committed may be ahead of what this writer knows.</summary>
    public void ForgetAll() => _windows.Clear();

    /// <summary>
    /// Entries of paged streams: the new ones (by each stream's window) go in new pages, one page per stream per
    /// statement, one statement for all streams, until every new entry is stored. A stream whose next page another writer
    /// stored first is read again and decided again.
    /// </summary>
    public async Task StoreAsync(List<JournalSlot> slots)
    {
        var fenced = 0;
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            ForgetIdleStreams(now);
            var remaining = slots.FindAll(s => !s.Stored);
            foreach (var stream in remaining.Select(s => s.Entry.Stream).Distinct(StringComparer.Ordinal))
            {
                if (!_windows.TryGetValue(stream, out var known))
                {
                    _windows[stream] = known = await ReadWindowAsync(stream, now);
                }

                known.UsedAt = now;
            }

            var pages = NewPages(remaining, await FindOlderAsync(remaining, now));
            if (pages.Count == 0)
            {
                return;
            }

            var behind = await InsertPagesAsync(pages, now);
            if (behind.Count > 0)
            {
                if (++fenced == FenceRetries)
                {
                    throw new InvalidOperationException($"Streams {string.Join(", ", behind)} kept being appended to by another writer.");
                }

                LogFenced(logger, string.Join(", ", behind));
                foreach (var stream in behind)
                {
                    _windows.Remove(stream);
                }
            }
        }
    }

    /// <summary>
    /// One page per stream, numbered after the stream's last, of the entries its window does not hold (each once, in
    /// order, at most <see cref="PageSize"/>; the rest go in the next statement).
    /// </summary>
    private List<NewPage> NewPages(List<JournalSlot> slots, HashSet<(string, Guid)> olderHeld)
    {
        var pages = new Dictionary<string, NewPage>(StringComparer.Ordinal);
        foreach (var slot in slots)
        {
            var entry = slot.Entry;
            var window = _windows[entry.Stream];
            if (window.Holds(entry.Id) || olderHeld.Contains((entry.Stream, entry.Id)))
            {
                continue;
            }

            if (!pages.TryGetValue(entry.Stream, out var page))
            {
                pages[entry.Stream] = page = new NewPage(entry.Stream, window.LastPage + 1);
            }

            page.TryAdd(slot);
        }

        return [.. pages.Values];
    }

    /// <summary>Stores the pages in one statement, giving each entry its position; answers the streams whose next page another writer had stored.</summary>
    private async Task<HashSet<string>> InsertPagesAsync(List<NewPage> pages, DateTimeOffset now)
    {
        var entries = pages.SelectMany(p => p.Slots.Select(s => s.Entry)).ToList();
        var positions = await commit.RunAsync(
            () =>
            {
                var statement = new NpgsqlBatchCommand(InsertPagesSql);
                statement.Parameters.Add(new NpgsqlParameter<int[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. pages.SelectMany((p, key) => p.Slots.Select(_ => key))] });
                statement.Parameters.Add(new NpgsqlParameter<long[]>("pages", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. pages.SelectMany(p => p.Slots.Select(_ => p.Number))] });
                JournalParameters.AddEntries(statement.Parameters, entries);
                return statement;
            },
            async reader =>
            {
                var stored = new Dictionary<string, long>(pages.Count, StringComparer.Ordinal);
                while (await reader.ReadAsync())
                {
                    stored[reader.GetString(0)] = reader.GetInt64(2);
                }

                return stored;
            });

        var behind = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (!positions.TryGetValue(page.Stream, out var position))
            {
                behind.Add(page.Stream);
                continue;
            }

            _windows[page.Stream].Add(page.Number, page.Slots.Max(s => s.Entry.OccurredAt), [.. page.Slots.Select(s => s.Entry.Id)], now);
            for (var k = 0; k < page.Slots.Count; k++)
            {
                page.Slots[k].Store(position + k);
            }
        }

        return behind;
    }

    /// <summary>The events older than their stream's window that the stream holds (none to look for, no round trip).</summary>
    private async Task<HashSet<(string, Guid)>> FindOlderAsync(List<JournalSlot> slots, DateTimeOffset now)
    {
        var held = new HashSet<(string, Guid)>();
        var older = slots.Select(s => s.Entry).Where(e => !_windows[e.Stream].Remembers(e.OccurredAt, now)).ToList();
        if (older.Count == 0)
        {
            return held;
        }

        await using var command = dataSource.CreateCommand(FindOlderSql);
        JournalParameters.AddEntries(command.Parameters, older, withContent: false);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            held.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return held;
    }

    private async Task<StreamWindow> ReadWindowAsync(string stream, DateTimeOffset now)
    {
        var window = new StreamWindow(paging.Window);
        await using var command = dataSource.CreateCommand(ReadWindowSql);
        command.Parameters.AddWithValue("stream", stream);
        command.Parameters.AddWithValue("since", now - paging.Window);
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

    private void ForgetIdleStreams(DateTimeOffset now)
    {
        foreach (var (stream, window) in _windows)
        {
            if (now - window.UsedAt > IdleStream)
            {
                _windows.Remove(stream);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another writer stored pages of {Streams} first; their ids are read again")]
    private static partial void LogFenced(ILogger logger, string streams);

    /// <summary>A stream's next page: its entries in order, each id once.</summary>
    private sealed class NewPage(string stream, long number)
    {
        private readonly HashSet<Guid> _ids = [];

        public string Stream => stream;

        public long Number => number;

        public List<JournalSlot> Slots { get; } = [];

        /// <summary>Takes the entry unless the page is full or holds its id already (a repeat within the group).</summary>
        public void TryAdd(JournalSlot slot)
        {
            if (Slots.Count < PageSize && _ids.Add(slot.Entry.Id))
            {
                Slots.Add(slot);
            }
        }
    }
}
