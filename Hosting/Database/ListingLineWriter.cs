using Lianxin.Common;
using Lianxin.Listings;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Hosting.Database;

/// <summary>
/// Writes listing lines by group commit (<see cref="GroupCommitWriter{T}"/>): the lines that wait together go in one
/// <c>INSERT … SELECT unnest … ON CONFLICT DO UPDATE</c>, in the live path's shared commit (<see cref="SharedCommit"/>):
/// every help request writes its line, often many a second.
/// Of two versions of a line in one group the later is the one kept.
/// </summary>
internal sealed class ListingLineWriter : IAsyncDisposable
{
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

    private readonly SharedCommit _commit;
    private readonly GroupCommitWriter<ListingEntry> _queue;

    public ListingLineWriter(SharedCommit commit)
    {
        _commit = commit;
        _queue = new GroupCommitWriter<ListingEntry>(WriteGroupAsync, "listing lines");
    }

    public Task WriteAsync(ListingEntry entry)
    {
        if (entry.Tags.Any(t => t.Contains(TagSeparator, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A listing tag may not contain U+001F (line {entry.Kind} {entry.Id}).", nameof(entry));
        }

        return _queue.WriteAsync(entry);
    }

    public ValueTask DisposeAsync() => _queue.DisposeAsync();

    private Task WriteGroupAsync(IReadOnlyList<ListingEntry> group)
    {
        // A statement may touch a row once: the last version of each line in the group is the one written.
        var lines = group.GroupBy(e => (e.Kind, e.Id)).Select(g => g.Last()).ToList();
        return _commit.RunAsync(() =>
        {
            var statement = new NpgsqlBatchCommand(UpsertSql);
            statement.Parameters.Add(new NpgsqlParameter<short[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = [.. lines.Select(e => (short)e.Kind)] });
            statement.Parameters.Add(Texts("ids", lines, e => e.Id));
            statement.Parameters.Add(Texts("centers", lines, e => e.CenterId));
            statement.Parameters.Add(Texts("parents", lines, e => e.ParentId));
            statement.Parameters.Add(Texts("grids", lines, e => e.GridId));
            statement.Parameters.Add(Texts("keys", lines, e => e.SortKey));
            statement.Parameters.Add(Texts("tags", lines, e => string.Join(TagSeparator, e.Tags)));
            statement.Parameters.Add(Doubles("lats", lines, e => e.Location?.Latitude));
            statement.Parameters.Add(Doubles("lons", lines, e => e.Location?.Longitude));
            statement.Parameters.Add(Texts("items", lines, e => e.Item));
            return [statement];
        });
    }

    private static NpgsqlParameter<string?[]> Texts(string name, List<ListingEntry> lines, Func<ListingEntry, string?> field) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. lines.Select(field)] };

    private static NpgsqlParameter<double?[]> Doubles(string name, List<ListingEntry> lines, Func<ListingEntry, double?> field) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. lines.Select(field)] };
}
