namespace Lianxin.Common;

/// <summary>Books in memory, for a host without a database (nothing is durable there anyway).</summary>
public sealed class InMemoryBookStore : IBookStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Book, string Owner), Dictionary<string, byte[]>> _books = [];

    public Task<IReadOnlyList<BookEntry>> ReadAsync(string book, string owner)
    {
        lock (_gate)
        {
            IReadOnlyList<BookEntry> entries = _books.TryGetValue((book, owner), out var held)
                ? [.. held.Select(e => new BookEntry(e.Key, e.Value))]
                : [];
            return Task.FromResult(entries);
        }
    }

    public Task WriteAsync(string book, string owner, string key, byte[]? payload)
    {
        lock (_gate)
        {
            if (payload is null)
            {
                _books.GetValueOrDefault((book, owner))?.Remove(key);
            }
            else if (_books.TryGetValue((book, owner), out var held))
            {
                held[key] = payload;
            }
            else
            {
                _books[(book, owner)] = new(StringComparer.Ordinal) { [key] = payload };
            }
        }

        return Task.CompletedTask;
    }
}
