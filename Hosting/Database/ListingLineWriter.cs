using System.Threading.Channels;
using Lianxin.Common;
using Lianxin.Listings;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Hosting.Database;

/// <summary>
/// Writes listing lines by group commit: the first line goes at once; lines that arrive while that write is in flight
/// wait and go together in the next single <c>INSERT … SELECT unnest … ON CONFLICT DO UPDATE</c>, so one fsync'd
/// commit makes many lines durable (every help request writes its line, often many a second). One writer, so lines
/// are written in the order they came: of two versions of a line in one group the later is the one kept.
/// Each caller is answered once its line is durable, or with the failure of its group.
/// </summary>
internal sealed class ListingLineWriter : IAsyncDisposable
{
    /// <summary>Lines per statement at most: larger groups gain little and hold the commit longer.</summary>
    private const int MaxGroup = 500;

    /// <summary>A line's tags travel as one text, split by PostgreSQL: tags are words, never control characters.</summary>
    private const char TagSeparator = '\u001f';

    private const string UpsertSql = """
        INSERT INTO lianxin_listing (kind, id, center_id, parent_id, grid_id, sort_key, tags, latitude, longitude, item, updated_at)
        SELECT kind, id, center_id, parent_id, grid_id, sort_key, string_to_array(tags, E'\x1f'), latitude, longitude, item, now()
        FROM unnest(@kinds, @ids, @centers, @parents, @grids, @keys, @tags, @lats, @lons, @items)
            AS t(kind, id, center_id, parent_id, grid_id, sort_key, tags, latitude, longitude, item)
        ON CONFLICT (kind, id) DO UPDATE SET center_id = excluded.center_id, parent_id = excluded.parent_id, grid_id = excluded.grid_id,
            sort_key = excluded.sort_key, tags = excluded.tags, latitude = excluded.latitude, longitude = excluded.longitude,
            item = excluded.item, updated_at = now()
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<PendingLine> _queue = Channel.CreateUnbounded<PendingLine>(new() { SingleReader = true });
    private readonly Task _writer;

    public ListingLineWriter(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task WriteAsync(ListingEntry entry)
    {
        if (entry.Tags.Any(t => t.Contains(TagSeparator, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A listing tag may not contain U+001F (line {entry.Kind} {entry.Id}).", nameof(entry));
        }

        var pending = new PendingLine(entry);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(ListingLineWriter));
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingLine>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            await WriteGroupAsync(group);
        }
    }

    private async Task WriteGroupAsync(List<PendingLine> group)
    {
        try
        {
            // A statement may touch a row once: the last version of each line in the group is the one written.
            var lines = group.Select(p => p.Entry).GroupBy(e => (e.Kind, e.Id)).Select(g => g.Last()).ToList();
            await using var command = _dataSource.CreateCommand(UpsertSql);
            command.Parameters.Add(new NpgsqlParameter<short[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = [.. lines.Select(e => (short)e.Kind)] });
            command.Parameters.Add(Texts("ids", lines, e => e.Id));
            command.Parameters.Add(Texts("centers", lines, e => e.CenterId));
            command.Parameters.Add(Texts("parents", lines, e => e.ParentId));
            command.Parameters.Add(Texts("grids", lines, e => e.GridId));
            command.Parameters.Add(Texts("keys", lines, e => e.SortKey));
            command.Parameters.Add(Texts("tags", lines, e => string.Join(TagSeparator, e.Tags)));
            command.Parameters.Add(Doubles("lats", lines, e => e.Location?.Latitude));
            command.Parameters.Add(Doubles("lons", lines, e => e.Location?.Longitude));
            command.Parameters.Add(Texts("items", lines, e => e.Item));
            await command.ExecuteNonQueryAsync();
            foreach (var pending in group)
            {
                pending.Completion.TrySetResult();
            }
        }
        catch (Exception e)
        {
            var answer = GroupCommitGrainStorage.IsDatabaseFailure(e)
                ? new DatabaseUnavailableException($"The listing did not answer a write of {group.Count} lines: {e.Message}")
                : e;
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(answer);
            }
        }
    }

    private static NpgsqlParameter<string?[]> Texts(string name, List<ListingEntry> lines, Func<ListingEntry, string?> field) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. lines.Select(field)] };

    private static NpgsqlParameter<double?[]> Doubles(string name, List<ListingEntry> lines, Func<ListingEntry, double?> field) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. lines.Select(field)] };

    private sealed record PendingLine(ListingEntry Entry)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
