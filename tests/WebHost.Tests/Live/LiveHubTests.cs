using Lianxin.Centers;
using Lianxin.Live;
using Lianxin.TestSupport;
using Lianxin.WebHost.Live;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lianxin.WebHost.Tests.Live;

[Collection(LiveHostCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class LiveHubTests(LiveHostFixture fixture)
{
    private LianxinWebFactory Host => fixture.Host;

    [Fact]
    public async Task SubscriberGetsTheRegionSnapshotThenConsecutivelyNumberedDeltas()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        await using var dashboard = await LiveDashboard.ConnectAsync(Host, Host.TokenFor(Role.Operator, data.District));

        var snapshot = await dashboard.SubscribeAsync(LiveScope.Region(data.District));
        await Host.Grains.GetGrain<ICenterGrain>(data.Community).AddPeopleOnDutyAsync(1);

        Assert.Contains($"center:{data.Community}", snapshot.Items.Keys);
        await Eventually.HoldsAsync(() => Task.FromResult(dashboard.VolunteersOnDuty(data.Community)), n => n == 1, LianxinWebFactory.Timeout, "volunteer on duty shown");
        var numbers = dashboard.Deltas.Select(d => d.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(i => snapshot.Sequence + i), numbers);
    }

    [Fact]
    public async Task FreshSnapshotOfASubscribedScopeShowsTheCurrentPicture()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        await using var dashboard = await LiveDashboard.ConnectAsync(Host, Host.TokenFor(Role.Staff, data.Community));
        var first = await dashboard.SubscribeAsync(LiveScope.Center(data.Community));

        await Host.Grains.GetGrain<ICenterGrain>(data.Community).AddPeopleOnDutyAsync(2);
        await Eventually.HoldsAsync(() => Task.FromResult(dashboard.VolunteersOnDuty(data.Community)), n => n == 2, LianxinWebFactory.Timeout, "change delivered");
        var fresh = await dashboard.Connection.InvokeAsync<WireSnapshot>("GetSnapshot", LiveScope.Center(data.Community)).WaitAsync(LianxinWebFactory.Timeout);

        Assert.True(fresh.Sequence > first.Sequence);
        Assert.Equal(2, fresh.Items[$"center:{data.Community}"].GetProperty("live").GetProperty("volunteersOnDuty").GetInt32());
        await Assert.ThrowsAsync<HubException>(() => dashboard.Connection.InvokeAsync<WireSnapshot>("GetSnapshot", LiveScope.Center(data.Street)));
    }

    [Fact]
    public async Task LastConnectionLeavingAScopeEndsTheWebHostsFeedSubscription()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        var scope = LiveScope.Center(data.Community);
        var subscriptions = Host.Services.GetRequiredService<LiveSubscriptions>();
        var first = await LiveDashboard.ConnectAsync(Host, Host.TokenFor(Role.Staff, data.Community));
        var second = await LiveDashboard.ConnectAsync(Host, Host.TokenFor(Role.Staff, data.Community));
        await first.SubscribeAsync(scope);
        await second.SubscribeAsync(scope);

        await first.DisposeAsync();
        Assert.Contains(scope, subscriptions.Scopes);
        await second.DisposeAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(subscriptions.Scopes), s => !s.Contains(scope), LianxinWebFactory.Timeout, "subscription ended");
    }
}
