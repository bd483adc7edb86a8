using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.TestSupport;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Volunteers;

[Collection(ClusterCollection.Name)]
public sealed class VolunteerDutyTests(ClusterFixture fixture)
{
    private readonly Registry _registry = new(fixture.Grains);

    [Fact]
    public async Task VolunteerOnDutyIsCountedAtTheCenterAndUpTheTreeUntilDutyEnds()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.CenterAsync("community", CenterLevel.Community, "district");
        await _registry.GridAsync("grid", "community");
        var person = fixture.Grains.GetGrain<IVolunteerGrain>(await _registry.PersonAsync("wang", "grid"));
        var district = fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("district"));

        await person.StartDutyAsync(_registry.Id("community"));
        var onDuty = await Eventually.HoldsAsync(() => district.GetAsync(), d => d!.Subtree.VolunteersOnDuty == 1);
        await person.EndDutyAsync();
        var offDuty = await Eventually.HoldsAsync(() => district.GetAsync(), d => d!.Subtree.VolunteersOnDuty == 0);

        Assert.Equal(1, onDuty!.Subtree.VolunteersOnDuty);
        Assert.Equal(0, offDuty!.Subtree.VolunteersOnDuty);
        Assert.Equal(VolunteerStatus.OffDuty, (await person.GetAsync())!.Live.Status);
    }

    [Fact]
    public async Task StartingDutyAtAnotherCenterEndsTheFirst()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.CenterAsync("a", CenterLevel.Community, "district");
        await _registry.CenterAsync("b", CenterLevel.Community, "district");
        await _registry.GridAsync("grid", "a");
        var person = fixture.Grains.GetGrain<IVolunteerGrain>(await _registry.PersonAsync("li", "grid"));

        await person.StartDutyAsync(_registry.Id("a"));
        await person.StartDutyAsync(_registry.Id("b"));

        var a = await fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("a")).GetAsync();
        var b = await fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("b")).GetAsync();
        Assert.Equal(0, a!.Live.VolunteersOnDuty);
        Assert.Equal(1, b!.Live.VolunteersOnDuty);
        Assert.Equal(_registry.Id("b"), (await person.GetAsync())!.Live.CenterId);
    }

    [Fact]
    public async Task DutyAtAnUnknownCenterIsNotFound()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.GridAsync("grid", "district");
        var person = fixture.Grains.GetGrain<IVolunteerGrain>(await _registry.PersonAsync("zhao", "grid"));

        var result = await person.StartDutyAsync(_registry.Id("nowhere"));

        Assert.Equal(RegistryOutcome.NotFound, result.Outcome);
        Assert.Equal(VolunteerStatus.OffDuty, (await person.GetAsync())!.Live.Status);
    }
}
