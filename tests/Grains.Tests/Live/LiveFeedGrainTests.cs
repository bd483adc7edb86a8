using Lianxin.Centers;
using Lianxin.Live;
using Lianxin.TestSupport;
using Xunit;

namespace Lianxin.Grains.Tests.Live;

[Collection(LiveClusterCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class LiveFeedGrainTests(LiveClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task BurstOfPublishesBecomesFewConsecutivelyNumberedDeltasEndingWithTheLatestVersion()
    {
        var (feed, observer) = await SubscribeAsync(LiveScope.Grid(Centers.NewId("g")));
        var snapshot = await feed.GetSnapshotAsync();
        var start = DateTimeOffset.UtcNow;

        // One-way messages may arrive out of order (two gateways): the versions, not the arrival order, decide.
        for (var i = 1; i <= 1000; i++)
        {
            await feed.PublishAsync("summary", Summary(volunteers: i, start.AddMilliseconds(i)));
        }

        await Eventually.HoldsAsync(
            () => Task.FromResult(observer.Latest<RegionSummary>("summary")?.Subtree.VolunteersOnDuty), v => v == 1000, Deadline, "latest version delivered");
        await Eventually.HoldsAsync(
            () => Task.FromResult(observer.Patches.Any(p => p.Json.Contains("\"volunteersOnDuty\":1000", StringComparison.Ordinal))), done => done, Deadline, "latest version patched");
        var deltas = observer.Deltas.ToList();
        Assert.InRange(deltas.Count, 1, 100);
        Assert.Equal(Enumerable.Range(1, deltas.Count).Select(i => snapshot.Sequence + i), deltas.Select(d => d.Sequence).Order());
        var patches = observer.Patches.ToList();
        Assert.InRange(patches.Count, 1, 200);
        Assert.Equal(Enumerable.Range(1, patches.Count).Select(i => snapshot.PatchSequence + i), patches.Select(p => p.Sequence).Order());
    }

    [Fact]
    public async Task OlderVersionOfAnItemNeverReplacesANewerOne()
    {
        var (feed, observer) = await SubscribeAsync(LiveScope.Grid(Centers.NewId("g")));
        var now = DateTimeOffset.UtcNow;
        await feed.PublishAsync("summary", Summary(volunteers: 2, now));
        await Eventually.HoldsAsync(() => Task.FromResult(observer.Latest<RegionSummary>("summary")), s => s is not null, Deadline, "newer version");

        await feed.PublishAsync("summary", Summary(volunteers: 1, now.AddSeconds(-1)));
        await feed.PublishAsync("marker", "after the older version");
        await Eventually.HoldsAsync(() => Task.FromResult(observer.Latest<string>("marker")), m => m is not null, Deadline, "marker");

        var snapshot = await feed.GetSnapshotAsync();
        Assert.Equal(2, Assert.IsType<RegionSummary>(snapshot.Items["summary"]).Subtree.VolunteersOnDuty);
        Assert.DoesNotContain(observer.Deltas, d => d.Items.TryGetValue("summary", out var s) && ((RegionSummary)s).Subtree.VolunteersOnDuty == 1);
    }

    [Fact]
    public async Task RemovedItemLeavesTheSnapshotAndIsNamedInADelta()
    {
        var (feed, observer) = await SubscribeAsync(LiveScope.Grid(Centers.NewId("g")));
        await feed.PublishAsync("a", "x");
        await feed.PublishAsync("b", "y");
        await Eventually.HoldsAsync(() => feed.GetSnapshotAsync(), s => s.Items.Count == 2, Deadline, "both items");

        await feed.RemoveAsync("a");

        await Eventually.HoldsAsync(() => Task.FromResult(observer.Deltas.Any(d => d.Removed.Contains("a"))), done => done, Deadline, "removal delivered");
        Assert.Equal(["b"], (await feed.GetSnapshotAsync()).Items.Keys);
    }

    [Fact]
    public async Task UnsubscribedObserverReceivesNoFurtherDeltas()
    {
        var scope = LiveScope.Grid(Centers.NewId("g"));
        var (feed, leaving) = await SubscribeAsync(scope);
        var (_, staying) = await SubscribeAsync(scope);

        await feed.UnsubscribeAsync(leaving.Reference!);
        await feed.PublishAsync("a", "1");
        await Eventually.HoldsAsync(() => Task.FromResult(staying.Latest<string>("a")), v => v == "1", Deadline, "first delta");
        await feed.PublishAsync("b", "2");
        await Eventually.HoldsAsync(() => Task.FromResult(staying.Latest<string>("b")), v => v == "2", Deadline, "second delta");

        Assert.Empty(leaving.Deltas);
    }

    [Fact]
    public async Task FeedThatActivatesAgainNumbersAboveItsEarlierDeltasSoClientsResync()
    {
        var (feed, observer) = await SubscribeAsync(LiveScope.Grid(Centers.NewId("g")));
        await feed.PublishAsync("a", "1");
        var before = await Eventually.HoldsAsync(() => Task.FromResult(observer.Deltas.LastOrDefault()), d => d is not null, Deadline, "delta");

        await fixture.Cluster.DeactivateAsync(feed);
        var after = await feed.GetSnapshotAsync();

        Assert.True(after.Sequence > before!.Sequence + 1, $"{after.Sequence} should leave a gap after {before.Sequence}");
    }

    private async Task<(ILiveFeedGrain Feed, RecordingObserver Observer)> SubscribeAsync(string scope)
    {
        var feed = Client.GetGrain<ILiveFeedGrain>(scope);
        var observer = new RecordingObserver();
        observer.Reference = Client.CreateObjectReference<ILiveObserver>(observer);
        await feed.SubscribeAsync(observer.Reference);
        return (feed, observer);
    }

    private static RegionSummary Summary(int volunteers, DateTimeOffset asOf) =>
        new("r", "区", CenterLevel.District, SubtreeSummary.Empty with { VolunteersOnDuty = volunteers }, asOf);
}
