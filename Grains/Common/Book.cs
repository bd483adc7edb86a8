using Orleans.Serialization;

namespace Lianxin.Common;

/// <summary>
/// An actor's book of keyed entries (<see cref="IBookStore"/>), read whole on activation and written one entry at a
/// time. Entries are serialized by Orleans' serializer, so they follow the same [Id]/[Alias] contract as grain states.
/// </summary>
internal sealed class Book<T>
    where T : class
{
    private readonly IBookStore _store;
    private readonly Serializer<T> _serializer;
    private readonly string _name;
    private readonly string _owner;
    private readonly Dictionary<string, T> _entries;

    private Book(IBookStore store, Serializer<T> serializer, string name, string owner, Dictionary<string, T> entries) =>
        (_store, _serializer, _name, _owner, _entries) = (store, serializer, name, owner, entries);

    public IReadOnlyDictionary<string, T> Entries => _entries;

    public static async Task<Book<T>> ReadAsync(IBookStore store, Serializer<T> serializer, string name, string owner)
    {
        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in await store.ReadAsync(name, owner))
        {
            entries[entry.Key] = serializer.Deserialize(entry.Payload)
                ?? throw new InvalidDataException($"Entry {entry.Key} of book {name} of {owner} holds nothing.");
        }

        return new Book<T>(store, serializer, name, owner, entries);
    }

    /// <summary>Stores the entry; held in memory at once, so a read while it is written sees it.</summary>
    public Task SetAsync(string key, T value)
    {
        _entries[key] = value;
        return _store.WriteAsync(_name, _owner, key, _serializer.SerializeToArray(value));
    }

    /// <summary>Stores the entries of a book kept as one grain state before, except those this book already holds.</summary>
    public Task AddMissingAsync(IEnumerable<KeyValuePair<string, T>> earlier) =>
        Task.WhenAll([.. earlier.Where(e => !_entries.ContainsKey(e.Key)).Select(e => SetAsync(e.Key, e.Value))]);

    public Task RemoveAsync(string key) =>
        _entries.Remove(key) ? _store.WriteAsync(_name, _owner, key, null) : Task.CompletedTask;
}
