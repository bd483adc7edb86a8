using Lianxin.Centers;
using Lianxin.Live;
using Lianxin.TestSupport;
using Xunit;

namespace Lianxin.Grains.Tests.Live;

[Collection(LiveClusterCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class CenterLiveTests(LiveClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task CenterCardReachesItsOwnFeedAndEveryRegionAboveIt()
    {
        var (district, street, community) = await Centers.CreateTreeAsync(Client);
        var observers = await Task.WhenAll(
            new[] { LiveScope.Center(community), LiveScope.Region(street), LiveScope.Region(district) }.Select(SubscribeAsync));

        await Client.GetGrain<ICenterGrain>(community).AddPeopleOnDutyAsync(3);

        foreach (var observer in observers)
        {
            await Eventually.HoldsAsync(
                () => Task.FromResult(observer.Latest<CenterCard>(LiveItemKeys.Center(community))?.Live.VolunteersOnDuty),
                n => n == 3, Deadline, "card with 3 volunteers on duty");
        }

        await Eventually.HoldsAsync(
            () => Task.FromResult(observers[2].Latest<RegionSummary>(LiveItemKeys.Summary)?.Subtree.VolunteersOnDuty),
            n => n == 3, Deadline, "district totals with 3 volunteers on duty");
    }

    [Fact]
    public async Task RegionFeedThatActivatesColdRebuildsItsPictureFromTheSubtree()
    {
        var (district, street, community) = await Centers.CreateTreeAsync(Client);
        await Client.GetGrain<ICenterGrain>(community).AddPeopleOnDutyAsync(2);
        await Eventually.HoldsAsync(
            () => Client.GetGrain<ICenterGrain>(district).GetAsync(), c => c?.Subtree.VolunteersOnDuty == 2, Deadline, "totals reported up");
        var feed = Client.GetGrain<ILiveFeedGrain>(LiveScope.Region(district));

        await fixture.Cluster.DeactivateAsync(feed);
        var snapshot = await feed.GetSnapshotAsync();

        Assert.Equal(
            new[] { community, district, street }.Select(LiveItemKeys.Center).Append(LiveItemKeys.Summary).Order(),
            snapshot.Items.Keys.Order());
        Assert.Equal(2, Assert.IsType<CenterCard>(snapshot.Items[LiveItemKeys.Center(community)]).Live.VolunteersOnDuty);
        Assert.Equal(2, Assert.IsType<RegionSummary>(snapshot.Items[LiveItemKeys.Summary]).Subtree.VolunteersOnDuty);
    }

    [Fact]
    public async Task CenterThatMovesToAnotherStreetLeavesTheOldStreetsRegion()
    {
        var (district, oldStreet, community) = await Centers.CreateTreeAsync(Client);
        var newStreet = Centers.NewId("s");
        await Centers.Create(Client, newStreet, Centers.Profile("新街道党群服务中心", CenterLevel.Street, district));
        var profile = (await Client.GetGrain<ICenterGrain>(community).GetAsync())!.Profile;

        var moved = await Client.GetGrain<ICenterGrain>(community).UpdateAsync(profile with { ParentId = newStreet });

        Assert.True(moved.Succeeded);
        var key = LiveItemKeys.Center(community);
        await Eventually.HoldsAsync(() => SnapshotKeysAsync(oldStreet), keys => !keys.Contains(key), Deadline, "card left the old street");
        await Eventually.HoldsAsync(() => SnapshotKeysAsync(newStreet), keys => keys.Contains(key), Deadline, "card reached the new street");
        Assert.Contains(key, await SnapshotKeysAsync(district));
    }

    private async Task<IReadOnlyCollection<string>> SnapshotKeysAsync(string regionId) =>
        [.. (await Client.GetGrain<ILiveFeedGrain>(LiveScope.Region(regionId)).GetSnapshotAsync()).Items.Keys];

    private async Task<RecordingObserver> SubscribeAsync(string scope)
    {
        var observer = new RecordingObserver();
        observer.Reference = Client.CreateObjectReference<ILiveObserver>(observer);
        await Client.GetGrain<ILiveFeedGrain>(scope).SubscribeAsync(observer.Reference);
        return observer;
    }
}
