using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.Listings;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Hosting.Database;

/// <summary>
/// The listing index in PostgreSQL (<c>lianxin_listing</c>). A page is one query: the caller's subtree from the center
/// lines' parent links (so a moved center or grid takes its lines along), every tag through the GIN index, and the
/// order as a keyset on (key, id) through <c>lianxin_listing_by_key</c>, so the first page costs the same on a city
/// as on a village.
/// A page with a filter is first looked for among the next <c>orderedScan</c> lines in the page's order: a common
/// filter (a stage of the help-request queue, a third of the people's skill) fills the page from there, reading a few
/// hundred lines. PostgreSQL cannot tell by itself: its statistics of a tag are over every kind of line, so a tag that
/// a fifth of the help requests carry looks rare among all lines, and it chose to read all 4,000 of them through the
/// tags' index and sort them (9.6 ms against 0.5 ms on the 200,000-person district, BENCHMARKS.md (11)). Only when
/// that window holds too few matches does the page come from the one query above, which is right for rare filters.
/// Lines are written by group commit (<see cref="ListingLineWriter"/>): lines that arrive while a write is in flight go
/// together in the next statement, one commit for many actors' lines; each caller is still answered once its line is
/// durable.
/// </summary>
public sealed class PostgresListingStore(NpgsqlDataSource dataSource, SharedCommit commit, int orderedScan = 2_000) : IListingStore, IAsyncDisposable
{
    private readonly ListingLineWriter _writer = new(commit);

    private const string Columns = "l.kind, l.id, l.center_id, l.parent_id, l.grid_id, l.sort_key, l.tags, l.latitude, l.longitude, l.item";

    private const string ScopedSql = $"""
        WITH RECURSIVE sub(id) AS (
            SELECT @within::text COLLATE "C" WHERE @within::text IS NOT NULL
            UNION
            SELECT c.id FROM lianxin_listing c JOIN sub ON c.parent_id = sub.id WHERE c.kind = 1),
        above(id, depth) AS (
            SELECT c.parent_id, 1 FROM lianxin_listing c WHERE c.kind = 1 AND c.id = @above::text AND c.parent_id IS NOT NULL
            UNION
            SELECT c.parent_id, above.depth + 1 FROM lianxin_listing c JOIN above ON c.id = above.id
            WHERE c.kind = 1 AND c.parent_id IS NOT NULL AND above.depth < 32)
        SELECT {Columns}
        FROM lianxin_listing l
        WHERE l.kind = @kind
          AND (@only::text IS NULL OR l.id = @only::text)
          AND (@grid::text IS NULL OR l.grid_id = @grid::text)
          AND (@within::text IS NULL
               OR l.center_id IN (SELECT id FROM sub)
               OR l.center_id IN (SELECT id FROM above)
               OR l.grid_id IN (SELECT g.id FROM lianxin_listing g WHERE g.kind = 2 AND g.center_id IN (SELECT id FROM sub)))
          AND l.tags @> @tags
        """;

    private const string NearSql = $"""
        SELECT {Columns} FROM lianxin_listing l
        WHERE l.kind = @kind AND l.latitude BETWEEN @south AND @north AND l.longitude BETWEEN @west AND @east
        """;

    public Task UpsertAsync(ListingEntry entry, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(entry).WaitAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public async Task RemoveAsync(ListingKind kind, string id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM lianxin_listing WHERE kind = @kind AND id = @id");
        command.Parameters.AddWithValue("kind", (short)kind);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ListingPage> QueryAsync(ListingQuery query, CancellationToken cancellationToken = default)
    {
        var (key, direction, comparison) = (query.Sort == ListingSort.Id ? "l.id" : "l.sort_key", query.Descending ? "DESC" : "ASC", query.Descending ? "<" : ">");
        var keyset = query.After is null ? "" : query.Sort == ListingSort.Id
            ? $"AND l.id {comparison} (@afterId COLLATE \"C\")"
            : $"AND (l.sort_key, l.id) {comparison} (@afterKey COLLATE \"C\", @afterId COLLATE \"C\")";
        var order = query.Sort == ListingSort.Id ? $"l.id {direction}" : $"{key} {direction}, l.id {direction}";
        if (query.Tags.Count > 0)
        {
            // The window of lines in the page's order, unfiltered, then the filter: a full page from it is the page.
            var windowed = await ReadAsync(Command(
                $"SELECT l.* FROM ({ScopedSql} {keyset} ORDER BY {order} LIMIT @window) l WHERE l.tags @> @filter ORDER BY {order} LIMIT @limit",
                query, [], ("window", orderedScan), ("filter", query.Tags.ToArray())), cancellationToken);
            if (windowed.Count > query.Limit)
            {
                return new ListingPage([.. windowed.Take(query.Limit)], true);
            }
        }

        var lines = await ReadAsync(Command($"{ScopedSql} {keyset} ORDER BY {order} LIMIT @limit", query, query.Tags), cancellationToken);
        return new ListingPage([.. lines.Take(query.Limit)], lines.Count > query.Limit);
    }

    private NpgsqlCommand Command(string sql, ListingQuery query, IReadOnlyList<string> tags, params (string Name, object Value)[] more)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("kind", (short)query.Kind);
        command.Parameters.AddWithValue("within", NpgsqlDbType.Text, (object?)query.WithinCenterId ?? DBNull.Value);
        command.Parameters.AddWithValue("above", NpgsqlDbType.Text, (object?)query.AncestorsOf ?? DBNull.Value);
        command.Parameters.AddWithValue("only", NpgsqlDbType.Text, (object?)query.OnlyId ?? DBNull.Value);
        command.Parameters.AddWithValue("grid", NpgsqlDbType.Text, (object?)query.GridId ?? DBNull.Value);
        command.Parameters.AddWithValue("tags", NpgsqlDbType.Array | NpgsqlDbType.Text, tags.ToArray());
        command.Parameters.AddWithValue("afterKey", NpgsqlDbType.Text, (object?)query.After?.SortKey ?? DBNull.Value);
        command.Parameters.AddWithValue("afterId", NpgsqlDbType.Text, (object?)query.After?.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", query.Limit + 1);
        foreach (var (name, value) in more)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public async Task<IReadOnlyList<ListingEntry>> NearAsync(ListingKind kind, GeoPoint from, double meters, int limit, CancellationToken cancellationToken = default)
    {
        // A box around the circle through the index, then the exact great-circle distance here.
        var dLat = meters / GeoDistance.MetersPerDegreeLatitude;
        var dLon = dLat / Math.Max(0.01, Math.Cos(from.Latitude * Math.PI / 180));
        var command = dataSource.CreateCommand(NearSql);
        command.Parameters.AddWithValue("kind", (short)kind);
        command.Parameters.AddWithValue("south", from.Latitude - dLat);
        command.Parameters.AddWithValue("north", from.Latitude + dLat);
        command.Parameters.AddWithValue("west", from.Longitude - dLon);
        command.Parameters.AddWithValue("east", from.Longitude + dLon);
        var lines = await ReadAsync(command, cancellationToken);
        return
        [
            .. lines.Select(e => (Line: e, Meters: GeoDistance.Meters(from, e.Location!)))
                .Where(x => x.Meters <= meters)
                .OrderBy(x => x.Meters).ThenBy(x => x.Line.Id, StringComparer.Ordinal)
                .Take(limit)
                .Select(x => x.Line),
        ];
    }

    private static async Task<List<ListingEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var owned = command;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<ListingEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new ListingEntry(
                (ListingKind)reader.GetInt16(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<string[]>(6),
                reader.IsDBNull(7) || reader.IsDBNull(8) ? null : new GeoPoint(reader.GetDouble(7), reader.GetDouble(8)),
                reader.GetString(9)));
        }

        return lines;
    }
}
