using Lianxin.EventFeed;
using Lianxin.Hosting.Database;
using Lianxin.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lianxin.Grains.Tests.EventFeed;

/// <summary>
/// The outbound log on PostgreSQL as the county's platform reads it: a subscriber that follows the global cursor page by
/// page while several silos append gets every event exactly once, in position order, even when a later position commits
/// before an earlier one would have.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresOutboundLogTests : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync() => _dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync());

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task AReaderFollowingTheCursorWhileTwoSilosAppendMissesNothingAndSeesNothingTwice()
    {
        // Two silos: each with its own shared commit.
        await using var firstCommit = new SharedCommit(_dataSource, NullLogger<SharedCommit>.Instance);
        await using var secondCommit = new SharedCommit(_dataSource, NullLogger<SharedCommit>.Instance);
        await using var first = new PostgresOutboundLog(_dataSource, firstCommit, NullLogger<PostgresOutboundLog>.Instance);
        await using var second = new PostgresOutboundLog(_dataSource, secondCommit, NullLogger<PostgresOutboundLog>.Instance);
        const int perWriter = 4, groups = 150;

        // Eight publishers, four on each silo, each appending its events one small group at a time.
        var writing = Task.WhenAll(Enumerable.Range(0, 2 * perWriter).Select(async w =>
        {
            var log = w < perWriter ? first : second;
            for (var g = 0; g < groups; g++)
            {
                await log.AppendAsync([Record($"e-{w}-{g}")]);
            }
        }));

        var seen = new List<FeedRecord>();
        var cursor = 0L;
        while (true)
        {
            // Read after the writers finished, an empty page means the reader has everything it will ever get.
            var finished = writing.IsCompleted;
            var page = await first.ReadAsync("root", cursor, 50);
            seen.AddRange(page.Records);
            cursor = page.Next;
            if (finished && page.Records.Count == 0)
            {
                break;
            }
        }

        await writing;
        Assert.Equal(seen.Select(r => r.Position).Order(), seen.Select(r => r.Position));
        Assert.Equal(
            Enumerable.Range(0, 2 * perWriter).SelectMany(w => Enumerable.Range(0, groups).Select(g => $"e-{w}-{g}")).Order(StringComparer.Ordinal),
            seen.Select(r => r.Event.Id).Order(StringComparer.Ordinal));
    }

    private static FeedRecord Record(string id) => new(
        0,
        new FeedEvent(id, "cn.lianxin.test", $"/tests/{id}", null, DateTimeOffset.UtcNow, "c-1", """{"n":1}"""),
        OutboundPaths.Of(["c-1", "root"], "c-1"));
}
