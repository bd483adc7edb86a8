using Lianxin.Common;
using Lianxin.Hosting.Database;
using Lianxin.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lianxin.Grains.Tests.Journal;

/// <summary>
/// Actors' books on PostgreSQL: a center's help requests of a year and its queue are read whole when the actor wakes
/// and written one entry at a time, many actors' entries in one commit.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresBookStoreTests : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;
    private SharedCommit _commit = null!;
    private PostgresBookStore _store = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync());
        _commit = new SharedCommit(_dataSource, NullLogger<SharedCommit>.Instance);
        _store = new PostgresBookStore(_dataSource, _commit);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _commit.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task EntriesWrittenAtOnceByManyOwnersAreEachReadBackByTheirOwner()
    {
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => _store.WriteAsync("queue", $"c-{i % 3}", $"hr-{i}", [(byte)i])));

        await using var fresh = new PostgresBookStore(_dataSource, _commit);
        foreach (var owner in new[] { "c-0", "c-1", "c-2" })
        {
            var entries = await fresh.ReadAsync("queue", owner);
            var expected = Enumerable.Range(0, 300).Where(i => $"c-{i % 3}" == owner).Select(i => ($"hr-{i}", (byte)i));
            Assert.Equal(expected.OrderBy(e => e.Item1, StringComparer.Ordinal), entries.Select(e => (e.Key, e.Payload.Single())).OrderBy(e => e.Key, StringComparer.Ordinal));
        }

        Assert.Empty(await fresh.ReadAsync("other-book", "c-0"));
    }

    [Fact]
    public async Task OwnersReadingTogetherEachGetTheirOwnBook()
    {
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => _store.WriteAsync("queue", $"c-{i % 50}", $"hr-{i}", [(byte)i])));
        await using var fresh = new PostgresBookStore(_dataSource, _commit);

        // Owners 50-99 have no entries; every owner is asked for twice, all at once.
        var books = await Task.WhenAll(Enumerable.Range(0, 200).Select(async n => (Owner: n % 100, Entries: await fresh.ReadAsync("queue", $"c-{n % 100}"))));

        Assert.All(books, b => Assert.Equal(
            b.Owner < 50 ? new HashSet<string> { $"hr-{b.Owner}", $"hr-{b.Owner + 50}" } : [],
            b.Entries.Select(e => e.Key).ToHashSet()));
    }

    [Fact]
    public async Task AnEntryIsReplacedAndRemovedByItsKeyAlone()
    {
        await Task.WhenAll(_store.WriteAsync("queue", "c-1", "hr-1", [1]), _store.WriteAsync("queue", "c-1", "hr-2", [2]));

        await _store.WriteAsync("queue", "c-1", "hr-1", [10]);
        await _store.WriteAsync("queue", "c-1", "hr-2", null);

        var entry = Assert.Single(await _store.ReadAsync("queue", "c-1"));
        Assert.Equal(("hr-1", "0A"), (entry.Key, Convert.ToHexString(entry.Payload)));
    }

    [Fact]
    public async Task OfChangesToOneEntryWaitingTogetherTheLastIsKept()
    {
        // Sent without waiting, they wait for the same commit: one statement may touch a row once.
        var writes = Enumerable.Range(0, 50).Select(i => _store.WriteAsync("queue", "c-1", "hr-1", [(byte)i])).ToList();
        writes.Add(_store.WriteAsync("queue", "c-1", "hr-2", [1]));
        writes.Add(_store.WriteAsync("queue", "c-1", "hr-2", null));
        await Task.WhenAll(writes);

        var entry = Assert.Single(await _store.ReadAsync("queue", "c-1"));
        Assert.Equal(("hr-1", "31"), (entry.Key, Convert.ToHexString(entry.Payload)));
    }
}
