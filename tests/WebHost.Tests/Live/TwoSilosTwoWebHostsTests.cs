using System.Globalization;
using Lianxin.Centers;
using Lianxin.Live;
using Lianxin.Hosting;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Xunit;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>
/// The deployment shape: grains in two silos of their own, two web hosts as cluster clients, dashboards on both.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class TwoSilosTwoWebHostsTests : IAsyncLifetime
{
    private readonly List<IHost> _silos = [];
    private LianxinWebFactory _first = null!;
    private LianxinWebFactory _second = null!;

    public async Task InitializeAsync()
    {
        // The production configuration on both sides: membership in PostgreSQL, silos and clients found through it.
        var cluster = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Lianxin"] = await TestDatabase.CreateAsync(),
            ["Cluster:Clustering"] = "AdoNet",
            ["Cluster:ClusterId"] = $"live-{Guid.NewGuid():N}",
            ["Cluster:ServiceId"] = $"live-{Guid.NewGuid():N}",
        };
        for (var i = 0; i < 2; i++)
        {
            var silo = Host.CreateApplicationBuilder();
            silo.Configuration.AddInMemoryCollection(cluster);
            silo.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            });
            silo.AddLianxinSilo();
            var host = silo.Build();
            _silos.Add(host);
            await host.StartAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }

        var client = new Dictionary<string, string>(cluster.Select(s => KeyValuePair.Create(s.Key, s.Value!))) { ["Cluster:Mode"] = "Client" };
        _first = new LianxinWebFactory(settings: client);
        _second = new LianxinWebFactory(settings: client);
        _ = (_first.Server, _second.Server);

        // Until both silos see each other, the grain directory may place one grain twice; a deployment heals that
        // by itself (feed subscriptions are renewed), a test waits for it.
        await Eventually.HoldsAsync(
            () => _first.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true),
            hosts => hosts.Count == 2, LianxinWebFactory.Timeout, "both silos active");
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        foreach (var silo in _silos)
        {
            await silo.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));
            silo.Dispose();
        }
    }

    [Fact]
    public async Task DashboardsOnEitherWebHostSeeEveryUpdateWhenGrainsRunInSeparateSilos()
    {
        var data = await LiveData.CreateAsync(_second.Grains);
        await using var onFirst = await LiveDashboard.ConnectAsync(_first, _first.TokenFor(Role.Operator, data.District));
        await using var onSecond = await LiveDashboard.ConnectAsync(_second, _second.TokenFor(Role.Operator, data.District));
        await onFirst.SubscribeAsync(LiveScope.Region(data.District));
        await onSecond.SubscribeAsync(LiveScope.Region(data.District));

        await _second.Grains.GetGrain<ICenterGrain>(data.Community).AddPeopleOnDutyAsync(4);
        await _first.Grains.GetGrain<ICenterGrain>(data.Street).AddPeopleOnDutyAsync(1);

        foreach (var dashboard in new[] { onFirst, onSecond })
        {
            await Eventually.HoldsAsync(() => Task.FromResult(dashboard.VolunteersOnDuty(data.Community)), n => n == 4, LianxinWebFactory.Timeout, "community update");
            await Eventually.HoldsAsync(() => Task.FromResult(dashboard.VolunteersOnDuty(data.Street)), n => n == 1, LianxinWebFactory.Timeout, "street update");
        }
    }
}
