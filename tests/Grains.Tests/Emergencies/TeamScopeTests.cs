using Lianxin.Centers;
using Lianxin.Emergencies;
using Lianxin.Hosting;

namespace Lianxin.Grains.Tests.Emergencies;

/// <summary>
/// Volunteer teams as an emergency's audience: the community's pioneers (leader a, members b and d, across both
/// grids) and its rescuers (leader d, members a and c), on the emergency world's people.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TeamScopeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ATeamLaunchReachesItsLeaderAndMembersOnlyAcrossTheirGrids()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var pioneers = await TeamAsync(world, "pioneers", world.A, world.B, world.D);

        var emergency = await world.LaunchAsync("e", world.Command(Teams(pioneers)));
        await EmergencyWorld.NotifiedAsync(emergency);

        var people = await emergency.GetPeopleAsync(new PeopleFilter(null, null, null, false, 100));
        Assert.Equal(
            [(world.A, world.Grid1), (world.B, world.Grid1), (world.D, world.Grid2)],
            people.Select(p => (p.VolunteerId, p.GridId)).Order());
        Assert.Equal(3, (await emergency.GetRollCallAsync())!.Total);
        Assert.Empty(await world.Person(world.C).GetAlertsAsync());
        Assert.Empty(await world.Person(world.Lead).GetAlertsAsync());
    }

    [Fact]
    public async Task OverlappingTeamsReachEachPersonOnce()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var pioneers = await TeamAsync(world, "pioneers", world.A, world.B, world.D);
        var rescuers = await TeamAsync(world, "rescuers", world.D, world.A, world.C);

        var emergency = await world.LaunchAsync("e", world.Command(Teams(pioneers, rescuers)));
        var rollCall = await EmergencyWorld.NotifiedAsync(emergency);

        var people = await emergency.GetPeopleAsync(new PeopleFilter(null, null, null, false, 100));
        Assert.Equal([world.A, world.B, world.C, world.D], people.Select(p => p.VolunteerId).Order());
        Assert.Equal([(world.Grid1, 3), (world.Grid2, 1)], rollCall.Grids.Select(g => (g.GridId, g.Total)));
        Assert.Single(await world.Person(world.D).GetAlertsAsync(), a => a.EmergencyId == world.Registry.Id("e"));
    }

    [Fact]
    public async Task APreviewCountsTheTeamsPeopleAndNamesWhatIsMissing()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var pioneers = await TeamAsync(world, "pioneers", world.A, world.B, world.D);
        var stranger = world.Registry.Id("stranger");
        var ghosts = await TeamAsync(world, "ghosts", world.C, stranger);
        var nowhere = world.Registry.Id("nowhere");

        var full = (await new AudienceResolver(fixture.Grains).ResolveAsync(Teams(pioneers, ghosts))).ToPreview();
        var broken = await world.Emergency("e").LaunchAsync(world.Command(Teams(pioneers, nowhere)));

        Assert.Equal(4, full.Total);
        Assert.Equal([(world.Grid1, 3), (world.Grid2, 1)], full.Grids.Select(g => (g.GridId, g.People)));
        Assert.Equal([stranger], full.Missing);
        Assert.Equal(LaunchOutcome.ScopeNotFound, broken.Outcome);
        Assert.Contains(nowhere, broken.Detail);
        Assert.Empty(await world.Person(world.A).GetAlertsAsync());
    }

    [Fact]
    public async Task ATeamsPeopleAreReachedOnlyInsideTheLaunchersRegion()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var pioneers = await TeamAsync(world, "pioneers", world.A, world.B, world.D);
        var elsewhere = await world.Registry.CenterAsync("elsewhere", CenterLevel.Community, "district");
        var resolver = new AudienceResolver(fixture.Grains);

        var inside = (await resolver.ResolveAsync(Teams(pioneers) with { WithinCenterId = world.Community })).ToPreview();
        var outside = (await resolver.ResolveAsync(Teams(pioneers) with { WithinCenterId = elsewhere })).ToPreview();

        Assert.Equal(3, inside.Total);
        Assert.Equal(0, outside.Total);
        Assert.Empty(outside.Missing);
    }

    private static EmergencyScope Teams(params string[] teamIds) => new(ScopeKind.Teams, teamIds);

    private async Task<string> TeamAsync(EmergencyWorld world, string name, string leaderId, params string[] memberIds)
    {
        var id = world.Registry.Id(name);
        var result = await fixture.Grains.GetGrain<IVolunteerTeamGrain>(id).SaveAsync(new VolunteerTeam(id, world.Community, name, leaderId, memberIds));
        Assert.True(result.Succeeded, result.Detail);
        return id;
    }
}
