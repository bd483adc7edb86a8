using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Emergencies;

[Collection(ClusterCollection.Name)]
public sealed class EmergencyLaunchTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ALaunchNotifiesEveryoneOnTheScopesRostersAndMobilizesThem()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);

        var emergency = await world.LaunchAsync("e", world.Command());
        var rollCall = await EmergencyWorld.NotifiedAsync(emergency);

        Assert.Equal(5, rollCall.Total);
        Assert.Equal([4, 1], rollCall.Grids.Select(g => g.Total));
        var person = await world.Person(world.A).GetAsync();
        Assert.Equal(VolunteerStatus.Mobilized, person!.Live.Status);
        Assert.Equal(world.Registry.Id("e"), person.Live.EmergencyId);
        var alert = await world.AlertAsync(world.D, world.Registry.Id("e"), AlertKind.Alert);
        Assert.Equal(22, alert.Token!.Length);
        Assert.Contains("橙色", alert.Text);
    }

    [Fact]
    public async Task ADoublePressedLaunchStartsOneEmergency()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var command = world.Command();

        var results = await Task.WhenAll(world.Emergency("e").LaunchAsync(command), world.Emergency("e").LaunchAsync(command));

        Assert.Equal([LaunchOutcome.Launched, LaunchOutcome.AlreadyLaunched], results.Select(r => r.Outcome).Order());
        Assert.Equal(
            (results[0].Emergency!.Definition.Fingerprint, results[0].Emergency!.Definition.LaunchedAt),
            (results[1].Emergency!.Definition.Fingerprint, results[1].Emergency!.Definition.LaunchedAt));
        var entries = await fixture.Grains.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync();
        Assert.Single(entries, e => e.Id == world.Registry.Id("e"));
        var alerts = await world.Person(world.A).GetAlertsAsync();
        Assert.Single(alerts, a => a.EmergencyId == world.Registry.Id("e"));
    }

    [Fact]
    public async Task ReusingALaunchKeyForADifferentLaunchIsRefused()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        await world.LaunchAsync("e", world.Command());

        var second = await world.Emergency("e").LaunchAsync(world.Command(Launches.Grids(world.Grid2)));

        Assert.Equal(LaunchOutcome.KeyReused, second.Outcome);
        Assert.Equal(5, (await world.Emergency("e").GetRollCallAsync())!.Total);
    }

    [Fact]
    public async Task AScopeThatReachesNobodyStartsNothing()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        await world.GridAsync("empty", Registry.Square(27.9, 121.3));

        var empty = await world.Emergency("e").LaunchAsync(world.Command(Launches.Grids(world.Registry.Id("empty"))));
        var unknown = await world.Emergency("f").LaunchAsync(world.Command(Launches.Grids(world.Registry.Id("nowhere"))));

        Assert.Equal(LaunchOutcome.EmptyAudience, empty.Outcome);
        Assert.Equal(LaunchOutcome.ScopeNotFound, unknown.Outcome);
        Assert.Contains(world.Registry.Id("nowhere"), unknown.Detail);
        Assert.Null(await world.Emergency("e").GetAsync());
        Assert.Null(await world.Emergency("f").GetAsync());
        Assert.Empty(await world.Person(world.A).GetAlertsAsync());
    }

    [Fact]
    public async Task ACenterScopeReachesTheGridsOfItsWholeSubtree()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);

        var emergency = await world.LaunchAsync("e", world.Command(new EmergencyScope(ScopeKind.Region, [world.District])));

        Assert.Equal(5, (await emergency.GetRollCallAsync())!.Total);
    }

    [Fact]
    public async Task APolygonReachesOnlyTheGridsItMeetsInsideTheLaunchersRegion()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var aroundGrid2 = new GeoPolygon([new(27.805, 121.205), new(27.805, 121.30), new(27.90, 121.30), new(27.90, 121.205), new(27.805, 121.205)]);

        var emergency = await world.LaunchAsync("e", world.Command(Launches.Polygon(aroundGrid2, world.District)));

        var rollCall = (await emergency.GetRollCallAsync())!;
        Assert.Equal([world.Grid2], rollCall.Grids.Select(g => g.GridId));
        Assert.Equal(1, rollCall.Total);
    }

    [Fact]
    public async Task ACircleReachesTheGridsWithinItsRadius()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);

        var emergency = await world.LaunchAsync("e", world.Command(Launches.Circle(new GeoPoint(27.695, 121.105), 1000, world.District)));

        Assert.Equal([world.Grid1], (await emergency.GetRollCallAsync())!.Grids.Select(g => g.GridId));
    }

    [Fact]
    public async Task APreviewShowsWhoWouldBeReachedPerGridWithoutSendingAnything()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);

        var audience = await new AudienceResolver(fixture.Grains).ResolveAsync(Launches.Grids(world.Grid1, world.Grid2, world.Registry.Id("nowhere")));
        var preview = audience.ToPreview();

        Assert.Equal(5, preview.Total);
        Assert.Equal([(world.Grid1, 4), (world.Grid2, 1)], preview.Grids.Select(g => (g.GridId, g.People)));
        Assert.Equal([world.Registry.Id("nowhere")], preview.Missing);
        Assert.Empty(await world.Person(world.A).GetAlertsAsync());
    }
}
