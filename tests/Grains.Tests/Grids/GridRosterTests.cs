using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Grids;

[Collection(ClusterCollection.Name)]
public sealed class GridRosterTests(ClusterFixture fixture)
{
    private readonly Registry _registry = new(fixture.Grains);

    private IGridGrain Grid(string name) => fixture.Grains.GetGrain<IGridGrain>(_registry.Id(name));

    [Fact]
    public async Task NewPersonJoinsTheRosterOfTheirHomeGridWithTheirRole()
    {
        await _registry.CenterAsync("community", CenterLevel.Community, null);
        await _registry.GridAsync("grid", "community");

        var lead = await _registry.PersonAsync("lead", "grid", GridRole.Lead);
        var member = await _registry.PersonAsync("member", "grid");

        var roster = (await Grid("grid").GetAsync())!.Roster;
        Assert.Equal([(member, GridRole.Member), (lead, GridRole.Lead)], roster.Select(e => (e.VolunteerId, e.Role)));
        // Each entry carries how to reach the person, so a mobilization never reads their actor for it.
        Assert.All(roster, e => Assert.Equal("13800000000", e.Contact?.Phone));
    }

    [Fact]
    public async Task AGridHasOneLeadOnlyAndASecondLeadIsRefused()
    {
        await _registry.CenterAsync("community", CenterLevel.Community, null);
        await _registry.GridAsync("grid", "community");
        await _registry.PersonAsync("first", "grid", GridRole.Lead);

        var second = await fixture.Grains.GetGrain<IVolunteerGrain>(_registry.Id("second"))
            .CreateAsync(Registry.Person(_registry.Id("grid"), GridRole.Lead));

        Assert.Equal(RegistryOutcome.Conflict, second.Outcome);
        Assert.Null(await fixture.Grains.GetGrain<IVolunteerGrain>(_registry.Id("second")).GetAsync());
        Assert.Single((await Grid("grid").GetAsync())!.Roster);
    }

    [Fact]
    public async Task MovingAPersonToAnotherGridMovesThemBetweenRosters()
    {
        await _registry.CenterAsync("community", CenterLevel.Community, null);
        await _registry.GridAsync("north", "community");
        await _registry.GridAsync("south", "community");
        var person = await _registry.PersonAsync("zhou", "north");

        var moved = await fixture.Grains.GetGrain<IVolunteerGrain>(person).UpdateAsync(Registry.Person(_registry.Id("south"), GridRole.FullTimeWorker));

        Assert.Equal(RegistryOutcome.Updated, moved.Outcome);
        Assert.Empty((await Grid("north").GetAsync())!.Roster);
        Assert.Equal([(person, GridRole.FullTimeWorker)], (await Grid("south").GetAsync())!.Roster.Select(e => (e.VolunteerId, e.Role)));
    }

    [Fact]
    public async Task GridUnderAnUnknownCenterIsNotFound()
    {
        var result = await Grid("lost").CreateAsync(new GridProfile(_registry.Id("nowhere"), "lost", Registry.Square(27.7, 121.1)));

        Assert.Equal(RegistryOutcome.NotFound, result.Outcome);
        Assert.Null(await Grid("lost").GetAsync());
    }

    [Fact]
    public async Task CenterListsItsGrids()
    {
        await _registry.CenterAsync("community", CenterLevel.Community, null);
        var grid = await _registry.GridAsync("grid", "community");

        var center = await fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("community")).GetAsync();

        Assert.Equal([grid], center!.GridIds);
    }
}
