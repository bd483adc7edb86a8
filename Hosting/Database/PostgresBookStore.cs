using Lianxin.Common;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Hosting.Database;

/// <summary>
/// Actors' books in <c>lianxin_book_entry</c>, one row per entry. Entries many actors write at once go in one statement
/// (<see cref="GroupCommitWriter{T}"/>), in the live path's shared commit (<see cref="SharedCommit"/>); of two versions
/// of an entry in one group the later is kept.
/// </summary>
public sealed class PostgresBookStore : IBookStore, IAsyncDisposable
{
    /// <summary>The entries of many owners' books in one statement, each row named by its owner's place in the arrays.</summary>
    private const string ReadSql = """
        SELECT t.ord, e.key, e.payload
        FROM unnest(@books, @owners) WITH ORDINALITY AS t(book, owner, ord)
        JOIN lianxin_book_entry AS e ON e.book = t.book AND e.owner = t.owner
        """;

    private const string WriteSql = """
        WITH input AS (
            SELECT * FROM unnest(@books, @owners, @keys, @payloads) AS t(book, owner, key, payload)
        ), removed AS (
            DELETE FROM lianxin_book_entry AS e USING input AS i
            WHERE i.payload IS NULL AND e.book = i.book AND e.owner = i.owner AND e.key = i.key
        )
        INSERT INTO lianxin_book_entry (book, owner, key, payload)
        SELECT book, owner, key, payload FROM input WHERE payload IS NOT NULL
        ON CONFLICT (book, owner, key) DO UPDATE SET payload = excluded.payload, modified_at = now()
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SharedCommit _commit;
    private readonly GroupCommitWriter<Entry> _queue;
    private readonly GroupReader<(string Book, string Owner), IReadOnlyList<BookEntry>> _reads;

    public PostgresBookStore(NpgsqlDataSource dataSource, SharedCommit commit)
    {
        (_dataSource, _commit) = (dataSource, commit);
        _queue = new GroupCommitWriter<Entry>(WriteGroupAsync, "book entries");
        _reads = new(ReadGroupAsync);
    }

    /// <summary>An owner's book: read with other owners' read at the same time (an actor reads its book when it activates).</summary>
    public Task<IReadOnlyList<BookEntry>> ReadAsync(string book, string owner) => _reads.ReadAsync((book, owner));

    public Task WriteAsync(string book, string owner, string key, byte[]? payload) =>
        _queue.WriteAsync(new Entry(book, owner, key, payload));

    public async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync();
        await _reads.DisposeAsync();
    }

    private async Task<IReadOnlyList<BookEntry>[]> ReadGroupAsync(IReadOnlyList<(string Book, string Owner)> keys)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<string[]>("books", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys.Select(k => k.Book)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("owners", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys.Select(k => k.Owner)] });
        var books = new List<BookEntry>[keys.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            (books[reader.GetInt64(0) - 1] ??= []).Add(new BookEntry(reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
        }

        return [.. books.Select(b => (IReadOnlyList<BookEntry>?)b ?? [])];
    }

    private Task WriteGroupAsync(IReadOnlyList<Entry> group)
    {
        // A statement may touch a row once: the last version of each entry in the group is the one written.
        var entries = group.GroupBy(e => (e.Book, e.Owner, e.Key)).Select(g => g.Last()).ToList();
        return _commit.RunAsync(() =>
        {
            var statement = new NpgsqlBatchCommand(WriteSql);
            statement.Parameters.Add(Texts("books", entries, e => e.Book));
            statement.Parameters.Add(Texts("owners", entries, e => e.Owner));
            statement.Parameters.Add(Texts("keys", entries, e => e.Key));
            statement.Parameters.Add(new NpgsqlParameter<byte[]?[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. entries.Select(e => e.Payload)] });
            return [statement];
        });
    }

    private static NpgsqlParameter<string[]> Texts(string name, List<Entry> entries, Func<Entry, string> field) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. entries.Select(field)] };

    private sealed record Entry(string Book, string Owner, string Key, byte[]? Payload);
}
