using Lianxin.Listings;
using Lianxin.Hosting.Database;
using Lianxin.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lianxin.WebHost.Tests.Listings;

/// <summary>
/// The PostgreSQL listing answers every query as the reference rules in memory do (<see cref="ListingPager"/>): the
/// same lines in the same order, page after page, over a random tree with ties in the keys. The lines are written all
/// at once, as many actors write them (they go in group commits), each first in an earlier version: the later stays.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class ListingStoreTests
{
    /// <summary>
    /// With the store's window of lines in page order (2,000) every filtered page comes from it or, for rare filters, from
    /// the one query; with a window of 3 lines most filtered pages need the query, and some come from the window.
    /// </summary>
    [Theory]
    [InlineData(2_000)]
    [InlineData(3)]
    public async Task PostgresPagesMatchTheReferenceRulesForRandomQueries(int orderedScan)
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync());
        await using var commit = new SharedCommit(dataSource, NullLogger<SharedCommit>.Instance);
        await using var store = new PostgresListingStore(dataSource, commit, orderedScan);
        var random = new Random(20261205);
        var lines = RandomDistrict(random);
        await Task.WhenAll(lines
            .SelectMany(l => new[] { l with { SortKey = "~earlier", Tags = ["earlier"], CenterId = null }, l })
            .Select(l => store.UpsertAsync(l))
            .ToList());

        var centers = lines.Where(l => l.Kind == ListingKind.Center).ToList();
        var grids = lines.Where(l => l.Kind == ListingKind.Grid).ToList();
        for (var i = 0; i < 60; i++)
        {
            var query = RandomQuery(random, centers, grids);

            var fromDatabase = await AllPagesAsync(store.QueryAsync, query);
            var expected = await AllPagesAsync(q => Task.FromResult(ListingPager.Page(lines, centers, grids, q)), query);

            Assert.True(expected.SequenceEqual(fromDatabase), $"{query}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", fromDatabase)}]");
        }
    }

    private static async Task<List<string>> AllPagesAsync(Func<ListingQuery, CancellationToken, Task<ListingPage>> read, ListingQuery query) =>
        await AllPagesAsync(q => read(q, CancellationToken.None), query);

    private static async Task<List<string>> AllPagesAsync(Func<ListingQuery, Task<ListingPage>> read, ListingQuery query)
    {
        var ids = new List<string>();
        for (var page = await read(query); ; page = await read(query))
        {
            ids.AddRange(page.Entries.Select(e => e.Id));
            if (!page.HasMore)
            {
                return ids;
            }

            query = query with { After = new ListingPosition(page.Entries[^1].SortKey, page.Entries[^1].Id) };
        }
    }

    private static List<ListingEntry> RandomDistrict(Random random)
    {
        string[] names = ["港口", "石板", "海滨", "东岙", "a", "b"];
        var lines = new List<ListingEntry> { Line(ListingKind.Center, "c00", "c00", null, null, "区", []) };
        for (var i = 1; i < 40; i++)
        {
            var parent = lines[random.Next(lines.Count)].Id;
            lines.Add(Line(ListingKind.Center, $"c{i:D2}", $"c{i:D2}", parent, null, names[random.Next(names.Length)], [random.Next(2) == 0 ? "level:community" : "level:street"]));
        }

        for (var i = 0; i < 20; i++)
        {
            lines.Add(Line(ListingKind.Grid, $"g{i:D2}", $"c{random.Next(40):D2}", null, $"g{i:D2}", names[random.Next(names.Length)], []));
        }

        for (var i = 0; i < 150; i++)
        {
            string[] tags = [random.Next(2) == 0 ? "party:true" : "party:false", .. random.Next(3) == 0 ? new[] { "skill:swimming" } : []];
            lines.Add(Line(ListingKind.Volunteer, $"v{i:D3}", null, null, $"g{random.Next(20):D2}", names[random.Next(names.Length)], tags));
        }

        for (var i = 0; i < 30; i++)
        {
            lines.Add(Line(ListingKind.Emergency, $"e{i:D2}", $"c{random.Next(40):D2}", null, random.Next(4) == 0 ? $"g{random.Next(20):D2}" : null, $"2026-0{1 + random.Next(9)}", []));
        }

        return lines;
    }

    private static ListingQuery RandomQuery(Random random, List<ListingEntry> centers, List<ListingEntry> grids)
    {
        var kind = (ListingKind)new[] { 1, 2, 3, 6 }[random.Next(4)];
        var scope = random.Next(4);
        var within = scope == 1 ? centers[random.Next(centers.Count)].Id : null;
        string[] tags = kind switch
        {
            ListingKind.Volunteer when random.Next(2) == 0 => ["party:true"],
            ListingKind.Volunteer when random.Next(2) == 0 => ["skill:swimming", "party:false"],
            ListingKind.Center when random.Next(2) == 0 => ["level:community"],
            _ => [],
        };
        return new ListingQuery(
            kind, within, scope == 2 ? grids[random.Next(grids.Count)].Id : null, null, tags,
            random.Next(3) == 0 ? ListingSort.Id : ListingSort.Key, random.Next(2) == 0, null, 1 + random.Next(7),
            kind == ListingKind.Emergency && within is not null ? within : null);
    }

    private static ListingEntry Line(ListingKind kind, string id, string? center, string? parent, string? grid, string key, string[] tags) =>
        new(kind, id, center, parent, grid, key, tags, null, "{}");
}
